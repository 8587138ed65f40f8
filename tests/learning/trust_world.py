"""Learning objects for the trust walks (permission walk, leak crawl, stored XSS): each
function builds them in a given private space and returns the route parameter values."""

from django.utils import timezone

from groundswell.learning import services
from groundswell.learning.articles import services as articles
from groundswell.learning.wiki import services as wiki

# Route parameters naming learning objects that live in private spaces.
PRIVATE_LEARNING_PARAMETERS = {"cohort_id", "page_id", "article_id", "revision_id"}


def learning_values(*, space, author, title="Walk", body="b", course_title="Walk course"):
    """A cohort on `space` with an event, a wiki page (two revisions) and a published article
    there by `author` (a member), and a course; their ids by route parameter name."""
    programme = services.programme_create(actor=None, name=f"Programme {space.slug}")
    cohort = services.cohort_create(actor=None, programme=programme, name=title, space=space)
    services.cohort_event_create(
        actor=None,
        cohort=cohort,
        title=title,
        starts_at=timezone.now(),
        location=title,
        description=body,
    )
    page = wiki.wiki_page_create(author=author, space=space, title=title, body=body + " [[x]]")
    revision = wiki.wiki_page_edit(
        editor=author,
        page=page,
        title=title,
        body=body + " edited",
        message=title,
        base_revision_id=wiki.latest_revision(page).pk,
    )
    article = articles.article_create(
        author=author, space=space, title=title, body=body, publish=True
    )
    course = services.course_create(
        actor=None, code=f"C-{space.slug}"[:40], title=course_title, description=course_title
    )
    return {
        "cohort_id": cohort.pk,
        "page_id": page.pk,
        "revision_id": revision.pk,
        "article_id": article.pk,
        "code": course.code,
    }

"""Writes on articles (threads of kind article): drafts only their author sees, publishing,
and "helpful" marks on articles and their comments."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.analytics.tasks import analytics_after_commit
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound
from groundswell.learning.models import Helpful
from groundswell.learning.permissions import can_mark_helpful, can_write_article
from groundswell.notifications.services import notify_after_commit
from groundswell.ratelimits import check_rate, scopes
from groundswell.search.services import search_index_thread
from groundswell.spaces.models import Space, SpaceKind
from groundswell.spaces.permissions import can_view_space
from groundswell.threads.markdown import render_markdown
from groundswell.threads.models import Reply, Revision, Thread, ThreadKind
from groundswell.threads.services.posts import clean_body, clean_title

ARTICLE_SPACE_KINDS = {SpaceKind.COMMUNITY, SpaceKind.COURSE, SpaceKind.COHORT}


@transaction.atomic
def article_create(*, author, space: Space, title: str, body: str, publish: bool = False) -> Thread:
    """Write an article in a space; a draft (the default) stays the author's own until
    published."""
    if not can_view_space(author, space):
        raise NotFound("No such space.")
    if space.kind not in ARTICLE_SPACE_KINDS:
        raise InvalidInput("Articles are written in community, course and cohort spaces.")
    if not can_write_article(author, space):
        raise Forbidden("Join this space to write in it.")
    title, body = clean_title(title), clean_body(body)
    check_rate(scopes.POSTING, author.pk)
    now = timezone.now()
    article = Thread.objects.create(
        space=space,
        kind=ThreadKind.ARTICLE,
        title=title,
        body=body,
        body_html=render_markdown(body),
        author=author,
        is_draft=True,
        created_at=now,
        updated_at=now,
        last_activity_at=now,
    )
    Revision.objects.create(thread=article, editor=author, title=title, body=body, created_at=now)
    if publish:
        article = article_publish(author=author, article=article)
    else:
        search_index_thread(article)
    return article


@transaction.atomic
def article_publish(*, author, article: Thread) -> Thread:
    """Publish a draft: from now on everyone who sees the space sees it."""
    article = Thread.objects.select_for_update().select_related("space").get(pk=article.pk)
    if article.author_id != author.pk or article.kind != ThreadKind.ARTICLE:
        raise NotFound("No such article.")
    if not article.is_draft:
        raise Conflict("This article is already published.")
    now = timezone.now()
    article.is_draft = False
    article.created_at = article.last_activity_at = now
    article.save(update_fields=["is_draft", "created_at", "last_activity_at"])
    Space.objects.filter(pk=article.space_id).update(thread_count=F("thread_count") + 1)
    event = event_record(
        actor=author,
        verb=Verb.PUBLISHED_ARTICLE,
        target=article,
        space=article.space,
        thread=article,
        at=now,
    )
    notify_after_commit(event)
    search_index_thread(article)
    return article


@transaction.atomic
def helpful_toggle(*, person, thread: Thread | None = None, reply: Reply | None = None) -> bool:
    """Mark an article or a comment on one helpful, or take the mark back; returns whether it
    is marked now. Not on your own writing."""
    if (thread is None) == (reply is None):
        raise InvalidInput("Mark an article or a comment.")
    target = thread if thread is not None else reply
    article = thread if thread is not None else reply.thread
    if not can_view_space(person, article.space) or (
        article.is_draft and article.author_id != person.pk
    ):
        raise NotFound("No such article.")
    if article.kind != ThreadKind.ARTICLE or article.is_draft:
        raise InvalidInput("Only published articles and their comments can be marked helpful.")
    if not can_mark_helpful(person, target):
        raise Forbidden("You cannot mark your own writing helpful.")
    key = {"thread": thread} if thread is not None else {"reply": reply}
    existing = Helpful.objects.filter(person=person, **key).first()
    if existing is not None:
        existing.delete()
        return False
    try:
        with transaction.atomic():
            Helpful.objects.create(person=person, **key)
    except IntegrityError as exc:  # a double click racing itself
        raise Conflict("Already marked helpful.") from exc
    event = event_record(
        actor=person,
        verb=Verb.MARKED_HELPFUL,
        target=target,
        space=article.space,
        thread=article,
        subject=target.author,
    )
    analytics_after_commit(event)
    return True

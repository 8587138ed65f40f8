"""Reads of articles: one article with its comments and helpful counts, a person's blog."""

from dataclasses import dataclass, replace

from django.db.models import Count

from groundswell.errors import NotFound
from groundswell.learning.models import Helpful
from groundswell.learning.permissions import can_mark_helpful
from groundswell.pagination import Page, paginate
from groundswell.people.selectors import person_get
from groundswell.threads.models import Reply, Thread, ThreadKind
from groundswell.threads.permissions import can_edit_thread


def article_get(person, article_id: int) -> Thread:
    article = (
        Thread.objects.visible_to(person)
        .filter(kind=ThreadKind.ARTICLE, pk=article_id)
        .select_related("space", "author")
        .first()
    )
    if article is None:
        raise NotFound("No such article.")
    return article


@dataclass
class CommentView:
    reply: Reply
    helpful_count: int
    marked: bool
    can_mark: bool


@dataclass
class ArticlePage:
    article: Thread
    helpful_count: int
    marked: bool
    can_mark: bool
    is_own_draft: bool
    can_edit: bool
    comments: Page


def _helpful_counts(field: str, ids) -> dict[int, int]:
    rows = (
        Helpful.objects.filter(**{f"{field}__in": ids})
        .values(field)
        .annotate(n=Count("id"))
        .values_list(field, "n")
    )
    return dict(rows)


def article_page(person, article_id: int, *, page=1) -> ArticlePage:
    """An article, its helpful count and the viewer's mark, and a page of its comments."""
    article = article_get(person, article_id)
    comments = paginate(
        Reply.objects.filter(thread=article, is_hidden=False)
        .select_related("author")
        .order_by("created_at", "id"),
        page,
        50,
    )
    reply_ids = [reply.pk for reply in comments.items]
    counts = _helpful_counts("reply", reply_ids)
    mine = set(
        Helpful.objects.filter(person=person, reply__in=reply_ids).values_list("reply", flat=True)
    )
    article_marks = Helpful.objects.filter(thread=article)
    published = not article.is_draft
    return ArticlePage(
        article=article,
        helpful_count=article_marks.count(),
        marked=article_marks.filter(person=person).exists(),
        can_mark=published and can_mark_helpful(person, article),
        is_own_draft=article.is_draft and article.author_id == person.pk,
        can_edit=can_edit_thread(person, article),
        comments=replace(
            comments,
            items=[
                CommentView(
                    reply=reply,
                    helpful_count=counts.get(reply.pk, 0),
                    marked=reply.pk in mine,
                    can_mark=published and can_mark_helpful(person, reply),
                )
                for reply in comments.items
            ],
        ),
    )


def blog(person, username: str, *, page=1, per_page=None):
    """Someone's articles the viewer may see (their own drafts only for themselves)."""
    author = person_get(person, username)
    articles = (
        Thread.objects.visible_to(person)
        .filter(kind=ThreadKind.ARTICLE, author=author)
        .select_related("space", "author")
        .order_by("is_draft", "-created_at", "-id")
    )
    return author, paginate(articles, page, per_page)


def articles_in(person, space, *, page=1, per_page=None) -> Page:
    """Published articles of a space, newest first."""
    articles = (
        Thread.objects.visible_to(person)
        .filter(kind=ThreadKind.ARTICLE, space=space, is_draft=False)
        .select_related("author")
        .order_by("-created_at", "-id")
    )
    return paginate(articles, page, per_page)

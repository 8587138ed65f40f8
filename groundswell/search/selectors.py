"""Reads of the search index: search, similar questions, related threads.

Every read goes through `Thread.objects.visible_to(person)` *inside* the engine's query (see
`backends`), with the filters applied to the same queryset: a thread the reader may not see
is never a match, and a filter naming a space, topic or person they cannot see finds nothing,
exactly like a filter naming one that does not exist.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import models
from django.utils import timezone

from groundswell.errors import InvalidInput
from groundswell.pagination import Page, clamp_page
from groundswell.ratelimits import check_rate, scopes
from groundswell.search.backends import search_backend
from groundswell.search.query import SearchQuery, parse_query
from groundswell.search.text import marked_html
from groundswell.threads.models import Thread, ThreadKind
from groundswell.topics.models import normalise_topic_name

MAX_SIMILAR = 10


class SearchStatus(models.TextChoices):
    """Where a question stands. Each status names questions only."""

    ANSWERED = "answered", "Answered"
    UNANSWERED = "unanswered", "Unanswered"
    ACCEPTED = "accepted", "Accepted answer"


@dataclass(frozen=True)
class SearchFilters:
    """What a search may be narrowed to. Spaces, topics and people are named as people type
    them (slug, topic name, username)."""

    kind: str = ""
    space: str = ""
    topic: str = ""
    author: str = ""
    status: str = ""
    date_from: date | None = None
    date_to: date | None = None

    @property
    def is_empty(self) -> bool:
        return self == SearchFilters()


@dataclass
class SearchResult:
    """A thread found, with its title and an excerpt of its text, matches in `<mark>`."""

    thread: Thread
    title_html: str
    snippet_html: str
    rank: float

    @property
    def is_accepted(self) -> bool:
        return self.thread.accepted_reply_id is not None

    @property
    def author(self):
        """The author to show: None for a question asked anonymously."""
        return self.thread.shown_author


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _candidates(person, filters: SearchFilters):
    """The threads the person may see, narrowed by the filters: one queryset, compiled into
    the engine's query."""
    threads = Thread.objects.visible_to(person)
    if filters.kind:
        if filters.kind not in ThreadKind.values:
            raise InvalidInput(f"Unknown kind {filters.kind!r}.", field="kind")
        threads = threads.filter(kind=filters.kind)
    if filters.space:
        threads = threads.filter(space__slug=filters.space)
    if filters.topic:
        threads = threads.filter(topics__name=normalise_topic_name(filters.topic))
    if filters.author:
        # Anonymous questions never match an author filter: it would name who asked them.
        threads = threads.filter(
            author__username=filters.author, author__is_active=True, is_anonymous=False
        )
    if filters.status:
        statuses = {
            SearchStatus.ANSWERED: {"reply_count__gt": 0},
            SearchStatus.UNANSWERED: {"reply_count": 0},
            SearchStatus.ACCEPTED: {"accepted_reply__isnull": False},
        }
        if filters.status not in statuses:
            raise InvalidInput(f"Unknown status {filters.status!r}.", field="status")
        threads = threads.filter(kind=ThreadKind.QUESTION, **statuses[filters.status])
    if filters.date_from:
        threads = threads.filter(created_at__gte=_day_start(filters.date_from))
    if filters.date_to:
        threads = threads.filter(created_at__lt=_day_start(filters.date_to + timedelta(days=1)))
    return threads


def _results(person, hits, *, with_topics: bool) -> list[SearchResult]:
    """The hits' threads in one query (topics in a second), in the hits' order."""
    if not hits:
        return []
    threads = Thread.objects.visible_to(person).select_related("author", "space")
    if with_topics:
        threads = threads.prefetch_related("topics")
    found = {thread.pk: thread for thread in threads.filter(pk__in=[h.thread_id for h in hits])}
    return [
        SearchResult(
            thread=found[hit.thread_id],
            title_html=marked_html(hit.title or found[hit.thread_id].title),
            snippet_html=marked_html(hit.excerpt),
            rank=hit.rank,
        )
        for hit in hits
        if hit.thread_id in found
    ]


def search_threads(
    person, query: str | SearchQuery, *, filters: SearchFilters | None = None, page=1, per_page=None
) -> Page:
    """Threads the person may see that contain every word of `query` (the last one as a
    prefix, "quoted phrases" as phrases), best first: title matches rank above text matches.
    An empty query finds nothing. `page.extra["query"]` is the parsed query."""
    parsed = query if isinstance(query, SearchQuery) else parse_query(query)
    number, size = clamp_page(page, per_page)
    visible = _candidates(person, filters or SearchFilters())
    if parsed.is_empty:
        return Page(items=[], number=number, per_page=size, has_next=False, extra={"query": parsed})
    check_rate(scopes.SEARCH, person.pk)
    hits = search_backend().search(parsed, visible, offset=(number - 1) * size, limit=size + 1)
    items = _results(person, hits[:size], with_topics=True)
    return Page(
        items=items,
        number=number,
        per_page=size,
        has_next=len(hits) > size,
        extra={"query": parsed},
    )


def similar_threads(
    person, title: str, *, limit: int = 5, exclude_id: int | None = None
) -> list[SearchResult]:
    """Threads the person may see whose titles share words with `title` (as it is being
    typed: the last word is a prefix), questions first, then the rest, each by relevance.
    `result.is_accepted` marks questions with an accepted answer. Counts as a search for the
    rate limit when there is something to look for."""
    parsed = parse_query(title)
    if not parsed.is_empty:
        check_rate(scopes.SEARCH, person.pk)
    return _similar(person, parsed, limit=limit, exclude_id=exclude_id)


def _similar(person, parsed: SearchQuery, *, limit: int, exclude_id: int | None):
    limit = max(1, min(int(limit), MAX_SIMILAR))
    if parsed.is_empty:
        return []
    visible = Thread.objects.visible_to(person)
    if exclude_id is not None:
        visible = visible.exclude(pk=exclude_id)
    hits = search_backend().similar(parsed, visible, limit=limit * 3)
    results = _results(person, hits, with_topics=False)
    results.sort(key=lambda result: not result.thread.is_question)  # stable: rank order kept
    return results[:limit]


def related_threads(person, thread: Thread, limit: int = 5) -> list[SearchResult]:
    """Threads like this one (by title) that the person may see, for the thread page."""
    return _similar(person, parse_query(thread.title), limit=limit, exclude_id=thread.pk)

"""Search: `GET /search` (ranked, filtered, paginated) and `GET /search/similar` (threads
whose titles look like a title being written)."""

from datetime import date
from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field, StringConstraints

from groundswell.api_common import (
    ERROR_CODES,
    ErrorOut,
    Slug,
    SpaceRef,
    TopicName,
    Username,
    page_of,
    page_out,
    viewer,
)
from groundswell.search import selectors
from groundswell.threads.api.schemas import ThreadSummaryOut

router = Router(tags=["search"])

# Longer text is accepted and cut (only the first 200 characters are searched): what is typed
# into a search box is never an error.
QueryText = Annotated[str, StringConstraints(max_length=1000, pattern=r"^[^\x00]*$")]
Kind = Literal["discussion", "question", "insight", "article", "wiki"]
Status = Literal["answered", "unanswered", "accepted"]


class SearchResultOut(Schema):
    thread: ThreadSummaryOut
    title_html: str = Field(description="The title, HTML-escaped, matches in <mark>.")
    snippet_html: str = Field(
        description="An excerpt of the text, HTML-escaped, matches in <mark>."
    )


class SimilarThreadOut(Schema):
    id: int
    kind: str
    title: str
    title_html: str = Field(description="The title, HTML-escaped, matching words in <mark>.")
    space: SpaceRef
    reply_count: int
    has_accepted_answer: bool

    @staticmethod
    def resolve_id(obj) -> int:
        return obj.thread.pk

    @staticmethod
    def resolve_kind(obj) -> str:
        return obj.thread.kind

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.thread.title

    @staticmethod
    def resolve_space(obj):
        return obj.thread.space

    @staticmethod
    def resolve_reply_count(obj) -> int:
        return obj.thread.reply_count

    @staticmethod
    def resolve_has_accepted_answer(obj) -> bool:
        return obj.is_accepted


class SimilarOut(Schema):
    items: list[SimilarThreadOut]


SearchPage = page_of(SearchResultOut, "SearchPage")


@router.get("/search", response={200: SearchPage, ERROR_CODES: ErrorOut})
def search_threads(
    request: HttpRequest,
    q: QueryText = "",
    kind: Kind | None = None,
    space: Slug | None = None,
    topic: TopicName | None = None,
    author: Username | None = None,
    status: Status | None = None,
    date_from: Annotated[date | None, Query(alias="from")] = None,
    date_to: Annotated[date | None, Query(alias="to")] = None,
    page: int = 1,
    per_page: int | None = None,
):
    """Threads you can see containing every word of `q` (the last word also as the start of a
    word; "quoted words" as a phrase), best first. Operators and punctuation are ignored; an
    empty `q` finds nothing. A filter on a space, topic or person you cannot see finds nothing,
    exactly like one that does not exist. `status` applies to questions; `from`/`to` are
    inclusive dates of creation."""
    filters = selectors.SearchFilters(
        kind=kind or "",
        space=space or "",
        topic=topic or "",
        author=author or "",
        status=status or "",
        date_from=date_from,
        date_to=date_to,
    )
    result = selectors.search_threads(
        viewer(request), q, filters=filters, page=page, per_page=per_page
    )
    return page_out(result)


@router.get("/search/similar", response={200: SimilarOut, ERROR_CODES: ErrorOut})
def search_similar(
    request: HttpRequest, title: QueryText = "", limit: Annotated[int, Field(ge=1, le=10)] = 5
):
    """Up to `limit` threads you can see whose titles share words with `title`, questions
    first: ask before you post."""
    return {"items": selectors.similar_threads(viewer(request), title, limit=limit)}

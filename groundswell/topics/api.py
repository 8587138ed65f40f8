"""Topics API: the tags on threads you can see."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from groundswell.api_common import (
    ERROR_CODES,
    ErrorOut,
    SearchText,
    TopicName,
    page_of,
    page_out,
    viewer,
)
from groundswell.threads.api.schemas import ThreadPage
from groundswell.threads.selectors import thread_list
from groundswell.topics import selectors

router = Router(tags=["topics"])


class TopicOut(Schema):
    name: str
    description: str
    thread_total: int = 0


class TopicDetailOut(Schema):
    name: str
    description: str
    created_at: datetime


TopicPage = page_of(TopicOut, "TopicPage")


@router.get("/topics", response={200: TopicPage, ERROR_CODES: ErrorOut})
def topic_list(
    request: HttpRequest, q: SearchText = "", page: int = 1, per_page: int | None = None
):
    """Topics on threads you can see, most used first; `q` matches the start of the name."""
    return page_out(selectors.topic_list(viewer(request), query=q, page=page, per_page=per_page))


@router.get("/topics/{name}", response={200: TopicDetailOut, ERROR_CODES: ErrorOut})
def topic_detail(request: HttpRequest, name: TopicName):
    return selectors.topic_get_visible(viewer(request), name)


@router.get("/topics/{name}/threads", response={200: ThreadPage, ERROR_CODES: ErrorOut})
def topic_threads(
    request: HttpRequest, name: TopicName, page: int = 1, per_page: int | None = None
):
    """Threads you can see carrying this topic."""
    person = viewer(request)
    topic = selectors.topic_get_visible(person, name)
    return page_out(thread_list(person, topic=topic, page=page, per_page=per_page))

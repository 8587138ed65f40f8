"""Threads: list, feed, read, start, edit; votes and bookmarks on a thread."""

from typing import Literal

from django.http import HttpRequest
from ninja import Router, Status

from groundswell.api_common import (
    ERROR_CODES,
    ErrorOut,
    ObjectId,
    Slug,
    TopicName,
    Username,
    page_out,
    viewer,
)
from groundswell.people.selectors import person_get
from groundswell.spaces.selectors import space_get
from groundswell.threads import selectors, services
from groundswell.threads.api.schemas import (
    BookmarkOut,
    ScoreOut,
    ThreadDetailOut,
    ThreadIn,
    ThreadPage,
    ThreadPatch,
    VoteIn,
)
from groundswell.topics.selectors import topic_get_visible

router = Router(tags=["threads"])


@router.get("/threads", response={200: ThreadPage, ERROR_CODES: ErrorOut})
def thread_list(
    request: HttpRequest,
    space: Slug | None = None,
    topic: TopicName | None = None,
    author: Username | None = None,
    kind: Literal["discussion", "question"] | None = None,
    unanswered: bool = False,
    order: Literal["activity", "new", "top"] = "activity",
    page: int = 1,
    per_page: int | None = None,
):
    """Threads you can see. Filtering on a space, topic or person you cannot see answers 404,
    the same as one that does not exist."""
    person = viewer(request)
    result = selectors.thread_list(
        person,
        space=space_get(person, space) if space else None,
        topic=topic_get_visible(person, topic) if topic else None,
        author=person_get(person, author) if author else None,
        kind=kind,
        unanswered=unanswered,
        order=order,
        page=page,
        per_page=per_page,
    )
    return page_out(result)


@router.get("/feed", response={200: ThreadPage, ERROR_CODES: ErrorOut})
def feed(request: HttpRequest, page: int = 1, per_page: int | None = None):
    """Your home feed: your spaces, and the topics, people, spaces and threads you follow."""
    return page_out(selectors.home_feed(viewer(request), page=page, per_page=per_page))


@router.get("/bookmarks", response={200: ThreadPage, ERROR_CODES: ErrorOut})
def bookmark_list(request: HttpRequest, page: int = 1, per_page: int | None = None):
    """Threads you bookmarked that you can still see."""
    return page_out(selectors.bookmarked_threads(viewer(request), page=page, per_page=per_page))


@router.post("/threads", response={201: ThreadDetailOut, ERROR_CODES: ErrorOut})
def thread_create(request: HttpRequest, data: ThreadIn):
    """Start a discussion or ask a question in a space you may post in."""
    person = viewer(request)
    thread = services.thread_create(
        author=person,
        space=space_get(person, data.space),
        kind=data.kind,
        title=data.title,
        body=data.body,
        topics=data.topics,
    )
    return Status(201, selectors.thread_detail(person, thread.pk))


@router.get("/threads/{thread_id}", response={200: ThreadDetailOut, ERROR_CODES: ErrorOut})
def thread_detail(request: HttpRequest, thread_id: ObjectId):
    """A thread with your vote, follow, bookmark and what you may do with it."""
    return selectors.thread_detail(viewer(request), thread_id)


@router.patch("/threads/{thread_id}", response={200: ThreadDetailOut, ERROR_CODES: ErrorOut})
def thread_edit(request: HttpRequest, thread_id: ObjectId, data: ThreadPatch):
    """Edit your thread (moderators may edit any); fields left out keep their value."""
    person = viewer(request)
    thread = selectors.thread_get(person, thread_id)
    services.thread_edit(
        editor=person,
        thread=thread,
        title=data.title if data.title is not None else thread.title,
        body=data.body if data.body is not None else thread.body,
        topics=data.topics,
        message=data.message,
    )
    return selectors.thread_detail(person, thread_id)


@router.post("/threads/{thread_id}/vote", response={200: ScoreOut, ERROR_CODES: ErrorOut})
def thread_vote(request: HttpRequest, thread_id: ObjectId, data: VoteIn):
    """Vote +1 or -1; the same vote twice is a 409, the other value switches your vote."""
    person = viewer(request)
    thread = services.vote_cast(
        person=person, value=data.value, thread=selectors.thread_get(person, thread_id)
    )
    return {"score": thread.score, "my_vote": data.value}


@router.delete("/threads/{thread_id}/vote", response={200: ScoreOut, ERROR_CODES: ErrorOut})
def thread_unvote(request: HttpRequest, thread_id: ObjectId):
    person = viewer(request)
    thread = services.vote_withdraw(person=person, thread=selectors.thread_get(person, thread_id))
    return {"score": thread.score, "my_vote": 0}


@router.post("/threads/{thread_id}/bookmark", response={201: BookmarkOut, ERROR_CODES: ErrorOut})
def bookmark_add(request: HttpRequest, thread_id: ObjectId):
    person = viewer(request)
    thread = selectors.thread_get(person, thread_id)
    return Status(201, services.bookmark_add(person=person, thread=thread))


@router.delete("/threads/{thread_id}/bookmark", response={204: None, ERROR_CODES: ErrorOut})
def bookmark_remove(request: HttpRequest, thread_id: ObjectId):
    person = viewer(request)
    services.bookmark_remove(person=person, thread=selectors.thread_get(person, thread_id))
    return Status(204, None)

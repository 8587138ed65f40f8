"""Replies (answers on a question): list, write, edit, accept, vote."""

from django.http import HttpRequest
from ninja import Router, Status

from groundswell.api_common import ERROR_CODES, ErrorOut, ObjectId, page_out, viewer
from groundswell.threads import selectors, services
from groundswell.threads.api.schemas import (
    AcceptedOut,
    ReplyIn,
    ReplyOut,
    ReplyPage,
    ReplyPatch,
    ScoreOut,
    VoteIn,
)

router = Router(tags=["replies"])


@router.get("/threads/{thread_id}/replies", response={200: ReplyPage, ERROR_CODES: ErrorOut})
def reply_list(
    request: HttpRequest, thread_id: ObjectId, page: int = 1, per_page: int | None = None
):
    """Replies, the accepted answer first; then best-voted answers on a question, or the
    conversation in order on a discussion."""
    person = viewer(request)
    thread = selectors.thread_get(person, thread_id)
    return page_out(selectors.reply_page(person, thread, page=page, per_page=per_page))


@router.post("/threads/{thread_id}/replies", response={201: ReplyOut, ERROR_CODES: ErrorOut})
def reply_create(request: HttpRequest, thread_id: ObjectId, data: ReplyIn):
    person = viewer(request)
    thread = selectors.thread_get(person, thread_id)
    return Status(201, services.reply_create(author=person, thread=thread, body=data.body))


@router.patch("/replies/{reply_id}", response={200: ReplyOut, ERROR_CODES: ErrorOut})
def reply_edit(request: HttpRequest, reply_id: ObjectId, data: ReplyPatch):
    """Edit your reply (moderators may edit any); the previous text is kept as a revision."""
    person = viewer(request)
    reply = selectors.reply_get(person, reply_id)
    return services.reply_edit(editor=person, reply=reply, body=data.body, message=data.message)


@router.post("/replies/{reply_id}/accept", response={200: AcceptedOut, ERROR_CODES: ErrorOut})
def reply_accept(request: HttpRequest, reply_id: ObjectId):
    """Mark the answer that solved your question (questions only)."""
    person = viewer(request)
    thread = services.reply_accept(person=person, reply=selectors.reply_get(person, reply_id))
    return {"thread_id": thread.pk, "accepted_reply_id": thread.accepted_reply_id}


@router.delete("/threads/{thread_id}/accepted", response={204: None, ERROR_CODES: ErrorOut})
def reply_unaccept(request: HttpRequest, thread_id: ObjectId):
    """Withdraw the accepted answer of your question."""
    person = viewer(request)
    services.reply_unaccept(person=person, thread=selectors.thread_get(person, thread_id))
    return Status(204, None)


@router.post("/replies/{reply_id}/vote", response={200: ScoreOut, ERROR_CODES: ErrorOut})
def reply_vote(request: HttpRequest, reply_id: ObjectId, data: VoteIn):
    person = viewer(request)
    reply = services.vote_cast(
        person=person, value=data.value, reply=selectors.reply_get(person, reply_id)
    )
    return {"score": reply.score, "my_vote": data.value}


@router.delete("/replies/{reply_id}/vote", response={200: ScoreOut, ERROR_CODES: ErrorOut})
def reply_unvote(request: HttpRequest, reply_id: ObjectId):
    person = viewer(request)
    reply = services.vote_withdraw(person=person, reply=selectors.reply_get(person, reply_id))
    return {"score": reply.score, "my_vote": 0}

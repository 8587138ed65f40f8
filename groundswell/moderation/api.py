"""Moderation API: flag a post, the review queue, resolving flags, hiding and locking."""

from datetime import datetime
from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field, StringConstraints

from groundswell.api_common import (
    ERROR_CODES,
    ErrorOut,
    InputSchema,
    ObjectId,
    PersonRef,
    SpaceRef,
    page_of,
    page_out,
    viewer,
)
from groundswell.moderation import selectors, services
from groundswell.moderation.models import MAX_DETAIL_LENGTH, MAX_NOTE_LENGTH
from groundswell.threads import selectors as thread_selectors

router = Router(tags=["moderation"])

ReasonName = Literal["spam", "offensive", "off_topic", "private_information", "other"]
QueueSpace = Annotated[str, StringConstraints(max_length=80, pattern=r"^[-\w]*$")]


class FlagIn(InputSchema):
    reason: ReasonName
    detail: str = Field("", max_length=MAX_DETAIL_LENGTH, description="Optional, for moderators.")


class NoteIn(InputSchema):
    note: str = Field("", max_length=MAX_NOTE_LENGTH, description="Kept in the audit log.")


class HideIn(NoteIn):
    reason: ReasonName | None = Field(
        None,
        description="Optional: the category the post's author is told it was hidden for "
        "(the note is never shown to them).",
    )


class ResolveIn(HideIn):
    action: Literal["hide", "dismiss"] = Field(
        description="hide: hide the post; dismiss: keep it (restored if the flags hid it)."
    )


class FlagOut(Schema):
    id: int
    thread_id: int
    reply_id: int | None
    reason: str
    detail: str
    created_at: datetime


class QueueFlagOut(Schema):
    reason: str
    detail: str
    created_at: datetime
    flagger: PersonRef | None = Field(
        description="null when the flagger is the asker of an anonymous question."
    )

    @staticmethod
    def resolve_flagger(obj):
        return obj.shown_flagger


class QueueItemOut(Schema):
    thread_id: int
    reply_id: int | None
    thread_title: str
    space: SpaceRef
    author: PersonRef | None = Field(description="null for an anonymous question.")
    body_html: str
    is_hidden: bool
    flagger_count: int
    flags: list[QueueFlagOut]

    @staticmethod
    def resolve_thread_id(obj):
        return obj.thread.pk

    @staticmethod
    def resolve_reply_id(obj):
        return obj.reply.pk if obj.reply is not None else None

    @staticmethod
    def resolve_thread_title(obj):
        return obj.thread.title

    @staticmethod
    def resolve_space(obj):
        return obj.thread.space

    @staticmethod
    def resolve_author(obj):
        return obj.shown_author

    @staticmethod
    def resolve_body_html(obj):
        return obj.post.body_html

    @staticmethod
    def resolve_is_hidden(obj):
        return obj.post.is_hidden


QueuePage = page_of(QueueItemOut, "ModerationQueuePage")


class ResolvedOut(Schema):
    resolved: int = Field(description="How many open flags were resolved.")
    is_hidden: bool


class PostStateOut(Schema):
    thread_id: int
    reply_id: int | None = None
    is_hidden: bool
    is_locked: bool


def _state(thread, reply=None) -> dict:
    return {
        "thread_id": thread.pk,
        "reply_id": reply.pk if reply is not None else None,
        "is_hidden": (reply or thread).is_hidden,
        "is_locked": thread.is_locked,
    }


# --------------------------------------------------------------------------------------------
# Flags: anyone who can read the post


@router.post("/threads/{thread_id}/flag", response={201: FlagOut, ERROR_CODES: ErrorOut})
def thread_flag(request: HttpRequest, thread_id: ObjectId, data: FlagIn):
    """Flag a thread for its space's moderators (not your own; one open flag per post)."""
    person = viewer(request)
    thread = thread_selectors.thread_get(person, thread_id)
    return Status(
        201,
        services.flag_create(flagger=person, thread=thread, reason=data.reason, detail=data.detail),
    )


@router.post("/replies/{reply_id}/flag", response={201: FlagOut, ERROR_CODES: ErrorOut})
def reply_flag(request: HttpRequest, reply_id: ObjectId, data: FlagIn):
    """Flag a reply for its space's moderators (not your own; one open flag per post)."""
    person = viewer(request)
    reply = thread_selectors.reply_get(person, reply_id)
    flag = services.flag_create(
        flagger=person, thread=reply.thread, reply=reply, reason=data.reason, detail=data.detail
    )
    return Status(201, flag)


# --------------------------------------------------------------------------------------------
# The review queue and moderator actions: space moderators and administrators


@router.get("/moderation/queue", response={200: QueuePage, ERROR_CODES: ErrorOut})
def moderation_queue(
    request: HttpRequest,
    space: QueueSpace = "",
    reason: ReasonName | None = None,
    page: int = 1,
    per_page: int | None = None,
):
    """Posts with open flags in the spaces you moderate (all, for administrators), most
    flagged first. 404 for people who moderate no space."""
    result = selectors.review_queue(
        viewer(request), space=space, reason=reason or "", page=page, per_page=per_page
    )
    return page_out(result.items)


@router.post(
    "/moderation/threads/{thread_id}/resolve", response={200: ResolvedOut, ERROR_CODES: ErrorOut}
)
def thread_resolve(request: HttpRequest, thread_id: ObjectId, data: ResolveIn):
    """Resolve the open flags on a thread: hide it, or dismiss them."""
    person = viewer(request)
    thread = selectors.moderated_thread_get(person, thread_id)
    count = services.flags_resolve(
        moderator=person,
        thread=thread,
        action=data.action,
        note=data.note,
        reason=data.reason or "",
    )
    return {"resolved": count, "is_hidden": thread.is_hidden}


@router.post(
    "/moderation/replies/{reply_id}/resolve", response={200: ResolvedOut, ERROR_CODES: ErrorOut}
)
def reply_resolve(request: HttpRequest, reply_id: ObjectId, data: ResolveIn):
    """Resolve the open flags on a reply: hide it, or dismiss them."""
    person = viewer(request)
    reply = selectors.moderated_reply_get(person, reply_id)
    count = services.flags_resolve(
        moderator=person,
        thread=reply.thread,
        reply=reply,
        action=data.action,
        note=data.note,
        reason=data.reason or "",
    )
    return {"resolved": count, "is_hidden": reply.is_hidden}


@router.post(
    "/moderation/threads/{thread_id}/hide", response={200: PostStateOut, ERROR_CODES: ErrorOut}
)
def thread_hide(request: HttpRequest, thread_id: ObjectId, data: HideIn):
    """Hide a thread from everyone but moderators; its open flags are resolved. Its author is
    notified (with `reason`, if given; never who flagged it)."""
    person = viewer(request)
    thread = selectors.moderated_thread_get(person, thread_id)
    services.post_hide(moderator=person, thread=thread, note=data.note, reason=data.reason or "")
    return _state(thread)


@router.post(
    "/moderation/threads/{thread_id}/unhide", response={200: PostStateOut, ERROR_CODES: ErrorOut}
)
def thread_unhide(request: HttpRequest, thread_id: ObjectId, data: NoteIn):
    """Show a hidden thread again; open flags on it are dismissed."""
    person = viewer(request)
    thread = selectors.moderated_thread_get(person, thread_id)
    services.post_unhide(moderator=person, thread=thread, note=data.note)
    return _state(thread)


@router.post(
    "/moderation/replies/{reply_id}/hide", response={200: PostStateOut, ERROR_CODES: ErrorOut}
)
def reply_hide(request: HttpRequest, reply_id: ObjectId, data: HideIn):
    """Hide a reply from everyone but moderators; its open flags are resolved. Its author is
    notified (with `reason`, if given; never who flagged it)."""
    person = viewer(request)
    reply = selectors.moderated_reply_get(person, reply_id)
    services.post_hide(
        moderator=person,
        thread=reply.thread,
        reply=reply,
        note=data.note,
        reason=data.reason or "",
    )
    return _state(reply.thread, reply)


@router.post(
    "/moderation/replies/{reply_id}/unhide", response={200: PostStateOut, ERROR_CODES: ErrorOut}
)
def reply_unhide(request: HttpRequest, reply_id: ObjectId, data: NoteIn):
    """Show a hidden reply again; open flags on it are dismissed."""
    person = viewer(request)
    reply = selectors.moderated_reply_get(person, reply_id)
    services.post_unhide(moderator=person, thread=reply.thread, reply=reply, note=data.note)
    return _state(reply.thread, reply)


@router.post(
    "/moderation/threads/{thread_id}/lock", response={200: PostStateOut, ERROR_CODES: ErrorOut}
)
def thread_lock(request: HttpRequest, thread_id: ObjectId):
    """Lock a thread: no new replies, except from moderators."""
    person = viewer(request)
    thread = selectors.moderated_thread_get(person, thread_id)
    return _state(services.thread_set_locked(moderator=person, thread=thread, locked=True))


@router.post(
    "/moderation/threads/{thread_id}/unlock", response={200: PostStateOut, ERROR_CODES: ErrorOut}
)
def thread_unlock(request: HttpRequest, thread_id: ObjectId):
    """Unlock a thread."""
    person = viewer(request)
    thread = selectors.moderated_thread_get(person, thread_id)
    return _state(services.thread_set_locked(moderator=person, thread=thread, locked=False))

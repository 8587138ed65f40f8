"""Edit history of threads and replies, and hiding an old revision (moderators)."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from groundswell.api_common import (
    ERROR_CODES,
    ErrorOut,
    ObjectId,
    PersonRef,
    page_of,
    page_out,
    viewer,
)
from groundswell.threads import history, services

router = Router(tags=["revisions"])


class RevisionEntryOut(Schema):
    """A revision; a hidden one has an empty title, body and message."""

    id: int
    editor: PersonRef | None  # null for the asker of an anonymous question
    title: str
    body: str
    message: str
    created_at: datetime
    is_hidden: bool
    is_current: bool


class HiddenRevisionOut(Schema):
    id: int
    is_hidden: bool
    hidden_at: datetime | None


RevisionEntryPage = page_of(RevisionEntryOut, "RevisionEntryPage")


@router.get(
    "/threads/{thread_id}/revisions", response={200: RevisionEntryPage, ERROR_CODES: ErrorOut}
)
def thread_revisions(
    request: HttpRequest, thread_id: ObjectId, page: int = 1, per_page: int | None = None
):
    """Every revision of a thread you can see, newest first (hidden ones without their text)."""
    _thread, revisions = history.thread_history(
        viewer(request), thread_id, page=page, per_page=per_page
    )
    return page_out(revisions)


@router.get(
    "/replies/{reply_id}/revisions", response={200: RevisionEntryPage, ERROR_CODES: ErrorOut}
)
def reply_revisions(
    request: HttpRequest, reply_id: ObjectId, page: int = 1, per_page: int | None = None
):
    """Every revision of a reply you can see, newest first (hidden ones without their text)."""
    _reply, revisions = history.reply_history(
        viewer(request), reply_id, page=page, per_page=per_page
    )
    return page_out(revisions)


@router.post(
    "/revisions/{revision_id}/hide", response={200: HiddenRevisionOut, ERROR_CODES: ErrorOut}
)
def revision_hide(request: HttpRequest, revision_id: ObjectId):
    """Hide an old revision of a thread, reply or wiki page for good (space moderators and
    administrators). The current revision cannot be hidden: edit first (409)."""
    person = viewer(request)
    revision = history.revision_get(person, revision_id)
    return services.revision_hide(person=person, revision=revision)

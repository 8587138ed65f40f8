"""Notifications: your list, the unread count, marking read, and email settings."""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Router, Schema

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
from groundswell.notifications import selectors, services
from groundswell.notifications.models import EmailFrequency

router = Router(tags=["notifications"])


class NotificationThreadRef(Schema):
    id: int
    kind: str
    title: str


class NotificationInsightRef(Schema):
    id: int
    status: str
    excerpt: str


class NotificationOut(Schema):
    id: int
    kind: str
    summary: str
    reason: str
    actor: PersonRef | None
    thread: NotificationThreadRef | None
    reply_id: int | None
    space: SpaceRef | None
    insight: NotificationInsightRef | None
    message: str
    url: str
    created_at: datetime
    read_at: datetime | None
    is_read: bool

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.target_url

    @staticmethod
    def resolve_insight(obj) -> dict | None:
        if obj.insight_id is None:
            return None
        return {"id": obj.insight_id, "status": obj.insight.status, "excerpt": obj.title}


NotificationPage = page_of(NotificationOut, "NotificationPage")


class UnreadCountOut(Schema):
    unread: int


class ReadAllOut(Schema):
    marked: int


EmailChoice = Literal["immediately", "daily", "weekly", "never"]


class NotificationSettingsOut(Schema):
    email: EmailChoice
    choices: dict[str, str]

    @staticmethod
    def resolve_choices(obj) -> dict[str, str]:
        return dict(EmailFrequency.choices)


class NotificationSettingsIn(InputSchema):
    email: EmailChoice


@router.get("/notifications", response={200: NotificationPage, ERROR_CODES: ErrorOut})
def notification_list(
    request: HttpRequest, unread: bool = False, page: int = 1, per_page: int | None = None
):
    """Your notifications about things you can still see: unread first, then newest first.
    `unread=true` lists only unread ones."""
    result = selectors.notification_list(
        viewer(request), unread_only=unread, page=page, per_page=per_page
    )
    return page_out(result)


@router.get("/notifications/unread-count", response={200: UnreadCountOut, ERROR_CODES: ErrorOut})
def notification_unread_count(request: HttpRequest):
    """How many of your notifications are unread (the header badge)."""
    return {"unread": selectors.unread_count(viewer(request))}


@router.post(
    "/notifications/{notification_id}/read",
    response={200: NotificationOut, ERROR_CODES: ErrorOut},
)
def notification_read(request: HttpRequest, notification_id: ObjectId):
    """Mark one of your notifications read (again is fine)."""
    person = viewer(request)
    notification = selectors.notification_get(person, notification_id)
    return services.notification_mark_read(person=person, notification=notification)


@router.post("/notifications/read-all", response={200: ReadAllOut, ERROR_CODES: ErrorOut})
def notification_read_all(request: HttpRequest):
    """Mark all your notifications read; `marked` says how many were unread."""
    return {"marked": services.notifications_mark_all_read(person=viewer(request))}


@router.get(
    "/notifications/settings", response={200: NotificationSettingsOut, ERROR_CODES: ErrorOut}
)
def notification_settings(request: HttpRequest):
    """How notification emails reach you: `immediately` (what is addressed to you), a `daily`
    or `weekly` digest, or `never`."""
    return selectors.preference_get(viewer(request))


@router.put(
    "/notifications/settings", response={200: NotificationSettingsOut, ERROR_CODES: ErrorOut}
)
def notification_settings_set(request: HttpRequest, data: NotificationSettingsIn):
    return services.preference_set(person=viewer(request), email=data.email)

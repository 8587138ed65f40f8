"""Insights over the REST API (a dispatch system or a form tool can report them), with the same
services and visibility policy as the pages."""

from datetime import datetime
from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from groundswell.api_common import (
    ERROR_CODES,
    ErrorOut,
    InputSchema,
    ObjectId,
    PersonRef,
    Slug,
    Username,
    page_of,
    page_out,
    viewer,
)
from groundswell.insights import selectors, services
from groundswell.insights.photos import photo_response
from groundswell.people.selectors import person_get

router = Router(tags=["insights"])

StatusName = Literal["new", "acknowledged", "in_progress", "actioned", "declined"]


class UpdateOut(Schema):
    author: PersonRef | None
    from_status: str
    to_status: str
    message: str
    created_at: datetime


class InsightOut(Schema):
    id: int
    text: str
    category: str
    location: str
    status: str
    confidential: bool
    reporter: PersonRef
    assignee: PersonRef | None
    corroboration_count: int
    merged_into_id: int | None
    has_photo: bool
    created_at: datetime
    status_changed_at: datetime

    @staticmethod
    def resolve_category(obj) -> str:
        return obj.category.slug

    @staticmethod
    def resolve_has_photo(obj) -> bool:
        return bool(obj.photo)


class InsightDetailOut(InsightOut):
    timeline: list[UpdateOut]
    can_triage: bool
    can_corroborate: bool
    next_statuses: list[str]


InsightPage = page_of(InsightOut, "InsightPage")


class InsightIn(InputSchema):
    text: str = Field(max_length=2000)
    category: str = Field(max_length=40)
    location: str = Field("", max_length=150)
    confidential: bool = False
    # Each a topic name: capped like `Topic.name` (TRUST 14).
    topics: list[Annotated[str, Field(max_length=50)]] = Field(default_factory=list, max_length=10)


class StatusIn(InputSchema):
    status: StatusName
    message: str = Field("", max_length=2000)
    expected_status: StatusName | None = None


class AssignIn(InputSchema):
    assignee: Username | None = None


class CorroborateIn(InputSchema):
    detail: str = Field("", max_length=500)
    location: str = Field("", max_length=150)


class MergeIn(InputSchema):
    into: ObjectId


class BulkIn(InputSchema):
    insights: list[ObjectId] = Field(max_length=200)
    message: str = Field("", max_length=2000)


class CountOut(Schema):
    changed: int


def _detail(person, insight_id: int):
    view = selectors.insight_view(person, insight_id)
    insight = view.insight
    insight.timeline = view.updates
    insight.can_triage = view.can_triage
    insight.can_corroborate = view.can_corroborate and not view.has_corroborated
    insight.next_statuses = [s.value for s in view.next_statuses]
    return insight


@router.get("/insights", response={200: InsightPage, ERROR_CODES: ErrorOut})
def insight_list(request: HttpRequest, page: int = 1, per_page: int | None = None):
    """Insights you may see (yours, those routed to you, and your unit's), newest first."""
    return page_out(selectors.insight_list(viewer(request), page=page, per_page=per_page))


@router.get("/insights/inbox", response={200: InsightPage, ERROR_CODES: ErrorOut})
def insight_inbox(
    request: HttpRequest,
    status: Literal["open", "all", *StatusName.__args__] = "open",
    category: Slug | None = None,
    order: Literal["priority", "new", "old", "stale"] = "priority",
    page: int = 1,
    per_page: int | None = None,
):
    """Insights routed to you for triage, by priority (corroborations, category weight,
    recency)."""
    result = selectors.inbox(
        viewer(request),
        status=status,
        category=category,
        order=order,
        page=page,
        per_page=per_page,
    )
    return page_out(result)


@router.post("/insights", response={201: InsightDetailOut, ERROR_CODES: ErrorOut})
def insight_report(request: HttpRequest, data: InsightIn):
    """Report a field insight; it is routed to your managers."""
    person = viewer(request)
    insight = services.insight_report(reporter=person, **data.dict())
    return Status(201, _detail(person, insight.pk))


@router.post("/insights/acknowledge", response={200: CountOut, ERROR_CODES: ErrorOut})
def insight_bulk_acknowledge(request: HttpRequest, data: BulkIn):
    """Acknowledge many new insights; one id you may not triage refuses them all."""
    changed = services.insights_bulk_acknowledge(
        person=viewer(request), insight_ids=data.insights, message=data.message
    )
    return {"changed": changed}


@router.get("/insights/{insight_id}", response={200: InsightDetailOut, ERROR_CODES: ErrorOut})
def insight_detail(request: HttpRequest, insight_id: ObjectId):
    """One insight with its timeline and what you may do with it."""
    return _detail(viewer(request), insight_id)


@router.post(
    "/insights/{insight_id}/photo", response={200: InsightDetailOut, ERROR_CODES: ErrorOut}
)
def insight_photo_attach(request: HttpRequest, insight_id: ObjectId, photo: File[UploadedFile]):
    """Attach a photo to your own insight (multipart field `photo`; PNG, JPEG or WebP up to
    5 MB, checked by content). Replaces an earlier photo. Someone else's insight is 404."""
    person = viewer(request)
    services.insight_photo_attach(
        person=person, insight=selectors.own_insight_get(person, insight_id), photo=photo
    )
    return _detail(person, insight_id)


@router.get(
    "/insights/{insight_id}/photo",
    response={200: None, ERROR_CODES: ErrorOut},
    openapi_extra={
        "responses": {
            "200": {
                "description": "The photo (image/png, image/jpeg or image/webp), as an attachment",
                "content": {"image/*": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def insight_photo(request: HttpRequest, insight_id: ObjectId):
    """The insight's photo, if you may see the insight (404 otherwise, or without a photo)."""
    return photo_response(selectors.insight_get(viewer(request), insight_id))


@router.post(
    "/insights/{insight_id}/status", response={200: InsightDetailOut, ERROR_CODES: ErrorOut}
)
def insight_status(request: HttpRequest, insight_id: ObjectId, data: StatusIn):
    """Move along the workflow with a message to the reporter (routed managers only). Send
    `expected_status` to get a 409 instead of overwriting someone else's change."""
    person = viewer(request)
    services.insight_change_status(
        person=person, insight=selectors.insight_get(person, insight_id), **data.dict()
    )
    return _detail(person, insight_id)


@router.post(
    "/insights/{insight_id}/assign", response={200: InsightDetailOut, ERROR_CODES: ErrorOut}
)
def insight_assign(request: HttpRequest, insight_id: ObjectId, data: AssignIn):
    """Assign to one of the routed managers (or nobody)."""
    person = viewer(request)
    assignee = person_get(person, data.assignee) if data.assignee else None
    services.insight_assign(
        person=person, insight=selectors.insight_get(person, insight_id), assignee=assignee
    )
    return _detail(person, insight_id)


@router.post(
    "/insights/{insight_id}/corroborate",
    response={201: InsightDetailOut, ERROR_CODES: ErrorOut},
)
def insight_corroborate(request: HttpRequest, insight_id: ObjectId, data: CorroborateIn):
    """ "I've seen this too" (once; not on your own insight)."""
    person = viewer(request)
    services.insight_corroborate(
        person=person, insight=selectors.insight_get(person, insight_id), **data.dict()
    )
    return Status(201, _detail(person, insight_id))


@router.post(
    "/insights/{insight_id}/merge", response={200: InsightDetailOut, ERROR_CODES: ErrorOut}
)
def insight_merge(request: HttpRequest, insight_id: ObjectId, data: MergeIn):
    """Merge this duplicate into another insight (managers of both)."""
    person = viewer(request)
    services.insight_merge(
        person=person,
        duplicate=selectors.insight_get(person, insight_id),
        into=selectors.insight_get(person, data.into),
    )
    return _detail(person, data.into)

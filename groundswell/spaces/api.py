"""Spaces API: list, create, read, join, leave, members, invite, roles."""

from datetime import datetime
from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field, StringConstraints

from groundswell.api_common import (
    ERROR_CODES,
    ErrorOut,
    InputSchema,
    PersonRef,
    SearchText,
    Slug,
    Username,
    page_of,
    page_out,
    viewer,
)
from groundswell.people.selectors import people_get_many, person_get
from groundswell.spaces import permissions, selectors, services

router = Router(tags=["spaces"])


class SpaceIn(InputSchema):
    """A new space; you become its owner. Course, cohort and leadership spaces need staff."""

    name: str = Field(max_length=120)
    description: str = Field("", max_length=2000)
    kind: Literal["community", "course", "cohort", "leadership"] = "community"
    visibility: Literal["open", "private"] = "open"


class InviteIn(InputSchema):
    usernames: list[Annotated[str, StringConstraints(max_length=150)]] = Field(
        min_length=1, max_length=50
    )


class RoleIn(InputSchema):
    role: Literal["member", "moderator", "owner"]


class SpaceOut(Schema):
    slug: str
    name: str
    description: str
    kind: str
    visibility: str
    member_count: int
    thread_count: int
    created_at: datetime
    is_member: bool

    @staticmethod
    def resolve_is_member(obj, context) -> bool:
        annotated = getattr(obj, "is_member", None)
        if annotated is not None:
            return bool(annotated)
        return permissions.role_in(context["request"].auth, obj) is not None


class SpaceDetailOut(SpaceOut):
    """A space with your role in it and what you may do there."""

    my_role: str | None
    can_post: bool
    can_join: bool
    can_invite: bool
    can_moderate: bool
    can_manage_roles: bool

    @staticmethod
    def resolve_my_role(obj, context) -> str | None:
        return permissions.role_in(context["request"].auth, obj)

    @staticmethod
    def resolve_can_post(obj, context) -> bool:
        return permissions.can_post_in_space(context["request"].auth, obj)

    @staticmethod
    def resolve_can_join(obj, context) -> bool:
        return permissions.can_join_space(context["request"].auth, obj)

    @staticmethod
    def resolve_can_invite(obj, context) -> bool:
        return permissions.can_invite_to_space(context["request"].auth, obj)

    @staticmethod
    def resolve_can_moderate(obj, context) -> bool:
        return permissions.can_moderate_space(context["request"].auth, obj)

    @staticmethod
    def resolve_can_manage_roles(obj, context) -> bool:
        return permissions.can_manage_roles(context["request"].auth, obj)


class MemberOut(Schema):
    person: PersonRef
    role: str
    joined_at: datetime


SpacePage = page_of(SpaceOut, "SpacePage")
MemberPage = page_of(MemberOut, "MemberPage")


class MemberList(Schema):
    items: list[MemberOut]


@router.get("/spaces", response={200: SpacePage, ERROR_CODES: ErrorOut})
def space_list(
    request: HttpRequest,
    kind: Literal["community", "course", "cohort", "leadership"] | None = None,
    joined: bool = False,
    q: SearchText = "",
    page: int = 1,
    per_page: int | None = None,
):
    """Spaces you can see (open ones and private ones you belong to), biggest first."""
    return page_out(
        selectors.space_list(
            viewer(request), kind=kind, joined=joined, query=q, page=page, per_page=per_page
        )
    )


@router.post("/spaces", response={201: SpaceDetailOut, ERROR_CODES: ErrorOut})
def space_create(request: HttpRequest, data: SpaceIn):
    space = services.space_create(
        creator=viewer(request),
        name=data.name,
        description=data.description,
        kind=data.kind,
        visibility=data.visibility,
    )
    return Status(201, space)


@router.get("/spaces/{slug}", response={200: SpaceDetailOut, ERROR_CODES: ErrorOut})
def space_detail(request: HttpRequest, slug: Slug):
    return selectors.space_get(viewer(request), slug)


@router.post("/spaces/{slug}/join", response={201: MemberOut, ERROR_CODES: ErrorOut})
def space_join(request: HttpRequest, slug: Slug):
    """Join an open space; private spaces are entered by invitation."""
    person = viewer(request)
    space = selectors.space_get(person, slug)
    return Status(201, services.space_join(person=person, space=space))


@router.post("/spaces/{slug}/leave", response={204: None, ERROR_CODES: ErrorOut})
def space_leave(request: HttpRequest, slug: Slug):
    """Leave a space; the last owner has to hand over first."""
    person = viewer(request)
    services.space_leave(person=person, space=selectors.space_get(person, slug))
    return Status(204, None)


@router.get("/spaces/{slug}/members", response={200: MemberPage, ERROR_CODES: ErrorOut})
def member_list(request: HttpRequest, slug: Slug, page: int = 1, per_page: int | None = None):
    """Members, owners and moderators first."""
    person = viewer(request)
    space = selectors.space_get(person, slug)
    return page_out(selectors.member_list(person, space, page=page, per_page=per_page))


@router.post("/spaces/{slug}/invite", response={201: MemberList, ERROR_CODES: ErrorOut})
def space_invite(request: HttpRequest, slug: Slug, data: InviteIn):
    """Add colleagues (up to 50 usernames); people already in the space are skipped."""
    person = viewer(request)
    space = selectors.space_get(person, slug)
    invitees = people_get_many(person, data.usernames)
    added = services.space_invite(inviter=person, space=space, invitees=invitees)
    return Status(201, {"items": added})


@router.put("/spaces/{slug}/members/{username}", response={200: MemberOut, ERROR_CODES: ErrorOut})
def member_set_role(request: HttpRequest, slug: Slug, username: Username, data: RoleIn):
    """Owners promote and demote members; a space keeps at least one owner."""
    person = viewer(request)
    return services.membership_set_role(
        actor=person,
        space=selectors.space_get(person, slug),
        member=person_get(person, username),
        role=data.role,
    )

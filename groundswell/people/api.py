"""People API: colleagues, the org chart, yourself, and your personal tokens."""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from groundswell.api_common import (
    ERROR_CODES,
    ErrorOut,
    InputSchema,
    ObjectId,
    PersonRef,
    SearchText,
    Slug,
    Username,
    page_of,
    page_out,
    session_auth,
    viewer,
)
from groundswell.people import selectors, tokens
from groundswell.threads.api.schemas import ThreadPage
from groundswell.threads.selectors import thread_list

router = Router(tags=["people"])


class UnitRef(Schema):
    code: str
    name: str


class UnitOut(Schema):
    code: str
    name: str
    parent: str | None
    depth: int

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent.code if obj.parent_id else None


class PersonSummaryOut(PersonRef):
    level: int
    location: str
    org_unit: UnitRef | None


class PersonOut(PersonSummaryOut):
    level_label: str
    bio: str
    manager: PersonRef | None
    skills: list[str]

    @staticmethod
    def resolve_level_label(obj) -> str:
        return obj.get_level_display()

    @staticmethod
    def resolve_skills(obj) -> list[str]:
        return [topic.name for topic in obj.skills.all()]


class MeOut(PersonOut):
    """Your own profile: with your email and whether you administer Groundswell."""

    email: str
    is_staff: bool


class TokenIn(InputSchema):
    name: str = Field(max_length=80, description="What the token is for.")
    scope: Literal["read", "write"] = "read"
    expires_in_days: int | None = Field(None, ge=1, le=tokens.MAX_LIFETIME_DAYS)


class TokenOut(Schema):
    """A token as listed: never its secret or digest."""

    id: int
    name: str
    prefix: str
    scope: str
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenCreatedOut(TokenOut):
    token: str = Field(description="The token itself. It is shown this once, never again.")

    @staticmethod
    def resolve_token(obj) -> str:
        return obj.plaintext


PersonPage = page_of(PersonSummaryOut, "PersonPage")
UnitPage = page_of(UnitOut, "UnitPage")
TokenPage = page_of(TokenOut, "TokenPage")


@router.get("/me", response={200: MeOut, ERROR_CODES: ErrorOut})
def me(request: HttpRequest):
    person = viewer(request)
    return selectors.person_get(person, person.username)


@router.get("/me/tokens", response={200: TokenPage, ERROR_CODES: ErrorOut})
def token_list(request: HttpRequest, page: int = 1, per_page: int | None = None):
    """Your personal tokens, revoked and expired ones included."""
    return page_out(tokens.api_token_list(viewer(request), page=page, per_page=per_page))


@router.post(
    "/me/tokens", auth=session_auth, response={201: TokenCreatedOut, ERROR_CODES: ErrorOut}
)
def token_create(request: HttpRequest, data: TokenIn):
    """Create a personal token. Signed-in browser sessions only: a token cannot mint tokens.
    Copy the `token` from the answer: it is not stored and cannot be shown again."""
    token, plaintext = tokens.api_token_create(
        person=viewer(request),
        name=data.name,
        scope=data.scope,
        expires_in_days=data.expires_in_days,
    )
    token.plaintext = plaintext
    return Status(201, token)


@router.delete("/me/tokens/{token_id}", response={204: None, ERROR_CODES: ErrorOut})
def token_revoke(request: HttpRequest, token_id: ObjectId):
    """Revoke one of your tokens; it stops working at once."""
    tokens.api_token_revoke(person=viewer(request), token_id=token_id)
    return Status(204, None)


@router.get("/people", response={200: PersonPage, ERROR_CODES: ErrorOut})
def person_list(
    request: HttpRequest,
    q: SearchText = "",
    unit: Slug | None = None,
    page: int = 1,
    per_page: int | None = None,
):
    """Colleagues by name, username or job title; `unit` (a unit code) includes sub-units."""
    person = viewer(request)
    return page_out(
        selectors.person_list(
            person,
            query=q,
            unit=selectors.unit_get(unit) if unit else None,
            page=page,
            per_page=per_page,
        )
    )


@router.get("/people/{username}", response={200: PersonOut, ERROR_CODES: ErrorOut})
def person_detail(request: HttpRequest, username: Username):
    return selectors.person_get(viewer(request), username)


@router.get("/people/{username}/threads", response={200: ThreadPage, ERROR_CODES: ErrorOut})
def person_threads(
    request: HttpRequest, username: Username, page: int = 1, per_page: int | None = None
):
    """Threads this person started, in the spaces you can see."""
    person = viewer(request)
    author = selectors.person_get(person, username)
    return page_out(thread_list(person, author=author, page=page, per_page=per_page))


@router.get("/units", response={200: UnitPage, ERROR_CODES: ErrorOut})
def unit_list(request: HttpRequest, page: int = 1, per_page: int | None = None):
    """The org chart in tree order: each unit is followed by the units below it."""
    return page_out(selectors.unit_list(viewer(request), page=page, per_page=per_page))

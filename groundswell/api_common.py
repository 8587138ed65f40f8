"""What every API router shares: authentication, the viewer, input and output building blocks.

Kept apart from `groundswell.api` (which imports every router) so routers can import it without
a circular import.
"""

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.security import SessionAuth
from ninja.security.base import SecuritySchema
from pydantic import ConfigDict, Field, StringConstraints, create_model, field_validator

from groundswell.pagination import Page
from groundswell.people.models import Person, TokenScope
from groundswell.people.tokens import api_token_authenticate
from groundswell.ratelimits import client_address, ensure_allowed, record_failure, scopes

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# Every status an endpoint may answer with an error body; documented on each operation.
ERROR_CODES = frozenset({400, 401, 403, 404, 409, 413, 422, 429})

# ---------------------------------------------------------------------------------------------
# Authentication


class PersonalTokenAuth:
    """`Authorization: Bearer gsw_…`. A presented but bad token is refused outright (401), so a
    request never silently falls back to a browser session; read tokens cannot write."""

    def __init__(self) -> None:
        self.openapi_security_schema = SecuritySchema(
            type="http",
            scheme="bearer",
            bearerFormat="gsw_<prefix>_<secret>",
            description="A personal token from POST /api/v1/me/tokens (read or write scope).",
        )
        self.is_async = False

    def __call__(self, request: HttpRequest) -> Person | None:
        header = request.headers.get("Authorization", "")
        scheme, _, raw = header.partition(" ")
        if scheme.lower() != "bearer":
            return None
        # An address that sent too many bad tokens is refused before the next one is looked
        # at (429), so tokens cannot be guessed at speed (TRUST 15).
        address = client_address(request)
        ensure_allowed(scopes.TOKEN_FAILURE, address)
        person = api_token_authenticate(raw.strip())
        if person is None:
            record_failure(scopes.TOKEN_FAILURE, address)
            raise AuthenticationError(401, "The token is invalid, expired or revoked.")
        if request.method not in SAFE_METHODS and person.api_token.scope != TokenScope.WRITE:
            raise HttpError(403, "This token has read scope: use a write token to change things.")
        request.user = person
        return person


class BrowserSessionAuth(SessionAuth):
    """Django's session cookie, as the web pages use it, with Django's CSRF check on unsafe
    methods. Anonymous requests are passed on without a CSRF check: there is nothing to forge."""

    def __call__(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            return None
        try:
            return super().__call__(request)
        except HttpError as exc:
            raise HttpError(
                403,
                "CSRF check failed: send the csrftoken cookie's value as the X-CSRFToken "
                "header, or use a personal token.",
            ) from exc


token_auth = PersonalTokenAuth()
session_auth = BrowserSessionAuth()
# Token first: the session check raises on a missing CSRF token, which would hide a token.
default_auth = [token_auth, session_auth]


def viewer(request: HttpRequest) -> Person:
    """The authenticated person making the request."""
    return request.auth


# ---------------------------------------------------------------------------------------------
# Input


def _check_text(value: Any) -> None:
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("Text may not contain NUL characters.")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError("Text must be valid Unicode.") from exc
    elif isinstance(value, list | tuple):
        for item in value:
            _check_text(item)


class InputSchema(Schema):
    """A request body. Unknown fields are refused (no mass assignment of `author`, `score`…),
    and no string may carry a NUL or a lone surrogate, which no database stores."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _text_is_storable(cls, value: Any) -> Any:
        _check_text(value)
        return value


# Path and query parameters: bounded, and shaped like the values they name.
Slug = Annotated[str, StringConstraints(max_length=80, pattern=r"^[-\w]+$")]
Username = Annotated[str, StringConstraints(max_length=150, pattern=r"^[\w.@+-]+$")]
TopicName = Annotated[str, StringConstraints(max_length=50, pattern=r"^[^\x00/]+$")]
ObjectId = Annotated[int, Field(ge=1, le=2**63 - 1)]
SearchText = Annotated[str, StringConstraints(max_length=100, pattern=r"^[^\x00]*$")]
PageNumber = Annotated[int, Field(ge=-(2**31), le=2**31)]


# ---------------------------------------------------------------------------------------------
# Output


class ErrorOut(Schema):
    detail: str
    code: str
    errors: dict[str, list[str]] = {}


def error_body(detail: str, code: str, errors: dict | None = None) -> dict:
    return {"detail": detail, "code": code, "errors": errors or {}}


class PersonRef(Schema):
    username: str
    name: str
    job_title: str


class SpaceRef(Schema):
    slug: str
    name: str
    kind: str
    visibility: str


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """The response schema of a paginated list of `item`."""
    return create_model(
        name,
        __base__=Schema,
        items=(list[item], ...),
        page=(int, ...),
        per_page=(int, ...),
        has_next=(bool, ...),
    )


def page_out(page: Page) -> dict:
    return {
        "items": page.items,
        "page": page.number,
        "per_page": page.per_page,
        "has_next": page.has_next,
    }

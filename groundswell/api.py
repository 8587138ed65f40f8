"""The REST API under /api/v1: each app contributes its router; errors map in one place.

Every error answers with the same body, `{"detail": …, "code": …, "errors": {field: [..]}}`:
domain errors with their own status (400 invalid, 403 forbidden, 404 not found, 409 conflict),
schema violations with 422, unreadable or oversized bodies with 400/413, missing credentials
with 401; an unreachable database or a full connection pool with 503 and Retry-After.
"""

import logging

from django.core.exceptions import ObjectDoesNotExist, RequestDataTooBig, SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError

from groundswell.analytics.api import router as analytics_router
from groundswell.api_common import default_auth, error_body
from groundswell.errors import DomainError, RateLimited
from groundswell.expertise.api import router as expertise_router
from groundswell.insights.api import router as insights_router
from groundswell.leadership.api import router as leadership_router
from groundswell.learning.api import router as learning_router
from groundswell.moderation.api import router as moderation_router
from groundswell.notifications.api import router as notifications_router
from groundswell.operations.api import router as operations_router
from groundswell.people.api import router as people_router
from groundswell.search.api import router as search_router
from groundswell.spaces.api import router as spaces_router
from groundswell.threads.api import router as threads_router
from groundswell.topics.api import router as topics_router
from groundswell.web.errors import DATABASE_RETRY_AFTER, database_unavailable
from groundswell.xapi.api import router as xapi_router

logger = logging.getLogger(__name__)

DESCRIPTION = """\
Groundswell's REST API. The same rules as the web pages apply: you see what you could see there.

**Authentication**: a signed-in browser session (unsafe methods need the `X-CSRFToken` header),
or a personal token, `Authorization: Bearer gsw_…`, created with `POST /api/v1/me/tokens` from a
browser session. Read tokens may only use GET.

**Errors** always answer `{"detail": "…", "code": "…", "errors": {"field": ["…"]}}`.

**Lists** take `page` and `per_page` (at most 100) and answer
`{"items": […], "page": 1, "per_page": 20, "has_next": false}`.
"""

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "validation",
    429: "throttled",
    503: "unavailable",
}


class GroundswellAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # Short, stable ids (`thread_list`) for generated clients; the names are unique.
        return operation.view_func.__name__


api = GroundswellAPI(
    title="Groundswell API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=default_auth,
    # django-ninja is in INSTALLED_APPS, so Swagger UI renders from the package's own static
    # files (swagger-ui-bundle.js, swagger-ui-init.js): no CDN and no inline script, and its
    # settings travel in a non-executable JSON block, which our CSP allows as it is.
    docs=Swagger(settings={"persistAuthorization": False, "tryItOutEnabled": False}),
    docs_url="/docs",
)

api.add_router("", people_router)
api.add_router("", spaces_router)
api.add_router("", threads_router)
api.add_router("", topics_router)
api.add_router("", search_router)
api.add_router("", notifications_router)
api.add_router("", expertise_router)
api.add_router("", insights_router)
api.add_router("", learning_router)
api.add_router("", leadership_router)
api.add_router("", analytics_router)
api.add_router("", xapi_router)
api.add_router("", moderation_router)
api.add_router("", operations_router)


def _respond(
    request: HttpRequest,
    status: int,
    detail: str,
    code: str | None = None,
    errors: dict | None = None,
) -> HttpResponse:
    code = code or _STATUS_CODES.get(status, "error")
    return api.create_response(request, error_body(detail, code, errors), status=status)


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    response = _respond(request, exc.status, exc.message, exc.code, exc.errors)
    if isinstance(exc, RateLimited):
        response["Retry-After"] = str(exc.retry_after)
    return response


def _field_name(loc) -> str:
    """`("body", "data", "title")` → `title`; `("query", "page")` → `page`."""
    parts = [str(part) for part in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie", "form"}:
        source, parts = parts[0], parts[1:]
        if source == "body" and parts:
            parts = parts[1:]  # the endpoint's parameter name, not part of the JSON
        if not parts:
            return source
    return ".".join(parts) or "__all__"


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        message = str(error.get("msg", "Invalid value.")).removeprefix("Value error, ")
        errors.setdefault(_field_name(error.get("loc", ())), []).append(message)
    first_field, first_messages = next(iter(errors.items()), ("__all__", ["Invalid input."]))
    return _respond(request, 422, f"{first_field}: {first_messages[0]}", "validation", errors)


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    detail = (
        exc.message
        if exc.message != "Unauthorized"
        else ("Sign in, or send a personal token as `Authorization: Bearer …`.")
    )
    response = _respond(request, 401, detail)
    response["WWW-Authenticate"] = 'Bearer realm="groundswell"'
    return response


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _respond(request, exc.status_code, exc.message)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _respond(request, 404, "Not found.")


@api.exception_handler(ObjectDoesNotExist)
def object_missing(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _respond(request, 404, "Not found.")


@api.exception_handler(RequestDataTooBig)
def too_large(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _respond(request, 413, "The request body is too large.")


@api.exception_handler(SuspiciousOperation)
def suspicious(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _respond(request, 400, "The request could not be understood.")


@api.exception_handler(Exception)
def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    # Logged with its traceback; the client learns nothing about the internals.
    logger.exception("API error on %s %s", request.method, request.path)
    return _respond(request, 500, "Something went wrong; the error was logged.", "server_error")


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def database_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    if not database_unavailable(exc):
        return server_error(request, exc)
    logger.warning("Database unavailable on %s %s: %s", request.method, request.path, exc)
    response = _respond(request, 503, "The service is busy; retry in a few seconds.")
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response


def openapi_document() -> dict:
    """The OpenAPI document as served at /api/v1/openapi.json (committed as docs/openapi.json)."""
    return api.get_openapi_schema()


def unknown_route(request: HttpRequest) -> HttpResponse:
    """JSON 404 for any /api/ address no endpoint answers, instead of the HTML error page."""
    return _respond(request, 404, "No such API endpoint.", "not_found")

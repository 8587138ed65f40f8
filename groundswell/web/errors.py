"""Error pages, and the mapping of domain errors to responses for pages.

Every error renders our own template (so it carries our headers too). An htmx request gets a
small message aimed at the page's live region instead of a whole page.
"""

import sqlite3
import sys

from django.db import InterfaceError, OperationalError
from django.shortcuts import render

from groundswell.errors import Conflict, DomainError, Forbidden, InvalidInput, NotFound, RateLimited
from groundswell.web import htmx

NOT_FOUND_MESSAGE = "There is nothing here, or you cannot see it."
_TITLES = {
    InvalidInput: "That did not work",
    Forbidden: "Not allowed",
    NotFound: "Not found",
    Conflict: "Already done",
    RateLimited: "Too many attempts",
}


def _error(request, status: int, title: str, message: str):
    if htmx.is_htmx(request):
        return htmx.message_response(request, message, status=status)
    return render(
        request,
        "web/error.html",
        {"status": status, "title": title, "message": message},
        status=status,
    )


def domain_error_response(request, error: DomainError):
    """The response for a domain error raised while serving a page."""
    if isinstance(error, NotFound):
        # The selectors' messages are generic already; say the same thing for everything.
        return _error(request, 404, "Not found", NOT_FOUND_MESSAGE)
    title = next((t for cls, t in _TITLES.items() if isinstance(error, cls)), "That did not work")
    return _error(request, error.status, title, error.message)


def bad_request(request, exception=None, message: str = ""):
    return _error(request, 400, "Bad request", message or "The request could not be understood.")


def forbidden(request, exception=None):
    return _error(request, 403, "Not allowed", "You are not allowed to do that.")


def csrf_failure(request, reason: str = ""):
    return _error(
        request,
        403,
        "Please try again",
        "The form had expired or came from elsewhere. Reload the page and send it again.",
    )


def not_found(request, exception=None):
    return _error(request, 404, "Not found", NOT_FOUND_MESSAGE)


# Seconds a client is asked to wait when the database is unreachable or its pool is full.
DATABASE_RETRY_AFTER = 5


def database_unavailable(exc: BaseException | None) -> bool:
    """Whether an exception means the database cannot be reached right now (a full pool, a
    restarting server, a lock held too long) rather than a fault in our code: the former is a
    503 the client may retry, the latter stays a 500."""
    if isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    if isinstance(cause, sqlite3.OperationalError):
        # SQLite reports missing tables and bad SQL as OperationalError too: only waits count.
        return "locked" in str(cause) or "busy" in str(cause)
    # psycopg's OperationalError (and PoolTimeout, its subclass): connection-level failures.
    return True


def service_unavailable(request):
    """503 with Retry-After, for pages, when the database is unavailable; a bare template,
    as the base layout needs the database."""
    response = render(request, "web/503.html", status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response


def server_error(request):
    # Django calls this from inside its `except` block, so the exception is still at hand.
    if database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    # A bare template: the base layout needs the database, which may be what failed.
    return render(request, "web/500.html", status=500)

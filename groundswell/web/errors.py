"""Error pages, and the mapping of domain errors to responses for pages.

Every error renders our own template (so it carries our headers too). An htmx request gets a
small message aimed at the page's live region instead of a whole page.
"""

from django.shortcuts import render

from groundswell.errors import Conflict, DomainError, Forbidden, InvalidInput, NotFound
from groundswell.web import htmx

NOT_FOUND_MESSAGE = "There is nothing here, or you cannot see it."
_TITLES = {
    InvalidInput: "That did not work",
    Forbidden: "Not allowed",
    NotFound: "Not found",
    Conflict: "Already done",
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


def server_error(request):
    # A bare template: the base layout needs the database, which may be what failed.
    return render(request, "web/500.html", status=500)

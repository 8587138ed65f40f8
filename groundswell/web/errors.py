"""Error pages. Every error renders our own template (so it carries our headers too)."""

from django.shortcuts import render


def _error(request, status: int, title: str, message: str):
    return render(
        request, "web/error.html", {"status": status, "title": title, "message": message},
        status=status,
    )


def bad_request(request, exception=None):
    return _error(request, 400, "Bad request", "The request could not be understood.")


def forbidden(request, exception=None):
    return _error(request, 403, "Not allowed", "You are not allowed to do that.")


def not_found(request, exception=None):
    return _error(request, 404, "Not found", "There is nothing here, or you cannot see it.")


def server_error(request):
    return _error(request, 500, "Something went wrong", "The error was logged.")

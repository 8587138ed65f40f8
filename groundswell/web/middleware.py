"""Request-wide web concerns: security headers (TRUST 13), sign-in for every page, and the one
place where domain errors become responses."""

import secrets
from urllib.parse import parse_qsl

from django.conf import settings
from django.contrib.auth import middleware as auth_middleware
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect

from groundswell.errors import DomainError, RateLimited
from groundswell.web import errors


def is_api_request(request) -> bool:
    """The REST API authenticates and maps its own errors (JSON); pages must not touch it."""
    return request.path_info.startswith("/api/")


def is_htmx_request(request) -> bool:
    return request.headers.get("HX-Request") == "true"


class SecurityHeadersMiddleware:
    """A Content-Security-Policy with a fresh nonce per response and no 'unsafe-inline':
    the only scripts that run are our static files and inline blocks carrying the nonce."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; "
            f"script-src 'self' 'nonce-{request.csp_nonce}'; "
            "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        )
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(self)"
        )
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        # Django's clickjacking middleware sets this on views' responses; static files and
        # anything answered before it get it here.
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response


class LoginRequiredMiddleware(auth_middleware.LoginRequiredMiddleware):
    """Every page needs a signed-in person. Exempt: views marked `login_not_required` (the
    login page), and the REST API, which accepts tokens and answers 401 instead of redirecting.
    An htmx request gets a client-side redirect, so a login page is never swapped into a
    button."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if is_api_request(request):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)

    def handle_no_permission(self, request, view_func):
        if is_htmx_request(request):
            back_to = request.headers.get("HX-Current-URL") or request.get_full_path()
            login = redirect_to_login(back_to, resolve_url(self.get_login_url(view_func)))
            return HttpResponseClientRedirect(login["Location"])
        return super().handle_no_permission(request, view_func)


def form_body_is_utf8(body: bytes) -> bool:
    """Django reads bad bytes in a form as U+FFFD and carries on; we refuse them instead, so
    mangled text is never saved."""
    try:
        parse_qsl(
            body.decode("utf-8"),
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        return False
    return True


class DomainErrorMiddleware:
    """Maps the domain errors that escape a page view to responses, in one place:
    InvalidInput → 400, Forbidden → 403, NotFound → the 404 page, Conflict → 409, each with its
    message (a small partial for htmx requests). Form views re-render their form first
    (`groundswell.web.pages.form_view`); what reaches here has no form to show.

    It also refuses form posts that are not valid UTF-8 (400) before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.method == "POST"
            and request.content_type == "application/x-www-form-urlencoded"
            and not is_api_request(request)
            and not form_body_is_utf8(request.body)
        ):
            return errors.bad_request(request, message="The form was not sent as valid UTF-8.")
        return None

    def process_exception(self, request, exception):
        if not isinstance(exception, DomainError) or is_api_request(request):
            return None
        return with_retry_after(errors.domain_error_response(request, exception), exception)


def with_retry_after(response, error: DomainError):
    """A rate-limited answer (429) says when to try again (TRUST 15)."""
    if isinstance(error, RateLimited):
        response["Retry-After"] = str(error.retry_after)
    return response

"""The one helper module for htmx responses: a partial for htmx, a redirect for a plain form
post, and short messages aimed at the page's live region (`#toast`)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django_htmx.http import reswap, retarget

TOAST = "#toast"


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _toast_html(request, message: str, *, oob: bool, level: str) -> str:
    return render_to_string(
        "web/_toast.html", {"message": message, "oob": oob, "level": level}, request=request
    )


def message_response(request, message: str, *, status: int, level: str = "error"):
    """A message that replaces the live region's content (errors on htmx requests)."""
    response = HttpResponse(_toast_html(request, message, oob=False, level=level), status=status)
    return reswap(retarget(response, TOAST), "innerHTML")


def partial_response(request, template: str, context: dict, *, announce: str = "", status=200):
    """A partial, plus an out-of-band announcement for screen readers and sighted people."""
    html = render_to_string(template, context, request=request)
    if announce:
        html += _toast_html(request, announce, oob=True, level="success")
    return HttpResponse(html, status=status)


def partial_or_redirect(request, *, template: str, context: dict, redirect_to, announce: str = ""):
    """After a successful action: htmx swaps the partial in; without JavaScript the browser
    is sent back (POST/redirect/GET) and the announcement becomes a flash message."""
    if is_htmx(request):
        return partial_response(request, template, context, announce=announce)
    if announce:
        messages.success(request, announce)
    return redirect(redirect_to)

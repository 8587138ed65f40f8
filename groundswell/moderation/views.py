"""Moderation pages: flag a post, the review queue, hidden posts, moderator actions on a
thread or reply, and the administrators' audit log (with its CSV export)."""

import csv
import io

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from groundswell.moderation import audit, selectors, services
from groundswell.moderation.forms import AuditFilterForm, FlagForm, ResolveForm
from groundswell.threads import selectors as thread_selectors
from groundswell.web.pages import form_view

# --------------------------------------------------------------------------------------------
# Flags (any reader)


def _flag(request, page, *, thread, reply=None):
    page.form = FlagForm(request.POST)
    page.context.update(thread=thread, reply=reply)
    if page.form.is_valid():
        services.flag_create(
            flagger=request.user, thread=thread, reply=reply, **page.form.cleaned_data
        )
        messages.success(request, "Thank you: the space's moderators will review it.")
        return redirect(reply.get_absolute_url() if reply else thread)
    return page


@require_POST
@form_view("moderation/flag_form.html")
def thread_flag(request, page, thread_id: int):
    return _flag(request, page, thread=thread_selectors.thread_get(request.user, thread_id))


@require_POST
@form_view("moderation/flag_form.html")
def reply_flag(request, page, reply_id: int):
    reply = thread_selectors.reply_get(request.user, reply_id)
    return _flag(request, page, thread=reply.thread, reply=reply)


def hidden_thread_notice(request, thread_id: int):
    """What the author of a hidden thread sees at its address (everyone else: 404)."""
    thread = selectors.hidden_thread_for_author(request.user, thread_id)
    return render(request, "moderation/hidden_notice.html", {"thread": thread})


# --------------------------------------------------------------------------------------------
# The review queue (moderators and administrators)


def queue(request):
    result = selectors.review_queue(
        request.user,
        space=request.GET.get("space", ""),
        reason=request.GET.get("reason", ""),
        page=request.GET.get("page"),
    )
    return render(request, "moderation/queue.html", {"queue": result})


def hidden(request):
    page = selectors.hidden_posts(request.user, page=request.GET.get("page"))
    return render(request, "moderation/hidden.html", {"posts": page})


def nav_link(request):
    """The navigation's "Moderation" link with the number of posts awaiting review; empty
    for people who review nothing (loaded after the page, so other pages pay no query)."""
    count = selectors.open_flag_count(request.user)
    # The page that loads the link says whether it is a moderation page (`?current=1`).
    current = request.GET.get("current") == "1"
    return render(
        request,
        "moderation/_nav_link.html",
        {"count": count, "user": request.user, "current": current},
    )


@require_POST
@form_view("moderation/queue_error.html")
def thread_resolve(request, page, thread_id: int):
    thread = selectors.moderated_thread_get(request.user, thread_id)
    return _resolve(request, page, thread=thread)


@require_POST
@form_view("moderation/queue_error.html")
def reply_resolve(request, page, reply_id: int):
    reply = selectors.moderated_reply_get(request.user, reply_id)
    return _resolve(request, page, thread=reply.thread, reply=reply)


def _resolve(request, page, *, thread, reply=None):
    page.form = ResolveForm(request.POST)
    if page.form.is_valid():
        count = services.flags_resolve(
            moderator=request.user, thread=thread, reply=reply, **page.form.cleaned_data
        )
        hidden = page.form.cleaned_data["action"] == services.HIDE
        outcome = "The post is hidden" if hidden else "The flags are dismissed"
        messages.success(request, f"{outcome} ({count} flag{'s' if count != 1 else ''}).")
        return redirect("moderation:queue")
    return page


# --------------------------------------------------------------------------------------------
# Moderator actions from the thread page and the hidden list


def _note(request) -> str:
    # Checked (length, NUL) by the service, which answers 400 with the reason.
    return request.POST.get("note", "")


def _reason(request) -> str:
    # Optional category the author is told; checked against the reasons by the service.
    return request.POST.get("reason", "")


@require_POST
def thread_hide(request, thread_id: int):
    thread = selectors.moderated_thread_get(request.user, thread_id)
    services.post_hide(
        moderator=request.user, thread=thread, note=_note(request), reason=_reason(request)
    )
    messages.success(request, "The thread is hidden. Moderation → Hidden posts lists it.")
    return redirect(thread.space)


@require_POST
def thread_unhide(request, thread_id: int):
    thread = selectors.moderated_thread_get(request.user, thread_id)
    services.post_unhide(moderator=request.user, thread=thread, note=_note(request))
    messages.success(request, "The thread is visible again.")
    return redirect(thread)


@require_POST
def reply_hide(request, reply_id: int):
    reply = selectors.moderated_reply_get(request.user, reply_id)
    services.post_hide(
        moderator=request.user,
        thread=reply.thread,
        reply=reply,
        note=_note(request),
        reason=_reason(request),
    )
    messages.success(request, "The reply is hidden. Moderation → Hidden posts lists it.")
    return redirect(reply.thread)


@require_POST
def reply_unhide(request, reply_id: int):
    reply = selectors.moderated_reply_get(request.user, reply_id)
    services.post_unhide(
        moderator=request.user, thread=reply.thread, reply=reply, note=_note(request)
    )
    messages.success(request, "The reply is visible again.")
    return redirect(reply.get_absolute_url())


@require_POST
def thread_lock(request, thread_id: int):
    thread = selectors.moderated_thread_get(request.user, thread_id)
    services.thread_set_locked(moderator=request.user, thread=thread, locked=True)
    messages.success(request, "The thread is locked: only moderators can reply.")
    return redirect(thread)


@require_POST
def thread_unlock(request, thread_id: int):
    thread = selectors.moderated_thread_get(request.user, thread_id)
    services.thread_set_locked(moderator=request.user, thread=thread, locked=False)
    messages.success(request, "The thread is unlocked.")
    return redirect(thread)


# --------------------------------------------------------------------------------------------
# Audit log (administrators)


def _audit_filters(request) -> tuple[AuditFilterForm, audit.AuditFilters]:
    form = AuditFilterForm(request.GET)
    if not form.is_valid():
        return form, audit.AuditFilters()
    return form, audit.AuditFilters(**form.cleaned_data)


def audit_log(request):
    form, filters = _audit_filters(request)
    entries = audit.audit_log(request.user, filters, page=request.GET.get("page"))
    return render(
        request,
        "moderation/audit.html",
        {"form": form, "entries": entries},
    )


def audit_export(request):
    _, filters = _audit_filters(request)
    rows = audit.audit_csv_rows(request.user, filters)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return response

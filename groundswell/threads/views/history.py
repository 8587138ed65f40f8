"""Pages: the edit history of a thread or reply, and hiding an old revision (moderators)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from groundswell.threads import history, services
from groundswell.threads.models import ThreadKind


def thread_history(request, thread_id: int):
    thread, revisions = history.thread_history(
        request.user, thread_id, page=request.GET.get("page")
    )
    return render(
        request,
        "threads/revision_history.html",
        {"thread": thread, "reply": None, "revisions": revisions},
    )


def reply_history(request, reply_id: int):
    reply, revisions = history.reply_history(request.user, reply_id, page=request.GET.get("page"))
    return render(
        request,
        "threads/revision_history.html",
        {"thread": reply.thread, "reply": reply, "revisions": revisions},
    )


def _history_url(revision) -> str:
    if revision.reply_id:
        return reverse("threads:reply_history", args=[revision.reply_id])
    if revision.thread.kind == ThreadKind.WIKI:
        return reverse("learning:wiki_history", args=[revision.thread_id])
    return reverse("threads:history", args=[revision.thread_id])


@require_POST
def revision_hide(request, revision_id: int):
    """Hide an old revision of a thread, reply or wiki page, then go back to its history."""
    revision = history.revision_get(request.user, revision_id)
    services.revision_hide(person=request.user, revision=revision)
    messages.success(
        request,
        f"Revision {revision.pk} is hidden. If the same words are in other old revisions, "
        "hide those too.",
    )
    return redirect(_history_url(revision))

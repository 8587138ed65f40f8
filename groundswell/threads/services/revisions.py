"""Hiding a revision of a thread, reply or wiki page (TRUST 5)."""

from django.db import transaction
from django.utils import timezone

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.errors import Conflict, Forbidden, NotFound
from groundswell.spaces.permissions import can_view_space
from groundswell.threads import permissions
from groundswell.threads.models import Revision
from groundswell.xapi.services import outbox_refresh_thread


@transaction.atomic
def revision_hide(*, person, revision: Revision) -> Revision:
    """Hide an old revision for good: its title, text and message are no longer shown in any
    history, diff or API, and nobody can revert to it. The current revision cannot be hidden
    (the text would still be on the page): edit first, then hide the old one. The event keeps
    only ids, never the hidden words."""
    revision = (
        Revision.objects.select_for_update(of=("self",))  # the join is nullable on PostgreSQL
        .select_related("thread__space", "reply__thread__space")
        .get(pk=revision.pk)
    )
    thread = revision.thread if revision.thread_id else revision.reply.thread
    if not can_view_space(person, thread.space):
        raise NotFound("No such revision.")
    if not permissions.can_hide_revision(person, thread):
        raise Forbidden("Only a moderator of this space can hide a revision.")
    if revision.is_hidden:
        raise Conflict("This revision is already hidden.")
    siblings = (
        Revision.objects.filter(thread_id=revision.thread_id)
        if revision.thread_id
        else Revision.objects.filter(reply_id=revision.reply_id)
    )
    if siblings.order_by("-id").values_list("pk", flat=True).first() == revision.pk:
        raise Conflict(
            "This is the current text, so hiding it would hide nothing: edit it first to "
            "remove what must go, then hide this revision."
        )
    revision.is_hidden, revision.hidden_by, revision.hidden_at = True, person, timezone.now()
    revision.save(update_fields=["is_hidden", "hidden_by", "hidden_at"])
    event_record(
        actor=person,
        verb=Verb.HID_REVISION,
        target=revision,
        space=thread.space,
        thread=thread,
        subject=revision.editor,
        data={"reply": revision.reply_id} if revision.reply_id else {},
        at=revision.hidden_at,
    )
    # Stored xAPI statements name the thread by the title it had when they were built.
    outbox_refresh_thread(thread.pk)
    return revision

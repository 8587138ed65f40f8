"""Moderation writes: flag a post, resolve its flags, hide or restore a post, lock or unlock a
thread. Each is atomic and records an activity Event (the audit log lists them). Callers pass
posts they fetched through a selector: `threads.selectors` for flags (the flagger can read the
post), `moderation.selectors.moderated_*_get` for moderators (hidden posts included)."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound
from groundswell.moderation import permissions
from groundswell.moderation.models import (
    MAX_DETAIL_LENGTH,
    MAX_NOTE_LENGTH,
    Flag,
    Reason,
    Resolution,
)
from groundswell.notifications.services import notify_after_commit
from groundswell.ratelimits import check_rate, scopes
from groundswell.search.services import search_index_thread
from groundswell.spaces.permissions import can_view_space
from groundswell.threads.models import Reply, Thread

HIDE = "hide"
DISMISS = "dismiss"


def flags_to_hide() -> int:
    return max(1, int(settings.GROUNDSWELL.get("FLAGS_TO_HIDE", 3)))


def _clean_text(value: str, *, field: str, limit: int) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise InvalidInput(f"At most {limit} characters.", field=field)
    if "\x00" in value:
        raise InvalidInput("The text contains a NUL character.", field=field)
    return value


def _post(thread: Thread, reply: Reply | None):
    if reply is not None and reply.thread_id != thread.pk:
        raise NotFound("No such reply.")
    return reply if reply is not None else thread


def _subject(thread: Thread, reply: Reply | None):
    # An anonymous asker is never named, not even in the moderation events.
    return reply.author if reply is not None else thread.shown_author


def _set_hidden(thread: Thread, reply: Reply | None, hidden: bool) -> None:
    """Hide or restore the post, keep the thread's reply count to what members see, and bring
    the search document up to date (a hidden reply's text leaves the thread's document)."""
    post = _post(thread, reply)
    type(post).objects.filter(pk=post.pk).update(is_hidden=hidden)
    post.is_hidden = hidden
    if reply is not None:
        threads = Thread.objects.filter(pk=thread.pk)
        if hidden:
            threads.filter(reply_count__gt=0).update(reply_count=F("reply_count") - 1)
        else:
            threads.update(reply_count=F("reply_count") + 1)
    search_index_thread(thread)


def _ensure_moderator(person, thread: Thread) -> None:
    if not permissions.can_moderate_post(person, thread):
        raise Forbidden("Only this space's moderators can do that.")


def _open_flags(thread: Thread, reply: Reply | None):
    return Flag.objects.open().of_post(thread=thread, reply=reply)


def _resolve_open_flags(*, moderator, thread, reply, resolution: str, note: str, at) -> int:
    return _open_flags(thread, reply).update(
        resolved_at=at, resolved_by=moderator, resolution=resolution, note=note
    )


@transaction.atomic
def flag_create(*, flagger, thread: Thread, reply: Reply | None = None, reason: str, detail=""):
    """Flag a thread, or one of its replies, for the space's moderators: one open flag per
    person and post, never on your own post. When people in `FLAGS_TO_HIDE` have open flags
    on a post, it is hidden until a moderator reviews it (recorded as an automatic HID)."""
    post = _post(thread, reply)
    if not can_view_space(flagger, thread.space) or post.is_hidden:
        raise NotFound("No such post.")
    if not permissions.can_flag(flagger, post):
        raise Forbidden("You cannot flag your own post.")
    if reason not in Reason.values:
        raise InvalidInput("Choose a reason.", field="reason")
    detail = _clean_text(detail, field="detail", limit=MAX_DETAIL_LENGTH)
    if _open_flags(thread, reply).filter(flagger=flagger).exists():
        raise Conflict("You already flagged this; a moderator will review it.")
    check_rate(scopes.FLAGGING, flagger.pk)
    now = timezone.now()
    try:
        with transaction.atomic():
            flag = Flag.objects.create(
                flagger=flagger,
                space=thread.space,
                thread=thread,
                reply=reply,
                reason=reason,
                detail=detail,
                created_at=now,
            )
    except IntegrityError as error:  # the same person's flag, sent twice at once
        raise Conflict("You already flagged this; a moderator will review it.") from error
    flagged = event_record(
        actor=flagger,
        verb=Verb.FLAGGED,
        target=post,
        space=thread.space,
        thread=thread,
        data={"reason": reason, "flag_id": flag.pk},
        at=now,
    )
    # The first open flag on a post tells the space's moderators (the rule checks it).
    notify_after_commit(flagged)
    flaggers = _open_flags(thread, reply).values("flagger").distinct().count()
    if flaggers >= flags_to_hide() and not post.is_hidden:
        _set_hidden(thread, reply, True)
        Flag.objects.filter(pk=flag.pk).update(hid_post=True)
        flag.hid_post = True
        hid = event_record(
            actor=None,
            verb=Verb.HID,
            target=post,
            space=thread.space,
            thread=thread,
            subject=_subject(thread, reply),
            data={"automatic": True, "flags": flaggers},
            at=now,
        )
        notify_after_commit(hid)  # the author, and the moderators: it awaits their review
    return flag


@transaction.atomic
def flags_resolve(
    *,
    moderator,
    thread: Thread,
    reply: Reply | None = None,
    action: str,
    note: str = "",
    reason: str = "",
) -> int:
    """Resolve every open flag on a post: `hide` hides it (if it is not already), `dismiss`
    keeps it and restores it if the flags had hidden it. Returns how many flags were resolved.
    `reason` (optional, one of `Reason`) is the category the author is told when it is hidden;
    the note stays in the audit log."""
    _ensure_moderator(moderator, thread)
    if action not in (HIDE, DISMISS):
        raise InvalidInput("Choose to hide the post or dismiss the flags.", field="action")
    note = _clean_text(note, field="note", limit=MAX_NOTE_LENGTH)
    reason = _clean_reason(reason)
    post = _post(thread, reply)
    flags = list(_open_flags(thread, reply).select_for_update().values_list("hid_post", flat=True))
    if not flags:
        raise Conflict("These flags were already resolved.")
    now = timezone.now()
    if action == HIDE and not post.is_hidden:
        _set_hidden(thread, reply, True)
        hid = _record(moderator, Verb.HID, thread, reply, data=_hid_data(note, len(flags), reason))
        notify_after_commit(hid)
    elif action == DISMISS and post.is_hidden and any(flags):
        _set_hidden(thread, reply, False)
        data = {"note": note, "flags": len(flags)}
        notify_after_commit(_record(moderator, Verb.UNHID, thread, reply, data=data))
    resolution = Resolution.HIDDEN if action == HIDE else Resolution.DISMISSED
    count = _resolve_open_flags(
        moderator=moderator, thread=thread, reply=reply, resolution=resolution, note=note, at=now
    )
    _record(
        moderator,
        Verb.RESOLVED_FLAG,
        thread,
        reply,
        data={"resolution": resolution, "flags": count, "note": note},
    )
    return count


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if reason and reason not in Reason.values:
        raise InvalidInput("Choose one of the reasons, or none.", field="reason")
    return reason


def _hid_data(note: str, flags: int, reason: str) -> dict:
    data = {"note": note, "flags": flags}
    if reason:
        data["reason"] = reason
    return data


def _record(moderator, verb, thread, reply, *, data=None):
    return event_record(
        actor=moderator,
        verb=verb,
        target=_post(thread, reply),
        space=thread.space,
        thread=thread,
        subject=_subject(thread, reply),
        data=data or {},
    )


@transaction.atomic
def post_hide(
    *, moderator, thread: Thread, reply: Reply | None = None, note: str = "", reason: str = ""
):
    """Hide a thread or a reply from everyone but moderators (and its author, who is told,
    with the `reason` category if one is given); its open flags are resolved as hidden.
    Hiding a hidden post changes nothing."""
    _ensure_moderator(moderator, thread)
    note = _clean_text(note, field="note", limit=MAX_NOTE_LENGTH)
    reason = _clean_reason(reason)
    post = _post(thread, reply)
    if post.is_hidden:
        return post
    _set_hidden(thread, reply, True)
    flags = _resolve_open_flags(
        moderator=moderator,
        thread=thread,
        reply=reply,
        resolution=Resolution.HIDDEN,
        note=note,
        at=timezone.now(),
    )
    hid = _record(moderator, Verb.HID, thread, reply, data=_hid_data(note, flags, reason))
    notify_after_commit(hid)
    return post


@transaction.atomic
def post_unhide(*, moderator, thread: Thread, reply: Reply | None = None, note: str = ""):
    """Show a hidden post again (its author is told); flags still open on it are dismissed."""
    _ensure_moderator(moderator, thread)
    note = _clean_text(note, field="note", limit=MAX_NOTE_LENGTH)
    post = _post(thread, reply)
    if not post.is_hidden:
        return post
    _set_hidden(thread, reply, False)
    flags = _resolve_open_flags(
        moderator=moderator,
        thread=thread,
        reply=reply,
        resolution=Resolution.DISMISSED,
        note=note,
        at=timezone.now(),
    )
    unhid = _record(moderator, Verb.UNHID, thread, reply, data={"note": note, "flags": flags})
    notify_after_commit(unhid)
    return post


@transaction.atomic
def thread_set_locked(*, moderator, thread: Thread, locked: bool) -> Thread:
    """Lock a thread (no new replies, except from moderators) or unlock it."""
    _ensure_moderator(moderator, thread)
    if thread.is_locked == locked:
        return thread
    Thread.objects.filter(pk=thread.pk).update(is_locked=locked)
    thread.is_locked = locked
    _record(moderator, Verb.LOCKED if locked else Verb.UNLOCKED, thread, None)
    return thread

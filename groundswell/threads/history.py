"""Selectors for edit history: the revisions of threads, replies and wiki pages.

A hidden revision (TRUST 5) is listed as a placeholder: its title, text and message never
leave this module, so every page and API built on these entries is safe by construction."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from groundswell.errors import NotFound
from groundswell.pagination import Page, paginate
from groundswell.threads import permissions
from groundswell.threads.models import Reply, Revision, Thread
from groundswell.threads.selectors import reply_get, thread_get


@dataclass
class RevisionEntry:
    """One revision as a viewer may see it."""

    id: int
    editor: object | None  # None: the asker of an anonymous question, who must stay unnamed
    title: str
    body: str
    message: str
    created_at: datetime
    is_hidden: bool
    is_current: bool
    can_hide: bool

    @property
    def pk(self) -> int:
        return self.id


def revision_entry(revision: Revision, *, thread: Thread, current_id, may_hide: bool):
    """The revision with a hidden one's words blanked and an anonymous asker unnamed."""
    hidden = revision.is_hidden
    anonymous = thread.is_anonymous and revision.editor_id == thread.author_id
    return RevisionEntry(
        id=revision.pk,
        editor=None if anonymous else revision.editor,
        title="" if hidden else revision.title,
        body="" if hidden else revision.body,
        message="" if hidden else revision.message,
        created_at=revision.created_at,
        is_hidden=hidden,
        is_current=revision.pk == current_id,
        can_hide=may_hide and not hidden and revision.pk != current_id,
    )


def revision_entries(person, thread: Thread, revisions, *, page=1, per_page=None) -> Page:
    """A page of `revisions` (of `thread` or of one of its replies), newest first, as entries."""
    current_id = revisions.order_by("-id").values_list("pk", flat=True).first()
    result = paginate(revisions.select_related("editor").order_by("-id"), page, per_page or 50)
    may_hide = permissions.can_hide_revision(person, thread)
    result.items = [
        revision_entry(r, thread=thread, current_id=current_id, may_hide=may_hide)
        for r in result.items
    ]
    return result


def thread_history(person, thread_id: int, *, page=1, per_page=None) -> tuple[Thread, Page]:
    """A visible thread's revisions, newest first."""
    thread = thread_get(person, thread_id)
    revisions = Revision.objects.filter(thread=thread)
    return thread, revision_entries(person, thread, revisions, page=page, per_page=per_page)


def reply_history(person, reply_id: int, *, page=1, per_page=None) -> tuple[Reply, Page]:
    """A visible reply's revisions, newest first."""
    reply = reply_get(person, reply_id)
    revisions = Revision.objects.filter(reply=reply)
    return reply, revision_entries(person, reply.thread, revisions, page=page, per_page=per_page)


def revision_get(person, revision_id: int) -> Revision:
    """A revision of a thread or reply the person may see (hidden or not: hiding needs it);
    NotFound otherwise. Never show its text without `revision_entry`."""
    revision = (
        Revision.objects.filter(pk=revision_id)
        .filter(
            Q(thread__in=Thread.objects.visible_to(person))
            | Q(reply__in=Reply.objects.visible_to(person))
        )
        .select_related("thread__space", "reply__thread__space", "editor")
        .first()
    )
    if revision is None:
        raise NotFound("No such revision.")
    return revision


def revision_thread(revision: Revision) -> Thread:
    """The thread a revision belongs to, directly or through its reply."""
    return revision.thread if revision.thread_id else revision.reply.thread

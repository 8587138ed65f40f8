"""Who may do what with a thread or reply. Used by services, views and templates."""

from groundswell.spaces.permissions import can_moderate_space, can_post_in_space
from groundswell.threads.models import Reply, Thread, ThreadKind


def _is_anonymous_asker(person, thread: Thread) -> bool:
    """The asker of an anonymous question may not reply to it, edit it or accept an answer:
    any of those would show their name (or notify someone with it) next to the question."""
    return thread.is_anonymous and thread.author_id == person.pk


def can_reply(person, thread: Thread) -> bool:
    if _is_anonymous_asker(person, thread):
        return False
    if thread.is_locked and not can_moderate_space(person, thread.space):
        return False
    return can_post_in_space(person, thread.space)


def can_edit_thread(person, thread: Thread) -> bool:
    if _is_anonymous_asker(person, thread):
        return False
    if thread.kind == ThreadKind.WIKI:
        return False  # wiki pages are edited on the wiki, where edits are checked for conflicts
    return thread.author_id == person.pk or can_moderate_space(person, thread.space)


def can_edit_reply(person, reply: Reply) -> bool:
    return reply.author_id == person.pk or can_moderate_space(person, reply.thread.space)


def can_accept(person, thread: Thread) -> bool:
    """The asker decides which answer solved their question; moderators may too."""
    if thread.kind != ThreadKind.QUESTION:
        return False
    if _is_anonymous_asker(person, thread):
        return False
    return thread.author_id == person.pk or can_moderate_space(person, thread.space)


def can_vote(person, target) -> bool:
    """Anyone who can read may vote, except on their own post."""
    return target.author_id != person.pk


def can_hide_revision(person, thread: Thread) -> bool:
    """Space moderators and administrators hide an old revision of a thread, reply or wiki page
    (a password or personal data pasted by mistake)."""
    return can_moderate_space(person, thread.space)

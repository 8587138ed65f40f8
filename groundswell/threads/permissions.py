"""Who may do what with a thread or reply. Used by services, views and templates."""

from groundswell.spaces.permissions import can_moderate_space, can_post_in_space
from groundswell.threads.models import Reply, Thread, ThreadKind


def can_reply(person, thread: Thread) -> bool:
    if thread.is_locked and not can_moderate_space(person, thread.space):
        return False
    return can_post_in_space(person, thread.space)


def can_edit_thread(person, thread: Thread) -> bool:
    return thread.author_id == person.pk or can_moderate_space(person, thread.space)


def can_edit_reply(person, reply: Reply) -> bool:
    return reply.author_id == person.pk or can_moderate_space(person, reply.thread.space)


def can_accept(person, thread: Thread) -> bool:
    """The asker decides which answer solved their question; moderators may too."""
    if thread.kind != ThreadKind.QUESTION:
        return False
    return thread.author_id == person.pk or can_moderate_space(person, thread.space)


def can_vote(person, target) -> bool:
    """Anyone who can read may vote, except on their own post."""
    return target.author_id != person.pk

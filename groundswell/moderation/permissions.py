"""Who may flag, review, hide and lock. Used by services, selectors and (as booleans passed
from views) templates."""

from groundswell.moderation.models import spaces_moderated_by
from groundswell.spaces.models import sees_everything
from groundswell.spaces.permissions import can_moderate_space


def can_flag(person, post) -> bool:
    """Anyone who can read a post may flag it, except its author (the thread or reply is
    fetched through `visible_to` before this is asked)."""
    return person.is_authenticated and post.author_id != person.pk


def can_moderate_post(person, thread) -> bool:
    """Hide or restore a thread or one of its replies, lock or unlock the thread: the space's
    moderators and owners, and administrators."""
    return can_moderate_space(person, thread.space)


def can_review_flags(person) -> bool:
    """May open the review queue: administrators and anyone moderating at least one space."""
    return sees_everything(person) or spaces_moderated_by(person).exists()


def can_read_audit_log(person) -> bool:
    """The audit log is for administrators only."""
    return sees_everything(person)

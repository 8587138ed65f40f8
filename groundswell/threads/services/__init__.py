"""Writes on threads, replies, votes, follows and bookmarks."""

from groundswell.threads.services.follows import (
    bookmark_add,
    bookmark_remove,
    follow_add,
    follow_remove,
)
from groundswell.threads.services.posts import (
    reply_accept,
    reply_create,
    reply_edit,
    reply_unaccept,
    thread_create,
    thread_edit,
    vote_cast,
    vote_withdraw,
)
from groundswell.threads.services.revisions import revision_hide

__all__ = [
    "bookmark_add",
    "bookmark_remove",
    "follow_add",
    "follow_remove",
    "reply_accept",
    "reply_create",
    "reply_edit",
    "reply_unaccept",
    "revision_hide",
    "thread_create",
    "thread_edit",
    "vote_cast",
    "vote_withdraw",
]

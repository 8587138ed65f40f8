"""Follows and bookmarks: what a person wants to hear about and come back to."""

from django.db import IntegrityError, transaction

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.analytics.tasks import analytics_after_commit
from groundswell.errors import Conflict, InvalidInput
from groundswell.threads.models import Bookmark, Follow, FollowTarget


def _target_kwargs(kind: str, target) -> dict:
    if kind not in FollowTarget.values:
        raise InvalidInput(f"Cannot follow a {kind!r}.", field="kind")
    return {kind: target}


@transaction.atomic
def follow_add(*, follower, kind: str, target) -> Follow:
    """Follow a thread, space, topic or person the follower can see (the caller fetched it
    through a selector)."""
    key = _target_kwargs(kind, target)
    if kind == FollowTarget.PERSON and target.pk == follower.pk:
        raise InvalidInput("You cannot follow yourself.")
    try:
        with transaction.atomic():
            follow = Follow.objects.create(follower=follower, **key)
    except IntegrityError as exc:
        raise Conflict("You already follow this.") from exc
    event = event_record(
        actor=follower,
        verb=Verb.FOLLOWED,
        target=target,
        space=target if kind == FollowTarget.SPACE else getattr(target, "space", None),
        thread=target if kind == FollowTarget.THREAD else None,
        subject=target if kind == FollowTarget.PERSON else None,
        topic_ids=[target.pk] if kind == FollowTarget.TOPIC else [],
    )
    analytics_after_commit(event)  # engagement counts the follow
    return follow


@transaction.atomic
def follow_remove(*, follower, kind: str, target) -> None:
    deleted, _ = Follow.objects.filter(follower=follower, **_target_kwargs(kind, target)).delete()
    if not deleted:
        raise Conflict("You do not follow this.")
    event_record(actor=follower, verb=Verb.UNFOLLOWED, target=target)


@transaction.atomic
def bookmark_add(*, person, thread) -> Bookmark:
    try:
        with transaction.atomic():
            bookmark = Bookmark.objects.create(person=person, thread=thread)
    except IntegrityError as exc:
        raise Conflict("Already bookmarked.") from exc
    event = event_record(
        actor=person, verb=Verb.BOOKMARKED, target=thread, space=thread.space, thread=thread
    )
    analytics_after_commit(event)  # engagement counts the bookmark
    return bookmark


@transaction.atomic
def bookmark_remove(*, person, thread) -> None:
    deleted, _ = Bookmark.objects.filter(person=person, thread=thread).delete()
    if not deleted:
        raise Conflict("Not bookmarked.")

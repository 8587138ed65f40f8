"""Helpers to check what a service wrote: the Events it recorded, and that a refused action
wrote nothing at all."""

from contextlib import contextmanager

from django.db.models import Max

from groundswell.activity.models import Event
from groundswell.spaces.models import Membership, Space
from groundswell.threads.models import Bookmark, Follow, Reply, Revision, Thread, Vote
from groundswell.topics.models import Topic

WRITTEN_MODELS = [Event, Space, Membership, Thread, Reply, Revision, Vote, Follow, Bookmark, Topic]


def event_mark() -> int:
    """The newest Event id so far; pass it to `events_since` after the action."""
    return Event.objects.aggregate(newest=Max("pk"))["newest"] or 0


def events_since(mark: int) -> list[Event]:
    return list(Event.objects.filter(pk__gt=mark).order_by("pk"))


def assert_event(
    event: Event,
    *,
    verb,
    actor,
    target=None,
    subject=None,
    topic_ids=(),
    space=None,
    thread=None,
    data=None,
) -> None:
    """The Event names exactly who did what to what, with whom, about which topics."""
    assert event.verb == verb
    assert event.actor_id == actor.pk
    if target is not None:
        assert event.object_type == target._meta.label_lower
        assert event.object_id == target.pk
    assert event.subject_id == (subject.pk if subject is not None else None)
    assert event.topic_ids == sorted(topic_ids)
    if space is not None:
        assert event.space_id == space.pk
    if thread is not None:
        assert event.thread_id == thread.pk
    if data is not None:
        assert event.data == data


def only_event_since(mark: int, **expected) -> Event:
    """Exactly one Event was written since `mark`, and it is the expected one."""
    events = events_since(mark)
    assert [e.verb for e in events] == [expected["verb"]]
    assert_event(events[0], **expected)
    return events[0]


def table_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in WRITTEN_MODELS}


@contextmanager
def nothing_written():
    """Wrap a refused action: no row (and so no Event) may appear or disappear.

    Use outside `pytest.raises`, so the check runs after the exception was caught:
    `with nothing_written(), pytest.raises(Forbidden): ...`
    """
    before = table_counts()
    yield
    after = table_counts()
    changed = {name: (before[name], after[name]) for name in before if before[name] != after[name]}
    assert not changed, f"rows written by a refused action (before, after): {changed}"

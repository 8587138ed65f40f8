"""The activity log: every field of an Event, and that it lives in the action's transaction."""

import pytest
from django.db import transaction

from groundswell.activity.models import Event, Verb
from groundswell.activity.services import event_record
from tests.factories import PersonFactory, SpaceFactory, ThreadFactory


def test_an_event_names_actor_object_place_and_topics(db):
    actor, other = PersonFactory(), PersonFactory()
    space = SpaceFactory()
    thread = ThreadFactory(space=space)

    event = event_record(
        actor=actor,
        verb=Verb.VOTED,
        target=thread,
        space=space,
        thread=thread,
        subject=other,
        topic_ids=[9, 3, 5],
        data={"value": 1},
    )

    stored = Event.objects.get(pk=event.pk)
    assert stored.actor == actor
    assert stored.verb == Verb.VOTED
    assert (stored.object_type, stored.object_id) == ("threads.thread", thread.pk)
    assert (stored.space, stored.thread, stored.subject) == (space, thread, other)
    assert stored.topic_ids == [3, 5, 9]
    assert stored.data == {"value": 1}
    assert stored.created_at is not None


def test_an_event_without_target_or_extras(db):
    actor = PersonFactory()
    stored = Event.objects.get(pk=event_record(actor=actor, verb=Verb.IMPORTED_PEOPLE).pk)
    assert (stored.object_type, stored.object_id, stored.topic_ids, stored.data) == (
        "",
        None,
        [],
        {},
    )


def test_an_event_rolls_back_with_its_action(db):
    actor = PersonFactory()

    with pytest.raises(RuntimeError), transaction.atomic():
        event_record(actor=actor, verb=Verb.JOINED)
        raise RuntimeError("the action failed after recording")

    assert not Event.objects.filter(actor=actor).exists()


def test_events_outlive_their_actor(db):
    # The log is history: deleting a person keeps what happened, without the name.
    actor = PersonFactory()
    event = event_record(actor=actor, verb=Verb.JOINED)
    actor.delete()
    assert Event.objects.get(pk=event.pk).actor is None

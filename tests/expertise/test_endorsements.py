"""Endorsements: one per colleague and topic, never yourself, each recorded as an event, and
the endorsed person's score refreshed after commit."""

import pytest

from groundswell.activity.models import Event, Verb
from groundswell.errors import Conflict, InvalidInput, NotFound
from groundswell.expertise.models import Endorsement, ExpertiseScore
from groundswell.expertise.services import endorsement_create, endorsement_remove
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_endorsing_records_an_event_and_refreshes_the_score(expert, member, hazmat):
    endorsement = endorsement_create(endorser=member, person=expert, topic=hazmat)
    event = Event.objects.get(verb=Verb.ENDORSED)
    assert (event.actor, event.subject, event.topic_ids) == (member, expert, [hazmat.pk])
    assert event.object_type == "expertise.endorsement"
    assert event.object_id == endorsement.pk
    row = ExpertiseScore.objects.get(person=expert, topic=hazmat, space=None)
    assert (row.endorsements, row.score) == (1, 5.0)


def test_you_cannot_endorse_yourself(expert, hazmat):
    with pytest.raises(InvalidInput):
        endorsement_create(endorser=expert, person=expert, topic=hazmat)
    assert not Endorsement.objects.exists()
    assert not Event.objects.filter(verb=Verb.ENDORSED).exists()


def test_endorsing_twice_is_a_conflict(expert, member, hazmat):
    endorsement_create(endorser=member, person=expert, topic=hazmat)
    with pytest.raises(Conflict):
        endorsement_create(endorser=member, person=expert, topic=hazmat)
    assert Endorsement.objects.count() == 1
    assert Event.objects.filter(verb=Verb.ENDORSED).count() == 1


def test_a_deactivated_colleague_cannot_be_endorsed(member, hazmat):
    gone = PersonFactory(is_active=False)
    with pytest.raises(NotFound):
        endorsement_create(endorser=member, person=gone, topic=hazmat)


def test_withdrawing_records_an_event_and_lowers_the_score(expert, member, hazmat):
    endorsement_create(endorser=member, person=expert, topic=hazmat)
    endorsement_remove(endorser=member, person=expert, topic=hazmat)
    assert not Endorsement.objects.exists()
    event = Event.objects.get(verb=Verb.UNENDORSED)
    assert (event.actor, event.subject, event.topic_ids) == (member, expert, [hazmat.pk])
    assert not ExpertiseScore.objects.exists()
    with pytest.raises(Conflict):
        endorsement_remove(endorser=member, person=expert, topic=hazmat)

"""Topic names: one spelling per topic, created on first use by anyone."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groundswell.activity.models import Verb
from groundswell.errors import InvalidInput, NotFound
from groundswell.topics.models import Topic, normalise_topic_name
from groundswell.topics.selectors import topic_get
from groundswell.topics.services import parse_topic_names, topics_resolve
from tests.activity.recording import event_mark, events_since, nothing_written


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Hazmat", "hazmat"),
        ("  hazmat ", "hazmat"),
        ("HAZMAT", "hazmat"),
        ("Night   Shift", "night-shift"),
        ("night_shift", "night-shift"),
        ("C++", "c++"),
        ("C#", "c#"),
        ("\uff28\uff21\uff3a\uff2d\uff21\uff34", "hazmat"),  # full-width letters fold (NFKC)
        ("<script>", "script"),
        ("...", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_topic_name(raw, name):
    assert normalise_topic_name(raw) == name


@given(st.text())
def test_a_normalised_name_is_stable_short_and_plain(raw):
    name = normalise_topic_name(raw)
    assert normalise_topic_name(name) == name
    assert len(name) <= 50
    assert all(c.isascii() and (c.isalnum() or c in "+#.-") for c in name)
    assert name == name.lower()


def test_parse_topic_names_from_a_form_field_or_a_list():
    assert parse_topic_names("Hazmat, forklifts  HAZMAT") == ["hazmat", "forklifts"]
    assert parse_topic_names(["Hazmat", "hazmat "]) == ["hazmat"]
    assert parse_topic_names(None) == []
    assert parse_topic_names("") == []


def test_parse_topic_names_caps_the_count():
    with pytest.raises(InvalidInput) as error:
        parse_topic_names("a b c d e f")
    assert "topics" in error.value.errors


def test_topics_resolve_creates_only_missing_topics(person):
    existing = Topic.objects.create(name="hazmat")
    mark = event_mark()

    topics = topics_resolve(person=person, names=["hazmat", "forklifts"])

    assert [t.name for t in topics] == ["hazmat", "forklifts"]
    assert topics[0] == existing
    (created,) = events_since(mark)
    assert (created.verb, created.actor_id, created.topic_ids) == (
        Verb.CREATED_TOPIC,
        person.pk,
        [topics[1].pk],
    )
    with nothing_written():
        assert topics_resolve(person=person, names=["forklifts"]) == [topics[1]]


def test_topic_get_normalises_and_hides_missing(db):
    topic = Topic.objects.create(name="hazmat")
    assert topic_get(" HAZMAT ") == topic
    with pytest.raises(NotFound):
        topic_get("nothing")

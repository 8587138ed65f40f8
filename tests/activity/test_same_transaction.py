"""Every service records its Event in its own transaction: if the Event cannot be written, the
action is undone too, so the log never misses an action and never records one that did not
happen."""

import pytest

from groundswell.spaces import services as space_services
from groundswell.spaces.models import Role, Space
from groundswell.threads.models import Thread, ThreadKind
from groundswell.threads.services import follows as follow_services
from groundswell.threads.services import posts as post_services
from groundswell.topics import services as topic_services
from tests.activity.recording import nothing_written
from tests.factories import PersonFactory, TopicFactory


class EventLogDown(Exception):
    pass


@pytest.fixture
def event_log_down(monkeypatch):
    def refuse(**kwargs):
        raise EventLogDown

    for module in (space_services, post_services, follow_services, topic_services):
        monkeypatch.setattr(module, "event_record", refuse)


@pytest.fixture
def world(db):
    """A space with real counters (made through the services), a question and an answer."""
    asker, helper, owner = PersonFactory(), PersonFactory(), PersonFactory()
    space = space_services.space_create(creator=owner, name="Depot")
    space_services.space_join(person=helper, space=space)
    question = post_services.thread_create(
        author=asker, space=space, kind=ThreadKind.QUESTION, title="Q", body="?"
    )
    answer = post_services.reply_create(author=helper, thread=question, body="!")
    return {
        "space": Space.objects.get(pk=space.pk),
        "asker": asker,
        "helper": helper,
        "owner": owner,
        "question": Thread.objects.get(pk=question.pk),
        "answer": answer,
        "topic": TopicFactory(),
    }


ACTIONS = {
    "space_create": lambda w: space_services.space_create(creator=w["asker"], name="New"),
    "space_join": lambda w: space_services.space_join(person=w["asker"], space=w["space"]),
    "space_leave": lambda w: space_services.space_leave(person=w["helper"], space=w["space"]),
    "space_invite": lambda w: space_services.space_invite(
        inviter=w["owner"], space=w["space"], invitees=[PersonFactory()]
    ),
    "membership_set_role": lambda w: space_services.membership_set_role(
        actor=w["owner"], space=w["space"], member=w["helper"], role=Role.MODERATOR
    ),
    "thread_create": lambda w: post_services.thread_create(
        author=w["helper"], space=w["space"], title="T", body="B", topics=["fresh-topic"]
    ),
    "thread_edit": lambda w: post_services.thread_edit(
        editor=w["asker"], thread=w["question"], title="Q2", body="??"
    ),
    "reply_create": lambda w: post_services.reply_create(
        author=w["helper"], thread=w["question"], body="more"
    ),
    "reply_edit": lambda w: post_services.reply_edit(
        editor=w["helper"], reply=w["answer"], body="better"
    ),
    "reply_accept": lambda w: post_services.reply_accept(person=w["asker"], reply=w["answer"]),
    "vote_cast": lambda w: post_services.vote_cast(person=w["asker"], reply=w["answer"], value=1),
    "follow_add": lambda w: follow_services.follow_add(
        follower=w["asker"], kind="topic", target=w["topic"]
    ),
    "bookmark_add": lambda w: follow_services.bookmark_add(person=w["asker"], thread=w["question"]),
    "topics_resolve": lambda w: topic_services.topics_resolve(
        person=w["asker"], names=["brand-new"]
    ),
}


def snapshot(world):
    question = Thread.objects.get(pk=world["question"].pk)
    answer = type(world["answer"]).objects.get(pk=world["answer"].pk)
    space = Space.objects.get(pk=world["space"].pk)
    return {
        "question": (
            question.title,
            question.body,
            question.reply_count,
            question.accepted_reply_id,
            question.last_activity_at,
        ),
        "answer": (answer.body, answer.score),
        "space": (space.member_count, space.thread_count),
        "roles": sorted(space.memberships.values_list("person_id", "role")),
    }


@pytest.mark.parametrize("action", ACTIONS)
def test_no_event_means_no_action(world, event_log_down, action):
    make_args = ACTIONS[action]
    before = snapshot(world)
    with nothing_written(), pytest.raises(EventLogDown):
        make_args(world)
    assert snapshot(world) == before

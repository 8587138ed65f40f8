"""Follows and bookmarks."""

import pytest

from groundswell.activity.models import Verb
from groundswell.errors import Conflict, InvalidInput
from groundswell.threads.models import Bookmark, Follow, FollowTarget
from groundswell.threads.selectors import is_following
from groundswell.threads.services import bookmark_add, bookmark_remove, follow_add, follow_remove
from tests.activity.recording import event_mark, events_since, nothing_written, only_event_since
from tests.factories import TopicFactory


def test_following_a_thread(colleague, discussion):
    mark = event_mark()
    follow = follow_add(follower=colleague, kind=FollowTarget.THREAD, target=discussion)
    assert follow.thread == discussion
    assert is_following(colleague, kind="thread", target=discussion)
    only_event_since(
        mark,
        verb=Verb.FOLLOWED,
        actor=colleague,
        target=discussion,
        thread=discussion,
        space=discussion.space,
        subject=None,
        topic_ids=[],
    )


def test_following_a_topic_records_the_topic(colleague):
    topic = TopicFactory(name="hazmat")
    mark = event_mark()
    follow_add(follower=colleague, kind=FollowTarget.TOPIC, target=topic)
    only_event_since(mark, verb=Verb.FOLLOWED, actor=colleague, target=topic, topic_ids=[topic.pk])


def test_following_a_person_names_them(colleague, member):
    mark = event_mark()
    follow_add(follower=colleague, kind=FollowTarget.PERSON, target=member)
    only_event_since(mark, verb=Verb.FOLLOWED, actor=colleague, target=member, subject=member)


def test_following_a_space(outsider, open_space):
    mark = event_mark()
    follow_add(follower=outsider, kind=FollowTarget.SPACE, target=open_space)
    only_event_since(mark, verb=Verb.FOLLOWED, actor=outsider, target=open_space, space=open_space)


@pytest.mark.parametrize("kind", ["thread", "space", "topic", "person"])
def test_following_twice_is_a_conflict(request, colleague, member, discussion, open_space, kind):
    target = {
        "thread": discussion,
        "space": open_space,
        "topic": TopicFactory(),
        "person": member,
    }[kind]
    follow_add(follower=colleague, kind=kind, target=target)
    with nothing_written(), pytest.raises(Conflict):
        follow_add(follower=colleague, kind=kind, target=target)
    assert Follow.objects.filter(follower=colleague).count() == 1


def test_nobody_follows_themselves(member):
    with nothing_written(), pytest.raises(InvalidInput):
        follow_add(follower=member, kind=FollowTarget.PERSON, target=member)


def test_an_unknown_follow_kind_is_invalid(member, discussion):
    with nothing_written(), pytest.raises(InvalidInput):
        follow_add(follower=member, kind="everything", target=discussion)


def test_unfollowing(colleague, discussion):
    follow_add(follower=colleague, kind=FollowTarget.THREAD, target=discussion)
    mark = event_mark()

    follow_remove(follower=colleague, kind=FollowTarget.THREAD, target=discussion)

    assert not is_following(colleague, kind="thread", target=discussion)
    assert [e.verb for e in events_since(mark)] == [Verb.UNFOLLOWED]
    with nothing_written(), pytest.raises(Conflict):
        follow_remove(follower=colleague, kind=FollowTarget.THREAD, target=discussion)


def test_bookmarks(colleague, discussion):
    mark = event_mark()
    bookmark_add(person=colleague, thread=discussion)
    only_event_since(
        mark, verb=Verb.BOOKMARKED, actor=colleague, target=discussion, thread=discussion
    )
    with nothing_written(), pytest.raises(Conflict):
        bookmark_add(person=colleague, thread=discussion)

    bookmark_remove(person=colleague, thread=discussion)
    assert not Bookmark.objects.filter(person=colleague).exists()
    with nothing_written(), pytest.raises(Conflict):
        bookmark_remove(person=colleague, thread=discussion)

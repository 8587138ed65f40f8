"""Reads never show private-space content to outsiders; the home feed shows what a person
belongs to or follows, and nothing else."""

import pytest
from django.contrib.auth.models import AnonymousUser

from groundswell.errors import NotFound
from groundswell.threads.models import Follow, Reply, Thread, ThreadKind
from groundswell.threads.selectors import (
    bookmarked_threads,
    home_feed,
    replies_by,
    reply_get,
    thread_get,
    thread_list,
)
from groundswell.threads.services import bookmark_add, follow_add, reply_create, thread_create
from groundswell.topics.selectors import topic_list
from tests.factories import PersonFactory, SpaceFactory, ThreadFactory, TopicFactory


def ids(page):
    return {item.pk for item in page.items}


@pytest.fixture
def private_reply(colleague, private_thread):
    return reply_create(author=colleague, thread=private_thread, body="Canary PRIV-2")


@pytest.fixture
def open_thread(outsider, open_space):
    return thread_create(author=outsider, space=open_space, title="Open", body="hello")


# --- private content stays private --------------------------------------------------------


def test_thread_list_leaves_out_private_threads_for_outsiders(
    outsider, member, private_thread, open_thread
):
    assert ids(thread_list(outsider)) == {open_thread.pk}
    assert ids(thread_list(member)) == {open_thread.pk, private_thread.pk}


def test_filtering_on_a_private_space_shows_an_outsider_nothing(
    outsider, private_space, private_thread
):
    assert ids(thread_list(outsider, space=private_space)) == set()
    assert ids(thread_list(outsider, author=private_thread.author)) == set()
    topic = private_thread.topics.get()
    assert ids(thread_list(outsider, topic=topic)) == set()


def test_anonymous_and_deactivated_people_list_nothing(member, private_thread, open_thread):
    assert ids(thread_list(AnonymousUser())) == set()
    member.is_active = False
    member.save()
    assert ids(thread_list(member)) == set()


def test_thread_get_hides_private_and_hidden_threads_like_missing_ones(
    outsider, member, private_thread, open_thread
):
    assert thread_get(member, private_thread.pk) == private_thread
    with pytest.raises(NotFound):
        thread_get(outsider, private_thread.pk)
    Thread.objects.filter(pk=open_thread.pk).update(is_hidden=True)
    with pytest.raises(NotFound):
        thread_get(outsider, open_thread.pk)
    with pytest.raises(NotFound):
        thread_get(outsider, 10**9)


def test_reply_get_hides_replies_in_private_spaces(outsider, member, private_reply):
    assert reply_get(member, private_reply.pk) == private_reply
    with pytest.raises(NotFound):
        reply_get(outsider, private_reply.pk)


def test_home_feed_never_shows_private_threads_to_outsiders_whatever_they_follow(
    outsider, member, private_space, private_thread
):
    # Follows left over from before a removal, or made directly: none may reopen the space.
    topic = private_thread.topics.get()
    Follow.objects.create(follower=outsider, space=private_space)
    Follow.objects.create(follower=outsider, thread=private_thread)
    Follow.objects.create(follower=outsider, topic=topic)
    Follow.objects.create(follower=outsider, person=member)

    assert ids(home_feed(outsider)) == set()


def test_replies_by_leaves_out_replies_in_private_spaces(
    outsider, colleague, private_reply, open_thread
):
    public = reply_create(author=colleague, thread=open_thread, body="public")
    assert ids(replies_by(outsider, colleague)) == {public.pk}
    assert ids(replies_by(colleague, colleague)) == {public.pk, private_reply.pk}


def test_replies_by_leaves_out_hidden_replies_and_threads(outsider, colleague, open_thread):
    hidden = reply_create(author=colleague, thread=open_thread, body="hidden reply")
    Reply.objects.filter(pk=hidden.pk).update(is_hidden=True)
    assert ids(replies_by(outsider, colleague)) == set()


def test_topic_list_leaves_out_topics_used_only_in_private_spaces(
    outsider, member, private_thread, open_space
):
    thread_create(
        author=member, space=open_space, title="Open", body="b", topics=["hazmat", "forklifts"]
    )
    thread_create(author=member, space=open_space, title="Open 2", body="b", topics=["hazmat"])

    assert [(t.name, t.thread_total) for t in topic_list(outsider).items] == [
        ("hazmat", 2),
        ("forklifts", 1),
    ]
    assert {t.name for t in topic_list(member).items} == {"hazmat", "forklifts", "secret-project"}


def test_topic_counts_do_not_reveal_private_volume(outsider, member, private_space, open_space):
    thread_create(author=member, space=open_space, title="Open", body="b", topics=["hazmat"])
    for n in range(3):
        thread_create(
            author=member, space=private_space, title=f"P{n}", body="b", topics=["hazmat"]
        )
    (hazmat,) = topic_list(outsider).items
    assert hazmat.thread_total == 1


def test_bookmarks_of_threads_no_longer_visible_are_left_out(outsider, open_space, open_thread):
    bookmark_add(person=outsider, thread=open_thread)
    assert ids(bookmarked_threads(outsider)) == {open_thread.pk}
    open_space.visibility = "private"
    open_space.save()
    assert ids(bookmarked_threads(outsider)) == set()


# --- the home feed ------------------------------------------------------------------------


@pytest.fixture
def elsewhere(db):
    """An open space the reader has not joined, with threads by strangers."""
    return SpaceFactory(name="Airport freight", slug="airport-freight")


def test_home_feed_shows_threads_from_the_persons_spaces(
    member, open_space, private_space, elsewhere
):
    mine = ThreadFactory(space=open_space)
    cohort = ThreadFactory(space=private_space)
    ThreadFactory(space=elsewhere)
    assert ids(home_feed(member)) == {mine.pk, cohort.pk}


def test_home_feed_shows_threads_on_followed_topics(outsider, elsewhere):
    hazmat, other = TopicFactory(name="hazmat"), TopicFactory(name="other")
    on_topic = ThreadFactory(space=elsewhere)
    on_topic.topics.set([hazmat, other])
    ThreadFactory(space=elsewhere).topics.set([other])
    follow_add(follower=outsider, kind="topic", target=hazmat)
    assert ids(home_feed(outsider)) == {on_topic.pk}


def test_home_feed_shows_threads_by_followed_people(outsider, elsewhere):
    expert = PersonFactory()
    by_expert = ThreadFactory(space=elsewhere, author=expert)
    ThreadFactory(space=elsewhere)
    follow_add(follower=outsider, kind="person", target=expert)
    assert ids(home_feed(outsider)) == {by_expert.pk}


def test_home_feed_shows_followed_spaces_and_threads(outsider, elsewhere, open_space):
    in_followed_space = ThreadFactory(space=elsewhere)
    followed_thread = ThreadFactory(space=open_space)
    ThreadFactory(space=open_space)
    follow_add(follower=outsider, kind="space", target=elsewhere)
    follow_add(follower=outsider, kind="thread", target=followed_thread)
    assert ids(home_feed(outsider)) == {in_followed_space.pk, followed_thread.pk}


def test_home_feed_lists_a_thread_once_however_it_matches(member, open_space):
    a, b = TopicFactory(name="a"), TopicFactory(name="b")
    thread = ThreadFactory(space=open_space)
    thread.topics.set([a, b])
    follow_add(follower=member, kind="topic", target=a)
    follow_add(follower=member, kind="topic", target=b)
    follow_add(follower=member, kind="space", target=open_space)
    follow_add(follower=member, kind="thread", target=thread)
    assert [t.pk for t in home_feed(member).items] == [thread.pk]


def test_home_feed_is_newest_activity_first_and_leaves_out_other_kinds(member, open_space):
    older = thread_create(author=member, space=open_space, title="older", body="b")
    newer = thread_create(author=member, space=open_space, title="newer", body="b")
    ThreadFactory(space=open_space, kind=ThreadKind.WIKI)
    reply_create(author=member, thread=older, body="bump")
    assert [t.pk for t in home_feed(member).items] == [older.pk, newer.pk]


def test_a_person_with_nothing_followed_has_an_empty_feed(outsider, open_thread, elsewhere):
    ThreadFactory(space=elsewhere)
    assert ids(home_feed(outsider)) == set()

"""Query budgets: a list costs the same number of queries with a few rows and with many,
including everything a list row shows (author, space, topics)."""

import pytest

from groundswell.threads.models import Thread, ThreadKind
from groundswell.threads.selectors import home_feed, reply_list, thread_list
from tests.factories import OrgUnitFactory, PersonFactory, ReplyFactory, ThreadFactory, TopicFactory

THREAD_LIST_QUERIES = 2  # the page, then the topics of all its threads
REPLY_LIST_QUERIES = 1  # the page, authors and their units joined in


def make_threads(count, space, topics):
    for _ in range(count):
        ThreadFactory(space=space, author=PersonFactory()).topics.set(topics)


def touch_thread_rows(page):
    """What a list row renders."""
    return [(t.title, t.author.name, t.space.name, [x.name for x in t.topics.all()]) for t in page]


@pytest.fixture
def topics(db):
    return [TopicFactory(name="hazmat"), TopicFactory(name="forklifts")]


@pytest.mark.parametrize("rows", [2, 40])
def test_thread_list_budget(
    member, open_space, private_space, topics, rows, django_assert_max_num_queries
):
    make_threads(rows // 2, open_space, topics)
    make_threads(rows // 2, private_space, topics)
    with django_assert_max_num_queries(THREAD_LIST_QUERIES):
        page = thread_list(member, per_page=50)
        rendered = touch_thread_rows(page)
    assert len(rendered) == rows


@pytest.mark.parametrize("rows", [2, 40])
def test_thread_list_filtered_by_topic_budget(
    member, open_space, topics, rows, django_assert_max_num_queries
):
    make_threads(rows, open_space, topics)
    with django_assert_max_num_queries(THREAD_LIST_QUERIES):
        rendered = touch_thread_rows(thread_list(member, topic=topics[0], per_page=50))
    assert len(rendered) == rows


@pytest.mark.parametrize("rows", [2, 40])
def test_home_feed_budget(
    member, open_space, private_space, topics, rows, django_assert_max_num_queries
):
    from groundswell.threads.models import Follow

    make_threads(rows // 2, open_space, topics)
    make_threads(rows // 2, private_space, topics)
    Follow.objects.create(follower=member, topic=topics[0])
    Follow.objects.create(follower=member, person=PersonFactory())
    with django_assert_max_num_queries(THREAD_LIST_QUERIES):
        rendered = touch_thread_rows(home_feed(member, per_page=50))
    assert len(rendered) == rows


@pytest.mark.parametrize("rows", [2, 50])
def test_reply_list_budget(member, open_space, rows, django_assert_max_num_queries):
    unit = OrgUnitFactory()
    question = ThreadFactory(space=open_space, kind=ThreadKind.QUESTION)
    replies = [
        ReplyFactory(thread=question, author=PersonFactory(org_unit=unit)) for _ in range(rows)
    ]
    Thread.objects.filter(pk=question.pk).update(accepted_reply=replies[-1])
    question.refresh_from_db()
    with django_assert_max_num_queries(REPLY_LIST_QUERIES):
        page = reply_list(member, question, per_page=50)
        rendered = [(r.body_html, r.author.name, r.author.org_unit.name) for r in page]
    assert len(rendered) == rows
    assert page.items[0].pk == replies[-1].pk

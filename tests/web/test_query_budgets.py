"""Pages issue a number of queries that does not grow with the data (ARCHITECTURE: bounded)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.threads import services as threads
from groundswell.threads.models import Bookmark
from tests.factories import (
    MembershipFactory,
    PersonFactory,
    ReplyFactory,
    ThreadFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _grow(space, question, reader, n):
    """n more people, each a member who asks a question (topic hazmat) and answers one."""
    topic = TopicFactory(name="hazmat")
    for _ in range(n):
        author = PersonFactory()
        MembershipFactory(space=space, person=author)
        thread = ThreadFactory(space=space, author=author, kind="question")
        thread.topics.add(topic)
        ReplyFactory(thread=question, author=author)
        Bookmark.objects.create(person=reader, thread=thread)


def test_page_queries_do_not_grow_with_the_data(login, member, asker, open_space, question):
    client = login(member)
    threads.follow_add(follower=member, kind="person", target=asker)
    urls = [
        "/",
        question.get_absolute_url(),
        f"/spaces/{open_space.slug}/",
        f"/spaces/{open_space.slug}/members/",
        "/spaces/",
        "/topics/",
        "/topics/hazmat/",
        "/people/",
        f"/people/{asker.username}/",
        f"/people/{asker.username}/?show=replies",
        "/bookmarks/",
    ]
    _grow(open_space, question, member, 2)
    few = {url: _queries(client, url) for url in urls}
    _grow(open_space, question, member, 50)  # the thread page then shows 52 replies
    many = {url: _queries(client, url) for url in urls}
    assert many == few
    assert max(few.values()) <= 20, few

"""The search page, the similar partial, the thread page's related threads and the API cost
the same number of queries with 5 matching threads as with 50 (TRUST 16)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.search.services import search_rebuild
from tests.factories import PersonFactory, ReplyFactory, ThreadFactory, TopicFactory

pytestmark = pytest.mark.django_db

# Upper bounds. Measured: the search page 6 (session, person, the reader's spaces for the
# filter, the search, the threads, their topics) plus what the site's frame adds to every page;
# the partial 4; the API 5 and 4 (session, person, search, threads, topics).
BUDGETS = {
    "/search/?q=pallets": 10,
    "/search/?q=pallets&kind=discussion&topic=wood&status=&space=drivers-lounge": 10,
    "/search/similar/?title=pallets": 4,
    "/api/v1/search?q=pallets&per_page=100": 5,
    "/api/v1/search/similar?title=pallets": 4,
}


def _grow(space, size):
    topics = [TopicFactory(name="pallets"), TopicFactory(name="wood")]  # get or create
    for n in range(size):
        thread = ThreadFactory(space=space, author=PersonFactory(), title=f"Pallets note {n}")
        thread.topics.set(topics)
        ReplyFactory(thread=thread, body="Stack the pallets by the door.")
    search_rebuild()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    assert " note " in response.content.decode(), url
    return len(captured)


def test_search_costs_do_not_grow_with_the_results(client, member, open_space):
    client.force_login(member)
    _grow(open_space, 5)
    few = {url: _queries(client, url) for url in BUDGETS}
    _grow(open_space, 45)
    many = {url: _queries(client, url) for url in BUDGETS}
    assert many == few
    assert all(few[url] <= budget for url, budget in BUDGETS.items()), few


@pytest.mark.parametrize("size", [5, 50])
def test_related_threads_cost_one_search_query(client, member, open_space, size):
    _grow(open_space, size)
    thread = open_space.threads.first()
    client.force_login(member)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(thread.get_absolute_url())
    searches = [q for q in captured.captured_queries if "search_thread" in q["sql"]]
    assert "Related threads" in response.content.decode()
    assert len(searches) == 1
    assert len(captured) <= 20

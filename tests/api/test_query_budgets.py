"""Every list answers in a number of queries that does not grow with the rows (5 vs 30)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.people.models import ApiToken
from groundswell.threads.models import Bookmark, Follow, ThreadKind, Vote
from tests.factories import (
    MembershipFactory,
    OrgUnitFactory,
    PersonFactory,
    ReplyFactory,
    SpaceFactory,
    ThreadFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

# Measured budgets; they include the session and user lookups of session authentication.
LIST_BUDGETS = {
    "/threads": 4,
    "/threads?topic=topic-0": 7,
    "/feed": 4,
    "/bookmarks": 4,
    "/follows": 3,
    "/spaces": 3,
    "/spaces/drivers-lounge/members": 4,
    "/people": 3,
    "/people/member/threads": 6,
    "/units": 3,
    "/topics": 3,
    "/topics/topic-0/threads": 7,
    "/me/tokens": 3,
    "/threads/{question}/replies": 7,
}


def _populate(size, member, open_space):
    depot = OrgUnitFactory(code="depot")
    question = ThreadFactory(space=open_space, author=member, kind=ThreadKind.QUESTION)
    for n in range(size):
        unit = OrgUnitFactory(parent=depot)
        author = PersonFactory(org_unit=unit, manager=member)
        MembershipFactory(space=open_space, person=author)
        thread = ThreadFactory(space=open_space, author=author if n % 2 else member)
        thread.topics.add(TopicFactory(name=f"topic-{n}"), TopicFactory(name="topic-0"))
        reply = ReplyFactory(thread=question, author=author)
        Vote.objects.create(person=member, reply=reply, value=1)
        Bookmark.objects.create(person=member, thread=thread)
        Follow.objects.create(follower=member, thread=thread)
        Follow.objects.create(follower=member, person=author)
        Follow.objects.create(follower=member, topic=TopicFactory(name=f"topic-{n}"))
        ApiToken.objects.create(person=member, name=f"t{n}", prefix=f"{n:08x}", digest=f"{n:064x}")
        MembershipFactory(space=SpaceFactory(), person=member if n % 2 else author)
    return question


@pytest.mark.parametrize("size", [5, 30])
def test_list_query_budgets(member_api, member, open_space, size):
    question = _populate(size, member, open_space)
    for path, budget in LIST_BUDGETS.items():
        url = path.format(question=question.pk)
        with CaptureQueriesContext(connection) as queries:
            response = member_api.get(url, {"per_page": 100} if "?" not in url else None)
        assert response.status_code == 200, url
        assert len(response.json()["items"]) >= 3, url
        assert len(queries) <= budget, (url, len(queries), [q["sql"] for q in queries])


@pytest.mark.parametrize("size", [5, 30])
def test_thread_detail_budget(member_api, member, open_space, django_assert_max_num_queries, size):
    question = _populate(size, member, open_space)
    with django_assert_max_num_queries(7):
        assert member_api.get(f"/threads/{question.pk}").status_code == 200


@pytest.mark.parametrize("size", [5, 30])
def test_token_auth_adds_bounded_queries(
    token_api, member, open_space, django_assert_max_num_queries, size
):
    api = token_api(member)
    _populate(size, member, open_space)
    api.get("/me")  # the first use writes last_used_at
    with django_assert_max_num_queries(3):
        assert len(api.get("/threads", {"per_page": 100}).json()["items"]) >= 5

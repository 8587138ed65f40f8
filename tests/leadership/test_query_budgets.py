"""Query budgets: the leadership space page and an AMA page cost the same number of queries
with a few questions (and answers) as with many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.leadership.models import AmaQuestion
from groundswell.threads.models import ThreadKind
from tests.factories import PersonFactory, ReplyFactory, ThreadFactory

# Session, person, messages, the space, its leaders (2), the page, votes, answers, topics…
PAGE_BUDGET = 25


def _questions(space, leader, count, *, session=None):
    for n in range(count):
        thread = ThreadFactory(
            space=space,
            author=PersonFactory(),
            kind=ThreadKind.QUESTION,
            title=f"Question {n}",
            is_anonymous=n % 2 == 0,
        )
        ReplyFactory(thread=thread, author=leader)
        if session is not None:
            AmaQuestion.objects.create(session=session, thread=thread)


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["space", "ama"])
def test_page_budget_does_not_grow_with_questions(
    client, leadership_space, leader, colleague, session, page
):
    url = f"/leadership/{leadership_space.slug}/" if page == "space" else session.get_absolute_url()
    client.force_login(colleague)
    _questions(leadership_space, leader, 2, session=session)
    few = _count(client, url)
    _questions(leadership_space, leader, 18, session=session)
    many = _count(client, url)
    assert many == few, f"{few} queries with 2 questions, {many} with 20"
    assert many <= PAGE_BUDGET

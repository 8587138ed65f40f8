"""`GET /api/v1/search` and `GET /api/v1/search/similar`."""

import pytest

from groundswell.threads import services as threads
from groundswell.threads.models import ThreadKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def hazmat(post, writer, helper):
    question = post("Hazmat labels for lithium", kind=ThreadKind.QUESTION, topics=["hazmat"])
    threads.reply_accept(
        person=writer,
        reply=threads.reply_create(author=helper, thread=question, body="The UN3481 label."),
    )
    post("Hazmat training dates", "Next course in May.")
    return question


def test_search_answers_a_page_of_results(member_api, hazmat):
    body = member_api.get("/search", {"q": "hazmat lab"}).json()
    assert body["page"] == 1 and body["has_next"] is False
    [item] = body["items"]
    assert item["thread"]["id"] == hazmat.pk
    assert item["thread"]["topics"] == ["hazmat"]
    assert item["thread"]["has_accepted_answer"] is True
    assert item["title_html"] == "<mark>Hazmat</mark> <mark>labels</mark> for lithium"
    assert "<mark>label</mark>" in item["snippet_html"]


def test_search_filters(member_api, hazmat):
    def titles(**params):
        items = member_api.get("/search", {"q": "hazmat", **params}).json()["items"]
        return [item["thread"]["title"] for item in items]

    assert titles(kind="question") == ["Hazmat labels for lithium"]
    assert titles(status="accepted") == ["Hazmat labels for lithium"]
    assert titles(topic="hazmat") == ["Hazmat labels for lithium"]
    assert titles(author="writer", kind="discussion") == ["Hazmat training dates"]
    assert titles(space="drivers-lounge") == titles() != []
    assert titles(space="cohort-a") == titles(space="no-such-space") == []
    assert titles(**{"from": "2000-01-01", "to": "2000-12-31"}) == []


def test_an_empty_or_odd_query_is_an_empty_page(member_api, hazmat):
    for q in ("", '"', "NEAR(", "*:-", "x" * 1000):
        response = member_api.get("/search", {"q": q})
        assert response.status_code == 200, q
        assert isinstance(response.json()["items"], list)


def test_bad_parameters_are_refused(member_api):
    assert member_api.get("/search", {"q": "x", "kind": "poem"}).status_code == 422
    assert member_api.get("/search", {"q": "x", "status": "done"}).status_code == 422
    assert member_api.get("/search", {"q": "x", "from": "yesterday"}).status_code == 422
    assert member_api.get("/search", {"q": "x" * 1001}).status_code == 422
    assert member_api.get("/search/similar", {"title": "x", "limit": 50}).status_code == 422


def test_similar_lists_threads_like_a_title(member_api, hazmat):
    body = member_api.get("/search/similar", {"title": "Which label for lithium batt"}).json()
    [item] = body["items"]
    assert item == {
        "id": hazmat.pk,
        "kind": "question",
        "title": "Hazmat labels for lithium",
        "title_html": "Hazmat <mark>labels</mark> for <mark>lithium</mark>",
        "space": {
            "slug": "drivers-lounge",
            "name": "Drivers' lounge",
            "kind": "community",
            "visibility": "open",
        },
        "reply_count": 1,
        "has_accepted_answer": True,
    }


def test_search_needs_authentication(anonymous_api):
    assert anonymous_api.get("/search", {"q": "x"}).status_code == 401
    assert anonymous_api.get("/search/similar", {"title": "x"}).status_code == 401


def test_read_tokens_may_search(token_api, member, hazmat):
    api = token_api(member, scope="read")
    assert api.get("/search", {"q": "hazmat"}).json()["items"]

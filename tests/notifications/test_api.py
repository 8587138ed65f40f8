"""The notifications API: list, unread count, read one, read all, email settings."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.notifications.models import NotificationPreference
from groundswell.spaces.models import Membership
from groundswell.threads import services as threads
from tests.api.conftest import Api
from tests.notifications.conftest import make_notifications, notified

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_for(client):
    def make(person) -> Api:
        client.force_login(person)
        return Api(client)

    return make


@pytest.fixture
def answered(depot, question, committed):
    with committed():
        answer = threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")
    [notification] = notified(depot["driver"])
    return notification, answer


def test_the_list_shows_what_happened_and_where_to_go(api_for, depot, question, answered):
    notification, answer = answered
    response = api_for(depot["driver"]).get("/notifications")
    assert response.status_code == 200
    body = response.json()
    assert body["page"] == 1
    assert body["has_next"] is False
    [item] = body["items"]
    assert item["id"] == notification.pk
    assert item["kind"] == "answer"
    assert item["summary"] == "Wes Warehouse answered your question"
    assert item["reason"] == "You asked this question."
    assert item["actor"] == {"username": "wes", "name": "Wes Warehouse", "job_title": ""}
    assert item["thread"] == {"id": question.pk, "kind": "question", "title": question.title}
    assert item["reply_id"] == answer.pk
    assert item["space"]["slug"] == "lounge"
    assert item["url"] == f"/threads/{question.pk}/#reply-{answer.pk}"
    assert item["is_read"] is False
    assert item["read_at"] is None


def test_unread_count_read_one_and_read_all(api_for, depot, question, answered):
    notification, _ = answered
    make_notifications(depot["driver"], question, 2)
    api = api_for(depot["driver"])
    assert api.get("/notifications/unread-count").json() == {"unread": 3}
    response = api.post(f"/notifications/{notification.pk}/read")
    assert response.status_code == 200
    assert response.json()["is_read"] is True
    assert api.get("/notifications/unread-count").json() == {"unread": 2}
    assert len(api.get("/notifications", {"unread": "true"}).json()["items"]) == 2
    assert api.post(f"/notifications/{notification.pk}/read").status_code == 200  # again
    assert api.post("/notifications/read-all").json() == {"marked": 2}
    assert api.get("/notifications/unread-count").json() == {"unread": 0}
    assert api.post("/notifications/read-all").json() == {"marked": 0}


def test_other_peoples_notifications_are_not_found(api_for, depot, answered):
    notification, _ = answered
    api = api_for(depot["lead"])
    response = api.post(f"/notifications/{notification.pk}/read")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert api.get("/notifications").json()["items"] == []
    assert api.post("/notifications/999999/read").status_code == 404


def test_revoked_access_hides_notifications_from_the_api(
    api_for, depot, private_question, committed
):
    with committed():
        threads.reply_create(author=depot["lead"], thread=private_question, body="Noted.")
    api = api_for(depot["driver"])
    assert "PRIVATE-CANARY" in api.get("/notifications").content.decode()
    Membership.objects.filter(space=depot["cohort"], person=depot["driver"]).delete()
    assert "PRIVATE-CANARY" not in api.get("/notifications").content.decode()
    assert api.get("/notifications/unread-count").json() == {"unread": 0}
    [notification] = notified(depot["driver"])
    assert api.post(f"/notifications/{notification.pk}/read").status_code == 404


def test_email_settings(api_for, depot):
    api = api_for(depot["driver"])
    settings = api.get("/notifications/settings").json()
    assert settings["email"] == "immediately"
    assert set(settings["choices"]) == {"immediately", "daily", "weekly", "never"}
    response = api.put("/notifications/settings", {"email": "daily"})
    assert response.status_code == 200
    assert response.json()["email"] == "daily"
    assert NotificationPreference.objects.get(person=depot["driver"]).email == "daily"
    assert api.get("/notifications/settings").json()["email"] == "daily"
    assert api.put("/notifications/settings", {"email": "hourly"}).status_code == 422
    assert api.put("/notifications/settings", {"email": "never", "person": 1}).status_code == 422


def test_the_endpoints_need_a_sign_in(client):
    api = Api(client)
    for path in ("/notifications", "/notifications/unread-count", "/notifications/settings"):
        assert api.get(path).status_code == 401, path
    assert api.post("/notifications/read-all").status_code == 401


def _queries(api, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = api.get(path)
    assert response.status_code == 200, path
    return len(captured)


def test_query_budget_is_the_same_with_5_and_50_notifications(api_for, depot, question):
    api = api_for(depot["driver"])
    paths = ("/notifications", "/notifications?per_page=100", "/notifications/unread-count")
    make_notifications(depot["driver"], question, 5)
    few = {path: _queries(api, path) for path in paths}
    make_notifications(depot["driver"], question, 45)
    many = {path: _queries(api, path) for path in paths}
    assert few == many
    assert many["/notifications"] <= 4

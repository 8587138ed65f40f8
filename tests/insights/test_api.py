import pytest

from groundswell.insights.models import Insight


@pytest.fixture
def api(client):
    def _as(person):
        client.force_login(person)
        return client

    return _as


def test_report_and_triage_through_the_api(api, org):
    driver = api(org["driver"])
    response = driver.post(
        "/api/v1/insights",
        {"text": "Bridge closed on the A61", "category": "route", "topics": ["roads"]},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "new" and body["can_triage"] is False
    insight_id = body["id"]
    manager = api(org["regional"])
    inbox = manager.get("/api/v1/insights/inbox").json()
    assert [i["id"] for i in inbox["items"]] == [insight_id]
    changed = manager.post(
        f"/api/v1/insights/{insight_id}/status",
        {"status": "acknowledged", "message": "Thanks", "expected_status": "new"},
        content_type="application/json",
    )
    assert changed.status_code == 200
    assert changed.json()["timeline"][0]["message"] == "Thanks"
    invalid = manager.post(
        f"/api/v1/insights/{insight_id}/status",
        {"status": "new"},
        content_type="application/json",
    )
    assert invalid.status_code == 400 and "cannot become" in invalid.json()["detail"]
    peer = api(org["peer"])
    assert (
        peer.post(
            f"/api/v1/insights/{insight_id}/corroborate", {}, content_type="application/json"
        ).status_code
        == 201
    )
    assert (
        peer.post(
            f"/api/v1/insights/{insight_id}/status",
            {"status": "actioned"},
            content_type="application/json",
        ).status_code
        == 403
    )


def test_confidential_insight_is_invisible_to_peers_through_the_api(api, org, report):
    secret = report(
        text="Supervisor asks us to skip rest breaks", confidential=True, category="safety"
    )
    peer = api(org["peer"])
    assert peer.get(f"/api/v1/insights/{secret.pk}").status_code == 404
    assert "rest breaks" not in peer.get("/api/v1/insights").content.decode()
    assert (
        peer.post(
            f"/api/v1/insights/{secret.pk}/corroborate", {}, content_type="application/json"
        ).status_code
        == 404
    )
    manager = api(org["depot_manager"])
    assert manager.get(f"/api/v1/insights/{secret.pk}").status_code == 200


def test_bulk_acknowledge_api_refuses_foreign_ids(api, org, report):
    mine, foreign = report(), report(reporter=org["other_manager"])
    manager = api(org["depot_manager"])
    response = manager.post(
        "/api/v1/insights/acknowledge",
        {"insights": [mine.pk, foreign.pk]},
        content_type="application/json",
    )
    assert response.status_code in {403, 404}
    assert not Insight.objects.exclude(status="new").exists()

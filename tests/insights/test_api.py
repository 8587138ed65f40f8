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


def test_reporter_attaches_a_photo_through_the_api_and_it_downloads_safely(api, org, report):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.insights.samples import PNG

    insight = report()
    driver = api(org["driver"])
    url = f"/api/v1/insights/{insight.pk}/photo"
    assert driver.get(url).status_code == 404  # no photo yet
    response = driver.post(url, {"photo": SimpleUploadedFile("x.svg", PNG, "image/svg+xml")})
    assert response.status_code == 200, response.content
    assert response.json()["has_photo"] is True
    insight.refresh_from_db()
    assert insight.photo_type == "image/png" and insight.photo.name.endswith(".png")
    for client in (driver, api(org["regional"]), api(org["peer"])):  # all may see it
        download = client.get(url)
        assert download.status_code == 200
        assert download["Content-Type"] == "image/png"
        assert download["Content-Disposition"].startswith("attachment;")
        assert download["X-Content-Type-Options"] == "nosniff"
        assert b"".join(download.streaming_content) == PNG
    # The page serves it the same way.
    page = driver.get(f"/insights/{insight.pk}/photo/")
    assert page["Content-Disposition"].startswith("attachment;")
    assert page["X-Content-Type-Options"] == "nosniff"


def test_photo_upload_checks_type_size_and_owner(api, org, report, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from groundswell.insights import photos
    from tests.insights.samples import PNG

    insight = report()
    url = f"/api/v1/insights/{insight.pk}/photo"
    driver = api(org["driver"])
    html = SimpleUploadedFile("p.png", b"<svg onload=alert(1)></svg>", content_type="image/png")
    wrong = driver.post(url, {"photo": html})
    assert wrong.status_code == 400 and "PNG, JPEG or WebP" in wrong.json()["detail"]
    big = SimpleUploadedFile("big.png", PNG + b"\0" * photos.MAX_PHOTO_BYTES, "image/png")
    too_big = driver.post(url, {"photo": big})
    assert too_big.status_code in {400, 413}
    assert "5 MB" in too_big.json()["detail"] or too_big.status_code == 413
    # Someone else's insight: 404 (for a peer who sees it and a manager who triages it alike).
    for name in ("peer", "regional"):
        other = api(org[name]).post(url, {"photo": SimpleUploadedFile("p.png", PNG, "image/png")})
        assert other.status_code == 404
    insight.refresh_from_db()
    assert not insight.photo


def test_outsiders_cannot_download_a_confidential_photo(api, org, report):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.insights.samples import PNG

    secret = report(
        confidential=True, photo=SimpleUploadedFile("p.png", PNG, content_type="image/png")
    )
    for name in ("peer", "other_manager"):
        client = api(org[name])
        assert client.get(f"/api/v1/insights/{secret.pk}/photo").status_code == 404
        assert client.get(f"/insights/{secret.pk}/photo/").status_code == 404
    assert api(org["depot_manager"]).get(f"/api/v1/insights/{secret.pk}/photo").status_code == 200

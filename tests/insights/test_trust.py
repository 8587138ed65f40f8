"""TRUST 7 — a manager sees the insights routed to their units, not other units' — and
TRUST 6 — an attachment (the insight photo) re-checks permission on every download and is
sent with nosniff, as an attachment — on every surface: pages, partials, API, exports,
trends and notifications."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from groundswell.insights import selectors, services
from groundswell.notifications.models import Notification
from tests.insights.samples import PNG

TEXT = "FOREIGN-UNIT-CANARY FastFreight flyer at the York retail park"


@pytest.fixture
def york_insight(org, django_capture_on_commit_callbacks):
    """An open (not confidential) insight from the York depot, with a photo, clustered twice:
    none of it is Leeds' business."""
    from tests.factories import PersonFactory

    york_driver = PersonFactory(username="yorkdriver", org_unit=org["other_depot"])
    york_driver.manager = org["other_manager"]
    york_driver.save()
    with django_capture_on_commit_callbacks(execute=True):
        insight = services.insight_report(
            reporter=york_driver,
            text=TEXT,
            category="competitor",
            photo=SimpleUploadedFile("p.png", PNG, content_type="image/png"),
        )
        services.insight_report(reporter=york_driver, text=TEXT + " again", category="competitor")
    return insight


def test_a_depot_manager_sees_nothing_of_another_depot(client, org, york_insight):
    """The Leeds depot manager is a manager, in the same region, but not on York's line."""
    leeds = org["depot_manager"]
    client.force_login(leeds)
    pk = york_insight.pk
    for path in (f"/insights/{pk}/", f"/insights/{pk}/photo/", f"/api/v1/insights/{pk}"):
        assert client.get(path).status_code == 404, path
    assert client.get(f"/api/v1/insights/{pk}/photo").status_code == 404
    for path in (
        "/insights/inbox/?status=all",
        "/insights/trends/",
        "/insights/trends/?unit=york",
        "/api/v1/insights",
        "/api/v1/insights/inbox?status=all",
        "/notifications/",
        "/api/v1/notifications",
    ):
        response = client.get(path)
        assert "FOREIGN-UNIT-CANARY" not in response.content.decode(), path
    export = client.get("/insights/export.csv?unit=york").content.decode()
    assert len(list(csv.reader(io.StringIO(export)))) == 1  # the header only
    # Writes are refused the same way (404, nothing changes).
    assert client.post(f"/insights/{pk}/status/", {"status": "acknowledged"}).status_code == 404
    assert client.post(f"/insights/{pk}/corroborate/", {}).status_code == 404
    assert not Notification.objects.filter(recipient=leeds).exists()
    assert selectors.trends(leeds, unit=org["other_depot"]).clusters == []


def test_only_the_managers_on_the_line_see_it(client, org, york_insight):
    """Being a manager higher up the org chart is not enough: the North regional manager is not
    on the York driver's reporting line, so York's insight is not theirs (open insights are
    visible down the reporter's unit, not up). The York manager has it routed."""
    client.force_login(org["regional"])
    assert client.get(f"/insights/{york_insight.pk}/").status_code == 404
    assert "FOREIGN-UNIT-CANARY" not in client.get("/insights/inbox/").content.decode()
    client.force_login(org["other_manager"])
    assert client.get(f"/insights/{york_insight.pk}/").status_code == 200
    assert "FOREIGN-UNIT-CANARY" in client.get("/insights/inbox/").content.decode()
    assert Notification.objects.filter(recipient=org["other_manager"]).count() == 2


def test_a_leader_of_another_unit_is_not_routed(org, report):
    from tests.factories import PersonFactory

    york_lead = PersonFactory(username="yorklead", org_unit=org["other_depot"])
    org["other_depot"].leader = york_lead
    org["other_depot"].save()
    insight = report(confidential=True)
    assert not insight.routed_managers.filter(pk=york_lead.pk).exists()
    assert not selectors.inbox(york_lead).items


def test_photo_download_rechecks_permission_on_every_request(client, org, report):
    insight = report(
        confidential=True, photo=SimpleUploadedFile("p.png", PNG, content_type="image/png")
    )
    client.force_login(org["regional"])
    for path in (f"/insights/{insight.pk}/photo/", f"/api/v1/insights/{insight.pk}/photo"):
        response = client.get(path)
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="insight-{insight.pk}.png"'
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Type"] == "image/png"
    # Routed away: the very next download is refused, page and API alike.
    insight.routed_managers.remove(org["regional"])
    for path in (f"/insights/{insight.pk}/photo/", f"/api/v1/insights/{insight.pk}/photo"):
        assert client.get(path).status_code == 404

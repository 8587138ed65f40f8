import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.insights import services
from groundswell.insights.models import Insight, Status
from tests.insights.samples import PNG


def _client(client, person):
    client.force_login(person)
    return client


def test_report_page_reports_and_redirects_to_the_insight(client, org):
    c = _client(client, org["driver"])
    assert b"Report an insight" in c.get("/").content  # one tap from home (nav)
    response = c.post(
        "/insights/report/",
        {
            "text": "New business park opening on Thorpe Lane",
            "category": "opportunity",
            "location": "",
            "topics": "growth",
            "photo": SimpleUploadedFile("p.png", PNG, content_type="image/png"),
        },
    )
    insight = Insight.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/insights/{insight.pk}/?reported=1"
    assert insight.photo_type == "image/png"
    page = c.get(response["Location"])
    assert b"Thorpe Lane" in page.content and b"data-insight-reported" in page.content


def test_failed_report_keeps_what_was_typed(client, org):
    c = _client(client, org["driver"])
    bad = SimpleUploadedFile("p.png", b"<html><script>x</script></html>", content_type="image/png")
    response = c.post(
        "/insights/report/",
        {"text": "Long queue at the Harrogate customer dock", "category": "customer", "photo": bad},
    )
    assert response.status_code == 400
    assert b"Long queue at the Harrogate customer dock" in response.content
    assert b"PNG, JPEG or WebP" in response.content
    assert not Insight.objects.exists()


def test_photo_download_rechecks_visibility(client, org, report):
    insight = report(
        confidential=True, photo=SimpleUploadedFile("p.png", PNG, content_type="image/png")
    )
    c = _client(client, org["regional"])
    response = c.get(f"/insights/{insight.pk}/photo/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PNG
    c.force_login(org["peer"])
    assert c.get(f"/insights/{insight.pk}/photo/").status_code == 404
    assert c.get(f"/insights/{insight.pk}/").status_code == 404


def test_manager_acknowledges_and_actions_then_the_reporter_sees_the_outcome(client, org, report):
    insight = report()
    c = _client(client, org["regional"])
    page = c.get(f"/insights/{insight.pk}/")
    assert b"Change status" in page.content
    c.post(
        f"/insights/{insight.pk}/status/",
        {"status": "acknowledged", "expected_status": "new", "message": "Seen, thanks"},
    )
    c.post(
        f"/insights/{insight.pk}/status/",
        {"status": "actioned", "expected_status": "acknowledged", "message": "Price matched"},
    )
    stale = c.post(
        f"/insights/{insight.pk}/status/", {"status": "declined", "expected_status": "acknowledged"}
    )
    assert stale.status_code == 409
    c.force_login(org["driver"])
    mine = c.get("/insights/").content.decode()
    assert "Price matched" in mine and "Seen, thanks" in mine and "Actioned" in mine
    assert "Change status" not in c.get(f"/insights/{insight.pk}/").content.decode()


def test_peer_cannot_change_status_through_the_page(client, org, report):
    insight = report()
    c = _client(client, org["peer"])
    response = c.post(f"/insights/{insight.pk}/status/", {"status": "acknowledged"})
    assert response.status_code == 403
    assert Insight.objects.get().status == Status.NEW
    c.post(f"/insights/{insight.pk}/corroborate/", {"detail": "Yes, at Asda"})
    assert Insight.objects.get().corroboration_count == 1


def test_bulk_acknowledge_page(client, org, report):
    a, b = report(), report(text="Fuel card refused at Shell Seacroft", category="fuel")
    foreign = report(reporter=org["other_manager"])
    c = _client(client, org["depot_manager"])
    refused = c.post("/insights/inbox/acknowledge/", {"insights": [a.pk, foreign.pk]})
    assert refused.status_code in {403, 404}
    assert set(Insight.objects.values_list("status", flat=True)) == {"new"}
    c.post("/insights/inbox/acknowledge/", {"insights": [a.pk, b.pk], "message": "Got these"})
    assert Insight.objects.filter(status="acknowledged").count() == 2


def test_export_csv_scope_and_content(client, org, report):
    report(text="=HYPERLINK(evil)")
    report(text="Secret restructuring rumour", confidential=True)
    report(reporter=org["other_manager"], text="York only")
    c = _client(client, org["regional"])
    response = c.get("/insights/export.csv?unit=north")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "id"
    texts = [r[-1] for r in rows[1:]]
    assert texts == ["'=HYPERLINK(evil)"]  # no confidential, nothing from York, no formula


@pytest.mark.parametrize("path", ["/insights/inbox/", "/insights/trends/"])
def test_management_pages_have_a_flat_query_budget(client, org, report, path):
    c = _client(client, org["regional"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert c.get(path).status_code == 200
        return len(queries)

    report()
    count()  # warm up: the first request after logging in may touch the session
    few = count()
    for n in range(15):
        insight = report(
            text=f"Competitor promotion flyer seen at shop {n}",
            reporter=org["peer"] if n % 2 else org["driver"],
        )
        services.insight_corroborate(person=org["depot_manager"], insight=insight)
    many = count()
    assert many == few
    assert many <= 14


def test_trends_chart_is_an_svg_image_with_the_weekly_counts(client, org, report):
    for n in range(3):
        report(text=f"Competitor FastFreight 20% off promotion flyer number {n}")
    c = _client(client, org["regional"])
    page = c.get("/insights/trends/?unit=north").content.decode()
    assert "FastFreight" in page and "3 reports" in page
    assert "/insights/trends/chart.svg?unit=north" in page
    chart = c.get("/insights/trends/chart.svg?unit=north")
    assert chart["Content-Type"] == "image/svg+xml"
    assert chart.content.count(b"<rect") == 12
    assert b">3</text>" in chart.content


def test_pages_answer_for_everyone(client, org):
    c = _client(client, org["peer"])
    for path in ("/insights/", "/insights/report/", "/insights/inbox/", "/insights/trends/"):
        assert c.get(path).status_code == 200, path

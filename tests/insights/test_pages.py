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


HTMX = {"HTTP_HX_REQUEST": "true"}


def test_triage_actions_swap_the_insight_panel_for_htmx(client, org, report):
    insight = report()
    c = _client(client, org["regional"])
    url = f"/insights/{insight.pk}/"
    response = c.post(
        f"{url}status/",
        {"status": "acknowledged", "expected_status": "new", "message": "Seen, thanks"},
        **HTMX,
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="insight-panel"' in body
    assert "<html" not in body  # a partial, not the page
    assert "Seen, thanks" in body and 'value="acknowledged"' in body  # fresh timeline and form
    assert "Status changed" in body  # the announcement, out of band
    response = c.post(f"{url}respond/", {"message": "Sales are on it"}, **HTMX)
    assert "Sales are on it" in response.content.decode()
    response = c.post(f"{url}assign/", {"assignee": "depotmgr"}, **HTMX)
    assert f"Assigned to {org['depot_manager'].name}" in response.content.decode()
    c.force_login(org["peer"])
    response = c.post(f"{url}corroborate/", {"detail": "Same at Asda"}, **HTMX)
    assert "Same at Asda" in response.content.decode() and "<html" not in response.content.decode()
    # An error comes back as a message for the live region, and changes nothing.
    refused = c.post(f"{url}status/", {"status": "actioned"}, **HTMX)
    assert refused.status_code == 403 and refused["HX-Retarget"] == "#toast"
    # Without JavaScript the same forms still post and redirect back.
    c.force_login(org["regional"])
    plain = c.post(f"{url}respond/", {"message": "Plain post"})
    assert plain.status_code == 302 and plain["Location"] == url


def test_bulk_acknowledge_swaps_the_inbox_list_keeping_the_filters(client, org, report):
    a = report()
    b = report(text="Fuel card refused at Shell Seacroft", category="fuel")
    c = _client(client, org["depot_manager"])
    response = c.post(
        "/insights/inbox/acknowledge/",
        {"insights": [a.pk], "filters": "status=new&category=competitor"},
        **HTMX,
    )
    body = response.content.decode()
    assert response.status_code == 200 and 'id="inbox-list"' in body and "<html" not in body
    assert "1 insight(s) acknowledged" in body
    # Still filtered on new competitor insights: the acknowledged one left, the fuel one
    # never matched.
    assert f"#{a.pk} " not in body and "Shell Seacroft" not in body
    assert Insight.objects.get(pk=a.pk).status == Status.ACKNOWLEDGED
    plain = c.post(
        "/insights/inbox/acknowledge/", {"insights": [b.pk], "filters": "status=new&order=old"}
    )
    assert plain.status_code == 302
    assert plain["Location"] == "/insights/inbox/?status=new&order=old"


def test_administrators_set_a_unit_leader_in_the_admin(client, org, report):
    c = _client(client, org["admin"])
    depot = org["depot"]
    url = f"/admin/people/orgunit/{depot.pk}/change/"
    page = c.get(url)
    assert page.status_code == 200 and 'name="leader"' in page.content.decode()
    assert 'name="parent"' not in page.content.decode()  # moves go through import_people
    response = c.post(url, {"name": depot.name, "code": depot.code, "leader": org["peer"].pk})
    assert response.status_code == 302, response.content.decode()[:500]
    depot.refresh_from_db()
    assert depot.leader == org["peer"] and depot.parent == org["region"]
    assert report(reporter=org["driver"]).routed_managers.filter(pk=org["peer"].pk).exists()

"""Who may open the dashboard, what a manager sees, CSV export, audited drill-down."""

import csv
import io

import pytest
from django.urls import reverse

from groundswell.activity.models import Event, Verb
from tests.analytics.conftest import RANGE

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("analytics:dashboard")


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_learning_professional_opens_the_dashboard(client, org, learning_pro):
    client.force_login(learning_pro)
    response = client.get(DASHBOARD, RANGE)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Knowledge flow" in body and "<svg" in body and "<table" in body
    assert "Whole organisation" in body
    assert "Who learned from whom" not in body  # drill-down is for administrators


def test_a_learner_cannot_open_it(client, org):
    client.force_login(org.f1)
    assert client.get(DASHBOARD).status_code == 404
    assert client.get(reverse("analytics:export", args=["flow-matrix"])).status_code == 404


def test_a_manager_sees_only_their_units(client, org, small_cells):
    client.force_login(org.m3)
    response = client.get(DASHBOARD, RANGE)
    assert response.status_code == 200
    assert "Figures for Depot A" in response.content.decode()
    rows = _csv(client.get(reverse("analytics:export", args=["flow-matrix"]), RANGE))
    # Depot A's learners: m3 (from f1, up) and f2 (from d4 down, from f1 across); not d4.
    assert rows[1] == ["Frontline", "1", "0", "1", "0", "0"]
    assert rows[4] == ["Director", "1", "0", "0", "0", "0"]
    other = client.get(
        reverse("analytics:export", args=["flow-matrix"]), {**RANGE, "unit": "depot-b"}
    )
    assert other.status_code == 404


def test_csv_export_content(client, org, learning_pro, small_cells):
    client.force_login(learning_pro)
    response = client.get(reverse("analytics:export", args=["peer-support"]), RANGE)
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="peer-support.csv"' in response["Content-Disposition"]
    assert _csv(response) == [
        ["Measure", "Value"],
        ["Questions", "3"],
        ["Answer rate %", "66.7"],
        ["Accepted rate %", "33.3"],
        ["Median hours to first answer", "1.5"],
        ["Median hours to accepted answer", "3.0"],
    ]
    assert client.get(reverse("analytics:export", args=["nope"])).status_code == 404


def test_csv_export_suppresses_small_cells(client, org, learning_pro):
    client.force_login(learning_pro)
    rows = _csv(client.get(reverse("analytics:export", args=["flow-matrix"]), RANGE))
    assert rows[1][1] == "<5"


def test_drilldown_is_admin_only_and_audited(client, org, learning_pro, admin_person):
    url = reverse("analytics:drilldown")
    params = {**RANGE, "source": "1", "learner": "3"}
    client.force_login(learning_pro)
    assert client.get(url, params).status_code == 404
    assert not Event.objects.filter(verb=Verb.VIEWED_DRILLDOWN).exists()
    client.force_login(admin_person)
    response = client.get(url, params)
    assert response.status_code == 200
    body = response.content.decode()
    assert org.f1.name in body and org.m3.name in body and org.f2.name not in body
    audit = Event.objects.get(verb=Verb.VIEWED_DRILLDOWN)
    assert audit.actor == admin_person
    assert audit.data["source_level"] == 1 and audit.data["learner_level"] == 3


def test_private_space_names_stay_hidden(client, org, learning_pro, private_space):
    private_space.kind = "course"
    private_space.save(update_fields=["kind"])
    client.force_login(learning_pro)
    assert private_space.name not in client.get(DASHBOARD, RANGE).content.decode()


def test_person_controlled_names_render_inert(client, org, admin_person, small_cells):
    from tests.trust.test_stored_xss import PAYLOAD, problems_in

    org.f1.display_name = PAYLOAD[:150]
    org.f1.save(update_fields=["display_name"])
    org.space.name = PAYLOAD[:120]
    org.space.save(update_fields=["name"])
    client.force_login(admin_person)
    for url in (DASHBOARD, reverse("analytics:drilldown")):
        response = client.get(url, {**RANGE, "source": "1", "learner": "3"})
        assert response.status_code == 200
        html = response.content.decode()
        # The header's search icon is an <svg> of its own (the trust check reports it on
        # every page); the payload's <svg onload=…> must not be live.
        assert [p for p in problems_in(html) if p != "<svg>"] == [], url
        assert "<svg onload" not in html
    assert "&lt;script" in client.get(DASHBOARD, RANGE).content.decode()

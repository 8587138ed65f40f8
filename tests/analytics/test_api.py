"""The analytics API: same panels, filters, scope and suppression as the dashboard."""

import pytest
from django.urls import reverse

from tests.analytics.conftest import RANGE

pytestmark = pytest.mark.django_db
DASHBOARD = "/api/v1/analytics/dashboard"


def _table(name):
    return f"/api/v1/analytics/tables/{name}"


def _texts(body):
    return [[cell["text"] for cell in row] for row in body["rows"]]


def test_learning_professional_reads_every_panel(client, org, learning_pro, small_cells):
    client.force_login(learning_pro)
    response = client.get(DASHBOARD, RANGE)
    assert response.status_code == 200
    body = response.json()
    assert (body["from"], body["to"], body["scope"]) == ("2026-03-02", "2026-03-02", "organisation")
    names = [table["name"] for table in body["tables"]]
    assert names == [
        "flow-matrix",
        "direction-shares",
        "return-of-expertise",
        "peer-support",
        "unanswered",
        "topic-gaps",
        "formal-learning",
        "engagement-units",
        "engagement-levels",
        "expert-network",
    ]
    for name in names:
        one = client.get(_table(name), RANGE)
        assert one.status_code == 200, name
        assert one.json() == body["tables"][names.index(name)]


def test_cells_carry_values_and_text(client, org, learning_pro, small_cells):
    client.force_login(learning_pro)
    body = client.get(_table("peer-support"), RANGE).json()
    assert body["headers"] == ["Measure", "Value"]
    assert body["rows"][0] == [
        {"text": "Questions", "value": "Questions", "suppressed": False},
        {"text": "3", "value": 3, "suppressed": False},
    ]
    assert body["rows"][1][1]["value"] == 66.7


def test_suppressed_cells_carry_no_value(client, org, learning_pro):
    client.force_login(learning_pro)
    body = client.get(_table("flow-matrix"), RANGE).json()
    assert body["rows"][0][1] == {"text": "<5", "value": None, "suppressed": True}
    units = client.get(_table("engagement-units"), RANGE).json()
    assert all(cell["value"] is None for row in units["rows"] for cell in row[1:])


def test_filters_apply(client, org, learning_pro, small_cells):
    client.force_login(learning_pro)
    body = client.get(_table("flow-matrix"), {**RANGE, "unit": "depot-b"}).json()
    assert _texts(body)[0] == ["Frontline", "0", "0", "0", "1", "0"]
    hazmat = client.get(_table("peer-support"), {**RANGE, "topic": "hazmat"}).json()
    assert _texts(hazmat)[0] == ["Questions", "2"]
    assert client.get(_table("peer-support"), {**RANGE, "space": "nope"}).status_code == 404
    assert client.get(_table("peer-support"), {"from": "yesterday"}).status_code == 422
    too_long = client.get(_table("peer-support"), {"from": "2020-01-01", "to": "2026-03-02"})
    assert too_long.status_code == 400


def test_a_manager_sees_only_their_units(client, org, small_cells):
    client.force_login(org.m3)
    body = client.get(DASHBOARD, RANGE).json()
    assert body["scope"] == "Depot A"
    matrix = client.get(_table("flow-matrix"), RANGE).json()
    assert _texts(matrix)[0] == ["Frontline", "1", "0", "1", "0", "0"]
    units = client.get(_table("engagement-units"), RANGE).json()
    assert [row[0]["text"] for row in units["rows"]] == ["Depot A"]
    network = client.get(_table("expert-network"), RANGE).json()
    assert [row[0]["text"] for row in network["rows"]] == ["Depot A"]
    for name in ("flow-matrix", "engagement-units", "expert-network"):
        other = client.get(_table(name), {**RANGE, "unit": "depot-b"})
        assert other.status_code == 404, name
    assert client.get(DASHBOARD, {**RANGE, "unit": "depot-b"}).status_code == 404


def test_learners_and_strangers_get_nothing(client, org):
    assert client.get(DASHBOARD).status_code == 401
    client.force_login(org.f1)
    assert client.get(DASHBOARD).status_code == 404
    assert client.get(_table("engagement-units")).status_code == 404
    assert client.get(_table("flow-matrix")).status_code == 404


def test_unknown_table_is_404(client, org, learning_pro):
    client.force_login(learning_pro)
    assert client.get(_table("nope")).status_code == 404


def test_query_budget(client, org, learning_pro, django_assert_max_num_queries):
    client.force_login(learning_pro)
    with django_assert_max_num_queries(40):
        assert client.get(DASHBOARD, {"from": "2025-12-01", "to": "2026-05-31"}).status_code == 200
    for name in ("engagement-units", "engagement-levels", "expert-network", "return-of-expertise"):
        with django_assert_max_num_queries(12):
            assert client.get(_table(name), RANGE).status_code == 200


def test_nav_shows_analytics_to_those_who_may_open_it(client, org, learning_pro, admin_person):
    link = f'href="{reverse("analytics:dashboard")}"'
    for person, shown in (
        (learning_pro, True),
        (admin_person, True),
        (org.m3, True),  # a manager: their units
        (org.d4, True),  # director with a report (s2)
        (org.f1, False),
        (org.s2, False),  # level 2, no reports
    ):
        client.force_login(person)
        body = client.get(reverse("home")).content.decode()
        assert (link in body) is shown, person.username
        status = client.get(reverse("analytics:dashboard")).status_code
        assert status == (200 if shown else 404), person.username

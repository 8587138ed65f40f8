"""Exact figures for engagement by unit and level, the expert network (by unit, and by name for
administrators, audited) and the median time to acknowledge an insight."""

import pytest
from django.urls import reverse

from groundswell.activity.models import Event, Verb
from groundswell.analytics.filters import parse_filters
from groundswell.analytics.models import (
    EngagementDaily,
    EngagementMonthly,
    FlowDaily,
    FlowMonthly,
    InsightFact,
    KnowledgeTransfer,
    PairDaily,
    PairMonthly,
)
from groundswell.analytics.selectors import dashboard_table
from groundswell.analytics.selectors.drilldown import connectors_list
from groundswell.analytics.services import analytics_apply_event, analytics_rebuild
from groundswell.errors import NotFound
from groundswell.insights import services as insights
from groundswell.spaces.models import Role
from groundswell.threads import services as threads
from groundswell.threads.models import Reply
from tests.analytics.conftest import RANGE, _at
from tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _table(viewer, name, **params):
    return dashboard_table(viewer, parse_filters({**RANGE, **params}), name)


def _plain(table):
    return [[str(cell) for cell in row] for row in table.rows]


@pytest.fixture
def reader(org):
    """r6, frontline in depot A, only upvotes f1's answer: active, but not a contributor."""
    r6 = PersonFactory(username="r6", level=1, org_unit=org.depot_a, manager=org.m3)
    MembershipFactory(space=org.space, person=r6, role=Role.MEMBER)
    threads.vote_cast(person=r6, value=1, reply=Reply.objects.get(thread=org.q1))
    Event.objects.filter(actor=r6).update(created_at=_at(5))
    analytics_rebuild()
    return r6


HEADERS = ["Active people", "Contributors", "Readers", "Contributor share %"]


def test_engagement_by_unit(org, reader, admin_person, small_cells):
    table = _table(admin_person, "engagement-units")
    assert table.headers == ["Unit", *HEADERS]
    # Depot A: m3, f1, f2 asked or answered; r6 only voted. Depot B: s2 asked, d4 answered.
    assert _plain(table) == [
        ["Depot A", "4", "3", "1", "75.0"],
        ["Depot B", "2", "2", "0", "100.0"],
    ]
    assert table.summary == "Of 6 active people in the rows shown, 83.3% contributed."
    assert "Readers: active but not contributing" in table.note


def test_engagement_by_level(org, reader, admin_person, small_cells):
    assert _plain(_table(admin_person, "engagement-levels")) == [
        ["Frontline", "3", "2", "1", "66.7"],
        ["Specialist / team lead", "1", "1", "0", "100.0"],
        ["Manager", "1", "1", "0", "100.0"],
        ["Director", "1", "1", "0", "100.0"],
        ["Executive", "0", "0", "0", ""],
    ]


def test_engagement_filters_by_unit_and_suppresses(org, reader, admin_person, settings):
    settings.ANALYTICS_MIN_PEOPLE = 1
    assert _plain(_table(admin_person, "engagement-units", unit="depot-b")) == [
        ["Depot B", "2", "2", "0", "100.0"]
    ]
    settings.ANALYTICS_MIN_PEOPLE = 2
    # Depot A has one reader: readers and contributors are both hidden (one gives the other).
    assert _plain(_table(admin_person, "engagement-units"))[0] == ["Depot A", "4", "<2", "<2", "<2"]
    settings.ANALYTICS_MIN_PEOPLE = 5
    rows = _plain(_table(admin_person, "engagement-units"))
    assert rows == [["Depot A", "<5", "<5", "<5", "<5"], ["Depot B", "<5", "<5", "<5", "<5"]]
    assert "Too few people" in _table(admin_person, "engagement-units").summary


def test_expert_network_by_unit(org, reader, admin_person, small_cells):
    table = _table(admin_person, "expert-network")
    # f1 (depot A) → d4 (depot B) by endorsement; d4 (depot B) → f2 (depot A) by an upvote.
    assert _plain(table) == [
        ["Depot A", "1", "1", "1", "1"],
        ["Depot B", "1", "1", "1", "1"],
    ]
    for person in (org.f1, org.d4):
        assert person.name not in str(table.rows) + table.summary


def test_top_connectors_by_name_for_administrators_only(org, reader, admin_person, learning_pro):
    page = connectors_list(admin_person, parse_filters(RANGE))
    rows = [
        (r["person"].username, r["unit"], r["units_reached"], r["people_reached"], r["transfers"])
        for r in page.items
    ]
    # f1 taught m3, f2 and r6 at home and d4 in depot B; d4 taught f2 in depot A.
    assert rows == [("f1", "Depot A", 1, 4, 4), ("d4", "Depot B", 1, 1, 1)]
    with pytest.raises(NotFound):
        connectors_list(learning_pro, parse_filters(RANGE))


def test_connectors_page_is_audited(client, org, reader, admin_person, learning_pro):
    url = reverse("analytics:connectors")
    for person in (learning_pro, org.m3, org.f1):  # L&D, a manager, a learner: no names
        client.force_login(person)
        assert client.get(url, RANGE).status_code == 404
    assert not Event.objects.filter(verb=Verb.VIEWED_DRILLDOWN).exists()
    client.force_login(admin_person)
    body = client.get(url, RANGE).content.decode()
    assert org.f1.name in body and org.d4.name in body and org.m3.name not in body
    audit = Event.objects.get(verb=Verb.VIEWED_DRILLDOWN)
    assert audit.actor == admin_person and audit.data["panel"] == "expert-network"


def test_dashboard_links_connectors_for_administrators_only(
    client, org, admin_person, learning_pro
):
    client.force_login(learning_pro)
    assert (
        "Top connectors by name" not in client.get(reverse("analytics:dashboard")).content.decode()
    )
    client.force_login(admin_person)
    assert "Top connectors by name" in client.get(reverse("analytics:dashboard")).content.decode()


@pytest.fixture
def acknowledged(org):
    """f1 and f2 report insights at 09:00; m3 acknowledges f1's at 11:00 (2 h) and moves f2's
    to acknowledged at 13:00 (4 h), then actioned (not a second acknowledgement); s2's is never
    acknowledged."""
    insights.insight_categories_ensure()
    made = {}
    for who in (org.f1, org.f2, org.s2):
        made[who.username] = insights.insight_report(
            reporter=who, text=f"Insight from {who.username}", category="safety"
        )
    insights.insight_change_status(person=org.m3, insight=made["f1"], status="acknowledged")
    insights.insight_change_status(person=org.m3, insight=made["f2"], status="acknowledged")
    ack_f2 = Event.objects.filter(verb=Verb.INSIGHT_STATUS, object_id=made["f2"].pk)
    insights.insight_change_status(person=org.m3, insight=made["f2"], status="actioned")
    reports = Event.objects.filter(verb=Verb.REPORTED_INSIGHT)
    reports.update(created_at=_at(0))
    statuses = Event.objects.filter(verb=Verb.INSIGHT_STATUS)
    statuses.filter(object_id=made["f1"].pk).update(created_at=_at(2))
    first_f2 = ack_f2.order_by("id").first()
    statuses.filter(object_id=made["f2"].pk).update(created_at=_at(6))
    Event.objects.filter(pk=first_f2.pk).update(created_at=_at(4))
    analytics_rebuild()
    return made


def test_median_time_to_acknowledge(org, acknowledged, admin_person, small_cells):
    figures = dict(_plain(_table(admin_person, "return-of-expertise")))
    assert figures["Median hours to acknowledge an insight"] == "3.0"
    facts = InsightFact.objects.filter(topic_id=0).order_by("insight_id_value")
    assert [f.acknowledged_seconds for f in facts] == [7200, 14400, None]
    depot_b = dict(_plain(_table(admin_person, "return-of-expertise", unit="depot-b")))
    assert depot_b["Median hours to acknowledge an insight"] == ""  # s2's: not acknowledged
    space = dict(_plain(_table(admin_person, "return-of-expertise", space="ops")))
    assert space["Median hours to acknowledge an insight"] == ""  # insights are in no space


def test_median_time_to_acknowledge_is_suppressed(org, acknowledged, admin_person):
    figures = dict(_plain(_table(admin_person, "return-of-expertise")))
    assert figures["Median hours to acknowledge an insight"] == "<5"  # two reporters


def _snapshot():
    return (
        sorted(
            EngagementDaily.objects.values_list(
                "day", "person_id_value", "unit_path", "level", "actions", "contributions"
            )
        ),
        sorted(
            EngagementMonthly.objects.values_list(
                "month", "person_id_value", "level", "actions", "contributions"
            )
        ),
        sorted(
            PairDaily.objects.values_list(
                "day", "source_id_value", "learner_id_value", "learner_unit_path", "transfers"
            )
        ),
        sorted(
            PairMonthly.objects.values_list(
                "month", "source_id_value", "learner_id_value", "transfers"
            )
        ),
        sorted(
            InsightFact.objects.values_list("insight_id_value", "topic_id", "acknowledged_seconds")
        ),
        sorted(
            FlowMonthly.objects.values_list(
                "month", "unit_path", "topic_id", "space_id_value", "insight", "transfers", "people"
            )
        ),
    )


def test_incremental_updates_equal_a_rebuild(org, reader, acknowledged):
    rebuilt = _snapshot()
    assert all(rebuilt)
    for model in (EngagementDaily, EngagementMonthly, PairDaily, PairMonthly, InsightFact):
        model.objects.all().delete()
    for model in (KnowledgeTransfer, FlowDaily, FlowMonthly):
        model.objects.all().delete()
    for event_id in Event.objects.order_by("id").values_list("id", flat=True):
        analytics_apply_event(event_id)
        analytics_apply_event(event_id)
    assert _snapshot() == rebuilt


def test_csv_exports_of_the_new_panels_keep_a_manager_to_their_units(
    client, org, reader, small_cells
):
    import csv
    import io

    client.force_login(org.m3)
    for name, first in (
        ("engagement-units", ["Unit", *HEADERS]),
        ("engagement-levels", ["Level", *HEADERS]),
        (
            "expert-network",
            ["Unit", "Connectors", "Other units reached", "People reached", "Transfers out"],
        ),
    ):
        response = client.get(reverse("analytics:export", args=[name]), RANGE)
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert rows[0] == first, name
        assert "Depot B" not in response.content.decode(), name
    units = client.get(reverse("analytics:export", args=["engagement-units"]), RANGE)
    assert list(csv.reader(io.StringIO(units.content.decode())))[1:] == [
        ["Depot A", "4", "3", "1", "75.0"]
    ]
    levels = client.get(reverse("analytics:export", args=["engagement-levels"]), RANGE)
    # Depot A only: f1, f2, r6 at level 1 and m3 at level 3 (not s2 or d4 of depot B).
    assert [row[1] for row in csv.reader(io.StringIO(levels.content.decode()))][1:] == [
        "3",
        "0",
        "1",
        "0",
        "0",
    ]
    other = client.get(
        reverse("analytics:export", args=["engagement-units"]), {**RANGE, "unit": "depot-b"}
    )
    assert other.status_code == 404

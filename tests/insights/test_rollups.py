"""The inbox entries and the trends' rollups answer exactly what scanning the insights through
`Insight.objects.visible_to` answers: reference implementations (the pre-rollup selectors)
are compared with the fast ones for every role, unit and filter."""

from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from groundswell.insights import selectors, services
from groundswell.insights.clustering import cluster_rebuild
from groundswell.insights.inbox import entries_rebuild
from groundswell.insights.models import (
    InboxEntry,
    Insight,
    InsightCategory,
    InsightCluster,
    InsightWeek,
    Status,
)
from groundswell.insights.rollups import weeks_recount
from groundswell.insights.selectors import ORDERS, _list_data, _unit_scope
from groundswell.people.models import OrgUnit
from tests.factories import PersonFactory


def reference_trends(person, *, unit, weeks=12, limit=20):
    """The trends as they were computed before the rollups: by scanning the insights."""
    visible = _unit_scope(Insight.objects.visible_to(person), unit)
    tz = timezone.get_current_timezone()
    today = timezone.localdate()
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    starts = [start + timedelta(weeks=i) for i in range(weeks + 1)]
    bounds = [timezone.make_aware(datetime.combine(day, time.min), tz) for day in starts]
    recent = visible.filter(created_at__gte=bounds[0])
    clusters = list(
        InsightCluster.objects.filter(
            count__gte=2,
            last_seen__gte=bounds[0],
            pk__in=recent.filter(cluster__isnull=False).values("cluster_id"),
        ).order_by("-count", "-last_seen", "-pk")[:limit]  # ties broken as the selector does
    )
    counts = recent.aggregate(
        **{
            f"w{i}": Count("id", filter=Q(created_at__gte=bounds[i], created_at__lt=bounds[i + 1]))
            for i in range(weeks)
        }
    )
    return clusters, [(starts[i], counts[f"w{i}"]) for i in range(weeks)]


def reference_inbox(person, *, status="", category="", order="priority", min_corroborations=None):
    """The inbox as it was queried before the entries: routed insights, sorted by joining
    the categories' weights."""
    qs = Insight.objects.visible_to(person)
    if not person.is_superuser:
        qs = qs.filter(routed_managers=person)
    qs = _list_data(qs).filter(merged_into__isnull=True)
    if status == "open":
        qs = qs.filter(status__in=[Status.NEW, Status.ACKNOWLEDGED, Status.IN_PROGRESS])
    elif status:
        qs = qs.filter(status=status)
    if category:
        qs = qs.filter(category__slug=category)
    if min_corroborations:
        qs = qs.filter(corroboration_count__gte=min_corroborations)
    fields = dict(ORDERS, priority=("-corroboration_count", "-category__weight", "-created_at"))
    return [i.pk for i in qs.order_by(*fields[order], "-id" if order != "old" else "id")]


@pytest.fixture
def world(org, report):
    """Insights of every kind: two depots and the region itself, open and confidential, this
    week and months ago, clustered, corroborated, merged, acknowledged, one deleted."""
    now = timezone.now()
    york_driver = PersonFactory(
        username="yorkdriver", org_unit=org["other_depot"], manager=org["other_manager"]
    )
    org["york_driver"] = york_driver
    texts = [
        "Competitor FastFreight 20% off next-day delivery flyer",
        "Kirkstall bridge closed for repairs, rerouting adds 25 minutes",
        "Diesel at the fuel-card station jumped 12p a litre",
    ]
    made = []
    for n, days in enumerate([0, 1, 3, 8, 15, 30, 45, 70, 85, 100]):
        at = now - timedelta(days=days, hours=n)
        for reporter in (org["driver"], org["peer"], york_driver, org["regional"]):
            made.append(
                report(
                    reporter=reporter,
                    text=texts[n % 3] + f" (seen {n})",
                    category=["competitor", "route", "fuel"][n % 3],
                    confidential=(n + reporter.pk) % 4 == 0,
                    at=at,
                )
            )
    services.insight_corroborate(person=org["peer"], insight=made[0])
    services.insight_corroborate(person=org["depot_manager"], insight=made[4])
    services.insight_change_status(
        person=org["depot_manager"], insight=made[0], status=Status.ACKNOWLEDGED
    )
    services.insight_merge(person=org["depot_manager"], duplicate=made[5], into=made[1])
    made[9].delete()  # the peer's: its weeks are uncounted
    return made


PEOPLE = ["driver", "peer", "depot_manager", "regional", "other_manager", "york_driver", "admin"]
UNITS = [None, "region", "depot", "other_depot"]


@pytest.mark.parametrize("who", PEOPLE)
def test_trends_from_rollups_match_a_scan_of_the_insights(org, world, who):
    person = org[who]
    assert InsightCluster.objects.filter(count__gte=2).exists()
    for unit_name in UNITS:
        unit = org[unit_name] if unit_name else None
        clusters, weeks = reference_trends(person, unit=unit)
        result = selectors.trends(person, unit=unit)
        assert result.weeks == weeks, (who, unit_name)
        assert [c.pk for c in result.clusters] == [c.pk for c in clusters], (who, unit_name)


def test_trends_stay_exact_after_a_rebuild_and_a_recount(org, world):
    cluster_rebuild(since=timezone.now() - timedelta(days=20))
    weeks_recount()
    for who in PEOPLE:
        for unit_name in UNITS:
            unit = org[unit_name] if unit_name else None
            clusters, weeks = reference_trends(org[who], unit=unit)
            result = selectors.trends(org[who], unit=unit)
            assert result.weeks == weeks and result.clusters == clusters, (who, unit_name)


def test_the_chart_counts_what_the_person_may_see(org, world):
    weeks = {who: sum(n for _, n in selectors.trends(org[who], unit=None).weeks) for who in PEOPLE}
    # The York manager sees York's line only; the administrator everything in the period.
    assert 0 < weeks["other_manager"] < weeks["admin"]
    in_period = Insight.objects.filter(
        created_at__gte=timezone.now() - timedelta(weeks=11, days=6)
    ).count()
    assert weeks["admin"] <= in_period


@pytest.mark.parametrize("who", ["depot_manager", "regional", "other_manager", "admin"])
@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"status": "open"},
        {"status": "acknowledged"},
        {"category": "route"},
        {"order": "stale"},
        {"order": "new"},
        {"order": "old", "status": "open"},
        {"min_corroborations": 1},
    ],
)
def test_inbox_from_entries_matches_the_routed_insights(org, world, who, filters):
    person = org[who]
    expected = reference_inbox(person, **filters)
    page = selectors.inbox(person, **filters, per_page=100)
    assert [i.pk for i in page.items] == expected
    assert page.items or who == "admin" or not expected


def test_a_weight_change_reorders_the_inbox(org, world):
    manager = org["depot_manager"]
    fuel = InsightCategory.objects.get(slug="fuel")
    fuel.weight = 50
    fuel.save()
    assert Insight.objects.filter(category=fuel).exclude(category_weight=50).count() == 0
    assert (
        InboxEntry.objects.filter(insight__category=fuel).exclude(category_weight=50).count() == 0
    )
    assert [i.pk for i in selectors.inbox(manager, per_page=100).items] == reference_inbox(manager)


def test_a_rebuild_recreates_the_same_entries_and_weeks(org, world):
    def snapshot():
        entries = InboxEntry.objects.order_by("insight_id", "person_id").values_list(
            "insight_id",
            "person_id",
            "status",
            "merged",
            "corroboration_count",
            "category_weight",
            "created_at",
            "status_changed_at",
        )
        weeks = InsightWeek.objects.filter(count__gt=0).values_list(
            "viewer_id", "unit_id", "week", "confidential", "count"
        )
        return list(entries), sorted(weeks)

    before = snapshot()
    entries_rebuild()
    weeks_recount()
    assert snapshot() == before


def test_deleting_a_person_takes_their_insights_out_of_the_counts(org, world):
    admin = org["admin"]
    before = sum(n for _, n in selectors.trends(admin, unit=None).weeks)
    theirs = Insight.objects.filter(
        reporter=org["york_driver"], created_at__gte=timezone.now() - timedelta(weeks=11, days=6)
    ).count()
    assert theirs
    org["york_driver"].delete()
    after = sum(n for _, n in selectors.trends(admin, unit=None).weeks)
    assert after == before - theirs
    assert selectors.trends(admin, unit=None).weeks == reference_trends(admin, unit=None)[1]


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


@pytest.mark.parametrize("who", ["regional", "admin"])
def test_inbox_and_trends_selectors_cost_the_same_with_few_and_many(org, report, who):
    person = org[who]
    unit = OrgUnit.objects.get(code="north")
    report()
    few = (
        _queries(lambda: selectors.inbox(person, status="open").items),
        _queries(lambda: selectors.trends(person, unit=unit)),
        _queries(lambda: selectors.trends(person, unit=None)),
    )
    for n in range(12):
        report(text=f"Competitor FastFreight promotion flyer number {n}", reporter=org["peer"])
    many = (
        _queries(lambda: selectors.inbox(person, status="open").items),
        _queries(lambda: selectors.trends(person, unit=unit)),
        _queries(lambda: selectors.trends(person, unit=None)),
    )
    assert many == few
    assert many[0] <= 1 and many[1] <= 2 and many[2] <= 2


def test_a_deactivated_manager_has_an_empty_inbox_and_chart(org, report):
    manager = org["depot_manager"]
    report()
    assert len(selectors.inbox(manager).items) == 1
    assert sum(n for _, n in selectors.trends(manager, unit=None).weeks) == 1
    manager.is_active = False
    manager.save()
    assert selectors.inbox(manager).items == []
    assert sum(n for _, n in selectors.trends(manager, unit=None).weeks) == 0

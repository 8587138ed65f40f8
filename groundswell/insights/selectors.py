"""Reads on insights. Every query starts from `Insight.objects.visible_to(person)`."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from groundswell.errors import NotFound
from groundswell.insights import permissions, rollups
from groundswell.insights.models import (
    CLOSED_STATUSES,
    TRANSITIONS,
    Corroboration,
    InboxEntry,
    Insight,
    InsightCategory,
    InsightCluster,
    InsightUpdate,
    Status,
)
from groundswell.pagination import Page, paginate
from groundswell.people.models import OrgUnit

ORDERS = {
    # category_weight is the category's weight copied onto the insight: one index serves it.
    "priority": ("-corroboration_count", "-category_weight", "-created_at", "-id"),
    "new": ("-created_at", "-id"),
    "old": ("created_at", "id"),
    "stale": ("status_changed_at", "id"),
}
# The same orders over a manager's inbox entries: each is the order of one of their indexes.
ENTRY_ORDERS = {
    "priority": ("-corroboration_count", "-category_weight", "-created_at", "-insight_id"),
    "new": ("-created_at", "-insight_id"),
    "old": ("created_at", "insight_id"),
    "stale": ("status_changed_at", "insight_id"),
}


def _list_data(qs):
    return qs.select_related("category", "reporter", "org_unit", "assignee")


def insight_get(person, insight_id: int) -> Insight:
    """One insight the person may see (NotFound otherwise, missing or not)."""
    insight = (
        _list_data(Insight.objects.visible_to(person))
        .prefetch_related("routed_managers", "topics")
        .filter(pk=insight_id)
        .first()
    )
    if insight is None:
        raise NotFound("No such insight.")
    return insight


def own_insight_get(person, insight_id: int) -> Insight:
    """One of the person's own insights (NotFound for anyone else's, seen or not): for what
    only the reporter may do, such as adding a photo."""
    insight = Insight.objects.visible_to(person).filter(pk=insight_id, reporter=person).first()
    if insight is None:
        raise NotFound("No such insight.")
    return insight


def categories() -> list[InsightCategory]:
    return list(InsightCategory.objects.filter(is_active=True))


@dataclass
class InsightView:
    """An insight page: the timeline, corroborations and what the viewer may do."""

    insight: Insight
    updates: list
    corroborations: list
    can_triage: bool
    can_corroborate: bool
    has_corroborated: bool
    can_merge: bool
    shows_who_corroborated: bool
    next_statuses: list = field(default_factory=list)
    is_reporter: bool = False


def insight_view(person, insight_id: int) -> InsightView:
    insight = insight_get(person, insight_id)
    updates = list(InsightUpdate.objects.filter(insight=insight).select_related("author"))
    corroborations = list(Corroboration.objects.filter(insight=insight).select_related("person"))
    can_triage = permissions.can_triage(person, insight)
    return InsightView(
        insight=insight,
        updates=updates,
        corroborations=corroborations,
        can_triage=can_triage,
        can_corroborate=permissions.can_corroborate(person, insight),
        has_corroborated=any(c.person_id == person.pk for c in corroborations),
        can_merge=permissions.can_merge(person, insight),
        shows_who_corroborated=permissions.can_see_reporter_of_corroborations(person, insight),
        next_statuses=[Status(s) for s in Status.values if s in TRANSITIONS[insight.status]]
        if can_triage
        else [],
        is_reporter=insight.reporter_id == person.pk,
    )


def my_insights(person, *, page=1, per_page=None) -> Page:
    """The person's own insights with their timelines (two queries per page)."""
    qs = _list_data(Insight.objects.filter(reporter=person)).prefetch_related(
        Prefetch("updates", queryset=InsightUpdate.objects.select_related("author"))
    )
    return paginate(qs, page, per_page)


def inbox(person, *, page=1, per_page=None, **filters) -> Page:
    """Insights routed to the person (all, for administrators), filtered and sorted
    (`inbox_queryset`): one page of them."""
    qs = inbox_queryset(person, **filters)
    result = paginate(qs, page, per_page)
    if qs.model is InboxEntry:
        result.items = [entry.insight for entry in result.items]
    return result


def inbox_queryset(
    person,
    *,
    status: str = "",
    category: str = "",
    unit: str = "",
    location: str = "",
    min_age_days: int | None = None,
    min_corroborations: int | None = None,
    order: str = "priority",
):
    """The inbox, filtered and sorted. Priority sorts by corroborations, then category
    weight, then recency. A manager's inbox reads their `InboxEntry` rows (the insights
    routed to them, which `visible_to` always lets them see), along one index per order;
    an administrator's reads every insight."""
    if person is None or not person.is_authenticated or not person.is_active:
        return Insight.objects.none()
    if permissions.is_admin(person):
        qs = _list_data(Insight.objects.visible_to(person)).filter(merged_into__isnull=True)
        prefix, orders = "", ORDERS
    else:
        qs = InboxEntry.objects.filter(person=person, merged=False).select_related(
            *(f"insight__{name}" for name in ("category", "reporter", "org_unit", "assignee"))
        )
        prefix, orders = "insight__", ENTRY_ORDERS
    if status in Status.values:
        qs = qs.filter(status=status)
    elif status == "open":
        # "Not closed" rather than "one of the open ones": an IN list would lead SQLite to the
        # status index and a sort, where this lets it walk the order's index.
        qs = qs.exclude(status__in=CLOSED_STATUSES)
    if category:
        qs = qs.filter(**{f"{prefix}category__slug": category})
    if unit:
        found = OrgUnit.objects.filter(code=unit).first()
        qs = (
            qs.filter(**{f"{prefix}org_unit__path__startswith": found.path}) if found else qs.none()
        )
    if location:
        qs = qs.filter(**{f"{prefix}location__icontains": location[:100]})
    if min_age_days:
        qs = qs.filter(created_at__lte=timezone.now() - timedelta(days=int(min_age_days)))
    if min_corroborations:
        qs = qs.filter(corroboration_count__gte=int(min_corroborations))
    return qs.order_by(*orders.get(order, orders["priority"]))


def insight_list(person, *, page=1, per_page=None) -> Page:
    """Everything the person may see, newest first (the API's list)."""
    return paginate(_list_data(Insight.objects.visible_to(person)), page, per_page)


def _unit_scope(qs, unit: OrgUnit | None, field_name: str = "org_unit"):
    if unit is None:
        return qs
    return qs.filter(**{f"{field_name}__path__startswith": unit.path})


def unit_for(person, code: str = "") -> OrgUnit | None:
    """The unit named by `code`, or the person's own (None: the whole organisation)."""
    if code:
        found = OrgUnit.objects.filter(code=code).first()
        if found is None:
            raise NotFound("No such unit.", field="unit")
        return found
    return person.org_unit


@dataclass
class Trends:
    unit: OrgUnit | None
    clusters: list
    weeks: list  # [(week start date, count)]


def trends(
    person, *, unit: OrgUnit | None, weeks: int = 12, limit: int = 20, with_clusters: bool = True
) -> Trends:
    """The unit's trends (clusters of two or more) seen during the chart's weeks, and insights
    per week, from insights the person may see. Confidential insights are never clustered.

    Read from the rollups kept as insights are reported (`rollups.py`): the same visibility
    as `Insight.objects.visible_to`, without scanning the period's insights."""
    today = timezone.localdate(timezone=timezone.get_default_timezone())
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    starts = [start + timedelta(weeks=i) for i in range(weeks)]
    since = timezone.make_aware(datetime.combine(start, time.min), timezone.get_default_timezone())
    clusters = []
    if with_clusters:
        # A trend is current or it is history: only those seen during the chart's weeks.
        candidates = _unit_scope(
            InsightCluster.objects.filter(count__gte=2, last_seen__gte=since), unit
        )
        clusters = list(
            rollups.clusters_seen_by(person, candidates, since=since)
            .select_related("category")
            .order_by("-count", "-last_seen", "-pk")[:limit]
        )
    counts = rollups.weekly_counts(person, unit=unit, weeks=starts)
    return Trends(unit=unit, clusters=clusters, weeks=list(zip(starts, counts, strict=True)))


def export_rows(person, *, unit: OrgUnit | None, since, until):
    """Rows for the CSV export: insights the person may see in the unit and period,
    never confidential ones (exports travel further than the inbox)."""
    qs = _list_data(
        _unit_scope(Insight.objects.visible_to(person), unit).filter(
            confidential=False, created_at__gte=since, created_at__lt=until
        )
    ).order_by("created_at", "id")
    for insight in qs.iterator(chunk_size=1000):
        yield [
            _cell(v)
            for v in (
                insight.pk,
                insight.created_at.isoformat(),
                insight.category.name,
                insight.get_status_display(),
                insight.org_unit.name if insight.org_unit else "",
                insight.location,
                insight.reporter.name,
                insight.corroboration_count,
                insight.text,
            )
        ]


def _cell(value):
    """Spreadsheets run cells that start like a formula: make them plain text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


EXPORT_HEADER = [
    "id",
    "reported_at",
    "category",
    "status",
    "unit",
    "location",
    "reporter",
    "corroborations",
    "text",
]

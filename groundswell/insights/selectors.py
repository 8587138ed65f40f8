"""Reads on insights. Every query starts from `Insight.objects.visible_to(person)`."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from groundswell.errors import NotFound
from groundswell.insights import permissions
from groundswell.insights.models import (
    TRANSITIONS,
    Corroboration,
    Insight,
    InsightCategory,
    InsightCluster,
    InsightUpdate,
    Status,
)
from groundswell.pagination import Page, paginate
from groundswell.people.models import OrgUnit

ORDERS = {
    "priority": ("-corroboration_count", "-category__weight", "-created_at", "-id"),
    "new": ("-created_at", "-id"),
    "old": ("created_at", "id"),
    "stale": ("status_changed_at", "id"),
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


def _triageable(person):
    qs = Insight.objects.visible_to(person)
    if permissions.is_admin(person):
        return qs
    return qs.filter(routed_managers=person)


def inbox(
    person,
    *,
    status: str = "",
    category: str = "",
    unit: str = "",
    location: str = "",
    min_age_days: int | None = None,
    min_corroborations: int | None = None,
    order: str = "priority",
    page=1,
    per_page=None,
) -> Page:
    """Insights routed to the person (all, for administrators), filtered and sorted.
    Priority sorts by corroborations, then category weight, then recency."""
    qs = _list_data(_triageable(person)).filter(merged_into__isnull=True)
    if status in Status.values:
        qs = qs.filter(status=status)
    elif status == "open":
        qs = qs.filter(status__in=[Status.NEW, Status.ACKNOWLEDGED, Status.IN_PROGRESS])
    if category:
        qs = qs.filter(category__slug=category)
    if unit:
        found = OrgUnit.objects.filter(code=unit).first()
        qs = qs.filter(org_unit__path__startswith=found.path) if found else qs.none()
    if location:
        qs = qs.filter(location__icontains=location[:100])
    if min_age_days:
        qs = qs.filter(created_at__lte=timezone.now() - timedelta(days=int(min_age_days)))
    if min_corroborations:
        qs = qs.filter(corroboration_count__gte=int(min_corroborations))
    return paginate(qs.order_by(*ORDERS.get(order, ORDERS["priority"])), page, per_page)


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
    per week, from insights the person may see. Confidential insights are never clustered."""
    visible = _unit_scope(Insight.objects.visible_to(person), unit)
    tz = timezone.get_current_timezone()
    today = timezone.localdate()
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    starts = [start + timedelta(weeks=i) for i in range(weeks + 1)]
    bounds = [timezone.make_aware(datetime.combine(day, time.min), tz) for day in starts]
    recent = visible.filter(created_at__gte=bounds[0])
    clusters = []
    if with_clusters:
        # Only the period's insights are scanned: a trend is current or it is history.
        clusters = list(
            InsightCluster.objects.filter(
                count__gte=2,
                last_seen__gte=bounds[0],
                pk__in=recent.filter(cluster__isnull=False).values("cluster_id"),
            )
            .select_related("category")
            .order_by("-count", "-last_seen")[:limit]
        )
    # One pass with a conditional count per week: no date-truncating function per row
    # (SQLite runs those in Python).
    counts = recent.aggregate(
        **{
            f"w{i}": Count("id", filter=Q(created_at__gte=bounds[i], created_at__lt=bounds[i + 1]))
            for i in range(weeks)
        }
    )
    series = [(starts[i], counts[f"w{i}"]) for i in range(weeks)]
    return Trends(unit=unit, clusters=clusters, weeks=series)


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

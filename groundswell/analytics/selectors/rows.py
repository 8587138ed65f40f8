"""Which rollup rows a panel reads for the resolved filters."""

from dataclasses import dataclass

from django.db.models import Q

from groundswell.activity.models import Verb
from groundswell.analytics.models import (
    ALL_SPACES,
    ALL_TOPICS,
    FlowDaily,
    FlowMonthly,
    InsightFact,
    QuestionFact,
)
from groundswell.analytics.selectors.periods import Periods, periods_of
from groundswell.analytics.selectors.scope import Resolved


@dataclass(frozen=True)
class FlowPart:
    rows: object  # a FlowDaily or FlowMonthly queryset, filtered
    insight: Q  # which of its rows came from insight acknowledgements
    period: str  # "day" or "month"


def flow_filtered(rows, r: Resolved, *, monthly: bool):
    rows = rows.filter(topic_id=r.topic_id or ALL_TOPICS)
    if monthly:
        rows = rows.filter(space_id_value=r.space_id or ALL_SPACES)
    elif r.space_id:
        rows = rows.filter(space_id_value=r.space_id)
    if r.unit_path:
        rows = rows.filter(unit_path__startswith=r.unit_path)
    return rows


def flow_parts(r: Resolved) -> list[FlowPart]:
    """The flow rollup rows for the filters: monthly rows for whole months, daily rows for the
    days around them. Monthly rows hold no topic-and-space combination: with both filters set,
    every day is read from the daily rows."""
    periods = (
        periods_of(r.start, r.end)
        if not (r.topic_id and r.space_id)
        else Periods(months=None, days=((r.start, r.end),))
    )
    parts = []
    if periods.days:
        daily = FlowDaily.objects.filter(periods.day_filter())
        parts.append(
            FlowPart(flow_filtered(daily, r, monthly=False), Q(signal=Verb.INSIGHT_STATUS), "day")
        )
    if periods.months:
        monthly = FlowMonthly.objects.filter(periods.month_filter())
        parts.append(FlowPart(flow_filtered(monthly, r, monthly=True), Q(insight=True), "month"))
    return parts


def insight_facts(r: Resolved):
    """Insights reported in range (one row each, or per topic with a topic filter); insights
    belong to no space, so a space filter leaves none."""
    rows = InsightFact.objects.filter(
        day__gte=r.start, day__lte=r.end, topic_id=r.topic_id or ALL_TOPICS
    )
    if r.unit_path:
        rows = rows.filter(unit_path__startswith=r.unit_path)
    return rows.none() if r.space_id else rows


def questions(r: Resolved, *, per_topic: bool = False, days: Q | None = None):
    """Question facts in range (or on `days`, a Q on `day`); `per_topic` gives the per-topic
    rows instead of one per question."""
    rows = QuestionFact.objects.filter(
        days if days is not None else Q(day__gte=r.start, day__lte=r.end)
    )
    if r.topic_id:
        rows = rows.filter(topic_id=r.topic_id)
    elif per_topic:
        # A NOT, so the planner seeks the day range (few days) rather than every topic row.
        rows = rows.exclude(topic_id=ALL_TOPICS)
    else:
        rows = rows.filter(topic_id=ALL_TOPICS)
    if r.unit_path:
        rows = rows.filter(unit_path__startswith=r.unit_path)
    if r.space_id:
        rows = rows.filter(space_id_value=r.space_id)
    return rows

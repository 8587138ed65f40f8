"""The rollups added for engagement, the expert network, insight acknowledgement and long ranges.

Each has one function for a set of days / months / objects, used both by the full rebuild and by
the incremental update after an event, so both give the same rows.
"""

from datetime import UTC, date, datetime, time, timedelta

from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import TruncDate

from groundswell.activity.models import Event, Verb
from groundswell.analytics.models import (
    ALL_SPACES,
    ALL_TOPICS,
    EngagementDaily,
    EngagementMonthly,
    FlowDaily,
    FlowMonthly,
    InsightFact,
    KnowledgeTransfer,
    PairDaily,
    PairMonthly,
)
from groundswell.analytics.months import month_of, next_month

BATCH = 5000
# Someone who did any of these in a period contributed; anything else they did (voting,
# following, bookmarking, joining, enrolling, marking helpful) makes them a reader.
CONTRIBUTION_VERBS = (
    Verb.POSTED,
    Verb.ASKED,
    Verb.ANSWERED,
    Verb.REPLIED,
    Verb.COMMENTED,
    Verb.EDITED,
    Verb.REPORTED_INSIGHT,
    Verb.CORROBORATED,
    Verb.PUBLISHED_ARTICLE,
    Verb.CREATED_WIKI,
    Verb.EDITED_WIKI,
)
# Administration and account housekeeping say nothing about learning: not counted as activity.
ADMIN_VERBS = (
    Verb.IMPORTED_PEOPLE,
    Verb.CREATED_TOKEN,
    Verb.REVOKED_TOKEN,
    Verb.IMPORTED_COURSES,
    Verb.VIEWED_DRILLDOWN,
    Verb.SIGNED_IN_SSO,
    Verb.DEACTIVATED,
    Verb.HID,
    Verb.UNHID,
    Verb.LOCKED,
    Verb.UNLOCKED,
    Verb.HID_REVISION,
    Verb.RESOLVED_FLAG,
)
# An insight counts as acknowledged at its first move to any of these.
ACKNOWLEDGED = {"acknowledged", "in_progress", "actioned"}


def _in_month(month: date) -> Q:
    return Q(day__gte=month, day__lt=next_month(month))


# --- engagement ------------------------------------------------------------------------------


def _engagement_rows(events, people: dict) -> list[EngagementDaily]:
    grouped = (
        events.filter(actor__isnull=False)
        .exclude(verb__in=ADMIN_VERBS)
        .annotate(on=TruncDate("created_at", tzinfo=UTC))
        .values("on", "actor_id")
        .annotate(
            actions=Count("id"), contributions=Count("id", filter=Q(verb__in=CONTRIBUTION_VERBS))
        )
        .order_by()
    )
    return [
        EngagementDaily(
            day=row["on"],
            person_id_value=row["actor_id"],
            level=people[row["actor_id"]][0],
            unit_path=people[row["actor_id"]][1],
            actions=row["actions"],
            contributions=row["contributions"],
        )
        for row in grouped
        if row["actor_id"] in people
    ]


def _replace_months(months, daily_model, monthly_model, *, keys, sums=(), maxes=(), only=None):
    """Replace the monthly rows of these months by the sums (and maxima) of their days,
    grouped by `keys`; `only` (field lookups valid on both models) limits the rewrite to some
    rows, for incremental updates. Returns how many monthly rows were written."""
    only = only or {}
    totals = {f"total_{name}": Sum(name) for name in sums}
    totals |= {f"total_{name}": Max(name) for name in maxes}
    written = 0
    for month in sorted(set(months)):
        monthly_model.objects.filter(month=month, **only).delete()
        rows = (
            daily_model.objects.filter(_in_month(month), **only)
            .values(*keys)
            .annotate(**totals)
            .order_by()
        )
        written += len(
            monthly_model.objects.bulk_create(
                [
                    monthly_model(
                        month=month,
                        **{key: row[key] for key in keys},
                        **{name: row[f"total_{name}"] for name in (*sums, *maxes)},
                    )
                    for row in rows
                ],
                batch_size=BATCH,
            )
        )
    return written


def engagement_months(months, person_ids=None) -> int:
    """Replace the monthly engagement rows of these months (of these people) from the days."""
    return _replace_months(
        months,
        EngagementDaily,
        EngagementMonthly,
        keys=("person_id_value",),
        sums=("actions", "contributions"),
        maxes=("unit_path", "level"),
        only=None if person_ids is None else {"person_id_value__in": person_ids},
    )


def engagement_for_person_day(person_id: int, day: date, people: dict) -> None:
    """Recompute one person's engagement on one day and in its month."""
    EngagementDaily.objects.filter(day=day, person_id_value=person_id).delete()
    begin = datetime.combine(day, time.min, tzinfo=UTC)
    end = begin + timedelta(days=1)
    events = Event.objects.filter(actor_id=person_id, created_at__gte=begin, created_at__lt=end)
    EngagementDaily.objects.bulk_create(_engagement_rows(events, people))
    engagement_months([month_of(day)], person_ids=[person_id])


def engagement_rebuild(people: dict) -> tuple[int, int]:
    EngagementDaily.objects.all().delete()
    EngagementMonthly.objects.all().delete()
    daily = EngagementDaily.objects.bulk_create(
        _engagement_rows(Event.objects.all(), people), batch_size=BATCH
    )
    months = {month_of(row.day) for row in daily}
    return len(daily), engagement_months(months)


# --- expert network: source → learner pairs -------------------------------------------------


def _pair_rows(edges) -> list[PairDaily]:
    grouped = (
        edges.filter(source__isnull=False, learner__isnull=False)
        .values("day", "source_id", "learner_id")
        .annotate(
            n=Count("id"),
            source_unit=Max("source_unit_path"),
            learner_unit=Max("learner_unit_path"),
        )
        .order_by()
    )
    return [
        PairDaily(
            day=row["day"],
            source_id_value=row["source_id"],
            learner_id_value=row["learner_id"],
            source_unit_path=row["source_unit"],
            learner_unit_path=row["learner_unit"],
            transfers=row["n"],
        )
        for row in grouped
    ]


def pair_months(months, pair=None) -> int:
    """Replace the monthly pair rows of these months (only `pair`, (source, learner), if given)."""
    keys = ("source_id_value", "learner_id_value")
    return _replace_months(
        months,
        PairDaily,
        PairMonthly,
        keys=keys,
        sums=("transfers",),
        maxes=("source_unit_path", "learner_unit_path"),
        only=None if pair is None else dict(zip(keys, pair, strict=True)),
    )


def pair_for_edge(edge: KnowledgeTransfer) -> set[str]:
    """Recompute the pair rows an edge belongs to (its day and month); the source units of the
    monthly pair row before and after, whose network rows follow it."""
    if edge.source_id is None or edge.learner_id is None:
        return set()
    monthly = PairMonthly.objects.filter(
        month=month_of(edge.day), source_id_value=edge.source_id, learner_id_value=edge.learner_id
    )
    units = set(monthly.values_list("source_unit_path", flat=True))
    PairDaily.objects.filter(
        day=edge.day, source_id_value=edge.source_id, learner_id_value=edge.learner_id
    ).delete()
    PairDaily.objects.bulk_create(
        _pair_rows(
            KnowledgeTransfer.objects.filter(
                day=edge.day, source_id=edge.source_id, learner_id=edge.learner_id
            )
        )
    )
    pair_months([month_of(edge.day)], pair=(edge.source_id, edge.learner_id))
    return units | set(monthly.values_list("source_unit_path", flat=True))


def pair_rebuild() -> tuple[int, int]:
    PairDaily.objects.all().delete()
    PairMonthly.objects.all().delete()
    daily = PairDaily.objects.bulk_create(
        _pair_rows(KnowledgeTransfer.objects.all()), batch_size=BATCH
    )
    return len(daily), pair_months({month_of(row.day) for row in daily})


# --- monthly flows ---------------------------------------------------------------------------

FLOW_KEYS = ("unit_path", "source_level", "learner_level", "direction")


def _fold(rows, month: date, topic_of, space_of) -> list[FlowMonthly]:
    """Merge grouped daily rows whose signal differs only in being / not being an insight."""
    merged: dict[tuple, list[int]] = {}
    for row in rows:
        key = (topic_of(row), space_of(row), *(row[k] for k in FLOW_KEYS))
        key += (row["signal"] == Verb.INSIGHT_STATUS,)
        total = merged.setdefault(key, [0, 0])
        total[0] += row["n"]
        total[1] = max(total[1], row["most"])
    return [
        FlowMonthly(
            month=month,
            topic_id=key[0],
            space_id_value=key[1],
            unit_path=key[2],
            source_level=key[3],
            learner_level=key[4],
            direction=key[5],
            insight=key[6],
            transfers=n,
            people=most,
        )
        for key, (n, most) in merged.items()
    ]


def flow_months(months, unit_path: str | None = None) -> int:
    """Replace the monthly flow rows of these months (of one learner unit, if given)."""
    written = 0
    for month in sorted(set(months)):
        daily = FlowDaily.objects.filter(_in_month(month))
        old = FlowMonthly.objects.filter(month=month)
        if unit_path is not None:
            daily = daily.filter(unit_path=unit_path)
            old = old.filter(unit_path=unit_path)
        old.delete()

        def grouped(rows, *by):
            return (
                rows.values(*by, *FLOW_KEYS, "signal")
                .annotate(n=Sum("transfers"), most=Max("people"))
                .order_by()
            )

        rows = _fold(
            grouped(daily, "topic_id"), month, lambda r: r["topic_id"], lambda r: ALL_SPACES
        )
        rows += _fold(
            grouped(daily.filter(topic_id=ALL_TOPICS), "space_id_value"),
            month,
            lambda r: ALL_TOPICS,
            lambda r: r["space_id_value"],
        )
        written += len(FlowMonthly.objects.bulk_create(rows, batch_size=BATCH))
    return written


# --- insights: time to acknowledge -----------------------------------------------------------


def _acknowledged_at(insight_ids=None) -> dict:
    """insight id → when it first moved to acknowledged, in progress or actioned."""
    events = Event.objects.filter(verb=Verb.INSIGHT_STATUS, object_id__isnull=False)
    if insight_ids is not None:
        events = events.filter(object_id__in=insight_ids)
    first: dict = {}
    for insight_id, data, at in events.values_list("object_id", "data", "created_at"):
        if (data or {}).get("to") in ACKNOWLEDGED and (
            insight_id not in first or at < first[insight_id]
        ):
            first[insight_id] = at
    return first


def insight_facts(insight_ids, people: dict) -> int:
    """Replace the facts of these insights (all of them when `insight_ids` is None)."""
    reports = Event.objects.filter(verb=Verb.REPORTED_INSIGHT, object_id__isnull=False)
    old = InsightFact.objects.all()
    if insight_ids is not None:
        insight_ids = list(insight_ids)
        reports = reports.filter(object_id__in=insight_ids)
        old = old.filter(insight_id_value__in=insight_ids)
    old.delete()
    acknowledged = _acknowledged_at(insight_ids)
    rows = []
    for report in reports.values("object_id", "actor_id", "topic_ids", "created_at"):
        at, done = report["created_at"], acknowledged.get(report["object_id"])
        for topic_id in (ALL_TOPICS, *sorted(set(report["topic_ids"] or []))):
            rows.append(
                InsightFact(
                    insight_id_value=report["object_id"],
                    topic_id=topic_id,
                    reporter_id_value=report["actor_id"],
                    unit_path=people.get(report["actor_id"], (0, ""))[1],
                    reported_at=at,
                    day=at.astimezone(UTC).date(),
                    acknowledged_seconds=(done - at).total_seconds() if done else None,
                )
            )
    return len(InsightFact.objects.bulk_create(rows, batch_size=BATCH))

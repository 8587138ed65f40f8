"""One function per dashboard panel: rollup rows in, a Table out (question panels:
`questions.py`; panels counting distinct people: `people_panels.py`)."""

from collections import defaultdict
from datetime import timedelta

from django.apps import apps
from django.db.models import Count, Max, Q, Sum

from groundswell.analytics.models import (
    Direction,
    FlowDaily,
    SpaceDaily,
)
from groundswell.analytics.months import month_of
from groundswell.analytics.selectors.rows import (
    FlowPart,
    flow_filtered,
    flow_parts,
    insight_facts,
)
from groundswell.analytics.selectors.scope import Resolved
from groundswell.analytics.tables import Cell, Table
from groundswell.expertise.selectors import visible_topics
from groundswell.people.models import Level
from groundswell.spaces.models import Space
from groundswell.threads.models import Thread

LEVELS = [level for level, _ in Level.choices]
DIRECTIONS = [Direction.UP, Direction.DOWN, Direction.ACROSS]
LIST_LIMIT = 10
GAP_LIMIT = 8
EXPERTS_PER_GAP = 3
LONG_RANGE_DAYS = 120  # beyond this, flow over time is shown per month


def _percent(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def flow_matrix(r: Resolved) -> Table:
    """Transfers by source level (rows) by learner level (columns)."""
    sums: dict[tuple, list[int]] = {}
    for part in flow_parts(r):
        for row in (
            part.rows.values("source_level", "learner_level")
            .annotate(transfers=Sum("transfers"), people=Max("people"))
            .order_by()
        ):
            total = sums.setdefault((row["source_level"], row["learner_level"]), [0, 0])
            total[0] += row["transfers"]
            total[1] = max(total[1], row["people"])
    cells = {key: Cell(n, people) for key, (n, people) in sums.items()}
    table = Table(
        "flow-matrix",
        "Knowledge flow: source level by learner level",
        ["Source level", *[f"To {Level(lv).label}" for lv in LEVELS]],
    )
    for source in LEVELS:
        table.rows.append(
            [Level(source).label, *[cells.get((source, lv), Cell(0)) for lv in LEVELS]]
        )
    shown = sum(c.number for c in cells.values())
    table.summary = f"{shown} transfers shown between {r.start} and {r.end}."
    return table


def _week(day):
    return day - timedelta(days=day.weekday())


def direction_shares(r: Resolved) -> Table:
    """Per week (per month over more than LONG_RANGE_DAYS): transfers up / down / across and
    the upward share."""
    monthly = (r.end - r.start).days > LONG_RANGE_DAYS
    bucket = month_of if monthly else _week
    weeks: dict = defaultdict(lambda: {"people": 0, **dict.fromkeys(DIRECTIONS, 0)})
    parts = (
        flow_parts(r)
        if monthly
        else [
            FlowPart(
                flow_filtered(
                    FlowDaily.objects.filter(day__gte=r.start, day__lte=r.end), r, monthly=False
                ),
                Q(),
                "day",
            )
        ]
    )
    for part in parts:
        for row in (
            part.rows.values(part.period, "direction")
            .annotate(transfers=Sum("transfers"), people=Max("people"))
            .order_by()
        ):
            week = weeks[bucket(row[part.period])]
            week[row["direction"]] += row["transfers"]
            week["people"] = max(week["people"], row["people"])
    table = Table(
        "direction-shares",
        "Direction of knowledge flow over time",
        ["Month of" if monthly else "Week of", "Up", "Down", "Across", "Upward share %"],
    )
    totals = dict.fromkeys(DIRECTIONS, 0)
    for start in sorted(weeks):
        week, people = weeks[start], weeks[start]["people"]
        total = sum(week[d] for d in DIRECTIONS)
        for d in DIRECTIONS:
            totals[d] += week[d]
        table.rows.append(
            [
                start.isoformat(),
                *[Cell(week[d], people) for d in DIRECTIONS],
                Cell(_percent(week[Direction.UP], total), people),
            ]
        )
    total = sum(totals.values())
    people = max((week["people"] for week in weeks.values()), default=0)
    if total and Cell(total, people).suppressed:
        table.summary = "Too few people in this selection to show figures."
        return table
    table.summary = (
        f"Of {total} transfers, {_percent(totals[Direction.UP], total) or 0}% went up, "
        f"{_percent(totals[Direction.DOWN], total) or 0}% down and "
        f"{_percent(totals[Direction.ACROSS], total) or 0}% across."
    )
    return table


def return_of_expertise(r: Resolved) -> Table:
    """Upward share, insights acknowledged or actioned by managers, and the median time from
    reporting an insight to its first acknowledgement."""
    row = {"total": 0, "up": 0, "up_people": 0, "insights": 0, "insight_people": 0}
    for part in flow_parts(r):
        got = part.rows.aggregate(
            total=Sum("transfers"),
            up=Sum("transfers", filter=Q(direction=Direction.UP)),
            up_people=Max("people", filter=Q(direction=Direction.UP)),
            insights=Sum("transfers", filter=part.insight),
            insight_people=Max("people", filter=part.insight),
        )
        for key in ("total", "up", "insights"):
            row[key] += got[key] or 0
        for key in ("up_people", "insight_people"):
            row[key] = max(row[key], got[key] or 0)
    total, up = row["total"], row["up"]
    facts = insight_facts(r).filter(acknowledged_seconds__isnull=False)
    reporters = facts.aggregate(n=Count("reporter_id_value", distinct=True))["n"]
    median = _median(facts, "acknowledged_seconds")
    table = Table("return-of-expertise", "Return of expertise", ["Measure", "Value"])
    table.rows = [
        ["Transfers up the hierarchy", Cell(up, row["up_people"] or 0)],
        ["Upward share %", Cell(_percent(up, total), row["up_people"] or 0)],
        [
            "Insights acknowledged or actioned",
            Cell(row["insights"], row["insight_people"]),
        ],
        [
            "Median hours to acknowledge an insight",
            Cell(median / 3600, reporters) if median is not None else Cell(None),
        ],
    ]
    table.summary = (
        f"{_percent(up, total) or 0}% of transfers went up the hierarchy."
        if not table.rows[1][1].suppressed
        else "Too few people in this selection to show figures."
    )
    return table


def _median(rows, field: str):
    """Median of a column in SQL on any database: a count, then one row at an offset."""
    present = rows.filter(**{f"{field}__isnull": False})
    n = present.count()
    if not n:
        return None
    ordered = present.order_by(field).values_list(field, flat=True)
    if n % 2:
        return float(ordered[n // 2])
    low, high = ordered[n // 2 - 1 : n // 2 + 1]
    return (low + high) / 2


def _topic_names(viewer, ids) -> dict:
    return dict(visible_topics(viewer).filter(pk__in=ids).values_list("pk", "name"))


def topics_with_courses() -> set[int]:
    """Topics a course covers: carried by a thread in a course space, or (when the learning app
    has courses) on a Course."""
    ids = set(
        Thread.topics.through.objects.filter(thread__space__kind="course").values_list(
            "topic_id", flat=True
        )
    )
    try:
        course = apps.get_model("learning", "Course")
        ids |= set(course.topics.through.objects.values_list("topic_id", flat=True))
    except (LookupError, AttributeError):
        pass
    return ids


def formal_learning(viewer, r: Resolved) -> Table:
    """Activity per course and cohort space the viewer can see (in a manager's units)."""
    spaces = Space.objects.visible_to(viewer).filter(kind__in=["course", "cohort"])
    if r.scoped and r.unit_path:
        spaces = spaces.filter(org_unit__path__startswith=r.unit_path)
    if r.space_id:
        spaces = spaces.filter(pk=r.space_id)
    names = dict(spaces.values_list("pk", "name"))
    rows = (
        SpaceDaily.objects.filter(space_id_value__in=list(names), day__gte=r.start, day__lte=r.end)
        .values("space_id_value")
        .annotate(
            posts=Sum("posts"),
            replies=Sum("replies"),
            accepted=Sum("accepted"),
            people=Max("people"),
        )
        .order_by("-posts", "space_id_value")[:LIST_LIMIT]
    )
    table = Table(
        "formal-learning",
        "Socialised formal learning: course and cohort spaces",
        ["Space", "Posts", "Replies", "Accepted answers"],
    )
    table.rows = [
        [
            names[row["space_id_value"]],
            Cell(row["posts"], row["people"]),
            Cell(row["replies"], row["people"]),
            Cell(row["accepted"], row["people"]),
        ]
        for row in rows
    ]
    table.summary = f"{len(table.rows)} course and cohort spaces had activity."
    return table

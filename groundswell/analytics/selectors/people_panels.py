"""Panels counting distinct people over a range: engagement by unit and level, and the expert
network. Distinct counts do not add up across days. Engagement reads one row per person per
month for whole months and per day for the days around them, and counts distinct people over
both in one SQL statement (UNION ALL); the network unions per-unit sets of people (bitmaps, one
row per unit per month) with the day pairs around them; top connectors read the pairs."""

from django.db import connection
from django.db.models import F

from groundswell.analytics.bitmaps import bitmap_load, bitmap_of
from groundswell.analytics.models import (
    EngagementDaily,
    EngagementMonthly,
    NetworkMonthly,
    PairDaily,
    PairMonthly,
)
from groundswell.analytics.selectors.periods import periods_of
from groundswell.analytics.selectors.scope import Resolved
from groundswell.analytics.tables import Cell, Table
from groundswell.people.models import Level, OrgUnit, Person

UNIT_LIMIT = 25
NETWORK_LIMIT = 15
ENGAGEMENT_NOTE = (
    "Active: did anything in the range (asked, answered, replied, voted, followed, bookmarked, "
    "joined, enrolled …). Contributors: posted, asked, answered, replied, commented, edited, "
    "reported or corroborated an insight, published an article or wrote in a wiki. Readers: "
    "active but not contributing. Reading itself is not recorded, so people who only read "
    "without doing anything are not counted. Unit and level are the person's when they acted; "
    "the topic and space filters do not apply to this panel."
)

# SQL around the UNION ALL of daily and monthly rows ({union}); values are bound parameters.
PART = "SELECT * FROM ({sql}) part{n}"
ENGAGEMENT_SQL = (
    "SELECT unit_path, level, COUNT(*), SUM(CASE WHEN contributions > 0 THEN 1 ELSE 0 END) "
    "FROM (SELECT person_id_value, MAX(unit_path) AS unit_path, MAX(level) AS level, "
    "SUM(contributions) AS contributions FROM ({union}) periods "
    "GROUP BY person_id_value) people GROUP BY unit_path, level"
)
CONNECTORS_SQL = (
    "SELECT source_id_value, MAX(source_unit_path), "
    "COUNT(DISTINCT CASE WHEN source_unit_path <> learner_unit_path "
    "THEN learner_unit_path END), COUNT(DISTINCT learner_id_value), SUM(transfers) "
    "FROM ({union}) pairs GROUP BY source_id_value "
    "ORDER BY 3 DESC, 4 DESC, 5 DESC, 1 LIMIT %s OFFSET %s"
)


def _union(r: Resolved, daily_model, monthly_model, columns, narrow, unit_field) -> tuple:
    """SQL and parameters of the rows of both rollups in range, as one UNION ALL."""
    periods = periods_of(r.start, r.end)
    parts = []
    for model, where in (
        (daily_model, periods.day_filter("day")),
        (monthly_model, periods.month_filter("month")),
    ):
        if where is None:
            continue
        rows = narrow(model.objects.filter(where))
        if r.unit_path:
            rows = rows.filter(**{f"{unit_field}__startswith": r.unit_path})
        sql, params = rows.values_list(*columns).order_by().query.sql_with_params()
        # `sql` is Django's own compiled query; every value stays a bound parameter.
        parts.append((PART.replace("{sql}", sql).replace("{n}", str(len(parts))), params))
    return " UNION ALL ".join(sql for sql, _ in parts), [p for _, ps in parts for p in ps]


def _fetch(template: str, union: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(template.replace("{union}", union), params)
        return cursor.fetchall()


def engagement_counts(r: Resolved) -> list[tuple]:
    """(unit path, level, active people, contributors) in range: one query."""
    union, params = _union(
        r,
        EngagementDaily,
        EngagementMonthly,
        ("person_id_value", "unit_path", "level", "contributions"),
        lambda rows: rows,
        "unit_path",
    )
    return _fetch(ENGAGEMENT_SQL, union, params)


def _engagement_row(label, active: int, contributors: int) -> list:
    readers = active - contributors
    if not active:  # nobody: nothing to hide
        return [label, Cell(0), Cell(0), Cell(0), Cell(None)]
    # If either side is small, both are hidden: one would give the other away.
    pair = min(contributors, readers) if contributors and readers else active
    share = round(100.0 * contributors / active, 1) if active else None
    return [
        label,
        Cell(active, active),
        Cell(contributors, pair),
        Cell(readers, pair),
        Cell(share, pair),
    ]


HEADERS = ["Active people", "Contributors", "Readers", "Contributor share %"]


def _summary(table: Table) -> str:
    shown = [row for row in table.rows if not row[2].suppressed and row[1].value]
    active = sum(row[1].value for row in shown)
    contributors = sum(row[2].value for row in shown)
    if not shown:
        return "Too few people in this selection to show figures."
    share = round(100.0 * contributors / active, 1) if active else 0
    return f"Of {active} active people in the rows shown, {share}% contributed."


def _unit_names(paths) -> dict:
    return dict(OrgUnit.objects.filter(path__in=list(paths)).values_list("path", "name"))


def engagement_by_unit(r: Resolved, counts=None) -> Table:
    """Active people, contributors and readers per unit (the unit people belong to)."""
    units: dict[str, list[int]] = {}
    for path, _level, active, contributors in counts or engagement_counts(r):
        total = units.setdefault(path or "", [0, 0])
        total[0] += active
        total[1] += contributors
    ranked = sorted(units, key=lambda p: (-units[p][0], p))[:UNIT_LIMIT]
    names = _unit_names(ranked)
    table = Table("engagement-units", "Engagement by unit: contributors and readers", ["Unit"])
    table.headers += HEADERS
    table.rows = [_engagement_row(names.get(path, "No unit"), *units[path]) for path in ranked]
    table.summary = _summary(table)
    table.note = ENGAGEMENT_NOTE
    return table


def engagement_by_level(r: Resolved, counts=None) -> Table:
    """Active people, contributors and readers per level."""
    levels = {level: [0, 0] for level, _ in Level.choices}
    for _path, level, active, contributors in counts or engagement_counts(r):
        total = levels.setdefault(level, [0, 0])
        total[0] += active
        total[1] += contributors
    table = Table("engagement-levels", "Engagement by level: contributors and readers", ["Level"])
    table.headers += HEADERS
    table.rows = [_engagement_row(Level(level).label, *levels[level]) for level, _ in Level.choices]
    table.summary = _summary(table)
    table.note = ENGAGEMENT_NOTE
    return table


NETWORK_NOTE = (
    "A connector is someone whose knowledge reached a learner in another unit (an accepted "
    "answer, an upvote, a helpful mark, an endorsement, an acknowledged insight or a wiki edit "
    "built on theirs). Figures are per the connectors' own unit; names are shown to "
    "administrators only, on an audited page. The topic and space filters do not apply."
)


def _pairs(r: Resolved) -> tuple:
    return _union(
        r,
        PairDaily,
        PairMonthly,
        (
            "source_id_value",
            "learner_id_value",
            "source_unit_path",
            "learner_unit_path",
            "transfers",
        ),
        lambda rows: rows,
        "source_unit_path",
    )


def network_counts(r: Resolved) -> list[tuple]:
    """(source unit, connectors, other units reached, people reached, transfers out), most
    connectors first: the union of the monthly sets for whole months and the day pairs around
    them, so distinct counts are exact."""
    periods = periods_of(r.start, r.end)
    units: dict[str, list] = {}

    def unit(path):
        return units.setdefault(path, [0, 0, set(), 0])

    if periods.months:
        monthly = NetworkMonthly.objects.filter(periods.month_filter())
        if r.unit_path:
            monthly = monthly.filter(source_unit_path__startswith=r.unit_path)
        for path, connectors, learners, learner_units, n in monthly.values_list(
            "source_unit_path", "connectors", "learners", "learner_units", "transfers"
        ):
            total = unit(path)
            total[0] |= bitmap_load(connectors)
            total[1] |= bitmap_load(learners)
            total[2].update(learner_units)
            total[3] += n
    if periods.days:
        daily = PairDaily.objects.filter(periods.day_filter()).exclude(
            source_unit_path=F("learner_unit_path")
        )
        if r.unit_path:
            daily = daily.filter(source_unit_path__startswith=r.unit_path)
        by_unit: dict[str, tuple[set, set]] = {}
        for source, learner, path, learner_unit, n in daily.values_list(
            "source_id_value", "learner_id_value", "source_unit_path", "learner_unit_path",
            "transfers",
        ).order_by():  # fmt: skip
            sources, learners = by_unit.setdefault(path, (set(), set()))
            sources.add(source)
            learners.add(learner)
            unit(path)[2].add(learner_unit)
            unit(path)[3] += n
        for path, (sources, learners) in by_unit.items():
            unit(path)[0] |= bitmap_of(sources)
            unit(path)[1] |= bitmap_of(learners)
    rows = [
        (path, c.bit_count(), len(reached_units), p.bit_count(), n)
        for path, (c, p, reached_units, n) in units.items()
    ]
    return sorted(rows, key=lambda row: (-row[1], -row[4], row[0]))


def expert_network(r: Resolved) -> Table:
    """Per unit: how many of its people reached other units, how many units and people their
    knowledge reached, and how many transfers crossed out of the unit."""
    rows = network_counts(r)[:NETWORK_LIMIT]
    names = _unit_names(row[0] for row in rows)
    table = Table(
        "expert-network",
        "Expert network: connectors across units",
        ["Unit", "Connectors", "Other units reached", "People reached", "Transfers out"],
    )
    table.rows = [
        [
            names.get(path, "No unit"),
            Cell(connectors, connectors),
            Cell(units, connectors),
            Cell(people, people),
            Cell(transfers, connectors),
        ]
        for path, connectors, units, people, transfers in rows
    ]
    shown = [row for row in table.rows if not row[1].suppressed]
    table.summary = (
        f"{sum(row[1].value for row in shown)} connectors in the units shown reached other units."
        if shown or not rows
        else "Too few people in this selection to show figures."
    )
    table.note = NETWORK_NOTE
    return table


def top_connectors(r: Resolved, *, offset: int, limit: int) -> list[dict]:
    """Individual connectors, most other units reached first (administrators only: the caller
    checks and audits)."""
    union, params = _pairs(r)
    rows = _fetch(CONNECTORS_SQL, union, [*params, limit, offset])
    people = Person.objects.in_bulk([row[0] for row in rows])
    names = _unit_names(row[1] for row in rows)
    return [
        {
            "person": people.get(source_id),
            "unit": names.get(path, "No unit"),
            "units_reached": units,
            "people_reached": reached,
            "transfers": transfers,
        }
        for source_id, path, units, reached, transfers in rows
    ]

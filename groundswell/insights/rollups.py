"""Rollups behind the trends page, kept current in the same transaction as the insights.

- `InsightWeek`: insights per (viewer, unit, week, confidential). Viewer 0 counts every
  insight; a person's rows count those they reported or had routed.
- `InsightClusterViewer`: per (viewer, trend) the latest insight of that trend the viewer
  reported or had routed.

Together they answer "what of this may the person see" exactly as
`Insight.objects.visible_to` does — reporter, routed managers, administrators, and the open
insights of the units above one's own — without reading the insights (the equivalence test in
tests/insights/test_rollups.py compares both). Increments are upserts (`INSERT … ON CONFLICT
… DO UPDATE`, SQLite and PostgreSQL alike), so concurrent reports never lose a count.
"""

from collections import Counter
from datetime import date, timedelta

from django.db import connection
from django.db.models import Max, Q, Sum
from django.utils import timezone

from groundswell.insights.models import Insight, InsightClusterViewer, InsightWeek
from groundswell.people.models import OrgUnit
from groundswell.spaces.models import sees_everything

EVERYONE = 0  # viewer_id of the rows that count every insight
NO_UNIT = 0


def week_of(moment) -> date:
    """The Monday of the week a moment falls in, in the site's time zone."""
    day = timezone.localtime(moment, timezone.get_default_timezone()).date()
    return day - timedelta(days=day.weekday())


def insight_viewer_ids(insight: Insight) -> list[int]:
    """Who sees the insight whatever their unit: the reporter and the routed managers."""
    routed = Insight.routed_managers.through.objects.filter(insight_id=insight.pk)
    return sorted({insight.reporter_id, *routed.values_list("person_id", flat=True)})


def _upsert(sql_rows: list[tuple], *, table: str, columns: list[str], keys: list[str], set_sql):
    if not sql_rows:
        return
    quote = connection.ops.quote_name
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    # Only our own quoted identifiers are formatted in; every value is a parameter.
    sql = (
        f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "  # noqa: S608
        f"VALUES {', '.join([placeholders] * len(sql_rows))} "
        f"ON CONFLICT ({', '.join(quote(k) for k in keys)}) DO UPDATE SET {set_sql(quote)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in sql_rows for value in row])


def weeks_add(counts: Counter) -> None:
    """Add counts {(viewer_id, unit_id, week, confidential): n} to the weekly rollup."""
    table = InsightWeek._meta.db_table
    _upsert(
        [(*key, n) for key, n in sorted(counts.items()) if n],
        table=table,
        columns=["viewer_id", "unit_id", "week", "confidential", "count"],
        keys=["viewer_id", "week", "unit_id", "confidential"],
        set_sql=lambda q: f"{q('count')} = {q(table)}.{q('count')} + excluded.{q('count')}",
    )


def _week_keys(insight: Insight, viewer_ids) -> list[tuple]:
    week, unit = week_of(insight.created_at), insight.org_unit_id or NO_UNIT
    return [(v, unit, week, bool(insight.confidential)) for v in (EVERYONE, *viewer_ids)]


def insight_counted(insight: Insight, viewer_ids) -> None:
    """Count a newly reported insight (one statement)."""
    weeks_add(Counter(_week_keys(insight, viewer_ids)))


def insight_uncounted(insight: Insight, viewer_ids) -> None:
    """Take a deleted insight out of the counts."""
    weeks_add(Counter(dict.fromkeys(_week_keys(insight, viewer_ids), -1)))


def cluster_viewers_add(rows: dict) -> None:
    """Record {(viewer_id, cluster_id): latest insight time}, keeping the later time."""
    table = InsightClusterViewer._meta.db_table

    def set_sql(q):
        mine, new = f"{q(table)}.{q('last_seen')}", f"excluded.{q('last_seen')}"
        return f"{q('last_seen')} = CASE WHEN {new} > {mine} THEN {new} ELSE {mine} END"

    _upsert(
        [(viewer, cluster, at) for (viewer, cluster), at in sorted(rows.items())],
        table=table,
        columns=["viewer_id", "cluster_id", "last_seen"],
        keys=["viewer_id", "cluster_id"],
        set_sql=set_sql,
    )


def cluster_viewers_recount(cluster_ids) -> None:
    """Recount the viewers of these trends from the insights they hold now (the rebuild)."""
    cluster_ids = list(cluster_ids)
    InsightClusterViewer.objects.filter(cluster_id__in=cluster_ids).delete()
    members = Insight.objects.filter(cluster_id__in=cluster_ids)
    latest: dict = {}
    by_reporter = members.values("cluster_id", "reporter_id").annotate(at=Max("created_at"))
    for row in by_reporter:
        latest[(row["reporter_id"], row["cluster_id"])] = row["at"]
    by_manager = (
        members.filter(routed_managers__isnull=False)
        .values("cluster_id", "routed_managers")
        .annotate(at=Max("created_at"))
    )
    for row in by_manager:
        key = (row["routed_managers"], row["cluster_id"])
        latest[key] = max(latest.get(key, row["at"]), row["at"])
    keys = sorted(latest)
    for start in range(0, len(keys), 300):
        cluster_viewers_add({k: latest[k] for k in keys[start : start + 300]})


def weeks_recount() -> int:
    """Recount the weekly rollup from every insight (the `cluster_insights` command, and
    after a bulk load that bypassed `insight_report`). Returns how many insights."""
    routed: dict[int, list[int]] = {}
    through = Insight.routed_managers.through.objects.values_list("insight_id", "person_id")
    for insight_id, person_id in through.iterator(chunk_size=5000):
        routed.setdefault(insight_id, []).append(person_id)
    counts: Counter = Counter()
    seen = 0
    rows = Insight.objects.values_list(
        "pk", "created_at", "org_unit_id", "confidential", "reporter_id"
    )
    for pk, created_at, unit_id, confidential, reporter_id in rows.iterator(chunk_size=5000):
        week, unit = week_of(created_at), unit_id or NO_UNIT
        for viewer in {EVERYONE, reporter_id, *routed.get(pk, ())}:
            counts[(viewer, unit, week, bool(confidential))] += 1
        seen += 1
    InsightWeek.objects.all().delete()
    InsightWeek.objects.bulk_create(
        [
            InsightWeek(viewer_id=v, unit_id=u, week=w, confidential=c, count=n)
            for (v, u, w, c), n in counts.items()
        ],
        batch_size=1000,
    )
    return seen


def _shared_units(person) -> list[int]:
    """Units whose open insights the person sees by where they work (their own and above)."""
    return person.org_unit.ancestor_ids() if person.org_unit_id else []


def weekly_counts(person, *, unit: OrgUnit | None, weeks: list[date]) -> list[int]:
    """How many insights the person may see were reported in each of these weeks (Mondays,
    consecutive), in the unit's subtree (None: everywhere). One query over the rollup:
    own and routed rows, plus the unit rows of open insights in the units above, minus
    those counted twice."""
    if person is None or not person.is_authenticated or not person.is_active or not weeks:
        return [0] * len(weeks)
    rows = InsightWeek.objects.filter(week__gte=weeks[0], week__lte=weeks[-1])
    if unit is not None:
        rows = rows.filter(
            unit_id__in=OrgUnit.objects.filter(path__startswith=unit.path).values("pk")
        )
    if sees_everything(person):
        totals = rows.filter(viewer_id=EVERYONE).values("week").annotate(n=Sum("count"))
        found = {row["week"]: row["n"] for row in totals}
    else:
        mine = Q(viewer_id=person.pk)
        shared = Q(confidential=False, unit_id__in=_shared_units(person))
        everyone = Q(viewer_id=EVERYONE) & shared
        totals = (
            rows.filter(mine | everyone)
            .values("week")
            .annotate(
                own=Sum("count", filter=mine),
                unit=Sum("count", filter=everyone),
                both=Sum("count", filter=mine & shared),
            )
        )
        found = {r["week"]: (r["own"] or 0) + (r["unit"] or 0) - (r["both"] or 0) for r in totals}
    return [found.get(week, 0) for week in weeks]


def clusters_seen_by(person, clusters, *, since):
    """Narrow a queryset of trends to those the person sees an insight of since `since`:
    through a viewer row, or because the trend's unit is one whose open insights they see
    (clustered insights are never confidential). Administrators see every trend."""
    if person is None or not person.is_authenticated or not person.is_active:
        return clusters.none()
    if sees_everything(person):
        return clusters
    viewed = InsightClusterViewer.objects.filter(viewer_id=person.pk, last_seen__gte=since)
    return clusters.filter(
        Q(pk__in=viewed.values("cluster_id")) | Q(org_unit_id__in=_shared_units(person))
    )

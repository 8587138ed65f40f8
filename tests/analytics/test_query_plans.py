"""Dashboards read rollups only: no query touches the event log or the edges, and no plan
scans the event table (EXPLAIN on PostgreSQL, EXPLAIN QUERY PLAN on SQLite)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.analytics.filters import parse_filters
from groundswell.analytics.selectors import dashboard_get
from tests.analytics.conftest import RANGE

pytestmark = pytest.mark.django_db


def _plan(sql: str, *, prefer_indexes: bool = False) -> str:
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        if prefer_indexes and connection.vendor == "postgresql":
            # Tiny test tables make a sequential scan the cheapest plan; with it priced out, a
            # Seq Scan left in the plan means no index can answer the query.
            cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute(prefix + sql)
            return "\n".join(" ".join(str(part) for part in row) for row in cursor.fetchall())
        finally:
            if prefer_indexes and connection.vendor == "postgresql":
                cursor.execute("RESET enable_seqscan")


# Rollups and facts the dashboard reads by range: each query must seek an index.
ROLLUPS = (
    "analytics_questionfact",
    "analytics_questionmonthly",
    "analytics_flowdaily",
    "analytics_flowmonthly",
    "analytics_insightfact",
)


LONG = {"from": "2025-12-15", "to": "2026-05-31"}  # whole months and days around them
PARAMS = [
    RANGE,
    LONG,
    {**LONG, "unit": "depot-a", "topic": "hazmat"},
    {**LONG, "space": "ops"},
    {**LONG, "space": "ops", "topic": "hazmat"},
]


@pytest.mark.parametrize("params", PARAMS)
def test_dashboard_queries_never_scan_events(org, learning_pro, params):
    with CaptureQueriesContext(connection) as queries:
        dashboard_get(learning_pro, parse_filters(params))
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert selects
    for sql in selects:
        assert "activity_event" not in sql
        assert "analytics_knowledgetransfer" not in sql
        plan = _plan(sql)
        if connection.vendor == "postgresql":
            assert "Seq Scan on activity_event" not in plan
        else:
            assert "activity_event" not in plan


@pytest.mark.parametrize("params", PARAMS)
def test_rollups_are_read_through_indexes(org, learning_pro, params):
    with CaptureQueriesContext(connection) as queries:
        dashboard_get(learning_pro, parse_filters(params))
    read = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith("SELECT") and any(table in q["sql"] for table in ROLLUPS)
    ]
    assert any("analytics_questionfact" in sql for sql in read)
    for sql in read:
        plan = _plan(sql, prefer_indexes=True)
        for table in ROLLUPS:
            # SQLite: "SCAN t" (even "USING INDEX") walks all of it; "SEARCH t USING …" seeks.
            assert f"SCAN {table}" not in plan, (sql, plan)
            assert f"Seq Scan on {table}" not in plan, (sql, plan)

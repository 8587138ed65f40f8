"""Dashboards read rollups only: no query touches the event log or the edges, and no plan
scans the event table (EXPLAIN on PostgreSQL, EXPLAIN QUERY PLAN on SQLite)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.analytics.filters import parse_filters
from groundswell.analytics.selectors import dashboard_get
from tests.analytics.conftest import RANGE

pytestmark = pytest.mark.django_db


def _plan(sql: str) -> str:
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql)
        return "\n".join(" ".join(str(part) for part in row) for row in cursor.fetchall())


LONG = {"from": "2025-12-15", "to": "2026-05-31"}  # whole months and days around them


@pytest.mark.parametrize("params", [RANGE, LONG, {**LONG, "unit": "depot-a", "topic": "hazmat"}])
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

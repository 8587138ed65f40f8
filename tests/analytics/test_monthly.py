"""Long ranges read the monthly rollups for whole months and the daily ones for the days around
them, and give exactly what the daily rows alone would."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.analytics.filters import parse_filters
from groundswell.analytics.models import FlowMonthly
from groundswell.analytics.selectors import dashboard_table
from groundswell.analytics.selectors.periods import periods_of
from tests.analytics.conftest import RANGE

pytestmark = pytest.mark.django_db
MARCH = {"from": "2026-03-01", "to": "2026-03-31"}


@pytest.mark.parametrize(
    ("start", "end", "months", "days"),
    [
        (date(2026, 3, 1), date(2026, 3, 31), (date(2026, 3, 1), date(2026, 3, 1)), ()),
        (
            date(2026, 2, 10),
            date(2026, 5, 3),
            (date(2026, 3, 1), date(2026, 4, 1)),
            ((date(2026, 2, 10), date(2026, 2, 28)), (date(2026, 5, 1), date(2026, 5, 3))),
        ),
        (date(2026, 3, 2), date(2026, 3, 30), None, ((date(2026, 3, 2), date(2026, 3, 30)),)),
        (
            date(2025, 12, 31),
            date(2026, 2, 28),
            (date(2026, 1, 1), date(2026, 2, 1)),
            ((date(2025, 12, 31), date(2025, 12, 31)),),
        ),
    ],
)
def test_periods_split_whole_months(start, end, months, days):
    periods = periods_of(start, end)
    assert (periods.months, periods.days) == (months, days)


def _plain(viewer, name, params):
    return [
        [str(c) for c in row] for row in dashboard_table(viewer, parse_filters(params), name).rows
    ]


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"topic": "hazmat"},
        {"space": "ops"},
        {"unit": "depot-a"},
        {"topic": "hazmat", "space": "ops"},
    ],
)
@pytest.mark.parametrize(
    "name", ["flow-matrix", "return-of-expertise", "engagement-units", "expert-network"]
)
def test_a_whole_month_reads_the_same_as_its_days(org, admin_person, small_cells, name, extra):
    assert FlowMonthly.objects.exists()
    assert _plain(admin_person, name, {**MARCH, **extra}) == _plain(
        admin_person, name, {**RANGE, **extra}
    )


def test_a_whole_month_reads_monthly_rows_only(org, admin_person, small_cells):
    for name in ("flow-matrix", "return-of-expertise", "engagement-units", "expert-network"):
        with CaptureQueriesContext(connection) as queries:
            dashboard_table(admin_person, parse_filters(MARCH), name)
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        assert "monthly" in sql, name
        assert "analytics_flowdaily" not in sql and "analytics_engagementdaily" not in sql
        assert "analytics_pairdaily" not in sql


def test_long_ranges_show_flow_per_month(org, admin_person, small_cells):
    table = dashboard_table(
        admin_person, parse_filters({"from": "2025-12-01", "to": "2026-05-31"}), "direction-shares"
    )
    assert table.headers[0] == "Month of"
    assert [[str(c) for c in row] for row in table.rows] == [["2026-03-01", "2", "1", "1", "50.0"]]

"""Learning analytics API: every dashboard panel as JSON, with the dashboard's filters, rules
and suppression (the `analytics.view_dashboard` permission, or a manager for their units;
404 for everyone else, as on the pages)."""

from datetime import date

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from groundswell.analytics import selectors
from groundswell.analytics.filters import Filters, parse_filters
from groundswell.analytics.tables import Cell, Table
from groundswell.api_common import ERROR_CODES, ErrorOut, InputSchema, viewer
from groundswell.errors import InvalidInput

router = Router(tags=["analytics"])


class FiltersIn(InputSchema):
    from_: date | None = Field(None, alias="from", description="First day (default: 90 days ago).")
    to: date | None = Field(None, description="Last day (default: today).")
    unit: str = Field("", max_length=60, description="An org unit code (within your scope).")
    topic: str = Field("", max_length=50, description="A topic name.")
    space: str = Field("", max_length=80, description="A space slug you can see.")


class CellOut(Schema):
    text: str = Field(description='As shown on the dashboard and in CSV ("<5" when suppressed).')
    value: int | float | str | None = Field(description="The figure; null when suppressed.")
    suppressed: bool


class TableOut(Schema):
    name: str
    title: str
    headers: list[str]
    rows: list[list[CellOut]]
    summary: str
    note: str


class DashboardOut(Schema):
    start: date = Field(alias="from")
    end: date = Field(alias="to")
    scope: str = Field(description='"organisation", or the unit a manager\'s figures cover.')
    tables: list[TableOut]


def _filters(query: FiltersIn) -> Filters:
    params = {"unit": query.unit, "topic": query.topic, "space": query.space}
    if query.from_:
        params["from"] = query.from_.isoformat()
    if query.to:
        params["to"] = query.to.isoformat()
    filters = parse_filters(params)
    if filters.errors:
        raise InvalidInput(" ".join(filters.errors))
    return filters


def _cell(cell) -> dict:
    if isinstance(cell, Cell):
        value = None if cell.suppressed else cell.value
        return {"text": str(cell), "value": value, "suppressed": cell.suppressed}
    return {"text": str(cell), "value": str(cell), "suppressed": False}


def _table(table: Table) -> dict:
    return {
        "name": table.name,
        "title": table.title,
        "headers": table.headers,
        "rows": [[_cell(cell) for cell in row] for row in table.rows],
        "summary": table.summary,
        "note": table.note,
    }


@router.get(
    "/analytics/dashboard",
    response={200: DashboardOut, ERROR_CODES: ErrorOut},
    by_alias=True,
)
def analytics_dashboard(request: HttpRequest, query: Query[FiltersIn]):
    """Every panel of the learning analytics dashboard. Cells describing fewer than
    ANALYTICS_MIN_PEOPLE (default 5) people are suppressed. 404 unless you may open the
    dashboard; a manager sees their units only (404 for a unit outside them)."""
    filters = _filters(query)
    scope, tables = selectors.dashboard_tables(viewer(request), filters)
    return {
        "from": filters.start,
        "to": filters.end,
        "scope": scope.unit_name or "organisation",
        "tables": [_table(table) for table in tables],
    }


@router.get("/analytics/tables/{table}", response={200: TableOut, ERROR_CODES: ErrorOut})
def analytics_table(request: HttpRequest, table: str, query: Query[FiltersIn]):
    """One panel's table (names as in the dashboard's CSV links: flow-matrix,
    direction-shares, return-of-expertise, peer-support, unanswered, topic-gaps,
    formal-learning, engagement-units, engagement-levels, expert-network)."""
    return _table(selectors.dashboard_table(viewer(request), _filters(query), table))

"""Learning analytics pages: the dashboard, CSV export of each table, admin drill-down."""

import csv

from django.http import HttpResponse
from django.shortcuts import render

from groundswell.analytics import selectors, services
from groundswell.analytics.filters import parse_filters
from groundswell.analytics.permissions import can_drill_down
from groundswell.errors import InvalidInput


def dashboard(request):
    board = selectors.dashboard_get(request.user, parse_filters(request.GET))
    return render(
        request,
        "analytics/dashboard.html",
        {"board": board, "can_drill_down": can_drill_down(request.user)},
    )


def export_csv(request, table: str):
    result = selectors.dashboard_table(request.user, parse_filters(request.GET), table)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{result.name}.csv"'
    csv.writer(response).writerows(result.csv_rows())
    return response


def _level(text: str) -> int:
    if text not in {"1", "2", "3", "4", "5"}:
        raise InvalidInput("Choose a level from 1 to 5.")
    return int(text)


def drilldown(request):
    filters = parse_filters(request.GET)
    source, learner = (
        _level(request.GET.get("source", "1")),
        _level(request.GET.get("learner", "1")),
    )
    page = services.drilldown_open(
        viewer=request.user,
        filters=filters,
        source_level=source,
        learner_level=learner,
        page=request.GET.get("page"),
    )
    return render(
        request,
        "analytics/drilldown.html",
        {"page": page, "source": source, "learner": learner, "filters": filters},
    )


def connectors(request):
    filters = parse_filters(request.GET)
    page = services.connectors_open(
        viewer=request.user, filters=filters, page=request.GET.get("page")
    )
    return render(request, "analytics/connectors.html", {"page": page, "filters": filters})

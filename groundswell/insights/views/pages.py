"""Insight pages: report, my insights, one insight, the management inbox, trends, export."""

import csv
import io
from datetime import datetime, time, timedelta

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from groundswell.errors import InvalidInput
from groundswell.insights import selectors, services
from groundswell.insights.charts import weekly_chart_svg
from groundswell.insights.forms import ExportForm, ReportForm
from groundswell.insights.models import Status
from groundswell.insights.photos import photo_response
from groundswell.web.pages import form_view


@form_view("insights/report.html")
def report(request, page):
    """Report an insight; on an error the form comes back with everything typed (4xx)."""
    person = request.user
    page.form = ReportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        categories=selectors.categories(),
    )
    page.context["default_location"] = person.location
    if page.form.is_valid():
        data = page.form.cleaned_data
        insight = services.insight_report(
            reporter=person,
            text=data["text"],
            category=data["category"],
            location=data["location"],
            confidential=data["confidential"],
            topics=data["topics"],
            photo=data["photo"] or None,
        )
        messages.success(request, "Thank you — your insight is on its way to your managers.")
        return redirect(f"{insight.get_absolute_url()}?reported=1")
    return page


def mine(request):
    page = selectors.my_insights(request.user, page=request.GET.get("page"))
    return render(request, "insights/mine.html", {"insights": page})


def detail(request, insight_id: int):
    view = selectors.insight_view(request.user, insight_id)
    return render(
        request,
        "insights/detail.html",
        {"view": view, "insight": view.insight, "reported": "reported" in request.GET},
    )


def photo(request, insight_id: int):
    """The photo, re-checked against visibility on every request."""
    return photo_response(selectors.insight_get(request.user, insight_id))


def inbox_filters(params) -> dict:
    """The inbox's filters from a query string (the page's, or the one a form carried)."""
    return {
        "status": params.get("status", "open"),
        "category": params.get("category", "")[:40],
        "unit": params.get("unit", "")[:60],
        "location": params.get("location", "")[:100],
        "min_age_days": _int(params.get("age")),
        "min_corroborations": _int(params.get("corroborations")),
        "order": params.get("order", "priority"),
    }


def inbox_context(page, filters: dict, params) -> dict:
    """What the inbox list shows: each insight with its SLA ages."""
    now = timezone.now()
    rows = [
        {
            "insight": i,
            "age_days": (now - i.created_at).days,
            "since_change_days": (now - i.status_changed_at).days,
        }
        for i in page.items
    ]
    return {
        "page": page,
        "rows": rows,
        "filters": filters,
        "query": params.urlencode() if params else "",
    }


def inbox(request):
    params = request.GET
    filters = inbox_filters(params)
    page = selectors.inbox(request.user, **filters, page=params.get("page"))
    context = inbox_context(page, filters, params)
    context.update({"categories": selectors.categories(), "statuses": Status.choices})
    return render(request, "insights/inbox.html", context)


def _int(value):
    try:
        return max(0, min(int(value), 100_000))
    except (TypeError, ValueError):
        return None


def trends(request):
    unit = selectors.unit_for(request.user, request.GET.get("unit", "")[:60])
    result = selectors.trends(request.user, unit=unit)
    return render(
        request,
        "insights/trends.html",
        {"trends": result, "chart": weekly_chart_svg(result.weeks)},
    )


def trends_chart(request):
    """The weekly chart as an SVG image (loaded by <img>, so it can never run script)."""
    unit = selectors.unit_for(request.user, request.GET.get("unit", "")[:60])
    result = selectors.trends(request.user, unit=unit, with_clusters=False)
    response = render(
        request,
        "insights/chart.svg",
        {"chart": weekly_chart_svg(result.weeks)},
        content_type="image/svg+xml",
    )
    response["Content-Security-Policy"] = "default-src 'none'"
    response["Cache-Control"] = "private, max-age=300"
    return response


def export(request):
    """CSV of the insights the person may see for a unit and period (default: 90 days)."""
    form = ExportForm(request.GET)
    if not form.is_valid():
        raise InvalidInput("Dates are YYYY-MM-DD.")
    data = form.cleaned_data
    unit = selectors.unit_for(request.user, data["unit"] or "")
    today = timezone.localdate()
    until_day = data["until"] or today
    since_day = data["since"] or (until_day - timedelta(days=90))
    tz = timezone.get_current_timezone()
    since = timezone.make_aware(datetime.combine(since_day, time.min), tz)
    until = timezone.make_aware(datetime.combine(until_day + timedelta(days=1), time.min), tz)
    rows = selectors.export_rows(request.user, unit=unit, since=since, until=until)

    # Built in memory (a unit's period is thousands of rows, not millions): a plain response
    # that every middleware and test can read.
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(_with_header(rows))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="insights-{since_day}-{until_day}.csv"'
    return response


def _with_header(rows):
    yield selectors.EXPORT_HEADER
    yield from rows

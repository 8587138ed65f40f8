"""Insight actions (POST only): status, respond, assign, corroborate, merge, bulk acknowledge.
Each calls one service. htmx posts get the re-rendered insight panel (or inbox list) with an
announcement; a plain form post is redirected back to the page it came from."""

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from groundswell.errors import InvalidInput
from groundswell.insights import selectors, services
from groundswell.insights.forms import BulkForm, CorroborateForm, MergeForm, RespondForm, StatusForm
from groundswell.insights.views.pages import inbox_context, inbox_filters
from groundswell.people.selectors import person_get
from groundswell.web.htmx import is_htmx, partial_response


def _valid(form):
    if not form.is_valid():
        errors = {name: [str(m) for m in msgs] for name, msgs in form.errors.items()}
        raise InvalidInput("Check the form.", errors=errors)
    return form.cleaned_data


def _panel_or_redirect(request, insight, announce: str):
    """The insight panel for htmx (fresh timeline and forms), else back to the page."""
    if not is_htmx(request):
        messages.success(request, announce)
        return redirect(insight)
    view = selectors.insight_view(request.user, insight.pk)
    return partial_response(
        request,
        "insights/_panel.html",
        {"view": view, "insight": view.insight},
        announce=announce,
    )


@require_POST
def change_status(request, insight_id: int):
    insight = selectors.insight_get(request.user, insight_id)
    data = _valid(StatusForm(request.POST))
    services.insight_change_status(
        person=request.user,
        insight=insight,
        status=data["status"],
        message=data["message"],
        expected_status=data["expected_status"] or None,
    )
    return _panel_or_redirect(
        request, insight, "Status changed; the reporter can see your message."
    )


@require_POST
def respond(request, insight_id: int):
    insight = selectors.insight_get(request.user, insight_id)
    data = _valid(RespondForm(request.POST))
    services.insight_respond(person=request.user, insight=insight, message=data["message"])
    return _panel_or_redirect(request, insight, "Your message is sent to the reporter.")


@require_POST
def assign(request, insight_id: int):
    insight = selectors.insight_get(request.user, insight_id)
    username = request.POST.get("assignee", "")[:150]
    assignee = person_get(request.user, username) if username else None
    services.insight_assign(person=request.user, insight=insight, assignee=assignee)
    return _panel_or_redirect(
        request, insight, f"Assigned to {assignee.name}." if assignee else "Unassigned."
    )


@require_POST
def corroborate(request, insight_id: int):
    insight = selectors.insight_get(request.user, insight_id)
    data = _valid(CorroborateForm(request.POST))
    services.insight_corroborate(person=request.user, insight=insight, **data)
    return _panel_or_redirect(request, insight, "Thanks — you corroborated this insight.")


@require_POST
def merge(request, insight_id: int):
    duplicate = selectors.insight_get(request.user, insight_id)
    data = _valid(MergeForm(request.POST))
    into = selectors.insight_get(request.user, data["into"])
    services.insight_merge(person=request.user, duplicate=duplicate, into=into)
    messages.success(request, "Merged.")
    return redirect(into)


@require_POST
def bulk_acknowledge(request):
    data = _valid(BulkForm(request.POST))
    changed = services.insights_bulk_acknowledge(
        person=request.user, insight_ids=data["insights"], message=request.POST.get("message", "")
    )
    announce = f"{changed} insight(s) acknowledged."
    # The inbox's filters travel with the form, so the list comes back as it was shown.
    query = QueryDict(request.POST.get("filters", "")[:1000])
    if not is_htmx(request):
        messages.success(request, announce)
        url = reverse("insights:inbox")
        return redirect(f"{url}?{query.urlencode()}" if query else url)
    # The pagination links keep "the other query parameters" of request.GET: the inbox's.
    request.GET = query
    filters = inbox_filters(query)
    page = selectors.inbox(request.user, **filters, page=query.get("page"))
    return partial_response(
        request,
        "insights/_inbox_list.html",
        inbox_context(page, filters, query),
        announce=announce,
    )

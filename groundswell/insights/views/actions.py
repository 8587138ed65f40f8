"""Insight actions (POST only): status, respond, assign, corroborate, merge, bulk acknowledge.
Each calls one service and goes back to the page it came from."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from groundswell.errors import InvalidInput
from groundswell.insights import selectors, services
from groundswell.insights.forms import BulkForm, CorroborateForm, MergeForm, RespondForm, StatusForm
from groundswell.people.selectors import person_get


def _valid(form):
    if not form.is_valid():
        errors = {name: [str(m) for m in msgs] for name, msgs in form.errors.items()}
        raise InvalidInput("Check the form.", errors=errors)
    return form.cleaned_data


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
    messages.success(request, "Status changed; the reporter can see your message.")
    return redirect(insight)


@require_POST
def respond(request, insight_id: int):
    insight = selectors.insight_get(request.user, insight_id)
    data = _valid(RespondForm(request.POST))
    services.insight_respond(person=request.user, insight=insight, message=data["message"])
    messages.success(request, "Your message is sent to the reporter.")
    return redirect(insight)


@require_POST
def assign(request, insight_id: int):
    insight = selectors.insight_get(request.user, insight_id)
    username = request.POST.get("assignee", "")[:150]
    assignee = person_get(request.user, username) if username else None
    services.insight_assign(person=request.user, insight=insight, assignee=assignee)
    messages.success(request, "Assigned.")
    return redirect(insight)


@require_POST
def corroborate(request, insight_id: int):
    insight = selectors.insight_get(request.user, insight_id)
    data = _valid(CorroborateForm(request.POST))
    services.insight_corroborate(person=request.user, insight=insight, **data)
    messages.success(request, "Thanks — you corroborated this insight.")
    return redirect(insight)


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
    messages.success(request, f"{changed} insight(s) acknowledged.")
    return redirect("insights:inbox")

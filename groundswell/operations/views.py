"""Operations pages for administrators: failed background tasks and their retry."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from groundswell.operations import selectors, services


def failed_tasks(request):
    page = selectors.failed_task_list(request.user, page=request.GET.get("page"))
    return render(request, "operations/failed_tasks.html", {"tasks": page})


@require_POST
def failed_task_retry(request, task_id):
    name = services.failed_task_retry(actor=request.user, task_result_id=task_id)
    messages.success(request, f"“{name}” is queued again with the same ids.")
    return redirect("operations:failed_tasks")

"""Reads for the operations pages: failed background tasks, newest first."""

import re
from dataclasses import dataclass
from datetime import datetime

from django.utils.module_loading import import_string
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from groundswell.activity.models import Event, Verb
from groundswell.errors import Forbidden
from groundswell.operations.permissions import can_see_operations
from groundswell.pagination import Page, paginate

# Only our own tasks are retried from the page: each takes ids and is idempotent (TRUST 22).
OUR_TASKS = "groundswell."
ERROR_MAX = 300
ID_TEXT = re.compile(r"^[0-9a-fA-F-]{1,36}$")


@dataclass(frozen=True)
class FailedTask:
    id: str
    name: str
    task_path: str
    args: list
    kwargs: dict
    attempt: int
    error: str
    traceback: str
    enqueued_at: datetime
    failed_at: datetime | None
    retried: bool
    retryable: bool


def _id_only(value):
    """Task arguments are ids; anything else is not shown (it could be someone's text)."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, str) and ID_TEXT.match(value):
        return value
    if isinstance(value, list):
        return [_id_only(item) for item in value[:20]]
    return "…"


def _error_line(row: DBTaskResult) -> str:
    lines = [line for line in row.traceback.strip().splitlines() if line.strip()]
    message = lines[-1].strip() if lines else row.exception_class_path
    return message[:ERROR_MAX]


def task_is_ours(task_path: str) -> bool:
    """The task still exists in our code, so it can run again."""
    if not task_path.startswith(OUR_TASKS):
        return False
    try:
        return isinstance(import_string(task_path), Task)
    except ImportError:
        return False


def retried_task_ids(ids: list[str]) -> set[str]:
    """Which of these failed task results an administrator has already retried."""
    events = Event.objects.filter(verb=Verb.RETRIED_TASK, data__task_result_id__in=ids)
    return {data.get("task_result_id") for data in events.values_list("data", flat=True)}


def _failed_task(row: DBTaskResult, retried: set[str]) -> FailedTask:
    kwargs = row.args_kwargs.get("kwargs", {})
    attempt = kwargs.get("attempt") if isinstance(kwargs.get("attempt"), int) else None
    ours = task_is_ours(row.task_path)
    return FailedTask(
        id=str(row.pk),
        name=row.task_path.rsplit(".", 1)[-1],
        task_path=row.task_path,
        args=[_id_only(arg) for arg in row.args_kwargs.get("args", [])],
        kwargs={key: _id_only(value) for key, value in kwargs.items()},
        attempt=attempt or max(len(row.worker_ids), 1),
        error=_error_line(row),
        traceback=row.traceback,
        enqueued_at=row.enqueued_at,
        failed_at=row.finished_at,
        retried=str(row.pk) in retried,
        retryable=ours and str(row.pk) not in retried,
    )


def failed_task_list(viewer, *, page=None, per_page=None) -> Page:
    """Failed background tasks, the most recent failure first: what failed, with which ids,
    at which attempt, and the error. Administrators only (Forbidden for everyone else)."""
    if not can_see_operations(viewer):
        raise Forbidden("Only administrators can see failed tasks.")
    rows = DBTaskResult.objects.failed().order_by("-finished_at", "-enqueued_at")
    result = paginate(rows, page, per_page)
    retried = retried_task_ids([str(row.pk) for row in result.items])
    result.items = [_failed_task(row, retried) for row in result.items]
    return result

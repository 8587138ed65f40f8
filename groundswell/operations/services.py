"""Writes for the operations pages: retrying a failed background task."""

from django.db import transaction
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound
from groundswell.operations.permissions import can_see_operations
from groundswell.operations.selectors import retried_task_ids, task_is_ours


@transaction.atomic
def failed_task_retry(*, actor, task_result_id) -> str:
    """Queue a failed task once more with the same arguments (ids), after commit; returns the
    task's name. Safe because every task of ours is idempotent (TRUST 22): a retry of work
    that half happened does not do it twice. The failed result stays as it was, for the
    record; each failed result can be retried once (409 after), so a double click queues one
    retry. Administrators only."""
    if not can_see_operations(actor):
        raise Forbidden("Only administrators can retry tasks.")
    # The row lock makes a concurrent second retry wait, then see the first one's event.
    row = DBTaskResult.objects.failed().select_for_update().filter(pk=task_result_id).first()
    if row is None:
        raise NotFound("There is no failed task with that id.")
    if retried_task_ids([str(row.pk)]):
        raise Conflict("This task has been retried already.")
    if not task_is_ours(row.task_path):
        raise InvalidInput(f"“{row.task_path}” is not a Groundswell task that exists today.")
    task = import_string(row.task_path)
    args = list(row.args_kwargs.get("args", []))
    kwargs = dict(row.args_kwargs.get("kwargs", {}))
    event_record(
        actor=actor,
        verb=Verb.RETRIED_TASK,
        data={"task_result_id": str(row.pk), "task": row.task_path},
    )
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs), robust=True)
    return row.task_path.rsplit(".", 1)[-1]

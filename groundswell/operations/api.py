"""Failed background tasks for administrators (read only; retry from the page)."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from groundswell.api_common import ERROR_CODES, ErrorOut, PageNumber, page_of, page_out, viewer
from groundswell.operations import selectors

router = Router(tags=["operations"])


class FailedTaskOut(Schema):
    id: str
    name: str
    task_path: str
    args: list[Any]
    kwargs: dict[str, Any]
    attempt: int
    error: str
    enqueued_at: datetime
    failed_at: datetime | None
    retried: bool


FailedTaskPage = page_of(FailedTaskOut, "FailedTaskPage")


@router.get("/operations/failed-tasks", response={200: FailedTaskPage, ERROR_CODES: ErrorOut})
def failed_task_list(
    request: HttpRequest, page: PageNumber = 1, per_page: PageNumber | None = None
):
    """Failed background tasks, the most recent failure first, with their ids, attempt and
    error (the last line of the traceback). Administrators only (403 for everyone else)."""
    return page_out(selectors.failed_task_list(viewer(request), page=page, per_page=per_page))

"""The xAPI statement export for administrators."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from groundswell.api_common import ERROR_CODES, ErrorOut, PageNumber, page_out, viewer
from groundswell.xapi import selectors

router = Router(tags=["xapi"])


class StatementPage(Schema):
    items: list[dict[str, Any]]
    page: int
    per_page: int
    has_next: bool


@router.get("/xapi/statements", response={200: StatementPage, ERROR_CODES: ErrorOut})
def xapi_statement_list(
    request: HttpRequest,
    since: datetime | None = None,
    page: PageNumber = 1,
    per_page: PageNumber | None = None,
):
    """xAPI 1.0.3 statements, oldest first; `since` keeps those recorded at or after it.
    Administrators only (403 for everyone else)."""
    return page_out(
        selectors.statement_export(viewer(request), since=since, page=page, per_page=per_page)
    )

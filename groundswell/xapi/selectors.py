"""Reading the xAPI outbox."""

from datetime import datetime

from groundswell.errors import Forbidden
from groundswell.pagination import Page, paginate
from groundswell.xapi.models import StatementOutbox
from groundswell.xapi.permissions import can_export_statements


def statement_export(person, *, since: datetime | None = None, page=1, per_page=None) -> Page:
    """A page of exported statements, oldest first, optionally only those built after `since`.

    Staff only (403 otherwise): statements cover every space, so the viewer's own visibility
    does not apply; anonymous askers' actions are never in the outbox to begin with.
    """
    if not can_export_statements(person):
        raise Forbidden("Only administrators may export xAPI statements.")
    rows = StatementOutbox.objects.filter(skipped=False).order_by("pk")
    if since is not None:
        rows = rows.filter(created_at__gte=since)
    result = paginate(rows.values_list("statement", flat=True), page, per_page)
    return result

"""Building the outbox from the activity log, and forwarding it to the LRS exactly once."""

import base64
import json
import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from groundswell import outbound
from groundswell.activity.models import Event
from groundswell.xapi.models import StatementOutbox
from groundswell.xapi.statements import VERBS, Skip, statement_for, statement_id_for

logger = logging.getLogger(__name__)

XAPI_VERSION_HEADER = "X-Experience-API-Version"
RETRY_BASE_SECONDS = 30
RETRY_CAP_SECONDS = 6 * 60 * 60


def outbox_build(*, batch_size: int = 500) -> int:
    """Add an outbox row for every exported-verb Event that has none; returns rows added.

    Idempotent: an event gets at most one row (one-to-one), and its statement id is derived
    from the event id, so running it twice or concurrently adds nothing twice.
    """
    added = 0
    last_id = 0
    while True:
        events = list(
            Event.objects.filter(verb__in=list(VERBS), xapi_statement__isnull=True, pk__gt=last_id)
            .select_related("actor", "subject", "space", "thread", "thread__space")
            .order_by("pk")[:batch_size]
        )
        if not events:
            return added
        for event in events:
            added += _outbox_add(event)
        last_id = events[-1].pk


def _outbox_add(event: Event) -> int:
    try:
        statement, skipped, reason = statement_for(event), False, ""
    except Skip as exc:
        statement, skipped, reason = {}, True, str(exc)
    try:
        with transaction.atomic():
            StatementOutbox.objects.create(
                event=event,
                statement_id=statement_id_for(event.pk),
                statement=statement,
                skipped=skipped,
                last_error=f"not exported: {reason}" if skipped else "",
            )
    except IntegrityError:
        return 0  # another builder got there first
    return 0 if skipped else 1


def _pending():
    now = timezone.now()
    return (
        StatementOutbox.objects.filter(
            sent_at__isnull=True, skipped=False, attempts__lt=settings.XAPI_MAX_ATTEMPTS
        )
        .exclude(next_attempt_at__gt=now)
        .order_by("pk")
    )


def _headers() -> dict[str, str]:
    credentials = f"{settings.XAPI_LRS_USERNAME}:{settings.XAPI_LRS_PASSWORD}".encode()
    return {
        XAPI_VERSION_HEADER: "1.0.3",
        "Content-Type": "application/json",
        "Authorization": "Basic " + base64.b64encode(credentials).decode("ascii"),
    }


def _post(statements: list[dict]) -> outbound.OutboundResponse:
    return outbound.request(
        "POST",
        f"{settings.XAPI_LRS_ENDPOINT}/statements",
        headers=_headers(),
        body=json.dumps(statements).encode(),
    )


def _put(statement: dict) -> outbound.OutboundResponse:
    return outbound.request(
        "PUT",
        f"{settings.XAPI_LRS_ENDPOINT}/statements?statementId={statement['id']}",
        headers=_headers(),
        body=json.dumps(statement).encode(),
    )


def _fail(rows: list[StatementOutbox], error: str) -> None:
    now = timezone.now()
    for row in rows:
        row.attempts += 1
        delay = min(RETRY_BASE_SECONDS * 2 ** (row.attempts - 1), RETRY_CAP_SECONDS)
        row.next_attempt_at = now + timedelta(seconds=delay)
        row.last_error = error[:2000]
        row.save(update_fields=["attempts", "next_attempt_at", "last_error"])
    logger.warning("xAPI forwarding of %s statements failed: %s", len(rows), error)


def _sent(rows: list[StatementOutbox]) -> None:
    ids = [row.pk for row in rows]
    StatementOutbox.objects.filter(pk__in=ids).update(sent_at=timezone.now(), last_error="")


def _forward_one_by_one(rows: list[StatementOutbox]) -> int:
    """After a 409 on a batch: PUT each statement so one conflict cannot block the rest."""
    sent = 0
    for row in rows:
        try:
            response = _put(row.statement)
        except (outbound.OutboundError, outbound.OutboundRefused) as exc:
            _fail([row], str(exc))
            continue
        # 409: the LRS already holds a statement with this id, which can only be ours.
        if response.status in (200, 204, 409):
            _sent([row])
            sent += 1
        else:
            _fail([row], f"LRS answered {response.status}: {response.body[:500]!r}")
    return sent


def outbox_forward(*, batch_size: int | None = None, max_batches: int = 100) -> int:
    """POST pending statements to the LRS in batches; returns how many were marked sent.

    Exactly once per statement id: a row is marked sent only after the LRS acknowledged it,
    and a re-sent statement carries the same id and content, which the LRS ignores. Rows are
    locked while in flight (on PostgreSQL, skip-locked), so two forwarders never send one row.
    """
    if not settings.XAPI_LRS_ENDPOINT:
        return 0
    size = batch_size or settings.XAPI_BATCH_SIZE
    sent = 0
    for _ in range(max_batches):
        with transaction.atomic():
            rows = list(_pending().select_for_update(skip_locked=True)[:size])
            if not rows:
                break
            sent += _forward_batch(rows)
    return sent


def _forward_batch(rows: list[StatementOutbox]) -> int:
    try:
        response = _post([row.statement for row in rows])
    except (outbound.OutboundError, outbound.OutboundRefused) as exc:
        _fail(rows, str(exc))
        return 0
    if response.status in (200, 204):
        _sent(rows)
        return len(rows)
    if response.status == 409:
        return _forward_one_by_one(rows)
    _fail(rows, f"LRS answered {response.status}: {response.body[:500]!r}")
    return 0


def outbox_retry(*, rows) -> int:
    """Give unsent statements (e.g. ones that used up their attempts) a fresh start."""
    return rows.filter(sent_at__isnull=True, skipped=False).update(attempts=0, next_attempt_at=None)


def outbox_refresh_thread(thread_id: int) -> int:
    """Rebuild the stored statements of a thread's events from the thread as it is now, so a
    title that was hidden with its revision (TRUST 5) is not kept in the outbox or its export.
    Statements already forwarded keep their id; what an LRS holds cannot be recalled."""
    rows = StatementOutbox.objects.filter(event__thread_id=thread_id, skipped=False).select_related(
        "event__actor", "event__subject", "event__space", "event__thread", "event__thread__space"
    )
    refreshed = 0
    for row in rows:
        try:
            statement = statement_for(row.event)
        except Skip:
            statement = {}
        if statement != row.statement:
            StatementOutbox.objects.filter(pk=row.pk).update(
                statement=statement, skipped=not statement
            )
            refreshed += 1
    return refreshed

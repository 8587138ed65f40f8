"""Bounded retries for background tasks (TRUST 22), shared by every app's `tasks.py`.

A task that fails on something that may pass — a mail server refusing for now, a busy or
restarting database — queues another attempt with an exponential back-off, at most
MAX_ATTEMPTS attempts in all, when the backend can defer (the database backend can). Every
failed attempt stays a failed task result, listed for administrators on the failed-tasks page
(`groundswell/operations/`). Anything else is a bug and fails at once, without a retry.

    @task()
    def deliver_event(event_id: int, attempt: int = 1) -> int:
        with retry_on_transient_errors(deliver_event, event_id, attempt=attempt):
            return services.event_fan_out(event_id=event_id)

The retried task gets the same arguments (ids) plus `attempt`, so it must accept `attempt`
and be idempotent, like all our tasks.
"""

import logging
from contextlib import contextmanager
from datetime import timedelta
from smtplib import SMTPException

from django.db import DatabaseError
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
# Transient failures worth another try; anything else is a bug and fails at once.
TRANSIENT_ERRORS = (SMTPException, OSError, DatabaseError)


def retry_later(the_task, *args, attempt: int) -> bool:
    """Queue another attempt with an exponential back-off (2, 4 minutes…); False when this
    was the last attempt or the backend cannot defer."""
    backend = the_task.get_backend()
    if attempt >= MAX_ATTEMPTS or not backend.supports_defer:
        return False
    run_after = timezone.now() + timedelta(minutes=2**attempt)
    the_task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)
    return True


@contextmanager
def retry_on_transient_errors(the_task, *args, attempt: int):
    """Run the block; on a transient error queue a later attempt (if any is left) and re-raise,
    so this attempt is recorded as failed."""
    try:
        yield
    except TRANSIENT_ERRORS:
        name = getattr(the_task, "name", repr(the_task))
        retried = retry_later(the_task, *args, attempt=attempt)
        logger.warning("Task %s%r failed (attempt %s)", name, args, attempt)
        if not retried:
            logger.error("Giving up on task %s%r after %s attempts", name, args, attempt)
        raise

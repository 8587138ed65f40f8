"""Background tasks (Django's Tasks API, `django_tasks` backport). Each takes ids only, only
calls a service, and is idempotent: the notification (recipient, event) is unique and an email
is claimed before it is sent, so a task that runs twice notifies and emails once.

A task that fails on a mail server or a busy database is tried again later, at most
MAX_ATTEMPTS times in all, when the backend can defer (the database backend can); every failed
attempt stays visible to administrators as a failed task result (Django admin, "Task results")."""

import logging
from datetime import timedelta
from smtplib import SMTPException

from django.db import DatabaseError
from django.utils import timezone
from django_tasks import task

from groundswell.notifications import services

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
# Transient failures worth another try; anything else is a bug and fails at once.
TRANSIENT_ERRORS = (SMTPException, OSError, DatabaseError)


def _retry_later(the_task, *args, attempt: int) -> bool:
    """Queue another attempt with an exponential back-off (2, 4 minutes…)."""
    backend = the_task.get_backend()
    if attempt >= MAX_ATTEMPTS or not backend.supports_defer:
        return False
    run_after = timezone.now() + timedelta(minutes=2**attempt)
    the_task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)
    return True


@task()
def deliver_event(event_id: int, attempt: int = 1) -> int:
    """Fan an activity Event out into notifications; returns how many were new."""
    try:
        return services.event_fan_out(event_id=event_id)
    except TRANSIENT_ERRORS:
        retried = _retry_later(deliver_event, event_id, attempt=attempt)
        logger.warning("Delivering event %s failed (attempt %s)", event_id, attempt)
        if not retried:
            logger.error("Giving up on event %s after %s attempts", event_id, attempt)
        raise


@task()
def send_notification_email(notification_id: int, attempt: int = 1) -> str:
    """Email one notification to its recipient, at most once."""
    try:
        return services.notification_email_send(notification_id=notification_id)
    except TRANSIENT_ERRORS:
        retried = _retry_later(send_notification_email, notification_id, attempt=attempt)
        logger.warning("Emailing notification %s failed (attempt %s)", notification_id, attempt)
        if not retried:
            logger.error("Giving up on notification %s after %s attempts", notification_id, attempt)
        raise

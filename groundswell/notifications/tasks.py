"""Background tasks (Django's Tasks API, `django_tasks` backport). Each takes ids only, only
calls a service, and is idempotent: the notification (recipient, event) is unique and an email
is claimed before it is sent, so a task that runs twice notifies and emails once.

A task that fails on a mail server or a busy database is tried again later, at most
MAX_ATTEMPTS times in all, when the backend can defer (the database backend can); every failed
attempt stays visible to administrators as a failed task (`groundswell/tasks.py`, shared with
the other apps' tasks)."""

from django_tasks import task

from groundswell.notifications import services
from groundswell.tasks import MAX_ATTEMPTS, retry_on_transient_errors

__all__ = ["MAX_ATTEMPTS", "deliver_event", "send_notification_email"]


@task()
def deliver_event(event_id: int, attempt: int = 1) -> int:
    """Fan an activity Event out into notifications; returns how many were new."""
    with retry_on_transient_errors(deliver_event, event_id, attempt=attempt):
        return services.event_fan_out(event_id=event_id)


@task()
def send_notification_email(notification_id: int, attempt: int = 1) -> str:
    """Email one notification to its recipient, at most once."""
    with retry_on_transient_errors(send_notification_email, notification_id, attempt=attempt):
        return services.notification_email_send(notification_id=notification_id)

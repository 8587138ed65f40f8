"""Writes of the notifications app: the fan-out of Events, emails, reading and preferences."""

from groundswell.notifications.services.delivery import (
    event_fan_out,
    notify_after_commit,
    notify_routed_question,
)
from groundswell.notifications.services.emails import (
    digest_send,
    digests_send,
    notification_email_send,
)
from groundswell.notifications.services.reading import (
    notification_mark_read,
    notifications_mark_all_read,
    preference_set,
    unsubscribe,
)

__all__ = [
    "digest_send",
    "digests_send",
    "event_fan_out",
    "notification_email_send",
    "notification_mark_read",
    "notifications_mark_all_read",
    "notify_after_commit",
    "notify_routed_question",
    "preference_set",
    "unsubscribe",
]

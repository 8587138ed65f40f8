"""What people do with their notifications: read them, and choose how emails reach them."""

from django.db import transaction
from django.utils import timezone

from groundswell.errors import InvalidInput, NotFound
from groundswell.notifications.models import EmailFrequency, Notification, NotificationPreference
from groundswell.notifications.selectors import unsubscribe_person
from groundswell.people.models import Person


def notification_mark_read(*, person, notification: Notification) -> Notification:
    """Mark one of the person's notifications read (fetched through `notification_get`).
    Reading it again changes nothing."""
    if notification.recipient_id != person.pk:
        raise NotFound("No such notification.")
    if notification.read_at is None:
        now = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now)
        notification.read_at = now
    return notification


def notifications_mark_all_read(*, person) -> int:
    """Mark every unread notification of the person read; returns how many were unread."""
    return Notification.objects.filter(recipient=person, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preference_set(*, person, email: str) -> NotificationPreference:
    """Choose how notification emails arrive: immediately, daily, weekly or never."""
    if email not in EmailFrequency.values:
        raise InvalidInput(f"Unknown email choice: {email!r}.", field="email")
    preference, _ = NotificationPreference.objects.update_or_create(
        person=person, defaults={"email": email}
    )
    return preference


def unsubscribe(*, token: str) -> Person:
    """Turn off notification emails for the person an unsubscribe token was made for (from a
    link in an email, without signing in). A bad token is NotFound."""
    person = unsubscribe_person(token)
    preference_set(person=person, email=EmailFrequency.NEVER)
    return person

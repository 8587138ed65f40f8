"""Reads of notifications and email preferences, always through
`Notification.objects.visible_to(person)`."""

from datetime import timedelta

from django.db.models import Case, Count, IntegerField, Value, When
from django.utils import timezone

from groundswell.errors import NotFound
from groundswell.notifications.models import (
    EmailFrequency,
    Kind,
    Notification,
    NotificationPreference,
)
from groundswell.notifications.tokens import unsubscribe_person_id
from groundswell.pagination import Page, paginate
from groundswell.people.models import Person


def notification_list(person, *, unread_only: bool = False, page=1, per_page=None) -> Page:
    """The person's notifications about things they can still see: unread first, then newest
    first, with actor, thread, reply and space in the same query."""
    notifications = Notification.objects.visible_to(person).with_list_data()
    if unread_only:
        notifications = notifications.unread()
    unread_first = Case(
        When(read_at__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return paginate(notifications.order_by(unread_first, "-created_at", "-id"), page, per_page)


def unread_count(person) -> int:
    """How many unread notifications the person can still see (the header badge)."""
    return Notification.objects.visible_to(person).unread().count()


def notification_get(person, notification_id: int) -> Notification:
    """One of the person's notifications, if they can still see what it is about; otherwise
    NotFound (someone else's look the same as missing ones)."""
    notification = (
        Notification.objects.visible_to(person).with_list_data().filter(pk=notification_id).first()
    )
    if notification is None:
        raise NotFound("No such notification.")
    return notification


def preference_get(person) -> NotificationPreference:
    """The person's email preference; the default (unsaved) when they never chose."""
    preference = NotificationPreference.objects.filter(person=person).first()
    return preference or NotificationPreference(person=person)


def email_frequency(person) -> str:
    """How the person wants notification emails: one of EmailFrequency's values."""
    chosen = (
        NotificationPreference.objects.filter(person=person).values_list("email", flat=True).first()
    )
    return chosen or EmailFrequency.IMMEDIATELY


def unsubscribe_person(token: str) -> Person:
    """The person an unsubscribe token was made for; NotFound when the token is not valid."""
    person_id = unsubscribe_person_id(token)
    person = Person.objects.filter(pk=person_id).first() if person_id is not None else None
    if person is None:
        raise NotFound("This unsubscribe link is not valid.")
    return person


def routed_recently(person_ids: list[int], *, at_least: int, hours: int = 24) -> set[int]:
    """Of these people, those who received `at_least` routed questions in the last `hours`."""
    since = timezone.now() - timedelta(hours=hours)
    rows = (
        Notification.objects.filter(
            recipient__in=person_ids, kind=Kind.ROUTED, created_at__gte=since
        )
        .values("recipient")
        .annotate(total=Count("pk"))
        .filter(total__gte=at_least)
    )
    return {row["recipient"] for row in rows}

"""Notification emails: one right away for what is addressed to a person, or a daily or weekly
digest. Every email is rendered from the notifications the recipient can see *when it is sent*,
carries a plain-text and an HTML body, an unsubscribe link that works without signing in, and
the List-Unsubscribe headers mail programs show as a button."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from groundswell.notifications.models import (
    REVIEW_KINDS,
    Digest,
    DigestPeriod,
    EmailFrequency,
    Notification,
)
from groundswell.notifications.selectors import email_frequency
from groundswell.notifications.tokens import unsubscribe_token
from groundswell.people.models import Person

logger = logging.getLogger(__name__)

PERIOD_LENGTH = {DigestPeriod.DAILY: timedelta(days=1), DigestPeriod.WEEKLY: timedelta(days=7)}
# A person's first digest, or one after a long pause, looks back at most this far.
MAX_LOOKBACK = timedelta(days=31)
MAX_DIGEST_ITEMS = 50


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _one_line(text: str, limit: int = 150) -> str:
    # Header values may not contain line breaks; titles never should, but never trust that.
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _item(notification: Notification) -> dict:
    """What an email shows of a notification. Plain strings: the templates escape them."""
    source = notification.reply or notification.thread
    if notification.kind in REVIEW_KINDS:
        # A flagged post (spam, private information…) is not copied into mailboxes: the
        # moderator reads it in the review queue.
        excerpt = ""
    elif notification.insight_id is not None:
        # The manager's message is what the reporter waits for; otherwise the insight itself.
        excerpt = notification.message or notification.insight.text
    else:
        excerpt = source.body if source is not None else ""
    return {
        "summary": notification.summary,
        "title": notification.title,
        "reason": notification.reason,
        "excerpt": excerpt,
        "url": absolute_url(notification.get_absolute_url()),
        "created_at": notification.created_at,
    }


def _message(*, person: Person, subject: str, template: str, context: dict):
    unsubscribe_url = absolute_url(
        reverse("notifications:unsubscribe", args=[unsubscribe_token(person)])
    )
    context = {
        **context,
        "person": person,
        "site_url": settings.SITE_URL,
        "settings_url": absolute_url(reverse("notifications:settings")),
        "unsubscribe_url": unsubscribe_url,
    }
    message = EmailMultiAlternatives(
        subject=_one_line(subject),
        body=render_to_string(f"notifications/email/{template}.txt", context),
        to=[person.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            # RFC 8058: mail programs may unsubscribe with a single POST to that address.
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(
        render_to_string(f"notifications/email/{template}.html", context), "text/html"
    )
    return message


def notification_message(notification: Notification) -> EmailMultiAlternatives:
    """The email for one notification (fetched through `visible_to` its recipient)."""
    item = _item(notification)
    return _message(
        person=notification.recipient,
        subject=f"{item['summary']}: {item['title']}",
        template="notification",
        context={"item": item},
    )


def notification_email_send(*, notification_id: int) -> str:
    """Email one notification now, at most once: the notification is claimed before sending
    and released if the mail server fails (so a retry can send it). Skipped when the recipient
    can no longer see what it is about, has no address or no longer wants immediate emails.
    Returns "sent", "skipped" or "already sent"."""
    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return "already sent"
    recipient = Person.objects.filter(notifications__pk=notification_id).first()
    notification = (
        Notification.objects.visible_to(recipient)
        .with_list_data()
        .select_related("recipient")
        .filter(pk=notification_id)
        .first()
    )
    if (
        notification is None
        or not recipient.email
        or email_frequency(recipient) != EmailFrequency.IMMEDIATELY
    ):
        return "skipped"
    try:
        notification_message(notification).send()
    except Exception:
        Notification.objects.filter(pk=notification_id).update(emailed_at=None)
        raise
    return "sent"


def period_key(period: str, now: datetime) -> str:
    """The day ("2025-01-31") or ISO week ("2025-W05") a digest run belongs to, in TIME_ZONE."""
    day = timezone.localdate(now)
    if period == DigestPeriod.WEEKLY:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


def digest_send(*, person: Person, period: str, now: datetime | None = None) -> str:
    """Send the person's digest for the period `now` falls in, once: the unread notifications
    they can see that arrived since their previous digest. Returns "sent", "nothing new" or
    "already sent". If the mail server fails, the claim is released and the error raised."""
    now = now or timezone.now()
    previous = (
        Digest.objects.filter(recipient=person, period=period).order_by("-covered_until").first()
    )
    start = previous.covered_until if previous else now - PERIOD_LENGTH[period]
    start = max(start, now - MAX_LOOKBACK)
    try:
        with transaction.atomic():
            digest = Digest.objects.create(
                recipient=person,
                period=period,
                period_key=period_key(period, now),
                covered_from=start,
                covered_until=now,
            )
    except IntegrityError:
        return "already sent"
    notifications = list(
        Notification.objects.visible_to(person)
        .unread()
        .filter(created_at__gt=start, created_at__lte=now)
        .with_list_data()
        .order_by("-created_at", "-id")[: MAX_DIGEST_ITEMS + 1]
    )
    if not notifications:
        return "nothing new"
    items = [_item(n) for n in notifications[:MAX_DIGEST_ITEMS]]
    more = len(notifications) > MAX_DIGEST_ITEMS
    label = "daily" if period == DigestPeriod.DAILY else "weekly"
    count = f"{len(items)}{'+' if more else ''}"
    message = _message(
        person=person,
        subject=f"Your {label} Groundswell digest: {count} new",
        template="digest",
        context={"items": items, "more": more, "period": label},
    )
    try:
        message.send()
    except Exception:
        digest.delete()
        raise
    Digest.objects.filter(pk=digest.pk).update(
        sent_at=timezone.now(), notification_count=len(items)
    )
    return "sent"


@dataclass
class DigestRun:
    sent: int = 0
    nothing_new: int = 0
    already_sent: int = 0
    failed: int = 0


def digests_send(*, period: str, now: datetime | None = None) -> DigestRun:
    """Send the daily or weekly digest to everyone who chose it (`send_digests`). Running it
    twice in the same day (week) sends nothing more. A failing mail server is counted and
    logged per person; they get the digest on the next run."""
    if period not in DigestPeriod.values:
        raise ValueError(f"Unknown digest period: {period!r}")
    now = now or timezone.now()
    run = DigestRun()
    people = (
        Person.objects.active()
        .filter(notification_preference__email=period)
        .exclude(email="")
        .order_by("pk")
    )
    for person in people.iterator(chunk_size=500):
        try:
            outcome = digest_send(person=person, period=period, now=now)
        except (SMTPException, OSError):
            logger.exception("The %s digest for person %s failed", period, person.pk)
            run.failed += 1
            continue
        field = outcome.replace(" ", "_")
        setattr(run, field, getattr(run, field) + 1)
    return run

"""Turning activity Events into notifications (the fan-out), after the action has committed.

A service that records a notifying Event calls `notify_after_commit(event)`; once its
transaction commits, the `deliver_event` task runs `event_fan_out`, which applies the rules,
drops the actor, inactive people and anyone who cannot see the thread, reply or space, caps the
recipients, and stores one Notification per (recipient, event). Immediate emails are queued
the same way, after the fan-out commits.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from groundswell.activity.models import Event, Verb
from groundswell.insights.models import Insight
from groundswell.moderation.models import spaces_moderated_by
from groundswell.notifications.models import (
    DIRECT_KINDS,
    KIND_PRIORITY,
    MODERATION_KINDS,
    OWN_POST_KINDS,
    REVIEW_KINDS,
    EmailFrequency,
    Kind,
    Notification,
)
from groundswell.notifications.services.rules import RULES, Candidates, Target
from groundswell.people.models import Person
from groundswell.spaces.models import Space
from groundswell.threads.models import Reply, Thread

NOTIFYING_VERBS = frozenset(RULES)


def notify_after_commit(event: Event) -> None:
    """Queue the fan-out of an Event once the current transaction commits (never, if it rolls
    back). Call it from a service, right after `event_record`; events nobody is notified about
    are ignored. The task gets the event's id only."""
    if event.verb not in NOTIFYING_VERBS:
        return
    from groundswell.notifications.tasks import deliver_event

    # robust: the action has committed; a queue that refuses the task must not fail it.
    transaction.on_commit(partial(deliver_event.enqueue, event.pk), robust=True)


def can_see(person: Person, target: Target, kind: str | None = None) -> bool:
    """Whether the person may see what a notification is about, through the visibility policy
    of threads, replies, spaces and field insights. A moderation notice follows its own rule
    (as `Notification.objects.visible_to`): the space's moderators see one about any post of
    the space, hidden or not; an author sees one about their own post, hidden or not."""
    if kind in REVIEW_KINDS:
        return spaces_moderated_by(person).filter(pk=target.space.pk).exists()
    if kind in OWN_POST_KINDS:
        return _sees_own_post(person, target)
    if target.insight is not None:
        return Insight.objects.visible_to(person).filter(pk=target.insight.pk).exists()
    if target.reply is not None:
        return Reply.objects.visible_to(person).filter(pk=target.reply.pk).exists()
    if target.thread is not None:
        return Thread.objects.visible_to(person).filter(pk=target.thread.pk).exists()
    if target.space is not None:
        return Space.objects.visible_to(person).filter(pk=target.space.pk).exists()
    return False


def _sees_own_post(person: Person, target: Target) -> bool:
    thread = target.thread
    if not Space.objects.visible_to(person).filter(pk=thread.space_id).exists():
        return False
    if target.reply is None:
        return thread.author_id == person.pk
    return target.reply.author_id == person.pk and (
        thread.author_id == person.pk
        or Thread.objects.visible_to(person).filter(pk=thread.pk).exists()
    )


@transaction.atomic
def event_fan_out(*, event_id: int) -> int:
    """Create the notifications an Event calls for; returns how many were new. Idempotent:
    delivering the same event again creates nothing and sends no second email."""
    event = Event.objects.select_related("space").filter(pk=event_id).first()
    if event is None or event.verb not in RULES:
        return 0
    found = RULES[event.verb](event)
    if found is None:
        return 0
    target, candidates = found
    return _deliver(event, target, candidates)


@transaction.atomic
def notify_routed_question(*, thread: Thread, experts_with_reasons) -> int:
    """Tell likely experts about a question, each with the reason they were picked ("You
    answered 12 questions on hazmat"). `experts_with_reasons` is an iterable of
    (person or person id, reason). The same checks as every fan-out apply: never the author,
    only active people who can see the thread, at most MAX_NOTIFICATION_FANOUT. An expert who
    was already notified about the question (say, as a follower of its space) has that
    notification turned into this one. Returns how many notifications were new."""
    event = (
        Event.objects.filter(
            verb__in=[Verb.ASKED, Verb.POSTED],
            object_type=Thread._meta.label_lower,
            object_id=thread.pk,
        )
        .order_by("created_at", "id")
        .first()
    )
    if event is None:
        return 0
    candidates = Candidates()
    for expert, reason in experts_with_reasons:
        candidates.add(getattr(expert, "pk", expert), Kind.ROUTED, str(reason))
    return _deliver(event, Target(thread=thread, space=thread.space), candidates)


def _deliver(event: Event, target: Target, candidates: Candidates) -> int:
    cap = settings.GROUNDSWELL["MAX_NOTIFICATION_FANOUT"]
    ranked = [entry for entry in candidates.ranked() if entry[0] != event.actor_id]
    people = Person.objects.active().in_bulk([person_id for person_id, _, _ in ranked])
    now = timezone.now()
    # The asker of an anonymous question is nobody's "actor": "Someone asked…".
    anonymous = target.thread is not None and target.thread.is_anonymous
    hidden = anonymous and event.actor_id == target.thread.author_id
    shown_actor_id = None if hidden else event.actor_id
    rows: list[Notification] = []
    for person_id, kind, reason in ranked:
        if len(rows) >= cap:
            break
        person = people.get(person_id)
        if person is None or not can_see(person, target, kind):
            continue
        rows.append(
            Notification(
                recipient=person,
                kind=kind,
                event=event,
                # Moderation notices name nobody: not the flaggers, not the moderator.
                actor_id=None if kind in MODERATION_KINDS else shown_actor_id,
                thread=target.thread,
                reply=target.reply,
                space=target.space,
                insight=target.insight,
                insight_update=target.insight_update,
                reason=reason,
                created_at=now,
            )
        )
    if not rows:
        return 0
    recipient_ids = [row.recipient_id for row in rows]
    existing = dict(
        Notification.objects.filter(event=event, recipient_id__in=recipient_ids).values_list(
            "recipient_id", "kind"
        )
    )
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    for row in rows:
        known = existing.get(row.recipient_id)
        if known is not None and KIND_PRIORITY[row.kind] > KIND_PRIORITY[known]:
            Notification.objects.filter(
                event=event, recipient_id=row.recipient_id, kind=known
            ).update(kind=row.kind, reason=row.reason)
    _email_after_commit(event, recipient_ids)
    return len(rows) - len(existing)


def _email_after_commit(event: Event, recipient_ids: list[int]) -> None:
    """Queue an immediate email for each direct notification of this event whose recipient
    wants them and has not been emailed about it yet."""
    from groundswell.notifications.tasks import send_notification_email

    wants_email = Q(recipient__notification_preference__isnull=True) | Q(
        recipient__notification_preference__email=EmailFrequency.IMMEDIATELY
    )
    pending = (
        Notification.objects.filter(
            event=event,
            recipient_id__in=recipient_ids,
            kind__in=DIRECT_KINDS,
            emailed_at__isnull=True,
        )
        .filter(wants_email)
        .exclude(recipient__email="")
        .values_list("pk", flat=True)
    )
    for notification_id in pending:
        transaction.on_commit(
            partial(send_notification_email.enqueue, notification_id), robust=True
        )

"""Writes of the expertise app: endorsements (user actions, each recording an Event) and the
derived scores (rebuilt from the tables, or refreshed for the people and topics an action
touched)."""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.analytics.tasks import analytics_after_commit
from groundswell.errors import Conflict, InvalidInput, NotFound
from groundswell.expertise import evidence, scoring
from groundswell.expertise.models import Endorsement, ExpertiseScore
from groundswell.expertise.permissions import can_endorse
from groundswell.expertise.selectors import likely_experts
from groundswell.notifications.selectors import routed_recently
from groundswell.notifications.services import notify_routed_question
from groundswell.threads.models import Reply, Thread, ThreadKind

BATCH = 2_000


@transaction.atomic
def endorsement_create(*, endorser, person, topic) -> Endorsement:
    """Vouch for a colleague on a topic (both fetched through selectors, so the endorser can
    see them). Not yourself, and once per topic."""
    if person.pk == endorser.pk:
        raise InvalidInput("You cannot endorse yourself.", field="topic")
    if not can_endorse(endorser, person):
        raise NotFound("No such person.")
    try:
        with transaction.atomic():
            endorsement = Endorsement.objects.create(endorser=endorser, person=person, topic=topic)
    except IntegrityError as exc:
        raise Conflict(f"You already endorsed {person.name} on #{topic.name}.") from exc
    event = event_record(
        actor=endorser,
        verb=Verb.ENDORSED,
        target=endorsement,
        subject=person,
        topic_ids=[topic.pk],
    )
    analytics_after_commit(event)
    # Two small queries: done in the same transaction, so the score never lags the endorsement.
    expertise_refresh([person.pk], [topic.pk])
    return endorsement


@transaction.atomic
def endorsement_remove(*, endorser, person, topic) -> None:
    """Withdraw an endorsement you gave."""
    deleted, _ = Endorsement.objects.filter(endorser=endorser, person=person, topic=topic).delete()
    if not deleted:
        raise Conflict(f"You have not endorsed {person.name} on #{topic.name}.")
    event_record(
        actor=endorser,
        verb=Verb.UNENDORSED,
        target=person,
        subject=person,
        topic_ids=[topic.pk],
    )
    expertise_refresh([person.pk], [topic.pk])


def _write(piles, *, now, weights) -> int:
    rows = evidence.rows_from(piles, now=now, weights=weights)
    for start in range(0, len(rows), BATCH):
        ExpertiseScore.objects.bulk_create(rows[start : start + BATCH])
    return len(rows)


@transaction.atomic
def expertise_rebuild(*, now=None, progress: Callable[[str], None] | None = None) -> dict:
    """Recompute every score from the tables (replies, threads, endorsements, skills) with
    aggregate queries, replacing what was stored. Returns a summary for the command."""
    now = now or timezone.now()
    weights = scoring.expertise_weights()
    say = progress or (lambda message: None)
    say("Aggregating evidence…")
    piles = evidence.collect(now=now, weights=weights)
    say(f"  {len(piles):,} (person, topic, space) groups")
    removed, _ = ExpertiseScore.objects.all().delete()
    written = _write(piles, now=now, weights=weights)
    say(f"  {written:,} scores written")
    return {
        "removed": removed,
        "written": written,
        "people": len({key[0] for key in piles}),
        "topics": len({key[1] for key in piles}),
    }


@transaction.atomic
def expertise_refresh(person_ids: Iterable[int], topic_ids: Iterable[int], *, now=None) -> int:
    """Recompute the scores of these people on these topics only (after an answer, an accepted
    answer, a vote, an endorsement, an edit of a thread's topics…), exactly as a rebuild would.
    Call it after commit (`transaction.on_commit`) or inside the action's transaction.
    Returns the number of rows written."""
    people = sorted({int(pk) for pk in person_ids if pk is not None})
    topics = sorted({int(pk) for pk in topic_ids if pk is not None})
    if not people or not topics:
        return 0
    now = now or timezone.now()
    weights = scoring.expertise_weights()
    piles = evidence.collect(now=now, weights=weights, people=people, topics=topics)
    ExpertiseScore.objects.filter(Q(person__in=people) & Q(topic__in=topics)).delete()
    return _write(piles, now=now, weights=weights)


def question_route(*, thread_id: int, limit: int = 3) -> int:
    """Send a new question to the colleagues most likely to answer it, each with the reason.

    Nobody is flooded: people who already received MAX_ROUTED_PER_DAY routed questions in the
    last 24 hours are passed over for the next candidate. Returns how many were notified."""
    thread = Thread.objects.select_related("space", "author").filter(pk=thread_id).first()
    if thread is None or thread.kind != ThreadKind.QUESTION or thread.is_hidden:
        return 0
    candidates = likely_experts(thread, limit=limit * 4)
    busy = routed_recently(
        [person.pk for person, _ in candidates],
        at_least=settings.GROUNDSWELL["MAX_ROUTED_PER_DAY"],
    )
    # Routing may run after colleagues already answered: they need no nudge.
    answered = set(Reply.objects.filter(thread=thread).values_list("author", flat=True))
    chosen = [
        (person, reason)
        for person, reason in candidates
        if person.pk not in busy and person.pk not in answered
    ][:limit]
    return notify_routed_question(thread=thread, experts_with_reasons=chosen) if chosen else 0

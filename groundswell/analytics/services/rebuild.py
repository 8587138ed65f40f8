"""Recompute derived analytics: all of it from the event log, or the part one event touches.

Both paths go through the same functions (`_flow_for_days`, `_questions_for_threads`,
`_spaces_for_days`), so an incremental update always equals a rebuild.
"""

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, Min, Q
from django.db.models.functions import TruncDate

from groundswell.activity.models import Event, Verb
from groundswell.analytics.models import (
    ALL_TOPICS,
    NO_SPACE,
    FlowDaily,
    KnowledgeTransfer,
    QuestionFact,
    SpaceDaily,
)
from groundswell.analytics.months import month_of
from groundswell.analytics.services import network, rollups
from groundswell.analytics.services import questions as question_rollup
from groundswell.analytics.services.edges import EVENT_FIELDS, SIGNAL_VERBS, edge_for
from groundswell.people.models import Person

BATCH = 5000
POST_VERBS = (Verb.ASKED, Verb.POSTED, Verb.PUBLISHED_ARTICLE, Verb.CREATED_WIKI)
REPLY_VERBS = (Verb.ANSWERED, Verb.REPLIED, Verb.COMMENTED)
SPACE_VERBS = (*POST_VERBS, *REPLY_VERBS, Verb.ACCEPTED, Verb.VOTED)


def _people() -> tuple[dict, dict]:
    people, usernames = {}, {}
    for pk, username, level, path in Person.objects.values_list(
        "pk", "username", "level", "org_unit__path"
    ):
        people[pk] = (level, path or "")
        usernames[username] = pk
    return people, usernames


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=UTC)
    return start, start + timedelta(days=1)


def _flow_rows(edges) -> list[FlowDaily]:
    counts: dict[tuple, int] = defaultdict(int)
    people: dict[tuple, set] = defaultdict(set)
    for e in edges:
        base = (e.day, e.learner_unit_path, e.space_id_value, e.signal, e.source_level)
        base += (e.learner_level, e.direction, e.crosses_units)
        for topic_id in (ALL_TOPICS, *e.topic_ids):
            key = (topic_id, *base)
            counts[key] += 1
            people[key].update((e.source_id, e.learner_id))
    return [
        FlowDaily(
            topic_id=key[0],
            day=key[1],
            unit_path=key[2],
            space_id_value=key[3],
            signal=key[4],
            source_level=key[5],
            learner_level=key[6],
            direction=key[7],
            crosses_units=key[8],
            transfers=count,
            people=len(people[key] - {None}),
        )
        for key, count in counts.items()
    ]


def _flow_for_days(days) -> int:
    """Replace the flow rollup of these days from their edges."""
    days = sorted(set(days))
    FlowDaily.objects.filter(day__in=days).delete()
    rows = _flow_rows(KnowledgeTransfer.objects.filter(day__in=days).iterator(chunk_size=BATCH))
    FlowDaily.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _fact_rows(asked: list[dict], people: dict, firsts: dict, accepts: dict) -> list:
    rows = []
    for q in asked:
        asked_at = q["created_at"]
        first, accepted = firsts.get(q["thread_id"]), accepts.get(q["thread_id"])
        unit_path = people.get(q["actor_id"], (0, ""))[1]
        for topic_id in (ALL_TOPICS, *sorted(set(q["topic_ids"] or []))):
            rows.append(
                QuestionFact(
                    thread_id_value=q["thread_id"],
                    topic_id=topic_id,
                    space_id_value=q["space_id"] or NO_SPACE,
                    asker_id_value=q["actor_id"],
                    unit_path=unit_path,
                    asked_at=asked_at,
                    day=asked_at.astimezone(UTC).date(),
                    first_answer_seconds=(first - asked_at).total_seconds() if first else None,
                    accepted_seconds=(accepted - asked_at).total_seconds() if accepted else None,
                )
            )
    return rows


def _firsts(verb: str, thread_ids=None) -> dict:
    events = Event.objects.filter(verb=verb, thread__isnull=False)
    if thread_ids is not None:
        events = events.filter(thread_id__in=thread_ids)
    return dict(
        events.values("thread_id").annotate(at=Min("created_at")).values_list("thread_id", "at")
    )


def _questions_for_threads(thread_ids, people) -> int:
    thread_ids = list(thread_ids)
    # The monthly rows these threads counted in before (the asker may have moved unit since).
    touched = question_rollup.question_keys(thread_ids)
    QuestionFact.objects.filter(thread_id_value__in=thread_ids).delete()
    asked = list(
        Event.objects.filter(verb=Verb.ASKED, thread_id__in=thread_ids).values(
            "thread_id", "actor_id", "space_id", "topic_ids", "created_at"
        )
    )
    rows = _fact_rows(
        asked,
        people,
        _firsts(Verb.ANSWERED, thread_ids),
        _firsts(Verb.ACCEPTED, thread_ids),
    )
    QuestionFact.objects.bulk_create(rows, batch_size=BATCH)
    question_rollup.question_months_for(touched | question_rollup.question_keys(thread_ids))
    return len(rows)


def _space_rows(events) -> list[SpaceDaily]:
    grouped = (
        events.filter(verb__in=SPACE_VERBS, space__isnull=False)
        .annotate(on=TruncDate("created_at", tzinfo=UTC))
        .values("on", "space_id")
        .annotate(
            posts=Count("id", filter=Q(verb__in=POST_VERBS)),
            replies=Count("id", filter=Q(verb__in=REPLY_VERBS)),
            accepted=Count("id", filter=Q(verb=Verb.ACCEPTED)),
            votes=Count("id", filter=Q(verb=Verb.VOTED)),
            people=Count("actor_id", distinct=True),
        )
        .order_by()
    )
    return [
        SpaceDaily(
            day=row["on"],
            space_id_value=row["space_id"],
            posts=row["posts"],
            replies=row["replies"],
            accepted=row["accepted"],
            votes=row["votes"],
            people=row["people"],
        )
        for row in grouped
    ]


def _spaces_for_day(day: date, space_id: int) -> None:
    SpaceDaily.objects.filter(day=day, space_id_value=space_id).delete()
    start, end = _day_bounds(day)
    events = Event.objects.filter(space_id=space_id, created_at__gte=start, created_at__lt=end)
    SpaceDaily.objects.bulk_create(_space_rows(events))


def _derive_edges(events, people, usernames) -> list[KnowledgeTransfer]:
    return [edge for event in events if (edge := edge_for(event, people, usernames)) is not None]


@transaction.atomic
def analytics_rebuild(*, full: bool = False, progress: Callable[[str], None] | None = None) -> dict:
    """Recompute every derived analytics table from the event log, in batches.

    Edges already derived keep the levels and units copied when they were made (history is
    not rewritten by a promotion); `full=True` re-derives them all with today's org chart.
    """
    say = progress or (lambda _message: None)
    people, usernames = _people()
    if full:
        KnowledgeTransfer.objects.all().delete()
    # Edges whose event is gone went with it (CASCADE); derive those not derived yet.
    known = set(KnowledgeTransfer.objects.values_list("event_id", flat=True))
    signals = Event.objects.filter(verb__in=SIGNAL_VERBS).order_by("id").values(*EVENT_FIELDS)
    created, batch = 0, []
    for event in signals.iterator(chunk_size=BATCH):
        if event["id"] in known:
            continue
        batch.append(event)
        if len(batch) >= BATCH:
            created += len(
                KnowledgeTransfer.objects.bulk_create(_derive_edges(batch, people, usernames))
            )
            batch = []
    created += len(KnowledgeTransfer.objects.bulk_create(_derive_edges(batch, people, usernames)))
    say(f"edges: {created} new")
    FlowDaily.objects.all().delete()
    flows, chunk = 0, []
    current_day = None
    # Edges come ordered by day, so a day's rollup is complete before it is written.
    for edge in KnowledgeTransfer.objects.order_by("day", "id").iterator(chunk_size=BATCH):
        if edge.day != current_day and len(chunk) >= BATCH:
            flows += len(FlowDaily.objects.bulk_create(_flow_rows(chunk), batch_size=BATCH))
            chunk = []
        current_day = edge.day
        chunk.append(edge)
    flows += len(FlowDaily.objects.bulk_create(_flow_rows(chunk), batch_size=BATCH))
    say(f"flow rollup rows: {flows}")
    flow_months = rollups.flow_months(
        {month_of(day) for day in FlowDaily.objects.values_list("day", flat=True).distinct()}
    )
    say(f"monthly flow rows: {flow_months}")
    pair_days, pair_months = rollups.pair_rebuild()
    say(f"pair rows: {pair_days} daily, {pair_months} monthly")
    network_months = network.network_rebuild()
    say(f"monthly network rows: {network_months}")
    engaged_days, engaged_months = rollups.engagement_rebuild(people)
    say(f"engagement rows: {engaged_days} daily, {engaged_months} monthly")
    insights = rollups.insight_facts(None, people)
    say(f"insight facts: {insights}")
    QuestionFact.objects.all().delete()
    asked = list(
        Event.objects.filter(verb=Verb.ASKED, thread__isnull=False).values(
            "thread_id", "actor_id", "space_id", "topic_ids", "created_at"
        )
    )
    facts = _fact_rows(asked, people, _firsts(Verb.ANSWERED), _firsts(Verb.ACCEPTED))
    QuestionFact.objects.bulk_create(facts, batch_size=BATCH)
    say(f"question facts: {len(facts)}")
    question_months = question_rollup.question_rebuild()
    say(f"monthly question rows: {question_months}")
    SpaceDaily.objects.all().delete()
    spaces = SpaceDaily.objects.bulk_create(_space_rows(Event.objects.all()), batch_size=BATCH)
    say(f"space-day rows: {len(spaces)}")
    return {
        "edges": created,
        "flows": flows,
        "flow_months": flow_months,
        "questions": len(facts),
        "question_months": question_months,
        "space_days": len(spaces),
        "pair_days": pair_days,
        "pair_months": pair_months,
        "network_months": network_months,
        "engagement_days": engaged_days,
        "engagement_months": engaged_months,
        "insights": insights,
    }


@transaction.atomic
def analytics_apply_event(event_id: int) -> bool:
    """Bring the derived tables up to date with one event (idempotent: safe to run twice)."""
    event = (
        Event.objects.filter(pk=event_id).values(*EVENT_FIELDS, "thread_id", "object_id").first()
    )
    if event is None:
        return False
    people, usernames = _people()
    day = event["created_at"].astimezone(UTC).date()
    if (
        event["verb"] in SIGNAL_VERBS
        and not KnowledgeTransfer.objects.filter(event_id=event_id).exists()
    ):
        edge = edge_for(event, people, usernames)
        if edge is not None:
            edge.save()
            _flow_for_days([day])
            rollups.flow_months([month_of(day)], unit_path=edge.learner_unit_path)
            network.network_months([month_of(day)], unit_paths=rollups.pair_for_edge(edge))
    if event["thread_id"] and event["verb"] in (Verb.ASKED, Verb.ANSWERED, Verb.ACCEPTED):
        _questions_for_threads([event["thread_id"]], people)
    if event["space_id"] and event["verb"] in SPACE_VERBS:
        _spaces_for_day(day, event["space_id"])
    if event["actor_id"] in people:
        rollups.engagement_for_person_day(event["actor_id"], day, people)
    if event["verb"] in (Verb.REPORTED_INSIGHT, Verb.INSIGHT_STATUS) and event["object_id"]:
        rollups.insight_facts([event["object_id"]], people)
    return True

"""Benchmark data: a synthetic organisation and a realistic mix of events, inserted in bulk."""

import itertools
import random
from datetime import UTC, datetime, timedelta

from django.db import transaction

from groundswell.activity.models import Event, Verb
from groundswell.demo.bulk import RowTable, next_id, reset_sequences
from groundswell.people.models import OrgUnit, Person
from groundswell.spaces.models import Space
from groundswell.threads.models import Thread
from groundswell.topics.models import Topic

PREFIX = "bench-"
LEVEL_WEIGHTS = {1: 60, 2: 25, 3: 10, 4: 4, 5: 1}
# Share of each verb in the log (the rest of a real log: joins, bookmarks, follows).
VERB_WEIGHTS = {
    Verb.ASKED: 8,
    Verb.ANSWERED: 16,
    Verb.REPLIED: 12,
    Verb.POSTED: 4,
    Verb.VOTED: 30,
    Verb.ACCEPTED: 4,
    Verb.MARKED_HELPFUL: 4,
    Verb.ENDORSED: 1,
    Verb.EDITED_WIKI: 2,
    Verb.INSIGHT_STATUS: 1,
    Verb.REPORTED_INSIGHT: 1,
    Verb.FOLLOWED: 8,
    Verb.BOOKMARKED: 10,
}
FIELDS = [
    "actor", "verb", "object_type", "object_id", "space", "thread", "subject", "topic_ids",
    "data", "created_at",
]  # fmt: skip


def _org(people: int, units: int, topics: int, spaces: int, rng) -> tuple:
    root = OrgUnit.objects.create(name="Bench company", code=f"{PREFIX}company")
    unit_ids = [
        OrgUnit.objects.create(name=f"Bench unit {i}", code=f"{PREFIX}unit-{i}", parent=root).pk
        for i in range(units)
    ]
    levels = list(LEVEL_WEIGHTS)
    Person.objects.bulk_create(
        Person(
            username=f"{PREFIX}{i}",
            display_name=f"Bench person {i}",
            level=rng.choices(levels, weights=list(LEVEL_WEIGHTS.values()))[0],
            org_unit_id=rng.choice(unit_ids),
        )
        for i in range(people)
    )
    person_ids = list(
        Person.objects.filter(username__startswith=PREFIX).values_list("pk", flat=True)
    )
    topic_ids = [
        Topic.objects.get_or_create(name=f"{PREFIX}topic-{i}")[0].pk for i in range(topics)
    ]
    kinds = ["community"] * 6 + ["course", "cohort"]
    space_ids = [
        Space.objects.create(
            name=f"Bench space {i}", slug=f"{PREFIX}space-{i}", kind=kinds[i % len(kinds)]
        ).pk
        for i in range(spaces)
    ]
    return person_ids, topic_ids, space_ids


@transaction.atomic
def bench_seed(*, events: int, people: int = 3000, seed: int = 7, say=print) -> int:
    """Insert `events` Event rows (and the threads they name) spread over the past year."""
    rng = random.Random(seed)
    person_ids, topic_ids, space_ids = _org(people, 40, 200, 60, rng)
    # A few people do most of the answering: a Pareto-like pick.
    weights = list(itertools.accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(person_ids))))
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(days=365)
    n_threads = max(1, events * VERB_WEIGHTS[Verb.ASKED] // sum(VERB_WEIGHTS.values()))
    first_thread = next_id(Thread)
    thread_rows = RowTable(
        Thread,
        ["id", "space", "kind", "title", "body", "author", "created_at", "updated_at",
         "last_activity_at"],
    )  # fmt: skip
    threads = []  # (id, space, author, topics, asked_at)
    for i in range(n_threads):
        at = start + timedelta(seconds=rng.randrange(365 * 86400))
        topics = rng.sample(topic_ids, rng.choice((1, 1, 2, 3)))
        author = rng.choices(person_ids, cum_weights=weights)[0]
        threads.append((first_thread + i, rng.choice(space_ids), author, topics, at))
    for begin in range(0, n_threads, 10_000):
        thread_rows.insert(
            [
                (t[0], t[1], "question", "Bench question", "", t[2], t[4], t[4], t[4])
                for t in threads[begin : begin + 10_000]
            ]
        )
    reset_sequences(Thread)
    say(f"threads: {n_threads:,}")
    rows = RowTable(Event, FIELDS)
    verbs, verb_weights = list(VERB_WEIGHTS), list(itertools.accumulate(VERB_WEIGHTS.values()))
    batch, written = [], 0
    for i in range(events):
        verb = Verb.ASKED if i < n_threads else rng.choices(verbs, cum_weights=verb_weights)[0]
        thread = threads[i] if i < n_threads else rng.choice(threads)
        thread_id, space_id, author, topics, asked_at = thread
        at = (
            asked_at
            if verb == Verb.ASKED
            else asked_at + timedelta(seconds=int(rng.expovariate(1 / 30000)))
        )
        actor = (
            author
            if verb in (Verb.ASKED, Verb.ACCEPTED)
            else rng.choices(person_ids, cum_weights=weights)[0]
        )
        subject = rng.choices(person_ids, cum_weights=weights)[0]
        data = {}
        object_type = "threads.reply"
        if verb == Verb.VOTED:
            data = {"value": 1 if rng.random() < 0.9 else -1}
        elif verb == Verb.INSIGHT_STATUS:
            data = {"from": "new", "to": rng.choice(["acknowledged", "actioned", "declined"])}
        elif verb == Verb.EDITED_WIKI:
            data = {"base_editor": subject}
        elif verb == Verb.REPORTED_INSIGHT:
            object_type, subject = "insights.insight", None
        elif verb == Verb.ASKED:
            object_type, subject = "threads.thread", None
        batch.append(
            (actor, verb, object_type, thread_id, space_id, thread_id, subject, sorted(topics),
             data, min(at, now))
        )  # fmt: skip
        if len(batch) >= 20_000:
            rows.insert(batch)
            written += len(batch)
            batch = []
            if written % 200_000 == 0:
                say(f"events: {written:,}")
    rows.insert(batch)
    return written + len(batch)

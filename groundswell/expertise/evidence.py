"""Evidence of expertise, aggregated in SQL: one GROUP BY per kind of evidence, never a loop over
posts. Used by the rebuild (everything) and the refresh (some people, some topics) alike, so
both write exactly the same rows."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import (
    Count,
    F,
    FloatField,
    Func,
    Max,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Exp, Greatest

from groundswell.expertise import scoring
from groundswell.expertise.models import Endorsement, ExpertiseScore
from groundswell.people.models import Person
from groundswell.threads.models import Reply, Thread, ThreadKind

# exp() of a very negative number underflows to an error on PostgreSQL: clamp the exponent.
_SMALLEST_EXPONENT = -700.0


class EpochSeconds(Func):
    """Seconds since 1970 of a datetime column, on SQLite and PostgreSQL."""

    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra):
        template = "((julianday(%(expressions)s) - 2440587.5) * 86400.0)"
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        template = "EXTRACT(EPOCH FROM %(expressions)s)::double precision"
        return self.as_sql(compiler, connection, template=template, **extra)


def decay_expression(column: str, now: datetime, rate: float):
    """SQL for 0.5^(age / half-life) of a row's datetime `column`, as of `now`."""
    exponent = (EpochSeconds(F(column)) - Value(now.timestamp())) * Value(rate)
    return Exp(Greatest(exponent, Value(_SMALLEST_EXPONENT), output_field=FloatField()))


@dataclass
class Pile:
    """Evidence of one person on one topic in one space (or, with no space, standing evidence)."""

    accepted_answers: int = 0
    answers: int = 0
    upvotes: int = 0
    endorsements: int = 0
    is_declared: bool = False
    accepted_weight: float = 0.0
    answers_weight: float = 0.0
    upvotes_weight: float = 0.0
    last_evidence_at: datetime | None = None

    def saw(self, at: datetime | None) -> None:
        if at is not None and (self.last_evidence_at is None or at > self.last_evidence_at):
            self.last_evidence_at = at

    def score(self, weights: scoring.Weights) -> float:
        return scoring.evidence_score(
            accepted=self.accepted_weight,
            answers=self.answers_weight,
            upvotes=self.upvotes_weight,
            weights=weights,
        ) + scoring.standing_score(
            endorsements=self.endorsements, declared=self.is_declared, weights=weights
        )


def _restrict(queryset: QuerySet, person_field: str, topic_field: str, people, topics):
    if people is not None:
        queryset = queryset.filter(**{f"{person_field}__in": people})
    if topics is not None:
        queryset = queryset.filter(**{f"{topic_field}__in": topics})
    return queryset


def collect(
    *, now: datetime, weights: scoring.Weights, people=None, topics=None
) -> dict[tuple, Pile]:
    """All evidence, keyed by (person id, topic id, space id or None), optionally only for
    some people and topics. Five aggregate queries whatever the amount of data."""
    piles: dict[tuple, Pile] = defaultdict(Pile)
    decay = decay_expression("created_at", now, weights.decay_rate)
    accepted = Q(thread__accepted_reply=F("pk")) & ~Q(author=F("thread__author"))
    question = Q(thread__kind=ThreadKind.QUESTION)
    upvoted = Q(score__gt=0)
    # Replies: answers and accepted answers on questions, net upvotes on any reply.
    replies = _restrict(
        Reply.objects.filter(is_hidden=False, thread__is_hidden=False).filter(question | upvoted),
        "author",
        "thread__topics",
        people,
        topics,
    )
    rows = replies.values("author", "thread__topics", "thread__space").annotate(
        answers=Count("pk", filter=question),
        answers_weight=Sum(decay, filter=question),
        accepted=Count("pk", filter=question & accepted),
        accepted_weight=Sum(decay, filter=question & accepted),
        upvotes=Sum("score", filter=upvoted),
        upvotes_weight=Sum(F("score") * decay, filter=upvoted),
        last=Max("created_at"),
    )
    for row in rows:
        if row["thread__topics"] is None:
            continue
        pile = piles[(row["author"], row["thread__topics"], row["thread__space"])]
        pile.answers += row["answers"]
        pile.answers_weight += row["answers_weight"] or 0.0
        pile.accepted_answers += row["accepted"]
        pile.accepted_weight += row["accepted_weight"] or 0.0
        pile.upvotes += row["upvotes"] or 0
        pile.upvotes_weight += row["upvotes_weight"] or 0.0
        pile.saw(row["last"])
    # Threads other than questions (discussions, articles, insights): their net upvotes. A
    # well-received question shows curiosity, not expertise, so questions do not count.
    threads = _restrict(
        Thread.objects.filter(is_hidden=False, is_anonymous=False, score__gt=0).exclude(
            kind=ThreadKind.QUESTION
        ),
        "author",
        "topics",
        people,
        topics,
    )
    for row in threads.values("author", "topics", "space").annotate(
        upvotes=Sum("score"), upvotes_weight=Sum(F("score") * decay), last=Max("created_at")
    ):
        if row["topics"] is None:
            continue
        pile = piles[(row["author"], row["topics"], row["space"])]
        pile.upvotes += row["upvotes"] or 0
        pile.upvotes_weight += row["upvotes_weight"] or 0.0
        pile.saw(row["last"])
    # Standing evidence: endorsements by active colleagues, and skills people declare.
    endorsements = _restrict(
        Endorsement.objects.filter(endorser__is_active=True), "person", "topic", people, topics
    )
    for row in endorsements.values("person", "topic").annotate(
        count=Count("pk"), last=Max("created_at")
    ):
        pile = piles[(row["person"], row["topic"], None)]
        pile.endorsements = row["count"]
        pile.saw(row["last"])
    skills = _restrict(Person.skills.through.objects.all(), "person", "topic", people, topics)
    for person_id, topic_id in skills.values_list("person", "topic"):
        piles[(person_id, topic_id, None)].is_declared = True
    return piles


def rows_from(piles: dict[tuple, Pile], *, now: datetime, weights) -> list[ExpertiseScore]:
    return [
        ExpertiseScore(
            person_id=person_id,
            topic_id=topic_id,
            space_id=space_id,
            score=pile.score(weights),
            accepted_answers=pile.accepted_answers,
            answers=pile.answers,
            upvotes=pile.upvotes,
            endorsements=pile.endorsements,
            is_declared=pile.is_declared,
            last_evidence_at=pile.last_evidence_at,
            computed_at=now,
        )
        for (person_id, topic_id, space_id), pile in piles.items()
        if pile.answers or pile.upvotes or pile.endorsements or pile.is_declared
    ]

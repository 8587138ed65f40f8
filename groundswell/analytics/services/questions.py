"""The monthly question rollup, recomputed from the question facts: for every month by the full
rebuild, for the (month, asker's unit) a thread's facts touch after each question event. Both go
through `question_months`, so an incremental update equals a rebuild."""

from django.db.models import Count, Q

from groundswell.analytics.models import ALL_SPACES, ALL_TOPICS, QuestionFact, QuestionMonthly
from groundswell.analytics.months import month_of, next_month

BATCH = 5000
COUNTS = {
    "n_asked": Count("id"),
    "n_answered": Count("id", filter=Q(first_answer_seconds__isnull=False)),
    "n_accepted": Count("id", filter=Q(accepted_seconds__isnull=False)),
}


def _rows(grouped, month, topic_of, space_of) -> list[QuestionMonthly]:
    return [
        QuestionMonthly(
            month=month,
            unit_path=row["unit_path"],
            topic_id=topic_of(row),
            space_id_value=space_of(row),
            asked=row["n_asked"],
            answered=row["n_answered"],
            accepted=row["n_accepted"],
        )
        for row in grouped
    ]


def question_months(months, unit_path: str | None = None) -> int:
    """Replace the monthly question rows of these months (of one asker unit, if given)."""
    written = 0
    for month in sorted(set(months)):
        facts = QuestionFact.objects.filter(day__gte=month, day__lt=next_month(month))
        old = QuestionMonthly.objects.filter(month=month)
        if unit_path is not None:
            facts = facts.filter(unit_path=unit_path)
            old = old.filter(unit_path=unit_path)
        old.delete()
        by_topic = facts.values("unit_path", "topic_id").annotate(**COUNTS).order_by()
        by_space = (
            facts.filter(topic_id=ALL_TOPICS)
            .values("unit_path", "space_id_value")
            .annotate(**COUNTS)
            .order_by()
        )
        rows = _rows(by_topic, month, lambda r: r["topic_id"], lambda r: ALL_SPACES)
        rows += _rows(by_space, month, lambda r: ALL_TOPICS, lambda r: r["space_id_value"])
        written += len(QuestionMonthly.objects.bulk_create(rows, batch_size=BATCH))
    return written


def question_keys(thread_ids) -> set[tuple]:
    """(month, asker unit) of these threads' facts: the monthly rows they count in."""
    return {
        (month_of(day), unit_path)
        for day, unit_path in QuestionFact.objects.filter(
            thread_id_value__in=list(thread_ids), topic_id=ALL_TOPICS
        ).values_list("day", "unit_path")
    }


def question_months_for(keys) -> None:
    """Recompute the monthly rows of these (month, unit) keys."""
    for month, unit_path in sorted(keys):
        question_months([month], unit_path=unit_path)


def question_rebuild() -> int:
    QuestionMonthly.objects.all().delete()
    days = QuestionFact.objects.filter(topic_id=ALL_TOPICS).values_list("day", flat=True)
    return question_months({month_of(day) for day in days.distinct()})

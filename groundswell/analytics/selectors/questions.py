"""Question panels: peer support health, unanswered questions by topic, topic gaps.

Counts (asked, answered, accepted) come from `QuestionMonthly` for whole months and from the
question facts for the days around them. What does not add up across months is read from the
facts, narrowly: whether a cell has at least `min_people()` distinct askers (a DISTINCT … LIMIT
that stops early), distinct askers only for the topics a list shows, and each median as one row
at a known offset (the count is the rollup's), walking an index in the median column's order.
"""

from django.db.models import Count, Q, Sum

from groundswell.analytics.models import ALL_SPACES, ALL_TOPICS, QuestionMonthly
from groundswell.analytics.selectors.panels import (
    EXPERTS_PER_GAP,
    GAP_LIMIT,
    LIST_LIMIT,
    _percent,
    _topic_names,
    topics_with_courses,
)
from groundswell.analytics.selectors.periods import Periods, periods_of
from groundswell.analytics.selectors.rows import questions
from groundswell.analytics.selectors.scope import Resolved
from groundswell.analytics.tables import Cell, Table, min_people
from groundswell.expertise.selectors import experts_for_topic, visible_topics
from groundswell.threads.models import Follow

FACT_COUNTS = {
    "n_asked": Count("id"),
    "n_answered": Count("id", filter=Q(first_answer_seconds__isnull=False)),
    "n_accepted": Count("id", filter=Q(accepted_seconds__isnull=False)),
}
MONTH_SUMS = {"n_asked": Sum("asked"), "n_answered": Sum("answered"), "n_accepted": Sum("accepted")}
KEYS = ("n_asked", "n_answered", "n_accepted")


def _periods(r: Resolved, per_topic: bool) -> Periods:
    # Monthly rows hold no (topic, space) combination: with both, every day comes from the facts.
    if r.space_id and (per_topic or r.topic_id):
        return Periods(months=None, days=((r.start, r.end),))
    return periods_of(r.start, r.end)


def question_counts(r: Resolved, *, per_topic: bool = False) -> dict[int, dict]:
    """topic id → {n_asked, n_answered, n_accepted} for questions asked in range: one entry
    (ALL_TOPICS, or the topic filtered by) unless `per_topic`."""
    periods = _periods(r, per_topic)
    totals: dict[int, dict] = {}
    parts = []
    if periods.days:
        parts.append(
            questions(r, per_topic=per_topic, days=periods.day_filter())
            .values("topic_id")
            .annotate(**FACT_COUNTS)
        )
    if periods.months:
        monthly = QuestionMonthly.objects.filter(
            periods.month_filter(), space_id_value=r.space_id or ALL_SPACES
        )
        if r.topic_id:
            monthly = monthly.filter(topic_id=r.topic_id)
        elif per_topic:
            monthly = monthly.filter(topic_id__gt=ALL_TOPICS)
        else:
            monthly = monthly.filter(topic_id=ALL_TOPICS)
        if r.unit_path:
            monthly = monthly.filter(unit_path__startswith=r.unit_path)
        parts.append(monthly.values("topic_id").annotate(**MONTH_SUMS))
    for part in parts:
        for row in part.order_by():
            total = totals.setdefault(row["topic_id"], dict.fromkeys(KEYS, 0))
            for key in KEYS:
                total[key] += row[key] or 0
    return totals


def _askers(rows) -> int:
    """Distinct askers, counted only up to the suppression threshold (all a cell needs)."""
    return len(
        rows.filter(asker_id_value__isnull=False)
        .values_list("asker_id_value", flat=True)
        .distinct()
        .order_by()[: min_people()]
    )


def _askers_by_topic(rows, topic_ids) -> dict[int, int]:
    """Distinct askers per topic, for the few topics a list shows."""
    return dict(
        rows.filter(topic_id__in=list(topic_ids))
        .values("topic_id")
        .annotate(n=Count("asker_id_value", distinct=True))
        .order_by()
        .values_list("topic_id", "n")
    )


def _median_at(rows, field: str, n: int):
    """Median of `field` over `rows`, which hold `n` non-null values."""
    if not n:
        return None
    ordered = rows.filter(**{f"{field}__isnull": False}).order_by(field)
    ordered = ordered.values_list(field, flat=True)
    if n % 2:
        return float(ordered[n // 2])
    low, high = ordered[n // 2 - 1 : n // 2 + 1]
    return (low + high) / 2


def peer_support(r: Resolved) -> Table:
    """Questions, answer and accepted rates, median hours to first and accepted answer."""
    row = question_counts(r).get(r.topic_id or ALL_TOPICS, dict.fromkeys(KEYS, 0))
    rows = questions(r)
    people = _askers(rows) if row["n_asked"] else 0
    first = _median_at(rows, "first_answer_seconds", row["n_answered"])
    accepted = _median_at(rows, "accepted_seconds", row["n_accepted"])
    asked = row["n_asked"]
    table = Table("peer-support", "Peer support health", ["Measure", "Value"])
    table.rows = [
        ["Questions", Cell(asked, people)],
        ["Answer rate %", Cell(_percent(row["n_answered"], asked), people)],
        ["Accepted rate %", Cell(_percent(row["n_accepted"], asked), people)],
        ["Median hours to first answer", Cell(first / 3600 if first is not None else None, people)],
        [
            "Median hours to accepted answer",
            Cell(accepted / 3600 if accepted is not None else None, people),
        ],
    ]
    table.summary = (
        f"{asked} questions; {table.rows[1][1]}% answered, {table.rows[2][1]}% accepted."
        if not table.rows[0][1].suppressed or not asked
        else "Too few people asked to show figures."
    )
    return table


def unanswered_by_topic(viewer, r: Resolved) -> Table:
    """Topics with the most questions asked in range and still unanswered."""
    counts = question_counts(r, per_topic=True)
    open_ = {t: c["n_asked"] - c["n_answered"] for t, c in counts.items()}
    ranked = sorted((t for t in open_ if open_[t] > 0), key=lambda t: (-open_[t], t))
    ranked = ranked[: LIST_LIMIT * 2]
    names = _topic_names(viewer, ranked)
    shown = [t for t in ranked if t in names][:LIST_LIMIT]
    unanswered = questions(r, per_topic=True).filter(first_answer_seconds__isnull=True)
    people = _askers_by_topic(unanswered, shown) if shown else {}
    table = Table("unanswered", "Unanswered questions by topic", ["Topic", "Unanswered"])
    table.rows = [[names[t], Cell(open_[t], people.get(t, 0))] for t in shown]
    table.summary = f"{len(table.rows)} topics have unanswered questions."
    return table


def topic_gaps(viewer, r: Resolved) -> Table:
    """Topics with the most peer demand (questions asked, people following) and no course,
    each with internal experts who could teach it."""
    asked = {t: c["n_asked"] for t, c in question_counts(r, per_topic=True).items() if c["n_asked"]}
    follows = dict(
        Follow.objects.filter(topic__isnull=False)
        .values("topic_id")
        .annotate(n=Count("id"))
        .values_list("topic_id", "n")
    )
    covered = topics_with_courses()
    demand = {
        t: (asked.get(t, 0), follows.get(t, 0))
        for t in set(asked) | set(follows)
        if t not in covered and (r.topic_id is None or t == r.topic_id)
    }
    ranked = sorted(demand, key=lambda t: (-sum(demand[t]), t))
    topics = visible_topics(viewer).in_bulk(ranked[: GAP_LIMIT * 2])
    shown = [t for t in ranked if t in topics][:GAP_LIMIT]
    askers = _askers_by_topic(questions(r, per_topic=True), [t for t in shown if t in asked])
    table = Table(
        "topic-gaps",
        "Topic gaps: demand without a course",
        ["Topic", "Questions", "Followers", "Experts who could teach it"],
    )
    for topic_id in shown:
        n_asked, n_follows = demand[topic_id]
        people = max(askers.get(topic_id, 0), n_follows)
        experts = experts_for_topic(viewer, topics[topic_id], limit=EXPERTS_PER_GAP).items
        table.rows.append(
            [
                topics[topic_id].name,
                Cell(n_asked, people),
                Cell(n_follows, people),
                ", ".join(expert.person.name for expert in experts) or "—",
            ]
        )
    table.summary = f"{len(table.rows)} topics in demand have no course."
    return table

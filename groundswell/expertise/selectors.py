"""Reads of expertise, always from the viewer's side of the visibility policy.

Privacy rule: what a viewer is shown about anyone's expertise counts only evidence from spaces
the viewer can see (answers, accepted answers, upvotes), plus endorsements and declared skills
(which belong to no space) on topics the viewer may see. Explanations are counts and topic
names, never thread titles or text. Evidence from a private space thus moves nobody up a list
that an outsider sees.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Case, Count, Exists, F, FloatField, Max, OuterRef, Q, Sum, When
from django.utils import timezone

from groundswell.errors import NotFound
from groundswell.expertise import scoring
from groundswell.expertise.evidence import decay_expression
from groundswell.expertise.models import Endorsement, ExpertiseScore
from groundswell.pagination import Page, paginate
from groundswell.people.models import Person
from groundswell.spaces.models import Space, Visibility
from groundswell.threads.models import Follow, Reply, Thread, ThreadKind
from groundswell.topics.models import Topic, normalise_topic_name
from groundswell.topics.selectors import topic_get_visible, topic_list

# Answers older than this add less than 1/4000 to recent activity: not worth reading.
ACTIVITY_WINDOW = timedelta(days=365)


@dataclass
class Evidence:
    """Counts behind a score, as one viewer may see them."""

    score: float
    accepted_answers: int
    answers: int
    upvotes: int
    endorsements: int
    is_declared: bool
    last_evidence_at: datetime | None

    def explain(self, topic_name: str) -> str:
        """ "12 accepted answers, 30 answers, 85 upvotes on #hazmat · endorsed by 4 · lists it
        as a skill"."""
        counts = [
            (self.accepted_answers, "accepted answer"),
            (self.answers, "answer"),
            (self.upvotes, "upvote"),
        ]
        parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in counts if n]
        reasons = [f"{', '.join(parts)} on #{topic_name}"] if parts else []
        if self.endorsements:
            reasons.append(f"endorsed by {self.endorsements}")
        if self.is_declared:
            reasons.append("lists it as a skill")
        return " · ".join(reasons) or f"#{topic_name}"


@dataclass
class Expert:
    """A person on a topic's expert list."""

    person: Person
    evidence: Evidence
    topic: Topic

    @property
    def explanation(self) -> str:
        return self.evidence.explain(self.topic.name)


@dataclass
class TopicExpertise:
    """One topic on a person's profile."""

    topic: Topic
    evidence: Evidence
    endorsed_by_viewer: bool

    @property
    def explanation(self) -> str:
        return self.evidence.explain(self.topic.name)


def _require_viewer(viewer) -> None:
    if viewer is None or not viewer.is_authenticated or not viewer.is_active:
        raise NotFound("No such person.")


def visible_topics(viewer):
    """Topics the viewer may learn exist: carried by a thread they can see, carried by no
    thread at all, or someone's declared skill (`topics.selectors.topic_get_visible`'s rule)."""
    carriers = Thread.objects.filter(topics=OuterRef("pk"))
    visible_carriers = Thread.objects.visible_to(viewer).filter(topics=OuterRef("pk"))
    skills = Person.skills.through.objects.filter(topic=OuterRef("pk"))
    return Topic.objects.filter(~Exists(carriers) | Exists(visible_carriers) | Exists(skills))


def visible_scores(viewer):
    """ExpertiseScore rows the viewer may learn from (see the module docstring)."""
    return ExpertiseScore.objects.filter(
        Q(space__isnull=True, topic__in=visible_topics(viewer).values("pk"))
        | Q(space__in=Space.objects.visible_to(viewer).values("pk"))
    )


def current_score(now=None, weights=None):
    """A row's score decayed from when it was computed to `now`: rows refreshed at different
    times compare fairly. Standing rows (endorsements, skills) do not age."""
    now = now or timezone.now()
    weights = weights or scoring.expertise_weights()
    return Case(
        When(space__isnull=True, then=F("score")),
        default=F("score") * decay_expression("computed_at", now, weights.decay_rate),
        output_field=FloatField(),
    )


def _evidence_totals(now=None) -> dict:
    return {
        "total": Sum(current_score(now)),
        "accepted": Sum("accepted_answers"),
        "answered": Sum("answers"),
        "voted": Sum("upvotes"),
        "endorsed": Sum("endorsements"),
        "declared": Count("pk", filter=Q(is_declared=True)),
        "last": Max("last_evidence_at"),
    }


def _evidence(row: dict) -> Evidence:
    return Evidence(
        score=float(f"{row['total'] or 0.0:.4g}"),  # four significant digits
        accepted_answers=row["accepted"] or 0,
        answers=row["answered"] or 0,
        upvotes=row["voted"] or 0,
        endorsements=row["endorsed"] or 0,
        is_declared=bool(row["declared"]),
        last_evidence_at=row["last"],
    )


def experts_for_topic(viewer, topic: Topic, limit: int | None = None, *, page=1) -> Page:
    """Active people ranked by their expertise on a topic the viewer may see (fetched through
    `topic_get_visible`), each with an explanation, `limit` per page. Three queries."""
    _require_viewer(viewer)
    rows = (
        visible_scores(viewer)
        .filter(topic=topic, person__is_active=True)
        .values("person")
        .annotate(**_evidence_totals())
        .filter(total__gt=0)
        .order_by("-total", "person")
    )
    result = paginate(rows, page, limit)
    people = Person.objects.select_related("org_unit").in_bulk([row["person"] for row in result])
    result.items = [Expert(people[row["person"]], _evidence(row), topic) for row in result.items]
    return result


def expertise_for_person(viewer, person: Person, *, page=1, per_page=None) -> Page:
    """A person's topics, strongest first, as the viewer may see them, with whether the
    viewer endorsed each. Three queries."""
    _require_viewer(viewer)
    rows = (
        visible_scores(viewer)
        .filter(person=person)
        .values("topic")
        .annotate(**_evidence_totals())
        .filter(total__gt=0)
        .order_by("-total", "topic")
    )
    result = paginate(rows, page, per_page)
    topic_ids = [row["topic"] for row in result]
    topics = Topic.objects.in_bulk(topic_ids)
    mine = (
        set(
            Endorsement.objects.filter(endorser=viewer, person=person, topic__in=topic_ids)
            .values_list("topic", flat=True)
            .distinct()
        )
        if topic_ids
        else set()
    )
    result.items = [
        TopicExpertise(topics[row["topic"]], _evidence(row), row["topic"] in mine)
        for row in result.items
    ]
    return result


def answer_candidates(thread: Thread):
    """Active people who can see the thread's space and answer in it, other than the asker:
    anyone for an open space, the members of a private one."""
    people = Person.objects.active().exclude(pk=thread.author_id)
    if thread.space.visibility != Visibility.OPEN:
        people = people.filter(memberships__space=thread.space)
    return people


def questions_for_you(viewer, *, page=1, per_page=None) -> Page:
    """Unanswered questions the viewer can see, on topics they have expertise in or follow,
    newest first; their own questions left out."""
    _require_viewer(viewer)
    strong = ExpertiseScore.objects.filter(person=viewer, score__gt=0).values("topic")
    followed = Follow.objects.filter(follower=viewer, topic__isnull=False).values("topic")
    ids = (
        Thread.objects.visible_to(viewer)
        .filter(kind=ThreadKind.QUESTION, reply_count=0, is_locked=False)
        .exclude(author=viewer)
        .filter(Q(topics__in=strong) | Q(topics__in=followed))
        .values("pk")
    )
    threads = Thread.objects.filter(pk__in=ids).order_by("-created_at", "-id")
    return paginate(threads.with_list_data(), page, per_page)


def recent_activity(people, spaces, *, now, weights):
    """Per person: answers on questions in these spaces, decayed with the activity
    half-life, and how many in the last 30 days. One aggregate query."""
    decay = decay_expression("created_at", now, weights.activity_decay_rate)
    rows = (
        Reply.objects.filter(
            is_hidden=False,
            thread__is_hidden=False,
            thread__kind=ThreadKind.QUESTION,
            thread__space__in=spaces,
            created_at__gte=now - ACTIVITY_WINDOW,
            author__in=people,
        )
        .values("author")
        .annotate(
            activity=Sum(decay), lately=Count("pk", filter=Q(created_at__gte=now - timedelta(30)))
        )
    )
    return {row["author"]: (row["activity"] or 0.0, row["lately"]) for row in rows}


def topic_idfs(thread: Thread, topic_ids: list[int]) -> dict[int, float]:
    """idf of each topic among questions (the thread itself left out). Two queries."""
    questions = Thread.objects.filter(kind=ThreadKind.QUESTION).exclude(pk=thread.pk)
    total = questions.count()
    counts = dict(
        questions.filter(topics__in=topic_ids)
        .values_list("topics")
        .annotate(n=Count("pk"))
        .values_list("topics", "n")
    )
    return {pk: scoring.topic_idf(counts.get(pk, 0), total) for pk in topic_ids}


def _routing_reason(person_rows: list[tuple[dict, str]], lately: int) -> str:
    """Why someone is suggested: their strongest evidence on the question's topics, as counts,
    or their recent answering."""
    if person_rows:
        row, name = max(person_rows, key=lambda item: item[0]["total"] or 0.0)
        if (row["total"] or 0.0) > 0:
            return _evidence(row).explain(name)
    if lately:
        return f"answered {lately} question{'s' if lately != 1 else ''} in the last 30 days"
    return "answers questions here"


def likely_experts(thread: Thread, *, limit: int = 5, viewer=None) -> list[tuple[Person, str]]:
    """The people most likely to answer a question, with a reason each: active, able to see
    and answer in its space, never the asker. Ranked by `scoring.route_score` — recent
    answering activity and decayed expertise on the question's topics — exactly as
    `groundswell eval_routing` measures it.

    Evidence and reasons come from spaces visible to `viewer` (by default the asker), so a
    suggestion never rests on, or tells of, anything the person looking at it cannot see.
    A fixed number of queries, whatever the number of candidates."""
    perspective = viewer or thread.author
    now = timezone.now()
    weights = scoring.expertise_weights()
    topics = {topic.pk: topic.name for topic in thread.topics.all()}
    people = answer_candidates(thread).values("pk")
    spaces = Space.objects.visible_to(perspective).values("pk")
    rows = (
        visible_scores(perspective)
        .filter(topic__in=list(topics), person__in=people)
        .values("person", "topic")
        .annotate(**_evidence_totals(now))
    )
    by_person: dict[int, list[tuple[dict, str]]] = {}
    for row in rows:
        by_person.setdefault(row["person"], []).append((row, topics[row["topic"]]))
    activity = recent_activity(people, spaces, now=now, weights=weights)
    idfs = topic_idfs(thread, list(topics)) if topics else {}
    ranked = []
    for person_id in by_person.keys() | activity.keys():
        mine = by_person.get(person_id, [])
        route = scoring.route_score(
            topic_scores=[(idfs[row["topic"]], row["total"] or 0.0) for row, _ in mine],
            activity=activity.get(person_id, (0.0, 0))[0],
            weights=weights,
        )
        ranked.append((-route, person_id))
    ranked.sort()
    chosen = [person_id for _, person_id in ranked[:limit]]
    found = Person.objects.select_related("org_unit").in_bulk(chosen)
    return [
        (found[pk], _routing_reason(by_person.get(pk, []), activity.get(pk, (0.0, 0))[1]))
        for pk in chosen
        if pk in found
    ]


@dataclass
class ExpertSearch:
    """The expert directory's answer to "who knows about X?"."""

    query: str
    topic: Topic | None
    experts: Page | None
    suggestions: list[Topic]


def expert_search(viewer, query: str, *, page=1, per_page=None) -> ExpertSearch:
    """Experts on the topic named `query` if the viewer may see it; otherwise (or with no
    query) topics to pick from: those starting with the query, or the most used ones."""
    _require_viewer(viewer)
    query = normalise_topic_name(query or "")
    if query:
        try:
            topic = topic_get_visible(viewer, query)
        except NotFound:
            topic = None
        if topic is not None:
            experts = experts_for_topic(viewer, topic, per_page, page=page)
            return ExpertSearch(query, topic, experts, [])
    suggestions = topic_list(viewer, query=query, per_page=30).items
    return ExpertSearch(query, None, None, suggestions)

"""How well would routing have worked? A time-ordered replay of a Stack Exchange dump.

Every question, answer and vote of the dump is replayed in time order. For every question asked
after the cut-off that someone other than the asker answered, each router ranks the candidates
— everyone who answered anything *before* the question, never the asker — using only what had
happened before the question was asked; a hit is anyone who actually answered it. Reported:
mean reciprocal rank of the first hit (MRR), precision at 1 and hit rate in the top 5 (P@5,
"at least one real answerer among the five people we would have notified").

Routers: the expertise router (the very scoring `likely_experts` uses, `expertise.scoring`),
and two baselines: the most active answerers so far, and BM25 over each person's past answers.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from groundswell.expertise import scoring
from groundswell.expertise.bm25 import BM25
from groundswell.stackexchange.dump import VOTE_ACCEPTED, VOTE_UP, Dump

RANK_CUTOFFS = (1, 5)


@dataclass
class Question:
    id: int
    asker: int | None
    created_at: datetime
    tags: list[str]
    words: list[str]
    answerers: set[int] = field(default_factory=set)


@dataclass
class Answer:
    id: int
    question: Question
    author: int
    created_at: datetime
    words: list[str]
    score: int = 0


@dataclass
class Metrics:
    name: str
    reciprocal_ranks: list[float] = field(default_factory=list)

    def add(self, rank: int | None) -> None:
        self.reciprocal_ranks.append(1.0 / rank if rank else 0.0)

    @property
    def count(self) -> int:
        return len(self.reciprocal_ranks)

    @property
    def mrr(self) -> float:
        return sum(self.reciprocal_ranks) / self.count if self.count else 0.0

    def precision_at(self, k: int) -> float:
        """Share of questions with a real answerer in the top k."""
        hits = sum(1 for rr in self.reciprocal_ranks if rr >= 1.0 / k)
        return hits / self.count if self.count else 0.0

    def mrr_interval(self) -> tuple[float, float]:
        """A 95 % normal-approximation confidence interval of the MRR."""
        n = self.count
        if n < 2:
            return (self.mrr, self.mrr)
        mean = self.mrr
        variance = sum((rr - mean) ** 2 for rr in self.reciprocal_ranks) / (n - 1)
        half = 1.96 * math.sqrt(variance / n)
        return (mean - half, mean + half)


# --- routers -----------------------------------------------------------------------------------


class ActivityRouter:
    """Baseline: whoever answered most so far."""

    name = "most active answerers"

    def __init__(self):
        self.answers: dict[int, int] = defaultdict(int)

    def answered(self, answer: Answer) -> None:
        self.answers[answer.author] += 1

    def voted(self, answer: Answer, old_score: int) -> None:
        pass

    def accepted(self, answer: Answer) -> None:
        pass

    def rank(self, question: Question, candidates: set[int]) -> dict[int, float]:
        return {person: float(self.answers[person]) for person in candidates}


class BM25Router:
    """Baseline: BM25 of the question against everything each person answered."""

    name = "BM25 over past answers"

    def __init__(self):
        self.index = BM25()

    def answered(self, answer: Answer) -> None:
        self.index.add(answer.author, answer.words)

    def voted(self, answer: Answer, old_score: int) -> None:
        pass

    def accepted(self, answer: Answer) -> None:
        pass

    def rank(self, question: Question, candidates: set[int]) -> dict[int, float]:
        return self.index.scores(question.words, keys=candidates)


class ExpertiseRouter:
    """The product's router: decayed topic evidence and recent activity, combined by
    `scoring.route_score` exactly as `likely_experts` combines them.

    Decayed sums are kept anchored at time zero (each piece multiplied by e^(rate·t)); the
    value at time T is the anchored sum times e^(-rate·T), so nothing is recomputed as time
    passes and the result equals Σ piece · 0.5^(age / half-life)."""

    name = "expertise router"

    def __init__(self, weights: scoring.Weights, origin: datetime):
        self.weights = weights
        self.origin = origin
        self.now = origin
        # person → topic → [accepted, answers, upvotes] (anchored decayed sums)
        self.evidence: dict[int, dict[str, list[float]]] = defaultdict(
            lambda: defaultdict(lambda: [0.0, 0.0, 0.0])
        )
        self.activity: dict[int, float] = defaultdict(float)
        self.questions_on: dict[str, int] = defaultdict(int)
        self.questions_total = 0

    def _anchor(self, at: datetime) -> float:
        return math.exp(self.weights.decay_rate * (at - self.origin).total_seconds())

    def asked(self, question: Question) -> None:
        self.questions_total += 1
        for tag in question.tags:
            self.questions_on[tag] += 1

    def answered(self, answer: Answer) -> None:
        weight = self._anchor(answer.created_at)
        for tag in answer.question.tags:
            self.evidence[answer.author][tag][1] += weight
        self.activity[answer.author] += math.exp(
            self.weights.activity_decay_rate * (answer.created_at - self.origin).total_seconds()
        )

    def voted(self, answer: Answer, old_score: int) -> None:
        change = max(answer.score, 0) - max(old_score, 0)
        if change:
            weight = self._anchor(answer.created_at) * change
            for tag in answer.question.tags:
                self.evidence[answer.author][tag][2] += weight

    def accepted(self, answer: Answer) -> None:
        if answer.author == answer.question.asker:
            return  # accepting your own answer is not evidence of expertise
        weight = self._anchor(answer.created_at)
        for tag in answer.question.tags:
            self.evidence[answer.author][tag][0] += weight

    def rank(self, question: Question, candidates: set[int]) -> dict[int, float]:
        now_factor = math.exp(
            -self.weights.decay_rate * (question.created_at - self.origin).total_seconds()
        )
        idfs = {
            tag: scoring.topic_idf(self.questions_on[tag], self.questions_total)
            for tag in question.tags
        }
        activity_factor = math.exp(
            -self.weights.activity_decay_rate * (question.created_at - self.origin).total_seconds()
        )
        ranked = {}
        for person in candidates:
            evidence = self.evidence.get(person, {})
            topic_scores = []
            for tag, idf in idfs.items():
                accepted, answers, upvotes = evidence.get(tag, (0.0, 0.0, 0.0))
                score = scoring.evidence_score(
                    accepted=accepted * now_factor,
                    answers=answers * now_factor,
                    upvotes=upvotes * now_factor,
                    weights=self.weights,
                )
                topic_scores.append((idf, score))
            ranked[person] = scoring.route_score(
                topic_scores=topic_scores,
                activity=self.activity[person] * activity_factor,
                weights=self.weights,
            )
        return ranked


# --- the replay --------------------------------------------------------------------------------


@dataclass
class Replay:
    questions: int = 0
    answers: int = 0
    votes: int = 0
    evaluated: int = 0
    reachable: int = 0  # evaluated questions with at least one answerer among the candidates
    first_evaluated_at: datetime | None = None
    results: list[Metrics] = field(default_factory=list)


def load(dump: Dump) -> tuple[list[Question], list[Answer], list]:
    """Questions, answers and (effective time, answer, kind) votes on answers, from the dump."""
    questions: dict[int, Question] = {}
    answers: dict[int, Answer] = {}
    pending: list = []
    for post in dump.read_posts():
        words = scoring.tokens(f"{post.title} {post.body_html}")
        if post.is_question:
            questions[post.id] = Question(
                post.id, post.owner_id, post.created_at, post.tags, words + post.tags
            )
        else:
            pending.append(post)
    for post in pending:
        question = questions.get(post.parent_id)
        if question is None or post.owner_id is None:
            continue  # an orphan, or a deleted account: nobody to route to
        answers[post.id] = Answer(
            post.id, question, post.owner_id, post.created_at, scoring.tokens(post.body_html)
        )
        if post.owner_id != question.asker:
            question.answerers.add(post.owner_id)
    votes = [
        (vote.effective_at, answers[vote.post_id], vote.kind)
        for vote in dump.read_votes()
        if vote.post_id in answers
    ]
    return list(questions.values()), list(answers.values()), votes


def _rank_of_first_hit(scores: dict[int, float], hits: set[int]) -> int | None:
    # Ties are broken by person id (arbitrary but reproducible); unscored candidates come last.
    ordered = sorted(scores, key=lambda person: (-scores[person], person))
    for position, person in enumerate(ordered, start=1):
        if person in hits:
            return position
    return None


def _timeline(questions, answers, votes) -> list:
    """Everything in time order; at equal times a question comes before anything else of that
    instant, so it is ranked without it."""
    timeline = [(q.created_at, 0, q.id, q) for q in questions]
    timeline += [(a.created_at, 1, a.id, a) for a in answers]
    timeline += [(at, 2, index, (answer, kind)) for index, (at, answer, kind) in enumerate(votes)]
    timeline.sort(key=lambda item: item[:3])
    return timeline


def _feed(routers, order: int, item) -> None:
    """Tell every router what happened (an answer or a vote; questions are handled apart)."""
    if order == 1:
        for router in routers:
            router.answered(item)
        return
    answer, kind = item
    if kind == VOTE_ACCEPTED:
        for router in routers:
            router.accepted(answer)
        return
    old = answer.score
    answer.score += 1 if kind == VOTE_UP else -1
    for router in routers:
        router.voted(answer, old)


def replay(
    dump: Dump, *, cutoff: float = 0.7, until: float = 1.0, weights=None, progress=None
) -> Replay:
    """Replay the dump in time order and score the routers (see the module docstring) on the
    questions from the `cutoff` fraction to the `until` fraction of all questions (by date)."""
    weights = weights or scoring.expertise_weights()
    questions, answers, votes = load(dump)
    result = Replay(questions=len(questions), answers=len(answers), votes=len(votes))
    if not questions:
        return result
    questions.sort(key=lambda q: (q.created_at, q.id))
    first_evaluated = questions[min(int(len(questions) * cutoff), len(questions) - 1)]
    last = int(len(questions) * until)
    stop = questions[last] if last < len(questions) else None
    routers = [ExpertiseRouter(weights, questions[0].created_at), ActivityRouter(), BM25Router()]
    metrics = [Metrics(router.name) for router in routers]
    timeline = _timeline(questions, answers, votes)
    candidates: set[int] = set()
    step = max(len(timeline) // 10, 1)
    for position, (_, order, _, item) in enumerate(timeline):
        if progress and position % step == 0:
            progress(f"  replayed {position:,} of {len(timeline):,} events")
        if order == 0:
            _evaluate(item, first_evaluated, stop, candidates, routers, metrics, result)
            routers[0].asked(item)
            continue
        _feed(routers, order, item)
        if order == 1:
            candidates.add(item.author)
    result.results = metrics
    result.first_evaluated_at = first_evaluated.created_at
    return result


def rank_question(dump: Dump, question_id: int, *, weights=None) -> list[tuple[int, float]]:
    """The expertise router's ranking (user id, score) of everyone who answered before the
    question, as the replay computes it when the question is asked."""
    weights = weights or scoring.expertise_weights()
    questions, answers, votes = load(dump)
    questions.sort(key=lambda q: (q.created_at, q.id))
    router = ExpertiseRouter(weights, questions[0].created_at)
    candidates: set[int] = set()
    for _, order, _, item in _timeline(questions, answers, votes):
        if order == 0:
            if item.id == question_id:
                scores = router.rank(item, candidates - {item.asker})
                return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
            router.asked(item)
            continue
        _feed([router], order, item)
        if order == 1:
            candidates.add(item.author)
    raise KeyError(question_id)


def _evaluate(question, first_evaluated, stop, candidates, routers, metrics, result) -> None:
    key = (question.created_at, question.id)
    if key < (first_evaluated.created_at, first_evaluated.id):
        return
    if stop is not None and key >= (stop.created_at, stop.id):
        return
    if not question.answerers:
        return
    pool = candidates - {question.asker}
    if not pool:
        return
    result.evaluated += 1
    if question.answerers & pool:
        result.reachable += 1
    for router, metric in zip(routers, metrics, strict=True):
        metric.add(_rank_of_first_hit(router.rank(question, pool), question.answerers))

"""The expertise formula, in one place. The rebuild (in SQL), the selectors and the routing
evaluation's time-ordered replay all use these functions and weights, so what `eval_routing`
measures is what `likely_experts` does.

Evidence for a person on a topic, each piece weighted by its age (half-life decay):

    evidence = 10 · accepted answers + 2 · answers + 1 · net upvotes (per post, never below 0)
    score    = evidence · 0.5^(age / half-life)   (summed per piece)
             + 5 · endorsements + 5 if the person lists the topic as a skill

Routing a question ranks the people who can see it by

    route = ln(recent answers + 0.1) + 0.1 · Σ over the question's topics of
            idf(topic) · ln(1 + score(person, topic))

where "recent answers" are the person's answers on any topic with a 30-day half-life (who is
around these days) and idf favours rare topics. The weights were chosen on a validation slice
of a real dump and checked on a later, held-out slice: see docs/quality.md.
"""

import math
import re
from dataclasses import dataclass, replace

from django.conf import settings

LN2 = math.log(2)
SECONDS_PER_DAY = 86_400.0


@dataclass(frozen=True)
class Weights:
    accepted: float = 10.0
    answer: float = 2.0
    upvote: float = 1.0
    endorsement: float = 5.0
    declared: float = 5.0
    half_life_days: float = 180.0
    # Routing: recent answering activity (multiplicative, through the log) and topic expertise.
    activity_half_life_days: float = 30.0
    activity_floor: float = 0.1
    topic: float = 0.1

    @property
    def decay_rate(self) -> float:
        """Per second: weight = exp(-rate · age)."""
        return LN2 / (self.half_life_days * SECONDS_PER_DAY)

    @property
    def activity_decay_rate(self) -> float:
        """Per second, for recent activity (who is around these days)."""
        return LN2 / (self.activity_half_life_days * SECONDS_PER_DAY)


def expertise_weights() -> Weights:
    """The weights, with overrides from `settings.GROUNDSWELL["EXPERTISE"]` (e.g.
    `{"half_life_days": 365}`)."""
    overrides = settings.GROUNDSWELL.get("EXPERTISE", {})
    return replace(Weights(), **overrides)


def decay(age_seconds: float, weights: Weights) -> float:
    """How much a piece of evidence of this age still counts (1 now, ½ after a half-life).
    Evidence from the future (clock skew, imports) counts fully."""
    return math.exp(-weights.decay_rate * max(age_seconds, 0.0))


def evidence_score(*, accepted: float, answers: float, upvotes: float, weights: Weights) -> float:
    """Score of (already decayed) content evidence."""
    return weights.accepted * accepted + weights.answer * answers + weights.upvote * upvotes


def standing_score(*, endorsements: int, declared: bool, weights: Weights) -> float:
    """Score of what does not age: colleagues' endorsements and a self-declared skill."""
    return weights.endorsement * endorsements + (weights.declared if declared else 0.0)


def topic_idf(threads_on_topic: int, threads_total: int) -> float:
    """Rare topics say more about a question than ubiquitous ones."""
    return math.log(1.0 + (threads_total + 1.0) / (threads_on_topic + 1.0))


def route_score(
    *, topic_scores: list[tuple[float, float]], activity: float, weights: Weights
) -> float:
    """Rank of a candidate for a question. `topic_scores`: (idf, expertise score) for each of
    the question's topics; `activity`: their answers on any topic, decayed with the activity
    half-life. Someone who answers a lot these days is likely to answer again; among them, the
    ones with evidence on the question's topics come first."""
    topical = sum(idf * math.log1p(max(score, 0.0)) for idf, score in topic_scores)
    return math.log(max(activity, 0.0) + weights.activity_floor) + weights.topic * topical


# --- text similarity ---------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9][a-z0-9+#'-]*[a-z0-9+#]|[a-z0-9]")
_TAG = re.compile(r"<[^>]+>")
_STOPWORDS_TEXT = """
a about above after again against all also am an and any are aren as at be because been before
being below between both but by can can't could did didn do does doesn doing don don't down
during each even few for from further get got had has have having he her here hers herself him
himself his how i i'm if in into is isn it it's its itself just know like made make many me
more most much my myself no nor not now of off on once one only or other our ours ourselves
out over own really s same she should so some such t than that the their theirs them
themselves then there these they think this those through to too under until up use used very
was wasn way we well were what when where which while who whom why will with would you your
yours yourself yourselves
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def tokens(text: str) -> list[str]:
    """Words of a text (HTML tags dropped), lower-cased, without stop words."""
    text = _TAG.sub(" ", text or "").lower()
    return [word for word in _WORD.findall(text) if word not in STOPWORDS and len(word) > 1]

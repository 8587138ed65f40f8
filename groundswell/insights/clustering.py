"""Trends: similar insights grouped into clusters.

Similarity is the cosine of TF-IDF vectors. Words are normalised (lower case, letters and
digits, short and common words dropped, a crude stem). Each cluster keeps, as its `signature`,
how many of its insights contain each word ("bridge:5 closed:4 …", the most frequent words
only); an insight is compared with the clusters of the same category and org unit seen within
the time window. The document frequencies for the IDF are counted over all non-confidential
insights (`InsightTerm`, kept current as insights arrive), so a word most reports use
("customer", "delivery", the depot's town) weighs little, and a rare one ("fastfreight",
"a38") much. A shared location is a small bonus (a tie-breaker, not a reason to merge). The
insight joins the most similar cluster above THRESHOLD, or starts its own. Confidential
insights are never clustered, so a trend's text and count never carry them.
"""

import math
import re
from collections import Counter
from datetime import timedelta

from django.db import transaction
from django.db.models import F

from groundswell.insights.models import Insight, InsightCluster, InsightTerm
from groundswell.insights.rollups import (
    cluster_viewers_add,
    cluster_viewers_recount,
    insight_viewer_ids,
)

WINDOW = timedelta(days=30)
THRESHOLD = 0.35
LOCATION_BONUS = 0.05
CANDIDATES = 200
MAX_LOCATIONS = 20
# The InsightTerm row that counts the insights themselves.
ALL = ""
# Words kept in a cluster's signature: enough for long reports, small enough to compare fast.
SIGNATURE_TERMS = 60
_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "this",
        "that",
        "these",
        "there",
        "their",
        "they",
        "them",
        "it",
        "its",
        "our",
        "we",
        "you",
        "your",
        "he",
        "she",
        "his",
        "her",
        "has",
        "have",
        "had",
        "not",
        "but",
        "as",
        "so",
        "very",
        "more",
        "less",
        "than",
        "then",
        "just",
        "also",
        "all",
        "any",
        "some",
        "into",
        "out",
        "up",
        "down",
        "over",
        "again",
        "today",
    ]
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def terms(text: str) -> Counter:
    """How often each normalised word that carries meaning occurs in a text."""
    found: Counter = Counter()
    for word in _WORD.findall(text.lower()):
        if len(word) < 3 or word in _STOPWORDS:
            continue
        # A crude stem so "closed"/"closure"/"closing" meet.
        found[word[:6]] += 1
    return found


def words(text: str) -> frozenset[str]:
    """The normalised words of a text that carry meaning."""
    return frozenset(terms(text))


def signature_parse(signature: str) -> Counter:
    """A cluster's signature as word -> how many of its insights contain it. (Signatures of
    the word-set era, words without a count, read as 1 each.)"""
    parsed: Counter = Counter()
    for item in signature.split():
        word, _, count = item.partition(":")
        parsed[word] = int(count) if count.isdigit() else 1
    return parsed


def signature_format(document_counts: Counter) -> str:
    top = sorted(document_counts.items(), key=lambda item: (-item[1], item[0]))
    return " ".join(f"{word}:{count}" for word, count in top[:SIGNATURE_TERMS])


def idf_weights(vocabulary, frequencies: dict[str, int], documents: int) -> dict[str, float]:
    """Smoothed inverse document frequency, ln((1 + n) / (1 + df)) + 1, for each word of the
    vocabulary, from document frequencies over `documents` texts."""
    return {
        word: math.log((1 + documents) / (1 + frequencies.get(word, 0))) + 1 for word in vocabulary
    }


def document_frequencies(vocabulary) -> tuple[dict[str, int], int]:
    """(word -> how many insights use it, how many insights in all) from InsightTerm."""
    rows = dict(
        InsightTerm.objects.filter(word__in=[ALL, *vocabulary]).values_list("word", "documents")
    )
    return rows, rows.pop(ALL, 0)


def terms_record(vector: Counter) -> None:
    """Count one more insight using these words (and one more insight in all). Concurrent
    reports may race on a new word's row: a statistic a count off is harmless."""
    words = [ALL, *vector]
    known = set(InsightTerm.objects.filter(word__in=words).values_list("word", flat=True))
    InsightTerm.objects.filter(word__in=known).update(documents=F("documents") + 1)
    InsightTerm.objects.bulk_create(
        [InsightTerm(word=word, documents=1) for word in words if word not in known],
        ignore_conflicts=True,
    )


def terms_recount(insights) -> None:
    """Recount InsightTerm from scratch over these insights (the rebuild)."""
    frequencies: Counter = Counter()
    documents = 0
    for text in insights.values_list("text", flat=True).iterator(chunk_size=2000):
        frequencies.update(terms(text).keys())
        documents += 1
    frequencies[ALL] = documents
    InsightTerm.objects.all().delete()
    InsightTerm.objects.bulk_create(
        [InsightTerm(word=word, documents=n) for word, n in frequencies.items()],
        batch_size=1000,
    )


def cosine(a: Counter, b: Counter, idf: dict[str, float]) -> float:
    """Cosine similarity of two term-count vectors weighted by `idf` (missing words: 1)."""
    if not a or not b:
        return 0.0
    shared = a.keys() & b.keys()
    if not shared:
        return 0.0
    dot = sum(a[w] * b[w] * idf.get(w, 1.0) ** 2 for w in shared)
    norm_a = math.sqrt(sum((c * idf.get(w, 1.0)) ** 2 for w, c in a.items()))
    norm_b = math.sqrt(sum((c * idf.get(w, 1.0)) ** 2 for w, c in b.items()))
    return dot / (norm_a * norm_b)


def similarity(a: str, b: str) -> float:
    """TF-IDF cosine of two texts on their own (IDF over the pair); for tests and tuning."""
    ta, tb = terms(a), terms(b)
    frequencies = Counter(ta.keys()) + Counter(tb.keys())
    return cosine(ta, tb, idf_weights(ta.keys() | tb.keys(), frequencies, 2))


def _best_cluster(insight: Insight, vector: Counter) -> InsightCluster | None:
    candidates = list(
        InsightCluster.objects.filter(
            category_id=insight.category_id,
            org_unit_id=insight.org_unit_id,
            last_seen__gte=insight.created_at - WINDOW,
            first_seen__lte=insight.created_at + WINDOW,
        ).order_by("-last_seen")[:CANDIDATES]
    )
    if not candidates or not vector:
        return None
    signatures = [signature_parse(c.signature) for c in candidates]
    vocabulary = set(vector).union(*signatures)
    frequencies, documents = document_frequencies(vocabulary)
    idf = idf_weights(vocabulary, frequencies, documents)
    best, best_score = None, THRESHOLD
    for cluster, signature in zip(candidates, signatures, strict=True):
        score = cosine(vector, signature, idf)
        if insight.location and insight.location in cluster.locations:
            score += LOCATION_BONUS
        if score >= best_score:
            best, best_score = cluster, score
    return best


@transaction.atomic
def cluster_assign(
    insight: Insight, *, count_terms: bool = True, viewer_ids=None
) -> InsightCluster | None:
    """Put one insight into its trend (incremental, on report). Returns the cluster.
    `count_terms=False` when the document frequencies already include it (the rebuild);
    `viewer_ids`: its reporter and routed managers, when the caller knows them."""
    if insight.confidential or insight.cluster_id:
        return None
    vector = terms(insight.text)
    if count_terms:
        terms_record(vector)
    cluster = _best_cluster(insight, vector)
    if cluster is None:
        cluster = InsightCluster.objects.create(
            category_id=insight.category_id,
            org_unit_id=insight.org_unit_id,
            representative_text=insight.text,
            signature="",
            count=0,
            locations=[],
            first_seen=insight.created_at,
            last_seen=insight.created_at,
        )
    cluster = InsightCluster.objects.select_for_update().get(pk=cluster.pk)
    document_counts = signature_parse(cluster.signature)
    document_counts.update(dict.fromkeys(vector, 1))
    cluster.signature = signature_format(document_counts)
    cluster.count = F("count") + 1
    cluster.first_seen = min(cluster.first_seen, insight.created_at)
    cluster.last_seen = max(cluster.last_seen, insight.created_at)
    if insight.location and insight.location not in cluster.locations:
        cluster.locations = [*cluster.locations, insight.location][:MAX_LOCATIONS]
    cluster.save()
    Insight.objects.filter(pk=insight.pk).update(cluster=cluster)
    insight.cluster = cluster
    if viewer_ids is None:
        viewer_ids = insight_viewer_ids(insight)
    cluster_viewers_add({(viewer, cluster.pk): insight.created_at for viewer in viewer_ids})
    return cluster


def _recount(cluster: InsightCluster) -> None:
    """Count, signature, dates and locations of a cluster from the insights it holds now."""
    members = list(
        cluster.insights.order_by("created_at", "id").values("text", "location", "created_at")
    )
    document_counts: Counter = Counter()
    locations: list[str] = []
    for member in members:
        document_counts.update(terms(member["text"]).keys())
        if member["location"] and member["location"] not in locations:
            locations.append(member["location"])
    cluster.count = len(members)
    cluster.signature = signature_format(document_counts)
    cluster.locations = locations[:MAX_LOCATIONS]
    cluster.first_seen = members[0]["created_at"]
    cluster.last_seen = members[-1]["created_at"]
    cluster.save()


def cluster_rebuild(*, since=None) -> int:
    """Recluster every (non-confidential) insight from scratch, oldest first; for the
    `cluster_insights` command. Returns how many insights were placed."""
    insights = Insight.objects.filter(confidential=False)
    if since is not None:
        insights = insights.filter(created_at__gte=since)
    with transaction.atomic():
        touched = set(insights.exclude(cluster=None).values_list("cluster_id", flat=True))
        insights.update(cluster=None)
        InsightCluster.objects.filter(insights__isnull=True).delete()
        # Trends that keep older insights (a partial rebuild) start again from those alone.
        kept = list(InsightCluster.objects.filter(pk__in=touched))
        for cluster in kept:
            _recount(cluster)
        cluster_viewers_recount(c.pk for c in kept)
        # Word statistics over everything, so every insight is placed with the same weights.
        terms_recount(Insight.objects.filter(confidential=False))
    placed = 0
    for insight in insights.order_by("created_at", "id").iterator(chunk_size=500):
        insight.cluster_id = None
        cluster_assign(insight, count_terms=False)
        placed += 1
    return placed

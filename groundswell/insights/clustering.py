"""Trends: similar insights grouped into clusters.

Similarity is the Jaccard index of normalised word sets (lower case, letters and digits,
short and common words dropped). An insight joins the most similar cluster of the same category
and org unit seen within the time window; otherwise it starts its own. Confidential insights
are never clustered, so a trend's text and count never carry them.
"""

import re
from datetime import timedelta

from django.db import transaction
from django.db.models import F

from groundswell.insights.models import Insight, InsightCluster

WINDOW = timedelta(days=30)
THRESHOLD = 0.3
CANDIDATES = 200
MAX_LOCATIONS = 20
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


def words(text: str) -> frozenset[str]:
    """The normalised words of a text that carry meaning."""
    found = set()
    for word in _WORD.findall(text.lower()):
        if len(word) < 3 or word in _STOPWORDS:
            continue
        # A crude stem so "closed"/"closure"/"closing" meet.
        found.add(word[:6])
    return frozenset(found)


def similarity(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _best_cluster(insight: Insight, signature: frozenset) -> InsightCluster | None:
    candidates = InsightCluster.objects.filter(
        category_id=insight.category_id,
        org_unit_id=insight.org_unit_id,
        last_seen__gte=insight.created_at - WINDOW,
        first_seen__lte=insight.created_at + WINDOW,
    ).order_by("-last_seen")[:CANDIDATES]
    best, best_score = None, THRESHOLD
    for cluster in candidates:
        score = similarity(signature, frozenset(cluster.signature.split()))
        if score >= best_score:
            best, best_score = cluster, score
    return best


@transaction.atomic
def cluster_assign(insight: Insight) -> InsightCluster | None:
    """Put one insight into its trend (incremental, on report). Returns the cluster."""
    if insight.confidential or insight.cluster_id:
        return None
    signature = words(insight.text)
    cluster = _best_cluster(insight, signature)
    if cluster is None:
        cluster = InsightCluster.objects.create(
            category_id=insight.category_id,
            org_unit_id=insight.org_unit_id,
            representative_text=insight.text,
            signature=" ".join(sorted(signature)),
            count=0,
            locations=[],
            first_seen=insight.created_at,
            last_seen=insight.created_at,
        )
    cluster = InsightCluster.objects.select_for_update().get(pk=cluster.pk)
    cluster.count = F("count") + 1
    cluster.first_seen = min(cluster.first_seen, insight.created_at)
    cluster.last_seen = max(cluster.last_seen, insight.created_at)
    if insight.location and insight.location not in cluster.locations:
        cluster.locations = [*cluster.locations, insight.location][:MAX_LOCATIONS]
    cluster.save()
    Insight.objects.filter(pk=insight.pk).update(cluster=cluster)
    insight.cluster = cluster
    return cluster


def cluster_rebuild(*, since=None) -> int:
    """Recluster every (non-confidential) insight from scratch, oldest first; for the
    `cluster_insights` command. Returns how many insights were placed."""
    insights = Insight.objects.filter(confidential=False)
    if since is not None:
        insights = insights.filter(created_at__gte=since)
    with transaction.atomic():
        insights.update(cluster=None)
        InsightCluster.objects.filter(insights__isnull=True).delete()
    placed = 0
    for insight in insights.order_by("created_at", "id").iterator(chunk_size=500):
        insight.cluster_id = None
        cluster_assign(insight)
        placed += 1
    return placed

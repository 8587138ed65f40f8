"""The search benchmark: a fixed set of realistic searches, similar-question lookups and
question routings,
timed as one sample person on the database in use (see `groundswell bench_search`)."""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.test.utils import override_settings

from groundswell.expertise.selectors import likely_experts
from groundswell.search.selectors import (
    SearchFilters,
    related_threads,
    search_threads,
    similar_threads,
)
from groundswell.threads.models import Thread

# What people at a parcel company type into the box: single words, common and rare, several
# words, phrases, prefixes still being typed, and the punctuation people paste.
QUERIES = [
    "delivery",
    "parcel",
    "scanner",
    "hazmat",
    "forklift",
    "customs",
    "tachograph",
    "conveyor jam",
    "safe place",
    "proof of delivery",
    "left with neighbour",
    '"left with neighbour"',
    '"safe place"',
    "electric van range",
    "charging cable depot",
    "lithium batteries",
    "dry ice",
    "commodity code",
    "peak cover",
    "round sizes",
    "timed drops",
    "walk-round check",
    "near miss yard",
    "manual handling tyres",
    "refund or claim",
    "return label",
    "parcel locker",
    "ULD nets",
    "x-ray screening",
    "boots hi-vis",
    "hand",
    "scann",
    "deliv",
    "neighb",
    "how do I report a near miss?",
    "what counts as proof",
    "Leeds depot",
    "Bristol",
    "Glasgow depot peak",
    "handheld camera freeze",
    "resync scans",
    "damaged parcel refund",
    "NEAR(parcel, van) AND -damage*",
    'van: tyre "pressure',
    "???",
]
FILTERED = [
    ("delivery", SearchFilters(kind="question")),
    ("delivery", SearchFilters(status="unanswered")),
    ("delivery", SearchFilters(status="accepted")),
    ("parcel", SearchFilters(space="drivers-lounge")),
    ("scanner", SearchFilters(topic="scanner-troubleshooting")),
    ("safe place", SearchFilters(topic="proof-of-delivery", kind="question")),
    ("depot", SearchFilters(date_from=date.today() - timedelta(days=30))),
    ("van", SearchFilters(date_from=date(2000, 1, 1), date_to=date.today())),
    ("hazmat", SearchFilters(author="warehouse.lead")),
    ("parcel", SearchFilters(space="no-such-space")),
]
# Titles as they are being typed on the new-thread form.
SIMILAR = [
    "How do I prove a delivery",
    "Scanner says already deliv",
    "Forklift refresher",
    "What counts as proof of delivery when",
    "Near miss in the yard",
    "How much range do you get in winter",
    "Damaged parcel refund",
    "Best tips for finding addresses",
    "Who replaces boots",
    "Conveyor keeps jamming",
    "How do you calm down a caller",
    "Do we need the segregation table",
    "Which commodity code for",
    "Is there a plan for peak",
    "Can I charge the van at home",
]
RELATED_SAMPLE = 15


@dataclass
class Timing:
    operation: str
    samples: list[float]  # milliseconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        return self.percentile(0.95)

    @property
    def max(self) -> float:
        return max(self.samples)


def _time(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def run_benchmark(person, *, repeat: int = 3) -> list[Timing]:
    """Every query `repeat` times as `person` (after one warm-up pass), by operation. The rate
    limit on searches is off meanwhile: this measures the database, not the limiter."""
    limits = {**settings.GROUNDSWELL["RATE_LIMITS"], "search": None}
    related_ids = list(
        Thread.objects.visible_to(person)
        .order_by("?")
        .values_list("pk", flat=True)[:RELATED_SAMPLE]
    )
    related = list(Thread.objects.filter(pk__in=related_ids))
    questions = [thread for thread in related if thread.kind == "question"]
    operations = {
        "search (page 1)": [lambda q=q: search_threads(person, q) for q in QUERIES],
        "search (page 3)": [lambda q=q: search_threads(person, q, page=3) for q in QUERIES[:10]],
        "search with filters": [
            lambda q=q, f=f: search_threads(person, q, filters=f) for q, f in FILTERED
        ],
        "similar questions": [lambda t=t: similar_threads(person, t) for t in SIMILAR],
        "related threads": [lambda t=t: related_threads(person, t) for t in related],
        # What routing a new question costs: ranking the likely experts (no notification sent).
        "question routing": [lambda t=t: likely_experts(t) for t in questions],
    }
    timings = []
    with override_settings(GROUNDSWELL={**settings.GROUNDSWELL, "RATE_LIMITS": limits}):
        for name, calls in operations.items():
            for call in calls:
                call()  # warm-up: the first run reads pages from disk
            samples = [_time(call) for _ in range(repeat) for call in calls]
            timings.append(Timing(name, samples))
    return timings

"""Seeding the demo organisation: the org chart, spaces, conversations and the opening scene.

Deterministic: the same seed gives the same people, spaces and thread titles. The dates are
relative to the hour the seed runs, so the history always ends "now".
"""

import random
import time
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from groundswell.activity.models import Event, Verb
from groundswell.demo.bulk import reset_sequences
from groundswell.demo.conversations import ConversationGenerator
from groundswell.demo.corpus.vocabulary import REGION_TOWNS, TOPICS
from groundswell.demo.orgchart import build_orgchart, save_orgchart
from groundswell.demo.scenario import play_opening_scene
from groundswell.demo.spaces import create_spaces
from groundswell.errors import Conflict, InvalidInput
from groundswell.insights.demo import seed_insights
from groundswell.leadership.demo import seed_leadership
from groundswell.learning.demo import seed_learning
from groundswell.moderation.demo import seed_moderation
from groundswell.people.models import OrgUnit, Person
from groundswell.spaces.models import Space
from groundswell.threads.models import Reply, Thread, Vote
from groundswell.topics.models import Topic

DEFAULT_SEED = 2027
THREADS_AT_SCALE_ONE = 600
HISTORY_DAYS = 275
MAX_SCALE = 100
MAX_THREADS = 5_000_000
OPERATIONAL_SITES = ("depot", "sort centre", "hub", "contact centre")
DELIVERY_SITES = ("depot", "sort centre", "hub")


@dataclass
class Summary:
    people: int
    units: int
    spaces: int
    threads: int
    replies: int
    votes: int
    events: int
    accepted: int
    unanswered: int
    seconds: float


def demo_seed(
    *, scale: float = 1.0, seed: int = DEFAULT_SEED, threads: int | None = None, say=None
) -> Summary:
    """Fill an empty database with Northwind Parcel at `scale` (1 ≈ 300 people and 600
    threads; `threads` overrides the thread count). Refuses when people exist already."""
    say = say or (lambda message: None)
    if not 0 < scale <= MAX_SCALE:
        raise InvalidInput(f"The scale is between 0 and {MAX_SCALE}.", field="scale")
    total = round(THREADS_AT_SCALE_ONE * scale) if threads is None else threads
    if not 0 <= total <= MAX_THREADS:
        raise InvalidInput(f"Between 0 and {MAX_THREADS:,} threads.", field="threads")
    if Person.objects.exists():
        raise Conflict("The database has people already; the demo seeds an empty one.")
    started = time.monotonic()
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    launch = now - timedelta(days=HISTORY_DAYS)
    # One stream per part, so the thread count never changes who works at Northwind.
    chart = build_orgchart(random.Random(f"{seed}:orgchart"), scale)
    with transaction.atomic():
        ids = save_orgchart(chart)
        # Everyone was provisioned the day before the launch, by the import.
        provisioned = launch - timedelta(days=1)
        Person.objects.update(date_joined=provisioned)
        imported = Event.objects.filter(verb=Verb.IMPORTED_PEOPLE).order_by("-pk")[:1]
        Event.objects.filter(pk__in=list(imported.values_list("pk", flat=True))).update(
            created_at=provisioned
        )
        topics = _ensure_topics(launch)
        units = dict(OrgUnit.objects.values_list("code", "pk"))
        spaces = create_spaces(
            random.Random(f"{seed}:spaces"), chart, ids, units, topics, launch, now
        )
    say(f"people: {len(chart.people):,}, spaces: {len(spaces.pools)}")
    generator = ConversationGenerator(
        random.Random(f"{seed}:conversations"), spaces.pools, topics, _sites(chart), now, say
    )
    counts = generator.run(total)
    reset_sequences(Thread, Reply)
    with transaction.atomic():
        play_opening_scene()
        seed_learning(random.Random(f"{seed}:learning"))
        seed_leadership(random.Random(f"{seed}:leadership"))
        seed_insights(random.Random(f"{seed}:insights"))
        seed_moderation(random.Random(f"{seed}:moderation"))
    return Summary(
        people=Person.objects.count(),
        units=OrgUnit.objects.count(),
        spaces=Space.objects.count(),
        threads=Thread.objects.count(),
        replies=Reply.objects.count(),
        votes=Vote.objects.count(),
        events=Event.objects.count(),
        accepted=counts.accepted,
        unanswered=counts.unanswered,
        seconds=time.monotonic() - started,
    )


def _ensure_topics(launch) -> dict[str, int]:
    """Every topic of the vocabulary exists, described, dated at the launch."""
    names = list(TOPICS)
    existing = set(Topic.objects.filter(name__in=names).values_list("name", flat=True))
    Topic.objects.bulk_create(
        [Topic(name=name, description=TOPICS[name]) for name in names if name not in existing]
    )
    for name in names:
        Topic.objects.filter(name=name, description="").update(description=TOPICS[name])
    Topic.objects.filter(name__in=names).update(created_at=launch - timedelta(days=1))
    return dict(Topic.objects.filter(name__in=names).values_list("name", "pk"))


def _sites(chart) -> dict:
    """Sites for texts that name one: where people work ("operational"), and the depots and
    hubs, all and by region, for office staff who write about a site."""
    sites = [p.site for p in chart.people if p.site.endswith(OPERATIONAL_SITES)]
    delivery = [site for site in sites if site.endswith(DELIVERY_SITES)]
    by_region: dict = {
        "operational": set(sites),
        "all": list(dict.fromkeys(delivery)),
        "regions": list(REGION_TOWNS),
    }
    for person in chart.people:
        if person.region and person.site.endswith(DELIVERY_SITES):
            by_region.setdefault(person.region, [])
            if person.site not in by_region[person.region]:
                by_region[person.region].append(person.site)
    return by_region

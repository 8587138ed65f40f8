"""Demo field insights: a few hundred over several months, with the stories a regional manager
would recognise — a competitor's promotion in the North, a bridge closure rerouting drivers in
the Midlands, fuel price spikes, recurring customer complaints, a new business park — across
every status, with corroborations. Bulk inserts, then one clustering pass."""

import random
from datetime import timedelta

from django.utils import timezone

from groundswell.activity.models import Event, Verb
from groundswell.demo.bulk import event
from groundswell.insights.clustering import cluster_rebuild
from groundswell.insights.inbox import entries_rebuild
from groundswell.insights.models import (
    Corroboration,
    Insight,
    InsightCategory,
    InsightUpdate,
    Status,
)
from groundswell.insights.rollups import weeks_recount
from groundswell.insights.services import (
    insight_categories_ensure,
    manager_chain,
    routing_recipients,
)
from groundswell.people.models import Level, Person

# (category, region or None for everywhere, days ago from, to, how many, texts)
STORIES = [
    (
        "competitor",
        "North",
        70,
        35,
        45,
        [
            "FastFreight offer 20% off next-day delivery to our business customers in {town}.",
            "Customer in {town} showed me a FastFreight flyer: 20% off if they switch.",
            "Two shops on my round in {town} asked if we can match FastFreight's 20% discount.",
            "FastFreight vans at our biggest customer in {town}, pitching the promo.",
        ],
    ),
    (
        "route",
        "Midlands",
        50,
        20,
        40,
        [
            "A38 bridge into {town} closed for repairs; rerouting adds 25 minutes.",
            "A38 bridge closure near {town}: diversion via the ring road is gridlocked after 8am.",
            "Bridge closed at {town}, sat-nav still sends us over it. Please update the routes.",
            "Diversion for the {town} bridge closure goes past a school at 3pm, very slow.",
        ],
    ),
    (
        "fuel",
        None,
        120,
        100,
        25,
        [
            "Diesel at the {town} fuel-card station jumped 12p a litre this week.",
            "Fuel price spike at {town}: the card station is now the dearest in town.",
            "Fuel card station in {town} up 10p overnight; the supermarket one is cheaper.",
        ],
    ),
    (
        "fuel",
        None,
        30,
        10,
        20,
        [
            "Diesel prices up again at {town}, 9p more than last month.",
            "Fuel price spike at the {town} card station again this week.",
        ],
    ),
    (
        "customer",
        None,
        180,
        1,
        70,
        [
            "Customer in {town} complained again: parcels left with neighbours, no card.",
            "Recurring complaint in {town}: delivery window texts arrive after we've been.",
            "Customers in {town} say the delivery window is too wide, they wait in all day.",
            "Business customer in {town} unhappy that collections come after their 4pm close.",
        ],
    ),
    (
        "opportunity",
        "South",
        40,
        1,
        30,
        [
            "New business park opening on the edge of {town}, 30 units, none have a carrier yet.",
            "The new {town} business park has a fulfilment start-up moving in next month.",
            "Facilities manager at the new {town} business park wants a daily collection.",
        ],
    ),
    (
        "safety",
        None,
        150,
        1,
        25,
        [
            "Loading bay door at {town} depot sticks halfway; someone will get hurt.",
            "Pothole at the {town} depot entrance damaged a van tyre today.",
            "Poor lighting in the {town} yard at 6am, hard to see pedestrians.",
        ],
    ),
    (
        "volume",
        None,
        90,
        1,
        25,
        [
            "Volumes at {town} up sharply this week, vans leaving full by 9am.",
            "Noticeably fewer parcels for the {town} retail park since the big store closed.",
        ],
    ),
    (
        "process",
        None,
        160,
        1,
        20,
        [
            "Handheld scanners at {town} lose signal in the back of the sort centre.",
            "Returns paperwork at {town} is duplicated on paper and in the handheld.",
        ],
    ),
]
RESPONSES = {
    Status.ACKNOWLEDGED: "Thanks — we've seen this and are looking into it.",
    Status.IN_PROGRESS: "We're on it: the team is working on a fix.",
    Status.ACTIONED: "Done: we acted on this, thanks for flagging it.",
    Status.DECLINED: "Thanks, but we can't act on this right now.",
}
PATHS = {
    Status.NEW: [],
    Status.ACKNOWLEDGED: [Status.ACKNOWLEDGED],
    Status.IN_PROGRESS: [Status.ACKNOWLEDGED, Status.IN_PROGRESS],
    Status.ACTIONED: [Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.ACTIONED],
    Status.DECLINED: [Status.ACKNOWLEDGED, Status.DECLINED],
}


def _status_for(rng, age_days: float) -> str:
    if age_days < 7:
        return rng.choice([Status.NEW] * 4 + [Status.ACKNOWLEDGED] * 2 + [Status.IN_PROGRESS])
    if age_days < 40:
        return rng.choice(
            [Status.NEW, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.ACTIONED, Status.DECLINED]
        )
    return rng.choice([Status.ACTIONED] * 3 + [Status.DECLINED, Status.IN_PROGRESS])


def seed_insights(rng: random.Random) -> int:
    """Insights from the demo's frontline people; returns how many. Needs the org chart."""
    frontline = list(
        Person.objects.filter(level=Level.FRONTLINE, manager__isnull=False)
        .select_related("org_unit", "manager__manager__manager")
        .order_by("pk")
    )
    if not frontline:
        return 0
    insight_categories_ensure()
    categories = {c.slug: c for c in InsightCategory.objects.all()}
    by_region: dict[str, list] = {}
    for person in frontline:
        unit = person.org_unit
        region = (unit.parent.name if unit and unit.parent else "").replace(" region", "")
        by_region.setdefault(region, []).append(person)
    driver = Person.objects.filter(username="driver").first()
    now = timezone.now()
    chains = {}
    rows = []
    for category, region, start, end, count, texts in STORIES:
        pool = by_region.get(region, frontline) if region else frontline
        for _ in range(count):
            reporter = rng.choice(pool)
            if driver is not None and rng.random() < 0.04:
                reporter = driver
            at = now - timedelta(days=rng.uniform(end, start), minutes=rng.randint(0, 600))
            town = reporter.location or "the depot"
            rows.append((reporter, categories[category], rng.choice(texts).format(town=town), at))
    rows.sort(key=lambda row: row[3])
    insights = [
        Insight(
            reporter=reporter, text=text, category=category, category_weight=category.weight,
            location=reporter.location,
            org_unit_id=reporter.org_unit_id, confidential=rng.random() < 0.05,
            created_at=at, status_changed_at=at,
        )
        for reporter, category, text, at in rows
    ]  # fmt: skip
    Insight.objects.bulk_create(insights, batch_size=500)
    routes, updates, corroborations, events = [], [], [], []
    Through = Insight.routed_managers.through
    for insight in insights:
        reporter = insight.reporter
        if reporter.pk not in chains:
            chains[reporter.pk] = (manager_chain(reporter), routing_recipients(reporter))
        chain, routed = chains[reporter.pk]
        routes += [Through(insight_id=insight.pk, person_id=m.pk) for m in routed]
        events.append(event(Verb.REPORTED_INSIGHT, actor_id=reporter.pk, at=insight.created_at,
                            target_type="insights.insight", target_id=insight.pk,
                            data={"category": insight.category.slug,
                                  "confidential": insight.confidential}))  # fmt: skip
        age = (now - insight.created_at).total_seconds() / 86400
        status = _status_for(rng, age) if chain else Status.NEW
        at, previous = insight.created_at, Status.NEW
        for step in PATHS[status]:
            at = min(now, at + timedelta(hours=rng.uniform(4, 24 * 6)))
            manager = chain[-1] if chain[-1].username == "regional.manager" else rng.choice(chain)
            updates.append(InsightUpdate(insight_id=insight.pk, author=manager,
                                         from_status=previous, to_status=step,
                                         message=RESPONSES[step], created_at=at))  # fmt: skip
            change = {"from": previous, "to": step}
            events.append(event(Verb.INSIGHT_STATUS, actor_id=manager.pk, at=at,
                                target_type="insights.insight", target_id=insight.pk,
                                subject_id=reporter.pk, data=change))  # fmt: skip
            previous = step
        insight.status, insight.status_changed_at = status, at
        if not insight.confidential:
            peers = by_region.get("", []) or frontline
            same_unit = [p for p in frontline if p.org_unit_id == insight.org_unit_id]
            helpers = rng.sample(
                same_unit or peers,
                min(len(same_unit or peers), rng.choice([0, 0, 0, 1, 1, 2, 3, 5])),
            )
            for person in helpers:
                if person.pk == reporter.pk:
                    continue
                seen = min(now, insight.created_at + timedelta(hours=rng.uniform(1, 72)))
                corroborations.append(
                    Corroboration(
                        insight_id=insight.pk,
                        person=person,
                        location=person.location,
                        created_at=seen,
                    )
                )
                events.append(event(Verb.CORROBORATED, actor_id=person.pk, at=seen,
                                    target_type="insights.insight", target_id=insight.pk,
                                    subject_id=reporter.pk))  # fmt: skip
                insight.corroboration_count += 1
    Through.objects.bulk_create(routes, batch_size=1000)
    InsightUpdate.objects.bulk_create(updates, batch_size=1000)
    Corroboration.objects.bulk_create(corroborations, batch_size=1000)
    Event.objects.bulk_create(events, batch_size=1000)
    Insight.objects.bulk_update(
        insights, ["status", "status_changed_at", "corroboration_count"], batch_size=500
    )
    cluster_rebuild()
    # The bulk load bypassed insight_report: derive what it would have kept current.
    entries_rebuild()
    weeks_recount()
    return len(insights)

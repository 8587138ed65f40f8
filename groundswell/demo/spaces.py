"""The demo's spaces: who is in each, with which role and since when, and who follows which
topics. Writes spaces, memberships, follows and their events; returns the posting pools the
conversation generator draws authors from."""

import bisect
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from groundswell.activity.models import Event, Verb
from groundswell.demo.bulk import BATCH, event, given_timestamps
from groundswell.demo.corpus import THREAD_TEMPLATES
from groundswell.demo.orgchart import Member, OrgChart
from groundswell.demo.space_specs import FORCED_MEMBERSHIPS, SpaceSpec, space_specs
from groundswell.spaces.models import Membership, Role, Space, SpaceKind, Visibility
from groundswell.threads.models import Follow

ASK_BY_LEVEL = {1: 3.0, 2: 1.6, 3: 0.7, 4: 0.25, 5: 0.15}
ANSWER_BY_LEVEL = {1: 0.7, 2: 3.0, 3: 1.5, 4: 0.5, 5: 0.3}
DEMO_CAST = set(FORCED_MEMBERSHIPS)


@dataclass(frozen=True, slots=True)
class Actor:
    """What the conversation generator needs to know about a person."""

    id: int
    username: str
    first_name: str
    level: int
    skills: frozenset
    site: str
    region: str | None
    role: str


@dataclass
class Pool:
    """A space's members in the order they joined, with cumulative weights for picking who
    asks, who answers and who votes among those who had joined by a given time."""

    space_id: int
    spec: SpaceSpec
    created_at: datetime
    members: list[Actor] = field(default_factory=list)
    joined: list[datetime] = field(default_factory=list)
    ask: list[float] = field(default_factory=list)
    answer: list[float] = field(default_factory=list)

    def available(self, at: datetime) -> int:
        """How many members had joined by `at` (they are a prefix of `members`)."""
        return bisect.bisect_right(self.joined, at)

    def pick(self, rng: random.Random, weights: list[float], at: datetime) -> Actor | None:
        n = self.available(at)
        if n == 0:
            return None
        index = bisect.bisect_right(weights, rng.random() * weights[n - 1], 0, n - 1)
        return self.members[index]

    def pick_any(self, rng: random.Random, at: datetime) -> Actor | None:
        n = self.available(at)
        return self.members[rng.randrange(n)] if n else None


@dataclass
class SpacesResult:
    pools: list[Pool]
    space_ids: dict[str, int]
    memberships: int
    events: int


def _space_topics(spec: SpaceSpec) -> set[str]:
    return {t for tpl in THREAD_TEMPLATES if tpl.domain in spec.domains for t in tpl.topics}


def _join_time(rng, spec, created: datetime, now: datetime, username: str) -> datetime:
    if username in DEMO_CAST:
        return created + timedelta(hours=rng.uniform(1, 20))
    if spec.visibility == Visibility.PRIVATE:  # enrolled in one go, a few latecomers
        if rng.random() < 0.8:
            return created + timedelta(minutes=rng.uniform(5, 90))
        return created + timedelta(days=rng.uniform(1, 21))
    if rng.random() < 0.55:  # the launch wave
        return created + timedelta(days=min(14.0, rng.expovariate(1 / 3)))
    latest = (now - timedelta(days=2) - created).total_seconds()
    return created + timedelta(seconds=rng.uniform(3600, max(7200, latest)))


def _choose_members(rng, spec: SpaceSpec, chart: OrgChart) -> tuple[Member, list[Member], list]:
    """The owner, the moderators and everyone else, in chart order."""
    used: set[str] = set()

    def take(selector: str) -> Member | None:
        if selector.startswith("@"):
            candidates = [p for p in chart.people if p.username == selector[1:]]
        else:
            candidates = [p for p in spec.eligible(chart.people) if p.role == selector]
        person = next((p for p in candidates if p.username not in used), None)
        if person is not None:
            used.add(person.username)
        return person

    owner = take(spec.owner)
    if owner is None:
        raise RuntimeError(f"no owner for the demo space {spec.slug}")
    moderators = [p for p in map(take, spec.moderators) if p is not None]
    if spec.fixed_members is not None:
        members = [p for p in spec.fixed_members(rng, chart) if p.username not in used]
    else:
        members = []
        for person in spec.eligible(chart.people):
            chance = spec.members.get(person.role, spec.everyone)
            forced = spec.slug in FORCED_MEMBERSHIPS.get(person.username, ())
            if person.username not in used and (forced or rng.random() < chance):
                members.append(person)
    return owner, moderators, members


def create_spaces(
    rng: random.Random, chart: OrgChart, ids: dict[str, int], units: dict[str, int],
    topics: dict[str, int], launch: datetime, now: datetime,
) -> SpacesResult:  # fmt: skip
    """Write the spaces with their memberships, follows and events; return posting pools."""
    specs = space_specs(chart)
    spaces, plans = [], []
    for spec in specs:
        created = launch + timedelta(days=spec.day, hours=rng.uniform(8, 11))
        owner, moderators, members = _choose_members(rng, spec, chart)
        spaces.append(
            Space(
                name=spec.name, slug=spec.slug, description=spec.description, kind=spec.kind,
                visibility=spec.visibility, org_unit_id=units.get(spec.unit) if spec.unit else None,
                created_by_id=ids[owner.username], created_at=created,
                member_count=1 + len(moderators) + len(members),
            )
        )  # fmt: skip
        plans.append((spec, created, owner, moderators, members))
    with given_timestamps(Space._meta.get_field("created_at")):
        Space.objects.bulk_create(spaces)
    space_ids = dict(
        Space.objects.filter(slug__in=[s.slug for s in specs]).values_list("slug", "pk")
    )

    rows, events, pools = [], [], []
    for spec, created, owner, moderators, members in plans:
        space_id = space_ids[spec.slug]
        space_topics = _space_topics(spec)
        owner_id = ids[owner.username]
        events.append(
            event(
                Verb.CREATED_SPACE,
                actor_id=owner_id,
                at=created,
                space_id=space_id,
                target_type="spaces.space",
                target_id=space_id,
            )
        )
        joined = [(created, owner, Role.OWNER)]
        for person in moderators:
            joined.append((created + timedelta(hours=rng.uniform(1, 48)), person, Role.MODERATOR))
        for person in members:
            joined.append(
                (_join_time(rng, spec, created, now, person.username), person, Role.MEMBER)
            )
        joined.sort(key=lambda entry: (entry[0], entry[1].username))
        pool = Pool(space_id=space_id, spec=spec, created_at=created)
        ask_total = answer_total = 0.0
        for at, person, role in joined:
            person_id = ids[person.username]
            rows.append(Membership(space_id=space_id, person_id=person_id, role=role, joined_at=at))
            if role != Role.OWNER:
                private = spec.visibility == Visibility.PRIVATE
                events.append(event(
                    Verb.INVITED if private else Verb.JOINED,
                    actor_id=owner_id if private else person_id, at=at,
                    target_type="spaces.space", target_id=space_id, space_id=space_id,
                    subject_id=person_id if private else None,
                ))  # fmt: skip
            if role == Role.MODERATOR:
                events.append(event(
                    Verb.ROLE_CHANGED, actor_id=owner_id, at=at + timedelta(minutes=30),
                    target_type="spaces.space", target_id=space_id, space_id=space_id,
                    subject_id=person_id, data={"role": Role.MODERATOR},
                ))  # fmt: skip
            ask_total += _ask_weight(spec, person, role)
            answer_total += _answer_weight(spec, person, role, space_topics)
            pool.members.append(_actor(person, person_id))
            pool.joined.append(at)
            pool.ask.append(ask_total)
            pool.answer.append(answer_total)
        pools.append(pool)
    with given_timestamps(Membership._meta.get_field("joined_at")):
        Membership.objects.bulk_create(rows, batch_size=BATCH)
    events += _follow_topics(rng, chart, ids, topics, launch, now)
    Event.objects.bulk_create(events, batch_size=BATCH)
    return SpacesResult(pools=pools, space_ids=space_ids, memberships=len(rows), events=len(events))


def _actor(person: Member, person_id: int) -> Actor:
    return Actor(
        id=person_id, username=person.username, first_name=person.first_name,
        level=person.level, skills=frozenset(person.skills), site=person.site,
        region=person.region, role=person.role,
    )  # fmt: skip


def _ask_weight(spec: SpaceSpec, person: Member, role: str) -> float:
    weight = ASK_BY_LEVEL[person.level]
    if spec.kind == SpaceKind.LEADERSHIP and person.level >= 3:
        weight = 0.05  # leaders answer here; they ask elsewhere
    return weight


def _answer_weight(spec: SpaceSpec, person: Member, role: str, topics: set[str]) -> float:
    weight = ANSWER_BY_LEVEL[person.level] * (1 + 1.5 * len(topics.intersection(person.skills)))
    if spec.kind == SpaceKind.LEADERSHIP:
        weight *= 6 if person.level >= 3 else 0.2
    elif spec.kind in (SpaceKind.COURSE, SpaceKind.COHORT) and role != Role.MEMBER:
        weight *= 5  # the course team and the expert moderator answer most
    if person.username in spec.experts:
        weight *= 4
    return weight


def _follow_topics(rng, chart: OrgChart, ids, topics: dict[str, int], launch, now) -> list:
    """About a third of people follow one or two of their skills; the driver follows three."""
    rows, events = [], []
    for person in chart.people:
        if person.username == "driver":
            names = ["route-planning", "proof-of-delivery", "ev-charging"]
        elif person.skills and rng.random() < 0.33:
            names = rng.sample(person.skills, min(len(person.skills), rng.randint(1, 2)))
        else:
            continue
        for name in names:
            at = launch + timedelta(seconds=rng.uniform(0, (now - launch).total_seconds() * 0.9))
            person_id, topic_id = ids[person.username], topics[name]
            rows.append(Follow(follower_id=person_id, topic_id=topic_id, created_at=at))
            events.append(event(Verb.FOLLOWED, actor_id=person_id, at=at,
                                target_type="topics.topic", target_id=topic_id,
                                topic_ids=[topic_id]))  # fmt: skip
    with given_timestamps(Follow._meta.get_field("created_at")):
        Follow.objects.bulk_create(rows, batch_size=BATCH)
    return events

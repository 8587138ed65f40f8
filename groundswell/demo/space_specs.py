"""Which spaces the demo company has, what they talk about and who is in them."""

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from groundswell.demo.corpus.vocabulary import REGION_TOWNS
from groundswell.demo.orgchart import Member, OrgChart
from groundswell.spaces.models import SpaceKind, Visibility

OPEN, PRIVATE = Visibility.OPEN, Visibility.PRIVATE
COHORT_NAME = "Leadership Programme 2027 — Cohort A"
COHORT_SIZE = 15
LEAD_ROLES = ("delivery-lead", "warehouse-lead", "shift-lead", "freight-lead", "cs-lead")

# The demo accounts are always in these spaces, whatever the dice say.
FORCED_MEMBERSHIPS = {
    "driver": ("drivers-lounge", "safety-first", "ev-fleet-pilot", "scanners-and-handhelds",
               "ask-the-north-region-leadership", "customer-care-essentials"),
    "warehouse.lead": ("drivers-lounge", "safety-first", "scanners-and-handhelds",
                       "hazmat-handling-certification", "ask-the-north-region-leadership"),
    "regional.manager": ("drivers-lounge", "safety-first", "ev-fleet-pilot",
                         "warehouse-know-how"),
    "learning": ("safety-first", "drivers-lounge", "warehouse-know-how", "customer-care-corner"),
    "admin": ("safety-first",),
}  # fmt: skip


def _everyone(people: list[Member]) -> list[Member]:
    return people


@dataclass(frozen=True)
class SpaceSpec:
    """A space to create. `owner` and `moderators` are "@username" or a role (the first
    eligible person with it); members join with a chance per role (`everyone` for the rest),
    or are a fixed list (`fixed_members`)."""

    slug: str
    name: str
    description: str
    kind: str
    visibility: str
    domains: dict[str, int]
    share: float  # relative share of the threads
    owner: str
    moderators: tuple[str, ...] = ()
    members: dict[str, float] = field(default_factory=dict)
    everyone: float = 0.0
    day: int = 0  # days after the launch the space was created
    unit: str | None = None
    region: str | None = None
    experts: frozenset[str] = frozenset()
    eligible: Callable[[list[Member]], list[Member]] = _everyone
    fixed_members: Callable[[random.Random, OrgChart], list[Member]] | None = None


def _cohort(rng: random.Random, chart: OrgChart) -> list[Member]:
    """Team leads nominated for the programme; the warehouse lead of the demo is one."""
    leads = [p for p in chart.by_role(*LEAD_ROLES) if p.username != "warehouse.lead"]
    chosen = rng.sample(leads, min(len(leads), COHORT_SIZE - 3))
    wanda = [p for p in chart.people if p.username == "warehouse.lead"]
    return wanda + sorted(chosen, key=chart.people.index)


def _in_region(region: str) -> Callable[[list[Member]], list[Member]]:
    def eligible(people: list[Member]) -> list[Member]:
        return [p for p in people if p.region == region or p.role == "director-operations"]

    return eligible


def space_specs(chart: OrgChart) -> list[SpaceSpec]:
    specs = [
        SpaceSpec(
            "drivers-lounge", "Drivers' lounge",
            "For everyone on the road: rounds, addresses, customers, vans and the tricks that "
            "make the day go better.",
            SpaceKind.COMMUNITY, OPEN, {"drivers": 8, "scanners": 1}, 18,
            owner="delivery-lead", moderators=("delivery-lead", "delivery-lead"),
            members={"driver": 0.85, "hgv-driver": 0.8, "delivery-lead": 1, "dispatcher": 0.7,
                     "site-manager": 0.5, "warehouse-lead": 0.3, "ev-lead": 1,
                     "fleet-manager": 1, "regional-manager": 0.5},
            experts=frozenset({"warehouse.lead"}),
        ),
        SpaceSpec(
            "warehouse-know-how", "Warehouse know-how",
            "Loading, sorting, damage, returns and the safe way to do all of it. Ask the "
            "people who do it every day.",
            SpaceKind.COMMUNITY, OPEN, {"warehouse": 1}, 13,
            owner="@warehouse.lead", moderators=("shift-lead",),
            members={"warehouse-operative": 0.8, "warehouse-lead": 1, "sorter": 0.7,
                     "shift-lead": 1, "hub-manager": 0.6, "site-manager": 0.5, "driver": 0.15,
                     "safety-advisor": 1, "safety-manager": 1},
            day=1, experts=frozenset({"warehouse.lead"}),
        ),
        SpaceSpec(
            "ev-fleet-pilot", "EV fleet pilot",
            "The electric van pilot: range, charging, what works and what doesn't. Drivers, "
            "fleet and depots together.",
            SpaceKind.COMMUNITY, OPEN, {"ev": 1}, 6,
            owner="ev-lead", moderators=("fleet-technician",),
            members={"fleet-manager": 1, "fleet-technician": 1, "driver": 0.25,
                     "site-manager": 0.3, "regional-manager": 0.5, "director-network": 1},
            day=30,
        ),
        SpaceSpec(
            "customs-airport-freight", "Customs & airport freight",
            "Air freight, customs paperwork, screening and dangerous goods at the airport hubs.",
            SpaceKind.COMMUNITY, OPEN, {"airport": 1}, 8,
            owner="airport-manager", moderators=("customs-specialist",),
            members={"freight-handler": 0.9, "freight-lead": 1, "customs-specialist": 1,
                     "sorter": 0.15, "shift-lead": 0.3, "hub-manager": 0.3,
                     "director-network": 1},
            day=2,
        ),
        SpaceSpec(
            "safety-first", "Safety first",
            "Near misses, good ideas and questions about staying safe in yards, warehouses and "
            "on the road.",
            SpaceKind.COMMUNITY, OPEN, {"safety": 1}, 8,
            owner="safety-manager", moderators=("safety-advisor",),
            members={"site-manager": 0.8, "delivery-lead": 0.7, "warehouse-lead": 0.7,
                     "shift-lead": 0.7, "regional-manager": 0.8},
            everyone=0.45,
        ),
        SpaceSpec(
            "customer-care-corner", "Customer care corner",
            "Customer service and drivers in one place: what customers ask, what we promise "
            "and how we put things right.",
            SpaceKind.COMMUNITY, OPEN, {"customer": 1}, 8,
            owner="cs-manager", moderators=("cs-lead",),
            members={"cs-agent": 0.9, "cs-lead": 1, "cs-manager": 1, "driver": 0.15,
                     "delivery-lead": 0.5, "dispatcher": 0.4, "director-customer": 1},
            day=3,
        ),
        SpaceSpec(
            "scanners-and-handhelds", "Scanners & handhelds",
            "When the handheld or the delivery app misbehaves: fixes, workarounds and feedback "
            "for the app team.",
            SpaceKind.COMMUNITY, OPEN, {"scanners": 1}, 7,
            owner="@admin", moderators=("dispatcher",),
            members={"driver": 0.35, "warehouse-operative": 0.35, "dispatcher": 0.8,
                     "sorter": 0.3, "delivery-lead": 0.5, "warehouse-lead": 0.5},
            day=10, experts=frozenset({"warehouse.lead"}),
        ),
        SpaceSpec(
            "hazmat-handling-certification", "Hazmat handling certification",
            "Course space for the dangerous goods certification: questions on the modules, the "
            "assessment and real finds from the network.",
            SpaceKind.COURSE, PRIVATE, {"course_hazmat": 1}, 4,
            owner="@learning", moderators=("customs-specialist",),
            members={"freight-handler": 1, "warehouse-lead": 0.5, "sorter": 0.2,
                     "driver": 0.08, "hgv-driver": 0.5, "safety-advisor": 1},
            day=60, unit="learning-development",
        ),
        SpaceSpec(
            "customer-care-essentials", "Customer care essentials",
            "Course space for Customer care essentials: exercises, role-play reflections and "
            "questions for the tutors.",
            SpaceKind.COURSE, PRIVATE, {"course_customer": 1}, 3,
            owner="@learning", moderators=("ld-specialist",),
            members={"cs-agent": 0.6, "cs-lead": 1, "driver": 0.06, "dispatcher": 0.3},
            day=90, unit="learning-development",
        ),
        SpaceSpec(
            "leadership-programme-2027-cohort-a", COHORT_NAME,
            "Private space for Cohort A of the Leadership Programme: action learning sets, "
            "reflections and peer coaching.",
            SpaceKind.COHORT, PRIVATE, {"cohort": 1}, 3,
            owner="@learning", moderators=("ld-specialist",),
            day=120, unit="learning-development", fixed_members=_cohort,
        ),
    ]  # fmt: skip
    for region in REGION_TOWNS:
        depots = sum(1 for p in chart.by_role("site-manager") if p.region == region)
        moderators = ("director-operations",) + ("site-manager",) * min(2, depots)
        specs.append(
            SpaceSpec(
                f"ask-the-{region.lower()}-region-leadership",
                f"Ask the {region} region leadership",
                f"Ask the {region} region's leadership team anything: plans, changes, "
                "decisions. Answered by the regional and depot managers.",
                SpaceKind.LEADERSHIP, OPEN, {"leadership": 1}, 3,
                owner="regional-manager",
                moderators=moderators,
                everyone=0.45, members={"site-manager": 1},
                day=20, unit=f"region-{region.lower()}", region=region,
                experts=frozenset({"regional.manager"}), eligible=_in_region(region),
            )
        )  # fmt: skip
    return specs

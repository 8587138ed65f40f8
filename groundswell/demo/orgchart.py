"""The demo company's people and units: Northwind Parcel, a parcel-delivery company.

The chart is built in memory from a seeded random generator (same seed, same company), then
loaded through the org-chart import service, exactly as a customer's CSV would be.
"""

import random
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from groundswell.analytics.services import learning_group
from groundswell.demo.corpus.vocabulary import (
    AIRPORT_HUBS,
    CONTACT_CENTRE_TOWNS,
    FIRST_NAMES,
    HEAD_OFFICE,
    LAST_NAMES,
    REGION_TOWNS,
    SORT_CENTRE_TOWNS,
)
from groundswell.people.importing import people_import
from groundswell.people.models import Person

COMPANY = "Northwind Parcel"
DEMO_PASSWORD = "groundswell"  # noqa: S105 - the published password of the demo accounts
EMAIL_DOMAIN = "northwind.example"
DEMO_USERNAMES = ("driver", "warehouse.lead", "regional.manager", "learning", "admin")
_SUFFIXES = ("East", "West", "North", "South")

# role -> (job title, level, skills a person in the role may have)
ROLES = {
    "ceo": ("Chief Executive Officer", 5, ["leadership"]),
    "director-operations": ("Director of Operations", 4, ["leadership", "peak-season"]),
    "director-network": ("Director of Network", 4, ["leadership", "sortation", "customs"]),
    "director-customer": ("Director of Customer Service", 4,
                          ["leadership", "customer-complaints"]),
    "director-people": ("Director of People & Learning", 4,
                        ["leadership", "coaching", "wellbeing"]),
    "regional-manager": ("Regional Operations Manager", 3,
                         ["leadership", "peak-season", "rota-planning", "route-planning"]),
    "site-manager": ("Depot Manager", 3,
                     ["leadership", "peak-season", "rota-planning", "loading-bay-safety",
                      "coaching"]),
    "delivery-lead": ("Delivery Team Lead", 2,
                      ["route-planning", "proof-of-delivery", "delivery-exceptions", "coaching",
                       "tachograph", "van-checks", "peak-season"]),
    "warehouse-lead": ("Warehouse Team Lead", 2,
                       ["forklift-safety", "loading-bay-safety", "damaged-parcels", "returns",
                        "peak-season", "scanner-troubleshooting", "manual-handling"]),
    "driver": ("Delivery Driver", 1,
               ["route-planning", "proof-of-delivery", "address-finding", "van-checks",
                "parcel-lockers", "fuel-cards", "delivery-exceptions", "ev-charging"]),
    "hgv-driver": ("HGV Trunking Driver", 1, ["tachograph", "van-checks", "fuel-cards"]),
    "dispatcher": ("Dispatcher", 1,
                   ["route-planning", "scanner-troubleshooting", "delivery-exceptions",
                    "rota-planning"]),
    "warehouse-operative": ("Warehouse Operative", 1,
                            ["manual-handling", "forklift-safety", "loading-bay-safety",
                             "damaged-parcels", "returns", "scanner-troubleshooting"]),
    "hub-manager": ("Sort Centre Manager", 3,
                    ["leadership", "sortation", "peak-season", "rota-planning"]),
    "shift-lead": ("Sort Shift Lead", 2,
                   ["sortation", "conveyor-jams", "peak-season", "coaching", "forklift-safety"]),
    "sorter": ("Parcel Sorter", 1,
               ["sortation", "conveyor-jams", "manual-handling", "damaged-parcels",
                "scanner-troubleshooting"]),
    "airport-manager": ("Airport Hub Manager", 3,
                        ["leadership", "customs", "uld-build-up", "cold-chain"]),
    "freight-lead": ("Freight Team Lead", 2,
                     ["uld-build-up", "hazmat", "cold-chain", "x-ray-screening", "coaching"]),
    "customs-specialist": ("Customs Compliance Specialist", 2,
                           ["customs", "hazmat", "x-ray-screening", "cold-chain"]),
    "freight-handler": ("Airport Freight Handler", 1,
                        ["uld-build-up", "hazmat", "x-ray-screening", "cold-chain",
                         "manual-handling"]),
    "cs-manager": ("Contact Centre Manager", 3,
                   ["customer-complaints", "leadership", "coaching", "rota-planning"]),
    "cs-lead": ("Customer Service Team Lead", 2,
                ["customer-complaints", "returns", "damaged-parcels", "coaching"]),
    "cs-agent": ("Customer Service Agent", 1,
                 ["customer-complaints", "returns", "damaged-parcels", "proof-of-delivery",
                  "delivery-exceptions"]),
    "fleet-manager": ("Fleet Manager", 3,
                      ["ev-charging", "van-checks", "fuel-cards", "leadership"]),
    "ev-lead": ("EV Programme Lead", 2, ["ev-charging", "route-planning", "fuel-cards"]),
    "fleet-technician": ("Fleet Technician", 1, ["ev-charging", "van-checks"]),
    "safety-manager": ("Health & Safety Manager", 3,
                       ["loading-bay-safety", "manual-handling", "forklift-safety", "hazmat"]),
    "safety-advisor": ("Health & Safety Advisor", 2,
                       ["loading-bay-safety", "manual-handling", "hazmat", "wellbeing"]),
    "ld-manager": ("Learning & Development Manager", 3,
                   ["onboarding", "coaching", "leadership", "hazmat"]),
    "ld-specialist": ("Learning Designer", 2,
                      ["onboarding", "coaching", "customer-complaints", "hazmat"]),
    "hr-partner": ("HR Business Partner", 2, ["wellbeing", "onboarding", "rota-planning"]),
    "admin": ("Digital Workplace Administrator", 3,
              ["scanner-troubleshooting", "onboarding"]),
}  # fmt: skip


@dataclass
class Unit:
    code: str
    name: str
    parent: str | None


@dataclass
class Member:
    """A generated person, with what the conversation generator needs to know about them."""

    username: str
    display_name: str
    role: str
    unit: str
    manager: str | None
    location: str
    site: str  # the site or office as people say it: "Leeds depot", "Head office"
    region: str | None
    skills: list[str] = field(default_factory=list)
    job_title: str = ""

    @property
    def level(self) -> int:
        return ROLES[self.role][1]

    @property
    def first_name(self) -> str:
        return self.display_name.split()[0]


@dataclass
class OrgChart:
    units: dict[str, Unit] = field(default_factory=dict)
    people: list[Member] = field(default_factory=list)

    def by_role(self, *roles: str) -> list[Member]:
        return [person for person in self.people if person.role in roles]

    def unit_heads(self) -> dict[str, str]:
        """Each unit's head, its leader: the first of its people whose manager works elsewhere
        (field insights are routed to unit leaders as well as up the reporting line)."""
        unit_of = {person.username: person.unit for person in self.people}
        heads: dict[str, str] = {}
        for person in self.people:
            if person.unit not in heads and unit_of.get(person.manager) != person.unit:
                heads[person.unit] = person.username
        return heads

    def rows(self) -> list[dict[str, str]]:
        """The chart as org-chart import rows."""
        rows = []
        heads = self.unit_heads()
        for person in self.people:
            unit = self.units[person.unit]
            rows.append({
                "username": person.username,
                "email": f"{person.username}@{EMAIL_DOMAIN}",
                "display_name": person.display_name,
                "job_title": person.job_title,
                "unit_code": unit.code,
                "unit_name": unit.name,
                "parent_unit_code": unit.parent or "",
                "manager_username": person.manager or "",
                "level": str(person.level),
                "location": person.location,
                "skills": ";".join(person.skills),
                "unit_leader_username": heads.get(unit.code, ""),
            })  # fmt: skip
        return rows


class _Builder:
    def __init__(self, rng: random.Random, scale: float):
        self.rng = rng
        self.scale = scale
        self.chart = OrgChart()
        self.usernames: set[str] = set(DEMO_USERNAMES)

    def count(self, at_scale_one: int, minimum: int = 1) -> int:
        return max(minimum, round(at_scale_one * self.scale))

    def unit(self, code: str, name: str, parent: str | None) -> str:
        self.chart.units[code] = Unit(code, name, parent)
        return code

    def person(self, role: str, unit: str, manager: Member | None, *, site: str, location: str,
               region: str | None = None, username: str | None = None,
               name: str | None = None, title: str | None = None,
               skills: list[str] | None = None) -> Member:  # fmt: skip
        rng = self.rng
        if name is None:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if username is None:
            username = self._username(name)
        job_title, level, pool = ROLES[role]
        if skills is None:
            wanted = {1: (1, 3), 2: (3, 4), 3: (2, 4)}.get(level, (1, 2))
            skills = rng.sample(pool, min(len(pool), rng.randint(*wanted)))
        member = Member(
            username=username, display_name=name, role=role, unit=unit,
            manager=manager.username if manager else None, location=location, site=site,
            region=region, skills=skills, job_title=title or job_title,
        )  # fmt: skip
        self.chart.people.append(member)
        return member

    def _username(self, name: str) -> str:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z.]", "", ascii_name.lower().replace(" ", "."))
        username, n = base, 2
        while username in self.usernames:
            username, n = f"{base}{n}", n + 1
        self.usernames.add(username)
        return username

    def team(self, role: str, size: int, unit: str, manager: Member, **where) -> list[Member]:
        return [self.person(role, unit, manager, **where) for _ in range(size)]


def build_orgchart(rng: random.Random, scale: float = 1.0) -> OrgChart:
    """Northwind Parcel at `scale` (1 ≈ 300 people): head office, four operating regions of
    depots, sort centres and an airport hub, contact centres, fleet, health & safety and L&D."""
    b = _Builder(rng, scale)
    office = {"site": "Head office", "location": HEAD_OFFICE}
    root = b.unit("northwind", COMPANY, None)
    ceo = b.person("ceo", root, None, **office)
    operations = b.unit("operations", "Operations", root)
    director_ops = b.person("director-operations", operations, ceo, **office)
    safety = b.unit("health-safety", "Health & Safety", operations)
    safety_manager = b.person("safety-manager", safety, director_ops, **office)
    b.team("safety-advisor", b.count(1), safety, safety_manager, **office)
    for region, towns in REGION_TOWNS.items():
        _region(b, region, towns, operations, director_ops)
    _network(b, root, ceo, office)
    _customer_service(b, root, ceo, office)
    _people_and_learning(b, root, ceo, office)
    return b.chart


def _region(b: _Builder, region: str, towns: list[str], parent: str, director: Member):
    code = b.unit(f"region-{region.lower()}", f"{region} region", parent)
    here = {"region": region, "location": towns[0]}
    is_north = region == "North"
    manager = b.person(
        "regional-manager", code, director, site=f"{region} region office", **here,
        title=f"Regional Operations Manager, {region}",
        **({"username": "regional.manager", "name": "Rowan Reid",
            "skills": ["leadership", "peak-season", "route-planning", "rota-planning"]}
           if is_north else {}),
    )  # fmt: skip
    for index in range(b.count(3)):
        town = towns[index % len(towns)]
        if index >= len(towns):
            town = f"{town} {_SUFFIXES[(index // len(towns) - 1) % len(_SUFFIXES)]}"
        slug = re.sub(r"[^a-z0-9]+", "-", town.lower()).strip("-")
        depot = b.unit(f"depot-{slug}", f"{town} depot", code)
        where = {"site": f"{town} depot", "location": town, "region": region}
        site_manager = b.person("site-manager", depot, manager, **where)
        delivery_lead = b.person("delivery-lead", depot, site_manager, **where)
        demo_depot = is_north and index == 0
        if demo_depot:
            skills = ["loading-bay-safety", "forklift-safety", "damaged-parcels",
                      "scanner-troubleshooting", "proof-of-delivery", "returns"]  # fmt: skip
            b.person("warehouse-lead", depot, site_manager, **where, username="warehouse.lead",
                     name="Wanda Walsh", skills=skills)  # fmt: skip
            b.person("driver", depot, delivery_lead, **where, username="driver",
                     name="Dana Driver", skills=["route-planning", "ev-charging"])  # fmt: skip
        warehouse_lead = b.person("warehouse-lead", depot, site_manager, **where)
        drivers = b.rng.randint(8, 11)
        b.team("driver", drivers, depot, delivery_lead, **where)
        if drivers > 9:
            b.person("hgv-driver", depot, delivery_lead, **where)
        b.person("dispatcher", depot, delivery_lead, **where)
        b.team("warehouse-operative", b.rng.randint(3, 5), depot, warehouse_lead, **where)


def _network(b: _Builder, root: str, ceo: Member, office: dict):
    network = b.unit("network", "Network", root)
    director = b.person("director-network", network, ceo, **office)
    for town in SORT_CENTRE_TOWNS[: min(len(SORT_CENTRE_TOWNS), b.count(2))]:
        centre = b.unit(f"sort-{town.lower()}", f"{town} sort centre", network)
        where = {"site": f"{town} sort centre", "location": town}
        manager = b.person("hub-manager", centre, director, **where)
        for _ in range(2):
            lead = b.person("shift-lead", centre, manager, **where)
            b.team("sorter", b.rng.randint(5, 7), centre, lead, **where)
    for code, name, town in AIRPORT_HUBS[: min(len(AIRPORT_HUBS), b.count(0.4))]:
        hub = b.unit(f"airport-{code}", name, network)
        where = {"site": name.replace(" freight hub", " hub"), "location": town}
        manager = b.person("airport-manager", hub, director, **where)
        b.team("customs-specialist", 1 + (b.scale >= 2), hub, manager, **where)
        for _ in range(2):
            lead = b.person("freight-lead", hub, manager, **where)
            b.team("freight-handler", b.rng.randint(5, 7), hub, lead, **where)
    fleet = b.unit("fleet", "Fleet & EV programme", network)
    manager = b.person("fleet-manager", fleet, director, **office)
    b.person("ev-lead", fleet, manager, **office)
    b.team("fleet-technician", b.count(3), fleet, manager, **office)


def _customer_service(b: _Builder, root: str, ceo: Member, office: dict):
    unit = b.unit("customer-service", "Customer Service", root)
    director = b.person("director-customer", unit, ceo, **office)
    for town in CONTACT_CENTRE_TOWNS[: min(len(CONTACT_CENTRE_TOWNS), b.count(2))]:
        centre = b.unit(f"contact-{town.lower()}", f"{town} contact centre", unit)
        where = {"site": f"{town} contact centre", "location": town}
        manager = b.person("cs-manager", centre, director, **where)
        lead = b.person("cs-lead", centre, manager, **where)
        b.team("cs-agent", b.rng.randint(8, 10), centre, lead, **where)


def _people_and_learning(b: _Builder, root: str, ceo: Member, office: dict):
    unit = b.unit("people-learning", "People & Learning", root)
    director = b.person("director-people", unit, ceo, **office)
    learning_unit = b.unit("learning-development", "Learning & Development", unit)
    learning = b.person("ld-manager", learning_unit, director, **office, username="learning",
                        name="Leah Lambert",
                        skills=["onboarding", "coaching", "leadership", "hazmat",
                                "customer-complaints"])  # fmt: skip
    b.team("ld-specialist", b.count(3), learning_unit, learning, **office)
    hr = b.unit("hr", "HR", unit)
    b.team("hr-partner", b.count(2), hr, director, **office)
    b.person("admin", unit, director, **office, username="admin", name="Ada Admin",
             title="Groundswell administrator")  # fmt: skip


def save_orgchart(chart: OrgChart) -> dict[str, int]:
    """Load the chart through the import service, then give every demo account the password
    "groundswell" (hashed once: Argon2 is slow on purpose) and the L&D and admin roles.
    Returns username -> id."""
    result = people_import(actor=None, rows_or_file=chart.rows())
    if not result.ok:  # the generator's own data: a bug here, not a user error
        raise RuntimeError("demo org chart rejected: " + "; ".join(result.errors[:5]))
    # The seed runs on a database without people, so everyone there is from the chart.
    Person.objects.update(password=make_password(DEMO_PASSWORD))
    Person.objects.filter(username="learning").update(is_staff=True)
    learning_group().user_set.add(*Person.objects.filter(username="learning"))
    Person.objects.filter(username="admin").update(is_staff=True, is_superuser=True)
    return dict(Person.objects.values_list("username", "pk"))

"""A small organisation with an ask-leadership space for its North region:

    Northwind (root) ─ North region ─ North depot      (+ South region elsewhere)

The asker and a colleague work at the North depot; the leader (level 3) heads North region;
the outsider works in the South region."""

from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.leadership import services
from groundswell.people.models import Level
from groundswell.spaces.models import Role, SpaceKind
from tests.factories import MembershipFactory, OrgUnitFactory, PersonFactory, SpaceFactory

CANARY_USERNAME = "zqcanaryasker"
CANARY_NAME = "Zebulon Canaryfeather"


@pytest.fixture
def org(db):
    root = OrgUnitFactory(name="Northwind")
    north = OrgUnitFactory(name="North region", parent=root)
    depot = OrgUnitFactory(name="North depot", parent=north)
    south = OrgUnitFactory(name="South region", parent=root)
    return {"root": root, "north": north, "depot": depot, "south": south}


@pytest.fixture
def leadership_space(org):
    return SpaceFactory(
        name="Ask leadership — North",
        slug="ask-north",
        kind=SpaceKind.LEADERSHIP,
        org_unit=org["north"],
    )


@pytest.fixture
def asker(org):
    return PersonFactory(username=CANARY_USERNAME, display_name=CANARY_NAME, org_unit=org["depot"])


@pytest.fixture
def colleague(org):
    return PersonFactory(username="colleague", display_name="Cora Colleague", org_unit=org["depot"])


@pytest.fixture
def leader(org):
    return PersonFactory(
        username="regional.manager",
        display_name="Rhea Regional",
        org_unit=org["north"],
        level=Level.MANAGER,
    )


@pytest.fixture
def owner(leadership_space):
    someone = PersonFactory(username="space.owner", display_name="Otto Owner")
    MembershipFactory(space=leadership_space, person=someone, role=Role.OWNER)
    return someone


@pytest.fixture
def southerner(org):
    return PersonFactory(username="southerner", display_name="Sam South", org_unit=org["south"])


@pytest.fixture
def session(leadership_space, leader):
    now = timezone.now()
    return services.ama_schedule(
        host=leader,
        space=leadership_space,
        title="Peak season AMA",
        description="Ask me anything about peak.",
        starts_at=now + timedelta(minutes=30),
        ends_at=now + timedelta(minutes=90),
    )

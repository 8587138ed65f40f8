"""A small organisation with known interactions, made through the real services."""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest

from groundswell.activity.models import Event, Verb
from groundswell.analytics.services import analytics_rebuild, learning_group
from groundswell.expertise import services as expertise
from groundswell.spaces.models import Role, SpaceKind
from groundswell.threads import services as threads
from groundswell.topics.models import Topic
from tests.factories import MembershipFactory, OrgUnitFactory, PersonFactory, SpaceFactory

DAY = date(2026, 3, 2)
NINE = datetime(2026, 3, 2, 9, tzinfo=UTC)


def _at(hours: float) -> datetime:
    return NINE + timedelta(hours=hours)


@pytest.fixture
def org(db):
    """Units: company > depot A (f1, f2 frontline; m3 their manager) and depot B (s2, d4).

    Q1 asked by m3 #hazmat, answered by f1 after 1h, accepted after 3h  → f1(1)→m3(3) up
    Q2 asked by f2 #forklifts, answered by d4 after 2h; f2 upvotes it    → d4(4)→f2(1) down
    Q3 asked by s2 #hazmat, unanswered
    f2 upvotes f1's answer on Q1                                          → f1(1)→f2(1) across
    d4 endorses f1 on #hazmat                                             → f1(1)→d4(4) up
    """
    company = OrgUnitFactory(code="company", name="Company")
    depot_a = OrgUnitFactory(code="depot-a", name="Depot A", parent=company)
    depot_b = OrgUnitFactory(code="depot-b", name="Depot B", parent=company)
    m3 = PersonFactory(username="m3", level=3, org_unit=depot_a)
    f1 = PersonFactory(username="f1", level=1, org_unit=depot_a, manager=m3)
    f2 = PersonFactory(username="f2", level=1, org_unit=depot_a, manager=m3)
    d4 = PersonFactory(username="d4", level=4, org_unit=depot_b)
    s2 = PersonFactory(username="s2", level=2, org_unit=depot_b, manager=d4)
    space = SpaceFactory(slug="ops", name="Operations")
    for who in (m3, f1, f2, d4, s2):
        MembershipFactory(space=space, person=who, role=Role.MEMBER)
    q1 = threads.thread_create(
        author=m3, space=space, kind="question", title="Labels?", body="", topics=["hazmat"]
    )
    q2 = threads.thread_create(
        author=f2, space=space, kind="question", title="Forks?", body="", topics=["forklifts"]
    )
    q3 = threads.thread_create(
        author=s2, space=space, kind="question", title="UN numbers?", body="", topics=["hazmat"]
    )
    a1 = threads.reply_create(author=f1, thread=q1, body="Class 3 label.")
    a2 = threads.reply_create(author=d4, thread=q2, body="Check the forks daily.")
    threads.reply_accept(person=m3, reply=a1)
    threads.vote_cast(person=f2, value=1, reply=a2)
    threads.vote_cast(person=f2, value=1, reply=a1)
    expertise.endorsement_create(endorser=d4, person=f1, topic=Topic.objects.get(name="hazmat"))
    # Known times: every question at 09:00, answers after 1h and 2h, acceptance after 3h.
    Event.objects.update(created_at=_at(4))
    Event.objects.filter(verb=Verb.ASKED).update(created_at=_at(0))
    Event.objects.filter(verb=Verb.ANSWERED, thread=q1).update(created_at=_at(1))
    Event.objects.filter(verb=Verb.ANSWERED, thread=q2).update(created_at=_at(2))
    Event.objects.filter(verb=Verb.ACCEPTED).update(created_at=_at(3))
    analytics_rebuild()
    return SimpleNamespace(
        company=company,
        depot_a=depot_a,
        depot_b=depot_b,
        m3=m3,
        f1=f1,
        f2=f2,
        d4=d4,
        s2=s2,
        space=space,
        q1=q1,
        q2=q2,
        q3=q3,
    )


@pytest.fixture
def learning_pro(db):
    pro = PersonFactory(username="ld", level=2)
    pro.groups.add(learning_group())
    return pro


@pytest.fixture
def course_space(db):
    return SpaceFactory(slug="forklift-course", name="Forklift course", kind=SpaceKind.COURSE)


@pytest.fixture
def small_cells(settings):
    """Show every cell, so exact figures of a five-person organisation can be asserted."""
    settings.ANALYTICS_MIN_PEOPLE = 1


RANGE = {"from": DAY.isoformat(), "to": DAY.isoformat()}

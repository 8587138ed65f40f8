import pytest
from django.core.management import call_command
from django.db.models import Count

from groundswell.activity.models import Event, Verb
from groundswell.insights import selectors
from groundswell.insights.models import Corroboration, Insight, InsightCluster, Status
from groundswell.people.models import Person


@pytest.fixture
def seeded(db):
    call_command("seed_demo", scale=0.2, threads=50)


def test_demo_insights_tell_the_stories_across_every_status(seeded):
    total = Insight.objects.count()
    assert 200 <= total <= 500
    statuses = set(Insight.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    assert Corroboration.objects.exists()
    assert Insight.objects.filter(text__contains="FastFreight").count() >= 20
    assert Insight.objects.filter(text__contains="bridge").count() >= 20
    assert InsightCluster.objects.filter(count__gte=5).exists()
    # Events mirror the rows, with the manager as actor and the reporter as subject.
    verbs = dict(Event.objects.values_list("verb").annotate(n=Count("id")))
    assert verbs[Verb.REPORTED_INSIGHT] == total
    assert verbs[Verb.CORROBORATED] == Corroboration.objects.count()
    change = Event.objects.filter(verb=Verb.INSIGHT_STATUS).first()
    insight = Insight.objects.get(pk=change.object_id)
    assert change.subject_id == insight.reporter_id
    assert insight.routed_managers.filter(pk=change.actor_id).exists()


def test_the_regional_manager_has_an_inbox_with_the_drivers_insights(seeded):
    manager = Person.objects.get(username="regional.manager")
    driver = Person.objects.get(username="driver")
    assert selectors.inbox(manager).items
    assert Insight.objects.filter(reporter=driver).exists()
    assert all(
        i.routed_managers.filter(pk=manager.pk).exists()
        for i in Insight.objects.filter(reporter=driver)
    )


def test_demo_units_have_leaders_and_insights_reach_them(seeded):
    from groundswell.people.models import OrgUnit

    north = OrgUnit.objects.get(code="region-north")
    assert north.leader.username == "regional.manager"
    assert not OrgUnit.objects.filter(leader__isnull=True).exists()
    driver = Person.objects.get(username="driver")
    operations = OrgUnit.objects.get(code="operations")
    # Beyond the driver's three-step manager chain, the leader of Operations (three units up
    # from the depot, counting it) hears about the driver's insights.
    insight = Insight.objects.filter(reporter=driver).first()
    routed = set(insight.routed_managers.values_list("pk", flat=True))
    assert operations.leader_id in routed
    assert driver.pk not in routed

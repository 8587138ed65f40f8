import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from groundswell.activity.models import Event, Verb
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound
from groundswell.insights import selectors, services
from groundswell.insights.models import Insight, InsightUpdate, Status
from tests.insights.samples import PNG

VIEWERS = ("driver", "peer", "depot_manager", "regional", "other_manager", "admin")


@pytest.mark.parametrize(
    ("confidential", "expected"),
    [
        (False, {"driver", "peer", "depot_manager", "regional", "admin"}),
        (True, {"driver", "depot_manager", "regional", "admin"}),
    ],
)
def test_visibility_matrix(org, report, confidential, expected):
    insight = report(confidential=confidential)
    sees = {name for name in VIEWERS if Insight.objects.visible_to(org[name]).filter(pk=insight.pk)}
    assert sees == expected


def test_routing_follows_the_manager_chain_to_the_configured_depth(org, report, settings):
    insight = report()
    assert set(insight.routed_managers.values_list("username", flat=True)) == {
        "depotmgr",
        "regional",
    }
    assert insight.org_unit == org["depot"]
    assert insight.location == "Leeds ring road"  # the reporter's default
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "INSIGHT_ROUTING_DEPTH": 1}
    shallow = report()
    assert list(shallow.routed_managers.values_list("username", flat=True)) == ["depotmgr"]


def test_report_records_an_event_and_rejects_bad_input(org, report):
    insight = report(topics="pricing competitors")
    event = Event.objects.get(verb=Verb.REPORTED_INSIGHT)
    assert event.actor == org["driver"] and event.object_id == insight.pk
    assert sorted(insight.topics.values_list("name", flat=True)) == ["competitors", "pricing"]
    with pytest.raises(InvalidInput):
        report(text="   ")
    with pytest.raises(InvalidInput):
        report(category="nonsense")
    with pytest.raises(InvalidInput):
        report(text="x" * 2001)


def test_valid_transitions_keep_a_timeline_and_an_upward_event(org, report):
    insight = report()
    manager = org["depot_manager"]
    services.insight_change_status(
        person=manager, insight=insight, status="acknowledged", message="Thanks, looking"
    )
    services.insight_change_status(
        person=manager, insight=insight, status="actioned", message="Matched their price"
    )
    insight.refresh_from_db()
    assert insight.status == Status.ACTIONED
    steps = list(InsightUpdate.objects.filter(insight=insight).values_list("to_status", "message"))
    assert steps == [("acknowledged", "Thanks, looking"), ("actioned", "Matched their price")]
    events = Event.objects.filter(verb=Verb.INSIGHT_STATUS).order_by("id")
    assert [(e.actor, e.subject, e.data["from"], e.data["to"]) for e in events] == [
        (manager, org["driver"], "new", "acknowledged"),
        (manager, org["driver"], "acknowledged", "actioned"),
    ]
    assert {e.data["update"] for e in events} == set(
        InsightUpdate.objects.filter(insight=insight).values_list("pk", flat=True)
    )


def test_invalid_transition_is_refused_with_a_clear_message(org, report):
    insight = report()
    services.insight_change_status(person=org["regional"], insight=insight, status="in_progress")
    services.insight_change_status(person=org["regional"], insight=insight, status="actioned")
    with pytest.raises(InvalidInput) as error:
        services.insight_change_status(person=org["regional"], insight=insight, status="new")
    assert "cannot become new" in error.value.message
    with pytest.raises(InvalidInput):
        services.insight_change_status(person=org["regional"], insight=insight, status="bogus")


@pytest.mark.parametrize("who", ["driver", "peer", "other_manager"])
def test_only_routed_managers_and_admins_change_status(org, report, who):
    insight = report()
    with pytest.raises(Forbidden):
        services.insight_change_status(person=org[who], insight=insight, status="acknowledged")
    services.insight_change_status(person=org["admin"], insight=insight, status="acknowledged")


def test_concurrent_update_does_not_lose_a_response(org, report):
    insight = report()
    stale_copy = Insight.objects.get(pk=insight.pk)
    services.insight_change_status(
        person=org["depot_manager"],
        insight=insight,
        status="acknowledged",
        message="On it",
        expected_status="new",
    )
    with pytest.raises(Conflict):
        services.insight_change_status(
            person=org["regional"],
            insight=stale_copy,
            status="declined",
            message="Not for us",
            expected_status="new",
        )
    assert list(InsightUpdate.objects.values_list("message", flat=True)) == ["On it"]


def test_corroboration_rules(org, report):
    insight = report()
    with pytest.raises(InvalidInput):
        services.insight_corroborate(person=org["driver"], insight=insight)
    services.insight_corroborate(person=org["peer"], insight=insight, detail="At Tesco too")
    with pytest.raises(Conflict):
        services.insight_corroborate(person=org["peer"], insight=insight)
    insight.refresh_from_db()
    assert insight.corroboration_count == 1
    assert Event.objects.filter(verb=Verb.CORROBORATED, actor=org["peer"]).count() == 1


def test_bulk_acknowledge_refuses_everything_for_one_unauthorised_id(org, report):
    mine = report()
    foreign = report(reporter=org["other_manager"])
    with pytest.raises((Forbidden, NotFound)):
        services.insights_bulk_acknowledge(
            person=org["depot_manager"], insight_ids=[mine.pk, foreign.pk]
        )
    mine.refresh_from_db()
    assert mine.status == Status.NEW
    assert (
        services.insights_bulk_acknowledge(person=org["depot_manager"], insight_ids=[mine.pk]) == 1
    )
    mine.refresh_from_db()
    assert mine.status == Status.ACKNOWLEDGED


def test_bulk_acknowledge_by_a_peer_who_sees_but_does_not_manage_is_forbidden(org, report):
    insight = report()
    with pytest.raises(Forbidden):
        services.insights_bulk_acknowledge(person=org["peer"], insight_ids=[insight.pk])


def test_merge_moves_corroborations_and_counts_the_duplicate_reporter(org, report):
    original = report()
    duplicate = report(reporter=org["peer"], text="Same promo seen at the depot")
    services.insight_corroborate(person=org["depot_manager"], insight=duplicate)
    services.insight_merge(person=org["regional"], duplicate=duplicate, into=original)
    original.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into == original
    assert original.corroboration_count == 2
    with pytest.raises(Forbidden):
        services.insight_merge(person=org["peer"], duplicate=original, into=duplicate)


def test_assign_only_to_a_triaging_person(org, report):
    insight = report()
    services.insight_assign(person=org["regional"], insight=insight, assignee=org["depot_manager"])
    insight.refresh_from_db()
    assert insight.assignee == org["depot_manager"]
    with pytest.raises(InvalidInput):
        services.insight_assign(person=org["regional"], insight=insight, assignee=org["peer"])


def test_photo_is_checked_by_content_and_size(org, report):
    good = report(photo=SimpleUploadedFile("x.png", PNG, content_type="image/png"))
    assert good.photo_type == "image/png" and good.photo.name.endswith(".png")
    svg = SimpleUploadedFile("x.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/png")
    with pytest.raises(InvalidInput):
        report(photo=svg)
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024), "image/jpeg")
    with pytest.raises(InvalidInput):
        report(photo=big)


def test_inbox_is_only_what_is_routed_sorted_by_priority(org, report):
    quiet = report(text="Road works on the A64", category="route")
    loud = report(text="Customer complaints about late parcels", category="customer")
    services.insight_corroborate(person=org["peer"], insight=loud)
    assert [i.pk for i in selectors.inbox(org["regional"]).items] == [loud.pk, quiet.pk]
    assert selectors.inbox(org["peer"]).items == []
    assert selectors.inbox(org["other_manager"]).items == []
    assert [i.pk for i in selectors.inbox(org["regional"], category="route").items] == [quiet.pk]
    assert selectors.inbox(org["regional"], min_corroborations=1).items == [loud]


def test_routing_adds_unit_leaders_up_to_the_depth_without_duplicates(org, report, settings):
    from tests.factories import PersonFactory

    safety_lead = PersonFactory(username="depotlead", org_unit=org["depot"])
    org["depot"].leader = safety_lead
    org["depot"].save()
    org["region"].leader = org["regional"]  # already in the chain: routed once
    org["region"].save()
    insight = report()
    routed = list(insight.routed_managers.order_by("username").values_list("username", flat=True))
    assert routed == ["depotlead", "depotmgr", "regional"]
    assert services.routing_recipients(org["driver"])[-1] == safety_lead
    # The leader sees the insight (even confidential) and may triage it; peers still cannot.
    secret = report(confidential=True, text="Rest breaks skipped")
    assert Insight.objects.visible_to(safety_lead).filter(pk=secret.pk).exists()
    services.insight_change_status(person=safety_lead, insight=secret, status="acknowledged")
    # Depth 1: only the own unit's leader and the line manager.
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "INSIGHT_ROUTING_DEPTH": 1}
    shallow = report()
    assert set(shallow.routed_managers.values_list("username", flat=True)) == {
        "depotmgr",
        "depotlead",
    }


def test_a_leader_never_routes_to_themself_and_inactive_leaders_are_skipped(org, report):
    org["depot"].leader = org["driver"]
    org["depot"].save()
    insight = report()
    assert not insight.routed_managers.filter(pk=org["driver"].pk).exists()
    org["region"].leader = org["other_manager"]
    org["region"].save()
    org["other_manager"].is_active = False
    org["other_manager"].save()
    later = report()
    assert set(later.routed_managers.values_list("username", flat=True)) == {
        "depotmgr",
        "regional",
    }

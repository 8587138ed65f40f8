"""The closed loop: the reporter hears about each status change and response, the routed
managers about a new insight, the assignee about an assignment — and nobody else, ever, about
a confidential one."""

import pytest
from django.core import mail

from groundswell.activity.models import Event, Verb
from groundswell.insights import services
from groundswell.notifications.models import Kind, Notification
from groundswell.notifications.services import event_fan_out


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs the block, then what it queued after commit (the fan-out,
    then the emails the fan-out queues), as a real commit would."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def _kinds(person):
    return list(
        Notification.objects.filter(recipient=person).order_by("id").values_list("kind", flat=True)
    )


def test_reporter_gets_one_notification_per_change_with_the_message(org, report, committed):
    with committed():
        insight = report()
    manager = org["depot_manager"]
    with committed():
        services.insight_change_status(
            person=manager, insight=insight, status="acknowledged", message="Thanks, looking"
        )
    with committed():
        services.insight_respond(person=manager, insight=insight, message="Sales are on it")
    with committed():
        services.insight_change_status(
            person=org["regional"], insight=insight, status="actioned", message="Price matched"
        )
    rows = list(
        Notification.objects.visible_to(org["driver"]).with_list_data().order_by("created_at", "id")
    )
    assert [(n.kind, n.summary, n.message) for n in rows] == [
        (
            Kind.INSIGHT_UPDATE,
            f"{manager.name} marked your insight acknowledged",
            "Thanks, looking",
        ),
        (Kind.INSIGHT_UPDATE, f"{manager.name} responded to your insight", "Sales are on it"),
        (
            Kind.INSIGHT_UPDATE,
            f"{org['regional'].name} marked your insight actioned",
            "Price matched",
        ),
    ]
    assert rows[0].title == "Competitor offering 20% off next-day delivery"
    assert rows[0].target_url == f"/insights/{insight.pk}/"
    # The routed managers heard about the new insight, once each; nobody else heard anything.
    assert _kinds(manager) == [Kind.INSIGHT_ROUTED]
    assert _kinds(org["regional"]) == [Kind.INSIGHT_ROUTED]
    for name in ("peer", "other_manager", "admin"):
        assert _kinds(org[name]) == []


def test_a_long_insight_is_shortened_in_the_title(org, report, committed):
    with committed():
        report(text="Bridge closed " + "because of flood damage " * 10)
    notification = Notification.objects.get(recipient=org["depot_manager"])
    assert len(notification.title) <= 80 and notification.title.endswith("…")
    assert notification.summary == f"{org['driver'].name} reported a field insight"


def test_confidential_insight_notifications_reach_only_reporter_and_routed_managers(
    org, report, committed
):
    with committed():
        secret = report(
            text="Supervisor asks us to skip rest breaks", confidential=True, category="safety"
        )
    with committed():
        services.insight_change_status(
            person=org["depot_manager"], insight=secret, status="acknowledged", message="On it"
        )
    with committed():
        services.insight_corroborate(person=org["depot_manager"], insight=secret)
    recipients = set(Notification.objects.values_list("recipient__username", flat=True))
    assert recipients == {"driver", "depotmgr", "regional"}
    # Every notification row about it is one its recipient may see.
    for notification in Notification.objects.select_related("recipient"):
        assert (
            Notification.objects.visible_to(notification.recipient)
            .filter(pk=notification.pk)
            .exists()
        )
    # Routed away from someone: their notification goes with it (list, count and emails).
    secret.routed_managers.remove(org["regional"])
    assert not Notification.objects.visible_to(org["regional"]).exists()


def test_the_assignee_is_told(org, report, committed):
    with committed():
        insight = report()
    with committed():
        services.insight_assign(
            person=org["depot_manager"], insight=insight, assignee=org["regional"]
        )
    assert _kinds(org["regional"]) == [Kind.INSIGHT_ROUTED, Kind.INSIGHT_ASSIGNED]
    assigned = Notification.objects.get(kind=Kind.INSIGHT_ASSIGNED)
    assert assigned.summary == f"{org['depot_manager'].name} assigned a field insight to you"
    with committed():  # unassigning tells nobody
        services.insight_assign(person=org["depot_manager"], insight=insight, assignee=None)
    assert Notification.objects.filter(kind=Kind.INSIGHT_ASSIGNED).count() == 1


def test_rerunning_the_fan_out_creates_no_duplicate_and_no_second_email(org, report, committed):
    with committed():
        insight = report()
    mail.outbox.clear()
    with committed():
        services.insight_change_status(
            person=org["depot_manager"], insight=insight, status="declined", message="Not ours"
        )
    assert len(mail.outbox) == 1
    event = Event.objects.get(verb=Verb.INSIGHT_STATUS)
    with committed():
        assert event_fan_out(event_id=event.pk) == 0
    assert Notification.objects.filter(event=event).count() == 1
    assert len(mail.outbox) == 1


def test_insight_notifications_in_the_list_the_api_and_the_email(client, org, report, committed):
    with committed():
        insight = report()
    mail.outbox.clear()
    with committed():
        services.insight_change_status(
            person=org["regional"], insight=insight, status="in_progress", message="We matched it"
        )
    [email] = mail.outbox
    assert email.to == [org["driver"].email]
    assert email.subject.startswith(f"{org['regional'].name} marked your insight in progress")
    assert "We matched it" in email.body and "/notifications/" in email.body
    client.force_login(org["driver"])
    page = client.get("/notifications/").content.decode()
    assert "marked your insight in progress" in page and "We matched it" in page
    body = client.get("/api/v1/notifications").json()
    [item] = body["items"]
    assert item["kind"] == "insight_update" and item["message"] == "We matched it"
    assert item["insight"] == {
        "id": insight.pk,
        "status": "in_progress",
        "excerpt": "Competitor offering 20% off next-day delivery",
    }
    assert item["url"] == f"/insights/{insight.pk}/"
    opened = client.get(f"/notifications/{item['id']}/")
    assert opened.status_code == 302 and opened["Location"] == f"/insights/{insight.pk}/"
    # Someone else cannot read it, even knowing its id.
    client.force_login(org["peer"])
    assert client.get(f"/notifications/{item['id']}/").status_code == 404
    assert client.get("/api/v1/notifications").json()["items"] == []


def test_a_hostile_message_and_text_render_inert(client, org, report, committed):
    payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    with committed():
        insight = report(text=f"Depot gate {payload}")
    with committed():
        services.insight_respond(person=org["depot_manager"], insight=insight, message=payload)
    for person in (org["driver"], org["regional"]):
        client.force_login(person)
        page = client.get("/notifications/").content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    [email] = [m for m in mail.outbox if m.to == [org["driver"].email]]
    html = email.alternatives[0][0]
    assert "<script>alert" not in html and "&lt;script&gt;" in html

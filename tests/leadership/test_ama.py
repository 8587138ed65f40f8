"""AMA sessions: scheduling, status from the clock, questions by votes, host answers,
registration, attendance and reminders (idempotent)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from groundswell.activity.models import Event, Verb
from groundswell.errors import Conflict, Forbidden, InvalidInput
from groundswell.leadership import selectors, services
from groundswell.leadership.models import AmaRegistration, AmaStatus
from groundswell.threads import services as threads


def _shift(session, *, minutes):
    """Move the session in time, as if the clock had moved the other way."""
    delta = timedelta(minutes=minutes)
    session.starts_at += delta
    session.ends_at += delta
    session.save(update_fields=["starts_at", "ends_at"])


def test_a_leader_schedules_and_the_event_is_recorded(session, leader):
    assert session.status == AmaStatus.UPCOMING
    assert list(session.hosts.all()) == [leader]
    assert Event.objects.filter(verb=Verb.SCHEDULED_AMA, actor=leader).count() == 1


def test_only_leaders_schedule(leadership_space, colleague):
    now = timezone.now()
    with pytest.raises(Forbidden):
        services.ama_schedule(
            host=colleague,
            space=leadership_space,
            title="Mine",
            starts_at=now,
            ends_at=now + timedelta(hours=1),
        )


def test_a_session_ends_after_it_starts(leadership_space, leader):
    now = timezone.now()
    with pytest.raises(InvalidInput):
        services.ama_schedule(
            host=leader,
            space=leadership_space,
            title="Backwards",
            starts_at=now,
            ends_at=now - timedelta(hours=1),
        )


def test_status_follows_the_clock(session):
    assert session.status_at(session.starts_at - timedelta(seconds=1)) == AmaStatus.UPCOMING
    assert session.status_at(session.starts_at) == AmaStatus.LIVE
    assert session.status_at(session.ends_at) == AmaStatus.ARCHIVED


def test_questions_collected_in_advance_ordered_by_votes_and_answered_by_hosts(
    session, asker, colleague, leader
):
    first = services.ama_question_ask(author=asker, session=session, title="First")
    second = services.ama_question_ask(author=colleague, session=session, title="Second")
    threads.vote_cast(person=asker, thread=second, value=1)
    with pytest.raises(Forbidden):
        services.ama_answer(host=colleague, thread=first, body="Not a host.")
    _shift(session, minutes=-40)  # now live
    services.ama_answer(host=leader, thread=second, body="Answered live.")
    view = selectors.ama_page(colleague, session.pk)
    assert [row.thread.title for row in view.questions.items] == ["Second", "First"]
    assert [r.body for r in view.questions.items[0].leadership_answers] == ["Answered live."]
    assert Event.objects.filter(verb=Verb.ATTENDED_AMA, actor=leader).exists()


def test_an_archived_session_takes_no_questions_but_stays_readable(
    client, session, asker, colleague
):
    services.ama_question_ask(author=asker, session=session, title="Before")
    _shift(session, minutes=-200)
    assert session.status == AmaStatus.ARCHIVED
    with pytest.raises(Forbidden):
        services.ama_question_ask(author=colleague, session=session, title="Too late")
    client.force_login(colleague)
    page = client.get(session.get_absolute_url())
    assert page.status_code == 200 and b"Before" in page.content
    assert b"Ask a question" not in page.content
    listed = client.get("/leadership/ama/").content.decode()
    assert "Archive" in listed and session.title in listed


def test_register_is_idempotent_and_recorded_once(session, colleague):
    services.ama_register(person=colleague, session=session)
    services.ama_register(person=colleague, session=session)
    assert AmaRegistration.objects.filter(session=session, person=colleague).count() == 1
    assert Event.objects.filter(verb=Verb.REGISTERED_AMA, actor=colleague).count() == 1


def test_no_registering_for_a_past_session(session, colleague):
    _shift(session, minutes=-200)
    with pytest.raises(Conflict):
        services.ama_register(person=colleague, session=session)


def test_opening_a_live_session_one_registered_for_is_attending(client, session, colleague):
    services.ama_register(person=colleague, session=session)
    _shift(session, minutes=-40)
    client.force_login(colleague)
    client.get(session.get_absolute_url())
    client.get(session.get_absolute_url())
    assert Event.objects.filter(verb=Verb.ATTENDED_AMA, actor=colleague).count() == 1


def test_reminders_go_once_an_hour_before(session, colleague, asker, leadership_space, leader):
    services.ama_register(person=colleague, session=session)
    later = services.ama_schedule(
        host=leader,
        space=leadership_space,
        title="Next week",
        starts_at=timezone.now() + timedelta(days=7),
        ends_at=timezone.now() + timedelta(days=7, hours=1),
    )
    services.ama_register(person=asker, session=later)
    mail.outbox.clear()
    call_command("send_ama_reminders")
    call_command("send_ama_reminders")
    assert [m.to for m in mail.outbox] == [[colleague.email]]
    assert session.title in mail.outbox[0].subject
    assert services.ama_reminders_send() == 0


def test_the_pages_work_for_a_member(client, session, colleague, leader):
    client.force_login(colleague)
    response = client.post(session.get_absolute_url(), {"title": "What about vans?"})
    assert response.status_code == 302
    client.post(f"/leadership/ama/{session.pk}/register/")
    page = client.get(session.get_absolute_url()).content.decode()
    assert "What about vans?" in page and "You are registered" in page
    client.force_login(leader)
    thread = session.questions.get().thread
    answered = client.post(f"/leadership/ama/questions/{thread.pk}/answer/", {"body": "Soon."})
    assert answered.status_code == 302
    assert b"Soon." in client.get(session.get_absolute_url()).content


def test_a_leader_schedules_from_the_page(client, leadership_space, leader):
    client.force_login(leader)
    response = client.post(
        f"/leadership/{leadership_space.slug}/ama/new/",
        {"title": "Town hall", "starts_at": "2030-01-01T10:00", "ends_at": "2030-01-01T11:00"},
    )
    assert response.status_code == 302
    assert leadership_space.ama_sessions.get().title == "Town hall"


def test_the_api_lists_and_answers(client, session, colleague, leader):
    client.force_login(colleague)
    assert client.get("/api/v1/ama?status=upcoming").json()["items"][0]["id"] == session.pk
    asked = client.post(
        f"/api/v1/ama/{session.pk}/questions",
        {"title": "Bonus?", "anonymous": True},
        content_type="application/json",
    )
    assert asked.status_code == 201 and asked.json()["author"] is None
    registered = client.post(f"/api/v1/ama/{session.pk}/registration")
    assert registered.status_code == 201
    client.force_login(leader)
    answered = client.post(
        f"/api/v1/ama/questions/{asked.json()['id']}/answers",
        {"body": "Yes."},
        content_type="application/json",
    )
    assert answered.status_code == 201
    items = client.get(f"/api/v1/ama/{session.pk}/questions").json()["items"]
    assert items[0]["leadership_answers"][0]["body_html"].strip() == "<p>Yes.</p>"


def test_the_scheduler_sends_due_reminders(session, colleague):
    services.ama_register(person=colleague, session=session)
    mail.outbox.clear()
    call_command("run_schedule", "--once")
    call_command("run_schedule", "--once")
    assert [m.to for m in mail.outbox] == [[colleague.email]]

"""TRUST 22: every background task of ours — notifications, question routing, expertise
refresh, analytics — retries a transient failure later, a bounded number of times
(`groundswell/tasks.py`), and each failed attempt is visible to administrators."""

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from groundswell.analytics.tasks import apply_event
from groundswell.expertise.tasks import refresh_thread_expertise, route_question
from groundswell.notifications.tasks import deliver_event
from groundswell.tasks import MAX_ATTEMPTS
from tests.factories import PersonFactory, ThreadFactory
from tests.task_worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def make_due() -> None:
    """Skip the back-off: the deferred attempts become due now."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


# name: (task, its arguments, the service it calls — made to fail)
TASKS = {
    "route_question": (
        route_question,
        lambda: (4242,),
        "groundswell.expertise.services.question_route",
    ),
    "refresh_thread_expertise": (
        refresh_thread_expertise,
        lambda: (ThreadFactory().pk, []),
        "groundswell.expertise.services.expertise_refresh",
    ),
    "apply_event": (
        apply_event,
        lambda: (77,),
        "groundswell.analytics.services.analytics_apply_event",
    ),
    "deliver_event": (
        deliver_event,
        lambda: (88,),
        "groundswell.notifications.services.event_fan_out",
    ),
}


@pytest.mark.parametrize("name", sorted(TASKS))
def test_a_transient_failure_is_retried_a_bounded_number_of_times_then_shown(
    name, database_queue, client, monkeypatch
):
    the_task, arguments, service = TASKS[name]
    args = arguments()
    calls = []

    def broken(*a, **kw):
        calls.append(1)
        raise OperationalError("the database is restarting")

    monkeypatch.setattr(service, broken)
    the_task.enqueue(*args)

    for _ in range(MAX_ATTEMPTS + 2):  # more runs than attempts allowed
        make_due()
        run_worker()
    # Tried exactly MAX_ATTEMPTS times, then given up: nothing more is queued.
    assert len(calls) == MAX_ATTEMPTS
    rows = DBTaskResult.objects.filter(task_path__endswith=f".{name}")
    assert rows.filter(status="READY").count() == 0
    failed = rows.filter(status="FAILED").order_by("enqueued_at")
    assert failed.count() == MAX_ATTEMPTS
    assert [row.args_kwargs["kwargs"].get("attempt", 1) for row in failed] == [1, 2, 3]
    assert all(row.args_kwargs["args"] == list(args) for row in failed)

    client.force_login(PersonFactory(username="ops", is_staff=True))
    page = client.get("/operations/tasks/").content.decode()
    assert page.count(f"<code>{name}</code>") == MAX_ATTEMPTS
    assert "OperationalError: the database is restarting" in page
    listed = client.get("/api/v1/operations/failed-tasks").json()["items"]
    assert sorted(item["attempt"] for item in listed) == [1, 2, 3]


def test_the_retry_waits_with_a_growing_back_off(database_queue, monkeypatch):
    def broken(**kw):
        raise OperationalError("busy")

    monkeypatch.setattr("groundswell.expertise.services.question_route", broken)
    route_question.enqueue(5)
    run_worker()
    [second] = DBTaskResult.objects.filter(status="READY")
    first_wait = second.run_after - timezone.now()
    assert timezone.timedelta(minutes=1) < first_wait <= timezone.timedelta(minutes=2)
    make_due()
    run_worker()
    [third] = DBTaskResult.objects.filter(status="READY")
    assert third.args_kwargs["kwargs"] == {"attempt": 3}
    second_wait = third.run_after - timezone.now()
    assert timezone.timedelta(minutes=3) < second_wait <= timezone.timedelta(minutes=4)


def test_a_bug_is_not_retried(database_queue, monkeypatch):
    """Only failures that may pass are tried again; a bug fails once, for an administrator to
    look at and retry from the page."""

    def broken(event_id):
        raise ValueError("a bug")

    monkeypatch.setattr("groundswell.analytics.services.analytics_apply_event", broken)
    apply_event.enqueue(3)
    run_worker()
    make_due()
    run_worker()
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
    assert DBTaskResult.objects.filter(status="READY").count() == 0

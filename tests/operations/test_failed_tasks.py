"""TRUST 22: failed background tasks are visible to administrators — page and API — with
their ids, attempt and error, and can be retried once, safely (the tasks are idempotent)."""

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from groundswell.activity.models import Event, Verb
from groundswell.expertise import services as expertise
from groundswell.expertise.tasks import route_question
from tests.factories import PersonFactory
from tests.task_worker import run_worker

PAGE = "/operations/tasks/"
API = "/api/v1/operations/failed-tasks"


@pytest.fixture
def staff_client(client, db):
    client.force_login(PersonFactory(username="ops", is_staff=True))
    return client


def failed_row(task_path="groundswell.expertise.tasks.route_question", args=(42,), **fields):
    now = timezone.now()
    return DBTaskResult.objects.create(
        status="FAILED",
        task_path=task_path,
        args_kwargs={"args": list(args), "kwargs": fields.pop("kwargs", {})},
        backend_name="default",
        run_after=now,
        finished_at=now,
        exception_class_path="builtins.RuntimeError",
        traceback="Traceback (most recent call last):\n  ...\nRuntimeError: the routing broke\n",
        worker_ids=["w1"],
        **fields,
    )


@pytest.mark.django_db(transaction=True)
def test_a_task_that_failed_in_the_worker_is_listed_and_retried_once(
    database_queue, staff_client, monkeypatch
):
    calls = []

    def broken(*, thread_id, limit=3):
        calls.append(thread_id)
        raise RuntimeError("the expert index is unreachable")

    monkeypatch.setattr(expertise, "question_route", broken)
    route_question.enqueue(4242)
    run_worker()
    [failed] = DBTaskResult.objects.failed()

    page = staff_client.get(PAGE)
    text = page.content.decode()
    assert page.status_code == 200
    assert "route_question" in text
    assert "<code>4242</code>" in text
    assert "RuntimeError: the expert index is unreachable" in text
    assert f"/operations/tasks/{failed.pk}/retry/" in text

    monkeypatch.setattr(expertise, "question_route", lambda *, thread_id, limit=3: 0)
    response = staff_client.post(f"/operations/tasks/{failed.pk}/retry/")
    assert response.status_code == 302
    assert staff_client.post(f"/operations/tasks/{failed.pk}/retry/").status_code == 409

    queued = DBTaskResult.objects.ready()
    assert [(row.task_path, row.args_kwargs["args"]) for row in queued] == [
        ("groundswell.expertise.tasks.route_question", [4242])
    ]
    run_worker()
    assert DBTaskResult.objects.successful().count() == 1
    assert DBTaskResult.objects.failed().count() == 1  # the failure stays, for the record
    assert calls == [4242]
    event = Event.objects.get(verb=Verb.RETRIED_TASK)
    assert event.data == {"task_result_id": str(failed.pk), "task": failed.task_path}
    assert "Retried" in staff_client.get(PAGE).content.decode()


def test_only_administrators_see_failed_tasks(client, db):
    failed_row()
    client.force_login(PersonFactory(username="colleague"))
    assert client.get(PAGE).status_code == 403
    assert client.get(API).status_code == 403
    assert client.post(f"/operations/tasks/{failed_row().pk}/retry/").status_code == 403
    assert not Event.objects.filter(verb=Verb.RETRIED_TASK).exists()


def test_the_api_lists_failures_newest_first(staff_client):
    older = failed_row(args=(1,))
    DBTaskResult.objects.filter(pk=older.pk).update(
        finished_at=timezone.now() - timezone.timedelta(hours=1)
    )
    newer = failed_row(
        task_path="groundswell.notifications.tasks.send_notification_email",
        args=(7,),
        kwargs={"attempt": 3},
    )
    DBTaskResult.objects.create(
        status="SUCCESSFUL",
        task_path="groundswell.analytics.tasks.apply_event",
        args_kwargs={"args": [1], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now(),
    )

    body = staff_client.get(API).json()

    assert [item["id"] for item in body["items"]] == [str(newer.pk), str(older.pk)]
    first = body["items"][0]
    assert first["name"] == "send_notification_email"
    assert first["args"] == [7]
    assert first["attempt"] == 3
    assert first["error"] == "RuntimeError: the routing broke"
    assert first["retried"] is False


def test_arguments_that_are_not_ids_are_not_shown(staff_client):
    failed_row(args=(5, "someone's private words", [1, 2]))
    body = staff_client.get(API).json()
    assert body["items"][0]["args"] == [5, "…", [1, 2]]
    assert "private words" not in staff_client.get(PAGE).content.decode()


def test_the_list_is_paginated(staff_client, settings):
    for n in range(3):
        failed_row(args=(n,))
    body = staff_client.get(API, {"per_page": 2}).json()
    assert len(body["items"]) == 2
    assert body["has_next"] is True
    assert len(staff_client.get(API, {"per_page": 2, "page": 2}).json()["items"]) == 1


def test_a_task_that_no_longer_exists_is_not_retried(staff_client):
    gone = failed_row(task_path="groundswell.removed.tasks.old_task")
    foreign = failed_row(task_path="some_library.tasks.job")

    assert "/retry/" not in staff_client.get(PAGE).content.decode()
    assert staff_client.post(f"/operations/tasks/{gone.pk}/retry/").status_code == 400
    assert staff_client.post(f"/operations/tasks/{foreign.pk}/retry/").status_code == 400


def test_retrying_an_unknown_task_is_not_found(staff_client):
    missing = "00000000-0000-0000-0000-000000000000"
    assert staff_client.post(f"/operations/tasks/{missing}/retry/").status_code == 404


def test_the_account_page_links_administrators_to_failed_tasks(client, staff_client):
    assert PAGE in staff_client.get("/account/").content.decode()
    client.logout()
    client.force_login(PersonFactory(username="colleague"))
    assert PAGE not in client.get("/account/").content.decode()

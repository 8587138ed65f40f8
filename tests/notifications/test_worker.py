"""The production path: tasks queued in the database after commit and run by
`groundswell db_worker`, with failed attempts kept and retried later, a bounded number of
times."""

from datetime import timedelta
from smtplib import SMTPException

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from groundswell.activity.models import Event, Verb
from groundswell.notifications.models import Kind, Notification
from groundswell.notifications.tasks import MAX_ATTEMPTS, send_notification_email
from groundswell.threads import services as threads
from tests.notifications.conftest import notified
from tests.task_worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def task_names() -> list[str]:
    # The notification tasks only: questions also queue expertise and routing work.
    names = (row.task_path.rsplit(".", 1)[-1] for row in DBTaskResult.objects.all())
    return sorted(name for name in names if name in {"deliver_event", "send_notification_email"})


def test_the_worker_delivers_what_the_request_queued(database_queue, depot):
    question = threads.thread_create(
        author=depot["driver"], space=depot["lounge"], kind="question", title="Labels?", body=""
    )
    threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")
    # The request only queued the fan-outs, with the events' ids as the only arguments.
    events = Event.objects.filter(verb__in=[Verb.ASKED, Verb.ANSWERED]).order_by("id")
    queued = DBTaskResult.objects.filter(task_path__endswith=".deliver_event")
    assert task_names() == ["deliver_event", "deliver_event"]
    assert sorted(row.args_kwargs["args"][0] for row in queued) == [e.pk for e in events]
    assert Notification.objects.count() == 0

    run_worker()
    [notification] = notified(depot["driver"])
    assert notification.kind == Kind.ANSWER
    assert [m.to for m in mail.outbox] == [["dana@example.com"]]
    assert task_names() == ["deliver_event", "deliver_event", "send_notification_email"]
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}

    run_worker()  # nothing left to do: no second notification or email
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_failed_email_stays_visible_and_is_retried_later_a_bounded_number_of_times(
    database_queue, depot, monkeypatch
):
    question = threads.thread_create(
        author=depot["driver"], space=depot["lounge"], kind="question", title="Labels?", body=""
    )

    def refuse(*args, **kwargs):
        raise SMTPException("421 try again later")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")
    run_worker()
    [failed] = DBTaskResult.objects.filter(status="FAILED")
    assert failed.task_path.endswith("send_notification_email")
    assert failed.exception_class_path == "smtplib.SMTPException"
    [retry] = DBTaskResult.objects.filter(status="READY")
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert timezone.now() < retry.run_after < timezone.now() + timedelta(hours=1)
    assert mail.outbox == []

    # The last attempt fails without queueing another.
    notification = Notification.objects.get()
    with pytest.raises(SMTPException):
        send_notification_email.call(notification.pk, attempt=MAX_ATTEMPTS)
    assert DBTaskResult.objects.filter(status="READY").count() == 1

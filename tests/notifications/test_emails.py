"""Immediate emails, digests and unsubscribing (Django's in-memory outbox; the real SMTP path
is in test_smtp.py)."""

import re
from datetime import timedelta
from io import StringIO
from smtplib import SMTPException

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from groundswell.notifications import services
from groundswell.notifications.models import Digest, Kind, Notification, NotificationPreference
from groundswell.notifications.tasks import send_notification_email
from groundswell.notifications.tokens import unsubscribe_token
from groundswell.spaces.models import Membership
from groundswell.threads import services as threads
from groundswell.threads.models import Follow
from tests.notifications.conftest import make_notifications, notified

pytestmark = pytest.mark.django_db


def choose(person, email: str) -> None:
    services.preference_set(person=person, email=email)


def to(person):
    return [m for m in mail.outbox if m.to == [person.email]]


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


# --- immediate ------------------------------------------------------------------------------


def test_an_answer_is_emailed_to_the_asker_at_once(depot, question, committed, settings):
    settings.SITE_URL = "https://learn.example.com"
    Follow.objects.create(follower=depot["loader"], thread=question)
    with committed():
        threads.reply_create(author=depot["lead"], thread=question, body="Use **UN3481** & co.")
    [message] = mail.outbox  # the follower's notification is not direct: no email
    assert message.to == ["dana@example.com"]
    assert message.subject == (
        "Wes Warehouse answered your question: How do I label lithium batteries?"
    )
    [notification] = notified(depot["driver"])
    link = f"https://learn.example.com/notifications/{notification.pk}/"
    assert link in message.body
    assert "Use **UN3481** & co." in message.body  # plain text is not HTML-escaped
    html = html_of(message)
    assert f'href="{link}"' in html
    assert "Use **UN3481** &amp; co." in html
    unsubscribe = (
        f"https://learn.example.com/notifications/unsubscribe/{unsubscribe_token(depot['driver'])}/"
    )
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body
    assert unsubscribe in html
    assert notified(depot["driver"])[0].emailed_at is not None


def test_email_escapes_everything_people_wrote(depot, committed):
    depot["lead"].display_name = '<img src=x onerror="alert(1)">'
    depot["lead"].save()
    with committed():
        thread = threads.thread_create(
            author=depot["driver"],
            space=depot["lounge"],
            kind="question",
            title="<script>alert('title')</script>",
            body="",
        )
        threads.reply_create(author=depot["lead"], thread=thread, body="<b>bold</b> <script>x")
    # The asker's email about the answer (experts may also have been sent the question).
    html = html_of(next(m for m in mail.outbox if depot["driver"].email in m.to))
    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


@pytest.mark.parametrize("choice", ["daily", "weekly", "never"])
def test_people_who_chose_otherwise_get_no_immediate_email(depot, question, committed, choice):
    choose(depot["driver"], choice)
    with committed():
        threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")
    assert len(notified(depot["driver"])) == 1
    assert mail.outbox == []


def test_every_direct_kind_is_emailed(depot, question, committed):
    with committed():
        answer = threads.reply_create(author=depot["lead"], thread=question, body="Ask @kim.")
        threads.reply_accept(person=depot["driver"], reply=answer)
    subjects = sorted(m.subject.split(":")[0] for m in mail.outbox)
    assert subjects == [
        "Dana Driver accepted your answer",
        "Wes Warehouse answered your question",
        "Wes Warehouse mentioned you",
    ]


def test_running_the_email_task_twice_sends_one_email(depot, question, committed):
    choose(depot["driver"], "never")
    with committed():
        threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")
    choose(depot["driver"], "immediately")
    [notification] = notified(depot["driver"])
    first = send_notification_email.enqueue(notification.pk)
    second = send_notification_email.enqueue(notification.pk)
    assert (first.return_value, second.return_value) == ("sent", "already sent")
    assert len(mail.outbox) == 1


def test_no_email_about_what_the_recipient_can_no_longer_see(depot, private_question, committed):
    choose(depot["driver"], "never")
    with committed():
        threads.reply_create(author=depot["lead"], thread=private_question, body="Noted.")
    choose(depot["driver"], "immediately")
    Membership.objects.filter(space=depot["cohort"], person=depot["driver"]).delete()
    [notification] = notified(depot["driver"])
    assert services.notification_email_send(notification_id=notification.pk) == "skipped"
    assert mail.outbox == []


def test_a_failing_mail_server_releases_the_email_for_a_retry(
    depot, question, committed, monkeypatch
):
    choose(depot["driver"], "never")
    with committed():
        threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")
    choose(depot["driver"], "immediately")
    [notification] = notified(depot["driver"])

    def refuse(*args, **kwargs):
        raise SMTPException("421 try again later")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    result = send_notification_email.enqueue(notification.pk)
    assert result.status == "FAILED"
    assert result.errors[0].exception_class_path == "smtplib.SMTPException"
    notification.refresh_from_db()
    assert notification.emailed_at is None
    monkeypatch.undo()
    assert send_notification_email.enqueue(notification.pk).return_value == "sent"
    assert len(mail.outbox) == 1


# --- digests --------------------------------------------------------------------------------


def run_digests(period: str) -> str:
    out = StringIO()
    call_command("send_digests", "--period", period, stdout=out)
    return out.getvalue()


def test_the_daily_digest_is_sent_once_a_day(depot, question, committed):
    choose(depot["driver"], "daily")
    with committed():
        threads.reply_create(author=depot["lead"], thread=question, body="UN3481 label.")
        threads.reply_create(author=depot["loader"], thread=question, body="Ask the depot.")
    assert mail.outbox == []
    assert "1 sent" in run_digests("daily")
    [digest] = mail.outbox
    assert digest.to == ["dana@example.com"]
    assert digest.subject == "Your daily Groundswell digest: 2 new"
    assert "Wes Warehouse answered your question" in digest.body
    assert "Kim Loader answered your question" in digest.body
    assert "UN3481 label." in digest.body
    html = html_of(digest)
    assert "Kim Loader answered your question" in html
    assert digest.extra_headers["List-Unsubscribe"].startswith("<http")
    assert "1 already sent" in run_digests("daily")
    assert len(mail.outbox) == 1
    assert run_digests("weekly").startswith("weekly digests: 0 sent")
    [record] = Digest.objects.all()
    assert (record.period, record.notification_count) == ("daily", 2)
    assert record.sent_at is not None


def test_the_weekly_digest_goes_to_weekly_people_only(depot, question, committed):
    choose(depot["driver"], "weekly")
    choose(depot["loader"], "daily")
    Follow.objects.create(follower=depot["loader"], thread=question)
    with committed():
        threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")
    run_digests("weekly")
    assert [m.to for m in mail.outbox] == [["dana@example.com"]]
    assert mail.outbox[0].subject == "Your weekly Groundswell digest: 1 new"
    run_digests("weekly")
    assert len(mail.outbox) == 1


def test_a_digest_holds_only_new_unread_visible_notifications(
    depot, question, private_question, committed
):
    choose(depot["driver"], "daily")
    with committed():
        threads.reply_create(author=depot["lead"], thread=private_question, body="Secret.")
        threads.reply_create(author=depot["lead"], thread=question, body="Public.")
    read = make_notifications(depot["driver"], question, 1, actor=depot["loader"])[0]
    services.notification_mark_read(person=depot["driver"], notification=read)
    Membership.objects.filter(space=depot["cohort"], person=depot["driver"]).delete()
    run_digests("daily")
    [digest] = mail.outbox
    assert digest.subject == "Your daily Groundswell digest: 1 new"
    assert "PRIVATE-CANARY" not in digest.body + html_of(digest)
    assert "Kim Loader" not in digest.body


def test_the_next_digest_covers_what_arrived_since_the_last_one(depot, question, committed):
    choose(depot["driver"], "daily")
    with committed():
        threads.reply_create(author=depot["lead"], thread=question, body="First.")
    tomorrow = timezone.now() + timedelta(days=1)
    assert services.digests_send(period="daily").sent == 1
    assert services.digests_send(period="daily", now=tomorrow).nothing_new == 1
    with committed():
        threads.reply_create(author=depot["loader"], thread=question, body="Second.")
    Notification.objects.filter(kind=Kind.ANSWER, reply__body="Second.").update(
        created_at=tomorrow + timedelta(hours=1)
    )
    run = services.digests_send(period="daily", now=tomorrow + timedelta(days=1))
    assert run.sent == 1
    assert "Second." in mail.outbox[-1].body
    assert "First." not in mail.outbox[-1].body


def test_nobody_without_the_digest_choice_gets_one(depot, question, committed):
    with committed():
        threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")
    mail.outbox.clear()
    assert run_digests("daily").startswith("daily digests: 0 sent, 0 with nothing new")
    assert mail.outbox == []


# --- unsubscribe ----------------------------------------------------------------------------


def test_the_unsubscribe_link_works_without_signing_in_and_asks_first(depot):
    client = Client(enforce_csrf_checks=True)
    url = f"/notifications/unsubscribe/{unsubscribe_token(depot['driver'])}/"
    page = client.get(url)
    assert page.status_code == 200
    assert b"Stop notification emails?" in page.content
    assert b"dana" in page.content
    assert not NotificationPreference.objects.filter(person=depot["driver"]).exists()
    done = client.post(url)
    assert done.status_code == 200
    assert b"You will get no more notification emails" in done.content
    assert NotificationPreference.objects.get(person=depot["driver"]).email == "never"


def test_one_click_unsubscribe_from_a_mail_program(depot):
    token = unsubscribe_token(depot["lead"])
    response = Client(enforce_csrf_checks=True).post(
        f"/notifications/unsubscribe/{token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert NotificationPreference.objects.get(person=depot["lead"]).email == "never"


@pytest.mark.parametrize(
    "token", ["nonsense", "eyJ1bnN1YnNjcmliZSI6MX0:1tXyzA:forged-signature-here"]
)
def test_a_bad_unsubscribe_token_is_not_found(depot, client, token):
    assert client.get(f"/notifications/unsubscribe/{token}/").status_code == 404
    assert client.post(f"/notifications/unsubscribe/{token}/").status_code == 404
    assert not NotificationPreference.objects.exists()


def test_a_token_from_another_purpose_does_not_unsubscribe(depot, client):
    from django.core import signing

    token = signing.dumps({"unsubscribe": depot["driver"].pk}, salt="something-else")
    assert client.post(f"/notifications/unsubscribe/{token}/").status_code == 404
    assert re.fullmatch(r"[\w:.-]+", unsubscribe_token(depot["driver"]))

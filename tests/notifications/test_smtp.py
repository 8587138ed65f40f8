"""Emails through a real SMTP conversation: aiosmtpd listens on 127.0.0.1 in a thread, Django's
SMTP backend talks to it, and the test reads what arrived — headers, both bodies, and an
unsubscribe link that works when followed."""

import socket
from email import message_from_bytes, policy
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import Client

from groundswell.notifications import services
from groundswell.notifications.models import NotificationPreference
from groundswell.threads import services as threads
from tests.notifications.conftest import notified

pytestmark = pytest.mark.django_db


class Inbox:
    """aiosmtpd handler that keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default))
        )
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "groundswell@learn.example.com"
    settings.SITE_URL = "https://learn.example.com"
    yield inbox
    controller.stop()


def _parts(message) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def _unsubscribe_path(message) -> str:
    header = str(message["List-Unsubscribe"]).strip()  # a long header arrives folded
    assert header.startswith("<https://learn.example.com/") and header.endswith(">")
    return urlsplit(header[1:-1]).path


def test_an_immediate_email_and_a_digest_arrive_over_smtp(smtp_server, depot, question, committed):
    services.preference_set(person=depot["loader"], email="daily")
    with committed():
        threads.reply_create(
            author=depot["lead"], thread=question, body="The UN3481 label, @kim knows <why>."
        )

    # The asker is emailed at once.
    [(recipients, message)] = smtp_server.messages
    assert recipients == ["dana@example.com"]
    assert message["To"] == "dana@example.com"
    assert message["From"] == "groundswell@learn.example.com"
    assert message["Subject"] == (
        "Wes Warehouse answered your question: How do I label lithium batteries?"
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.is_multipart()
    text, html = _parts(message)
    [notification] = notified(depot["driver"])
    link = f"https://learn.example.com/notifications/{notification.pk}/"
    assert link in text
    assert f'href="{link}"' in html
    assert "@kim knows <why>." in text
    assert "@kim knows &lt;why&gt;." in html
    unsubscribe = _unsubscribe_path(message)
    assert f"https://learn.example.com{unsubscribe}" in text
    assert f"https://learn.example.com{unsubscribe}" in html

    # The mentioned loader chose a daily digest: nothing yet, then one digest, once.
    call_command("send_digests", "--period", "daily")
    call_command("send_digests", "--period", "daily")
    assert len(smtp_server.messages) == 2
    recipients, digest = smtp_server.messages[1]
    assert recipients == ["kim@example.com"]
    assert digest["Subject"] == "Your daily Groundswell digest: 1 new"
    text, html = _parts(digest)
    assert "Wes Warehouse mentioned you: How do I label lithium batteries?" in text
    assert "Wes Warehouse mentioned you: How do I label lithium batteries?" in html

    # Following the digest's unsubscribe link, signed out, stops the emails.
    client = Client(enforce_csrf_checks=True)
    path = _unsubscribe_path(digest)
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 200
    assert NotificationPreference.objects.get(person=depot["loader"]).email == "never"

"""GET /api/v1/xapi/statements: administrators only, paged, with `since`."""

from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.threads import services as threads
from groundswell.xapi.models import StatementOutbox
from groundswell.xapi.services import outbox_build
from tests.factories import PersonFactory, ThreadFactory
from tests.xapi.validation import assert_valid_statement

URL = "/api/v1/xapi/statements"


@pytest.fixture
def statements(member, private_space, open_space):
    for n in range(5):
        threads.thread_create(
            author=member, space=private_space, kind="question", title=f"Private {n}", body="b"
        )
    outbox_build()
    return list(StatementOutbox.objects.order_by("pk"))


def test_administrators_page_through_all_statements(client, admin_person, statements):
    client.force_login(admin_person)
    first = client.get(URL, {"per_page": 3}).json()
    second = client.get(URL, {"per_page": 3, "page": 2}).json()
    assert first["has_next"] is True and second["has_next"] is False
    items = first["items"] + second["items"]
    assert [s["id"] for s in items] == [str(row.statement_id) for row in statements]
    for statement in items:
        assert_valid_statement(statement)
    # Private-space titles are included: the export is an organisational record for admins.
    assert items[0]["object"]["definition"]["name"] == {"en": "Private 0"}


def test_since_keeps_recent_statements(client, admin_person, statements):
    client.force_login(admin_person)
    StatementOutbox.objects.filter(pk__in=[r.pk for r in statements[:3]]).update(
        created_at=timezone.now() - timedelta(days=2)
    )
    since = (timezone.now() - timedelta(days=1)).isoformat()
    items = client.get(URL, {"since": since}).json()["items"]
    assert [s["id"] for s in items] == [str(r.statement_id) for r in statements[3:]]


def test_skipped_events_are_not_exported(client, admin_person, db):
    asker = PersonFactory()
    thread = ThreadFactory(author=asker, is_anonymous=True, kind="question")
    threads.bookmark_add(person=asker, thread=thread)  # not exported either
    event_record(actor=asker, verb=Verb.ASKED, target=thread, thread=thread, space=thread.space)
    outbox_build()
    client.force_login(admin_person)
    assert client.get(URL).json()["items"] == []


@pytest.mark.parametrize("who", ["member", "moderator", "outsider"])
def test_everyone_else_is_refused(client, statements, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(URL)
    assert response.status_code == 403
    assert "Private" not in response.content.decode()


def test_staff_without_superuser_may_export(client, statements):
    client.force_login(PersonFactory(is_staff=True))
    assert len(client.get(URL).json()["items"]) == 5


def test_anonymous_needs_to_sign_in(client, statements):
    assert client.get(URL).status_code == 401

"""The outbox: built idempotently from events, forwarded to a real (test) LRS exactly once."""

import base64
import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from groundswell import outbound
from groundswell.activity.models import Verb
from groundswell.threads import services as threads
from groundswell.xapi.models import StatementOutbox
from groundswell.xapi.services import outbox_build, outbox_forward
from groundswell.xapi.statements import statement_id_for
from groundswell.xapi.tasks import sync_statements
from tests.factories import MembershipFactory, PersonFactory, SpaceFactory
from tests.xapi.lrs import PASSWORD, USERNAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(db):
    """Five exported events (3 questions, 2 answers) and one that is not (a bookmark)."""
    space = SpaceFactory()
    asker, helper = PersonFactory(username="asker"), PersonFactory(username="helper")
    MembershipFactory(space=space, person=asker)
    MembershipFactory(space=space, person=helper)
    questions = [
        threads.thread_create(author=asker, space=space, kind="question", title=f"Q{n}", body="b")
        for n in range(3)
    ]
    for question in questions[:2]:
        threads.reply_create(author=helper, thread=question, body="a")
    threads.bookmark_add(person=helper, thread=questions[2])
    return questions


def _read_back(lrs) -> list[dict]:
    """GET the statements from the LRS over HTTP, as any LRS client would."""
    credentials = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
    response = outbound.request(
        "GET",
        f"{lrs.endpoint}/statements",
        headers={"X-Experience-API-Version": "1.0.3", "Authorization": f"Basic {credentials}"},
    )
    assert response.status == 200
    return json.loads(response.body)["statements"]


def test_build_is_idempotent(activity):
    assert outbox_build() == 5
    assert outbox_build() == 0
    assert StatementOutbox.objects.filter(skipped=False).count() == 5
    for row in StatementOutbox.objects.all():
        assert row.statement_id == statement_id_for(row.event_id)


def test_build_in_small_batches_covers_everything(activity):
    assert outbox_build(batch_size=2) == 5


def test_forwarded_statements_read_back_from_the_lrs(activity, lrs):
    call_command("xapi_build")
    call_command("xapi_forward")
    stored = {s["id"]: s for s in _read_back(lrs)}
    rows = StatementOutbox.objects.filter(skipped=False).select_related("event", "event__actor")
    assert set(stored) == {str(row.statement_id) for row in rows}
    for row in rows:
        statement = stored[str(row.statement_id)]
        assert statement["actor"]["account"]["name"] == row.event.actor.username
        assert statement["timestamp"] == row.event.created_at.isoformat()
        assert statement["verb"]["id"].rsplit("/", 1)[1] == row.event.verb  # asked / answered
        assert row.sent_at is not None and row.attempts == 0
    assert {s["verb"]["id"] for s in stored.values()} == {
        "http://adlnet.gov/expapi/verbs/asked",
        "http://adlnet.gov/expapi/verbs/answered",
    }


def test_forwarding_twice_sends_nothing_new(activity, lrs):
    outbox_build()
    assert outbox_forward() == 5
    requests = len(lrs.lrs.requests)
    assert outbox_forward() == 0
    assert len(lrs.lrs.requests) == requests
    assert len(lrs.lrs.statements) == 5


def test_new_events_are_sent_in_the_next_run_only(activity, lrs):
    outbox_build()
    outbox_forward()
    threads.thread_create(
        author=activity[0].author, space=activity[0].space, kind="question", title="New", body="b"
    )
    assert sync_statements.call() == {"built": 1, "sent": 1}
    assert lrs.lrs.requests[-1] == ("POST", 1)
    assert len(lrs.lrs.statements) == 6


def test_crash_after_the_lrs_stored_a_batch_does_not_duplicate(activity, lrs):
    outbox_build()
    lrs.lrs.fail_next_after_store = 1
    assert outbox_forward(batch_size=3) == 2  # first batch "failed", second went through
    failed = StatementOutbox.objects.filter(sent_at__isnull=True, skipped=False)
    assert failed.count() == 3
    assert all(row.attempts == 1 and "500" in row.last_error for row in failed)
    # The LRS kept the first batch although it answered 500.
    assert len(lrs.lrs.statements) == 5
    # Retry as soon as the back-off allows: the same ids and content go again, the LRS
    # ignores them, and every row ends up sent exactly once.
    failed.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert outbox_forward() == 3
    assert len(lrs.lrs.statements) == 5
    assert not StatementOutbox.objects.filter(sent_at__isnull=True, skipped=False).exists()


def test_a_conflict_falls_back_to_one_by_one_and_counts_409_as_sent(activity, lrs):
    outbox_build()
    first = StatementOutbox.objects.filter(skipped=False).first()
    # The LRS already holds this id with other content (e.g. an earlier export format).
    lrs.lrs.statements[str(first.statement_id)] = {**first.statement, "version": "1.0.0"}
    assert outbox_forward() == 5
    assert [method for method, _ in lrs.lrs.requests] == ["POST"] + ["PUT"] * 5
    assert len(lrs.lrs.statements) == 5


def test_retries_are_bounded_and_backed_off(activity, lrs, settings):
    settings.XAPI_MAX_ATTEMPTS = 3
    outbox_build()
    lrs.lrs.fail_next_before_store = 100
    rows = StatementOutbox.objects.filter(skipped=False)
    delays = []
    for _ in range(5):
        before = timezone.now()
        outbox_forward()
        row = rows.first()
        if row.next_attempt_at:
            delays.append((row.next_attempt_at - before).total_seconds())
        rows.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert all(row.attempts == 3 and "503" in row.last_error for row in rows)
    assert delays[0] < delays[1] < delays[2]  # exponential back-off
    assert len(lrs.lrs.requests) == 3  # given up after three attempts
    assert lrs.lrs.statements == {}


def test_unreachable_lrs_is_recorded_not_raised(activity, settings):
    settings.XAPI_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI"  # discard port: nothing listens
    settings.OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    outbox_build()
    assert outbox_forward() == 0
    row = StatementOutbox.objects.filter(skipped=False).first()
    assert row.attempts == 1 and "Connection" in row.last_error


def test_loopback_lrs_is_refused_unless_allowed(activity, lrs, settings):
    settings.OUTBOUND_ALLOWED_HOSTS = []
    outbox_build()
    assert outbox_forward() == 0
    assert lrs.lrs.requests == []
    assert "non-public" in StatementOutbox.objects.filter(skipped=False).first().last_error


def test_bad_credentials_are_a_visible_failure(activity, lrs, settings):
    settings.XAPI_LRS_PASSWORD = "wrong"
    outbox_build()
    assert outbox_forward() == 0
    assert "401" in StatementOutbox.objects.filter(skipped=False).first().last_error


def test_no_endpoint_means_nothing_is_sent(activity, settings):
    settings.XAPI_LRS_ENDPOINT = ""
    outbox_build()
    assert outbox_forward() == 0
    assert StatementOutbox.objects.filter(attempts__gt=0).count() == 0


def test_only_exported_verbs_get_statements(activity):
    outbox_build()
    verbs = set(StatementOutbox.objects.values_list("event__verb", flat=True))
    assert verbs == {Verb.ASKED, Verb.ANSWERED}


def test_administrators_can_retry_statements_that_gave_up(activity, lrs, settings, admin_client):
    settings.XAPI_MAX_ATTEMPTS = 1
    outbox_build()
    lrs.lrs.fail_next_before_store = 1
    assert outbox_forward() == 0
    assert outbox_forward() == 0  # gave up
    listing = admin_client.get("/admin/xapi/statementoutbox/")
    assert listing.status_code == 200 and "503" in listing.content.decode()
    ids = list(StatementOutbox.objects.filter(skipped=False).values_list("pk", flat=True))
    admin_client.post("/admin/xapi/statementoutbox/", {"action": "retry", "_selected_action": ids})
    assert outbox_forward() == 5
    assert len(lrs.lrs.statements) == 5


def test_forward_command_needs_an_endpoint(activity, settings):
    settings.XAPI_LRS_ENDPOINT = ""
    with pytest.raises(CommandError, match="XAPI_LRS_ENDPOINT"):
        call_command("xapi_forward")


def test_forward_command_reports_waiting_failures(activity, lrs, capsys):
    call_command("xapi_build")
    assert "5 statements built" in capsys.readouterr().out
    lrs.lrs.fail_next_before_store = 1
    call_command("xapi_forward")
    assert "0 statements sent; 5 waiting after failed attempts" in capsys.readouterr().out

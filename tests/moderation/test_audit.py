"""The audit log: administrators only, filters, CSV export, and no unmasking of anonymous
askers."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.activity.models import Event, Verb
from groundswell.activity.services import event_record
from groundswell.moderation import services
from groundswell.threads.models import Thread
from tests.factories import SpaceFactory

pytestmark = pytest.mark.django_db


def _table(response) -> str:
    """The audit table's rows (the filter's options name every verb too)."""
    text = response.content.decode()
    return text.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in text else ""


def _rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.fixture
def audited(thread_a, thread_b, reply_a, flaggers, mod_a, mod_b):
    services.flag_create(flagger=flaggers[0], thread=thread_a, reason="spam")
    services.flags_resolve(moderator=mod_a, thread=thread_a, action="dismiss", note="ok")
    services.post_hide(moderator=mod_a, thread=thread_a, reply=reply_a, note="rude")
    services.thread_set_locked(moderator=mod_b, thread=thread_b, locked=True)
    # Not an audited verb: never listed.
    event_record(actor=flaggers[1], verb=Verb.VOTED, thread=thread_a)


def test_lists_moderation_events_newest_first(client_as, admin, audited):
    page = _table(client_as(admin).get("/moderation/audit/"))
    for label in ("flagged a post", "resolved a flag", "hid a post", "locked a thread"):
        assert label in page
    assert "voted" not in page
    assert page.index("locked a thread") < page.index("flagged a post")


def test_filters_by_verb_actor_and_day(client_as, admin, audited, mod_b):
    client = client_as(admin)
    by_verb = _table(client.get("/moderation/audit/", {"verb": "hid"}))
    assert "hid a post" in by_verb and "locked a thread" not in by_verb
    by_actor = _table(client.get("/moderation/audit/", {"actor": mod_b.username}))
    assert "locked a thread" in by_actor and "hid a post" not in by_actor
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    later = client.get("/moderation/audit/", {"since": tomorrow}).content.decode()
    assert "No audited actions match." in later
    today = timezone.localdate().isoformat()
    same_day = client.get("/moderation/audit/", {"since": today, "until": today})
    assert "hid a post" in _table(same_day)
    # A malformed filter is ignored rather than an error.
    assert client.get("/moderation/audit/", {"since": "yesterday"}).status_code == 200


def test_paginates(settings, client_as, admin, audited):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "PAGE_SIZE": 2}
    first = client_as(admin).get("/moderation/audit/").content.decode()
    assert 'rel="next"' in first


def test_csv_export_follows_the_filters(client_as, admin, audited, mod_a):
    rows = _rows(client_as(admin).get("/moderation/audit/export.csv", {"actor": mod_a.username}))
    assert rows[0] == ["at", "verb", "actor", "object", "space", "thread_id", "subject", "details"]
    assert {row[1] for row in rows[1:]} == {"resolved_flag", "hid"}
    assert all(row[2] == mod_a.username for row in rows[1:])


def test_csv_cells_cannot_run_as_formulas(client_as, admin, author, flaggers, mod_a):
    space = SpaceFactory(name='=HYPERLINK("http://evil")', slug="formula")
    from groundswell.threads import services as threads

    thread = threads.thread_create(author=author, space=space, title="t", body="b")
    services.post_hide(moderator=admin, thread=thread)
    rows = _rows(client_as(admin).get("/moderation/audit/export.csv"))
    assert rows[1][4] == '\'=HYPERLINK("http://evil")'


def test_anonymous_askers_are_never_named(client_as, admin, author, thread_a, reply_a, mod_a):
    Thread.objects.filter(pk=thread_a.pk).update(is_anonymous=True)
    thread_a.refresh_from_db()
    # The asker flags a reply to their own anonymous question…
    services.flag_create(flagger=author, thread=thread_a, reply=reply_a, reason="offensive")
    # …a moderator hides the question (its event names no subject)…
    services.post_hide(moderator=mod_a, thread=thread_a)
    # …and another app records an audited event naming the asker as subject.
    event_record(actor=mod_a, verb=Verb.HID_REVISION, thread=thread_a, subject=author)
    assert Event.objects.filter(verb=Verb.HID, subject__isnull=True).exists()
    page = client_as(admin).get("/moderation/audit/").content.decode()
    assert author.username not in page and author.name not in page
    assert "Anonymous" in page
    rows = _rows(client_as(admin).get("/moderation/audit/export.csv"))
    assert author.username not in str(rows)
    # The moderation queue does not name the asker as a flagger either.
    queue = client_as(mod_a).get("/moderation/").content.decode()
    assert author.name not in queue and "the asker" in queue


def test_audit_notes_render_inert(client_as, admin, thread_b, mod_b):
    services.post_hide(moderator=mod_b, thread=thread_b, note="<script>alert(1)</script>")
    page = client_as(admin).get("/moderation/audit/").content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page

"""The index follows every write in the write's own transaction, and can be rebuilt."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from groundswell.search.models import ThreadDocument
from groundswell.search.selectors import SearchFilters, search_threads
from groundswell.search.services import search_rebuild
from groundswell.threads import services as threads
from groundswell.threads.models import ThreadKind
from groundswell.threads.services import posts
from tests.factories import ReplyFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def found(person, text, **filters) -> list[str]:
    page = search_threads(person, text, filters=SearchFilters(**filters))
    return [result.thread.title for result in page]


def test_a_new_thread_is_found_at_once(post, member):
    post("Tail-lift stuck halfway", "What now?")
    assert found(member, "tail-lift") == ["Tail-lift stuck halfway"]


def test_an_edit_replaces_the_old_words(post, writer, member):
    thread = post("Tail-lift stuck", "What now?")
    threads.thread_edit(editor=writer, thread=thread, title="Roller door stuck", body="Help.")
    assert found(member, "tail") == []
    assert found(member, "roller door") == ["Roller door stuck"]


def test_replies_and_their_edits_are_found(post, helper, member):
    thread = post("Tail-lift stuck", "What now?")
    reply = threads.reply_create(author=helper, thread=thread, body="Press the reset button.")
    assert found(member, "reset button") == ["Tail-lift stuck"]
    threads.reply_edit(editor=helper, reply=reply, body="Call the workshop.")
    assert found(member, "reset button") == []
    assert found(member, "workshop") == ["Tail-lift stuck"]


def test_accepting_puts_the_answer_first_and_changes_the_status(post, writer, helper, member):
    question = post("Where do returns go?", kind=ThreadKind.QUESTION)
    threads.reply_create(author=writer, thread=question, body="Maybe the cage?")
    answer = threads.reply_create(author=helper, thread=question, body="Returns cage, bay 2.")
    assert found(member, "returns", status="accepted") == []
    threads.reply_accept(person=writer, reply=answer)
    assert found(member, "returns", status="accepted") == ["Where do returns go?"]
    assert ThreadDocument.objects.get(thread=question).body.startswith("Returns cage, bay 2.")
    threads.reply_unaccept(person=writer, thread=question)
    assert ThreadDocument.objects.get(thread=question).body.startswith("Maybe the cage?")


def test_the_index_is_written_in_the_same_transaction(post, member):
    with pytest.raises(RuntimeError), transaction.atomic():
        post("Rolled back tail-lift", "Never happened.")
        assert found(member, "rolled back") == ["Rolled back tail-lift"]
        raise RuntimeError("the request failed after posting")
    assert found(member, "rolled back") == []
    assert not ThreadDocument.objects.exists()


def test_a_failing_index_write_undoes_the_post(post, member, monkeypatch):
    def broken(thread):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(posts, "search_index_thread", broken)
    with pytest.raises(RuntimeError):
        post("Never posted", "Because the index failed.")
    assert not posts.Thread.objects.filter(title="Never posted").exists()


def test_rebuild_indexes_what_bypassed_the_services(open_space, member):
    thread = ThreadFactory(space=open_space, title="Bulk-loaded cold chain thread")
    ReplyFactory(thread=thread, body="Dry ice goes in the blue box.")
    assert found(member, "cold chain") == []
    summary = search_rebuild(batch_size=1)
    assert summary.threads == 1
    assert found(member, "dry ice") == ["Bulk-loaded cold chain thread"]


def test_rebuild_is_idempotent_and_repairs_a_lost_index(post, member):
    post("Cold chain basics", "Dry ice.")
    ThreadDocument.objects.all().delete()
    assert found(member, "cold chain") == []
    search_rebuild()
    search_rebuild()
    assert found(member, "cold chain") == ["Cold chain basics"]
    assert ThreadDocument.objects.count() == 1


def test_a_deleted_thread_leaves_the_index(post, member):
    thread = post("Cold chain basics", "Dry ice.")
    thread.delete()
    assert found(member, "cold chain") == []
    assert not ThreadDocument.objects.exists()


def test_the_rebuild_command_reports_progress_and_a_summary(post, open_space):
    for n in range(3):
        post(f"Thread {n}", "Text.")
    out = io.StringIO()
    call_command("rebuild_search", "--batch-size", "2", stdout=out)
    lines = out.getvalue().splitlines()
    assert "indexed 3 of 3 threads" in lines
    assert lines[-1].startswith("Search index rebuilt: 3 threads indexed in ")
    assert lines[-1].endswith(" s.")


def test_the_demo_seed_ends_with_a_searchable_index(db):
    out = io.StringIO()
    call_command("seed_demo", scale=0.05, stdout=out)
    assert "Search index:" in out.getvalue()
    threads_total = ThreadDocument.objects.count()
    assert threads_total == posts.Thread.objects.count() > 0

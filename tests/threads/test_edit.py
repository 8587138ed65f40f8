"""Editing threads and replies: who may, and the revisions that keep the history."""

import pytest

from groundswell.activity.models import Verb
from groundswell.errors import Forbidden, InvalidInput, NotFound
from groundswell.threads.models import Reply, Revision, Thread
from groundswell.threads.services import reply_create, reply_edit, thread_edit
from tests.activity.recording import event_mark, nothing_written, only_event_since


def test_the_author_edits_and_every_version_stays_in_the_revisions(member, discussion):
    mark = event_mark()

    thread_edit(
        editor=member,
        thread=discussion,
        title="Loading bay rules",
        body="*First* come",
        message="clearer",
    )

    thread = Thread.objects.get(pk=discussion.pk)
    assert (thread.title, thread.body) == ("Loading bay rules", "*First* come")
    assert thread.body_html == "<p><em>First</em> come</p>\n"
    history = list(Revision.objects.filter(thread=thread).order_by("id"))
    assert [(r.title, r.body) for r in history] == [
        ("Loading bay etiquette", "Who goes first?"),
        ("Loading bay rules", "*First* come"),
    ]
    assert history[-1].message == "clearer"
    only_event_since(
        mark, verb=Verb.EDITED, actor=member, target=thread, subject=member, thread=thread
    )


def test_topics_change_only_when_given(member, discussion):
    thread_edit(editor=member, thread=discussion, title="T", body="B", topics=["Depot", "depot"])
    assert [t.name for t in discussion.topics.all()] == ["depot"]
    thread_edit(editor=member, thread=discussion, title="T2", body="B2")
    assert [t.name for t in discussion.topics.all()] == ["depot"]


def test_someone_elses_edit_is_forbidden_and_changes_nothing(colleague, discussion):
    with nothing_written(), pytest.raises(Forbidden):
        thread_edit(editor=colleague, thread=discussion, title="Mine now", body="Hijacked")
    thread = Thread.objects.get(pk=discussion.pk)
    assert (thread.title, thread.body) == ("Loading bay etiquette", "Who goes first?")


def test_a_moderator_edits_anyones_thread(moderator, member, discussion):
    mark = event_mark()
    thread_edit(editor=moderator, thread=discussion, title="Tidied", body="Tidied body")
    assert Thread.objects.get(pk=discussion.pk).title == "Tidied"
    only_event_since(mark, verb=Verb.EDITED, actor=moderator, target=discussion, subject=member)


def test_an_outsider_cannot_find_a_private_thread_to_edit(outsider, private_thread):
    with nothing_written(), pytest.raises(NotFound):
        thread_edit(editor=outsider, thread=private_thread, title="x", body="y")


def test_an_invalid_edit_changes_nothing(member, discussion):
    with nothing_written(), pytest.raises(InvalidInput):
        thread_edit(editor=member, thread=discussion, title="ok", body="x" * 50_001)
    assert Thread.objects.get(pk=discussion.pk).body == "Who goes first?"


def test_reply_edits_keep_revisions(colleague, member, discussion):
    reply = reply_create(author=colleague, thread=discussion, body="v1")
    mark = event_mark()

    reply_edit(editor=colleague, reply=reply, body="v2", message="typo")

    assert Reply.objects.get(pk=reply.pk).body == "v2"
    assert list(
        Revision.objects.filter(reply=reply).order_by("id").values_list("body", flat=True)
    ) == [
        "v1",
        "v2",
    ]
    only_event_since(mark, verb=Verb.EDITED, actor=colleague, target=reply, subject=colleague)


def test_someone_elses_reply_edit_is_forbidden(colleague, member, discussion):
    reply = reply_create(author=colleague, thread=discussion, body="mine")
    with nothing_written(), pytest.raises(Forbidden):
        reply_edit(editor=member, reply=reply, body="yours")
    assert Reply.objects.get(pk=reply.pk).body == "mine"

"""Importing a hand-written dump: what lands where, with which dates, scores and attribution;
bad rows skipped and counted; a second run adds nothing."""

from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from groundswell.activity.models import Event, Verb
from groundswell.expertise.models import ExpertiseScore
from groundswell.people.models import Person
from groundswell.spaces.models import Space
from groundswell.stackexchange.dump import Dump, parse_tags
from groundswell.stackexchange.importer import stackexchange_import
from groundswell.stackexchange.models import ImportedPost
from groundswell.threads.models import Reply, Revision, Thread, ThreadKind
from groundswell.topics.models import Topic
from tests.stackexchange.dumps import tiny_dump

pytestmark = pytest.mark.django_db
SITE = "beer.stackexchange.com"


@pytest.fixture
def dump_dir(tmp_path):
    return tiny_dump(tmp_path / SITE)


def _thread(se_id) -> Thread:
    return Thread.objects.get(pk=ImportedPost.objects.get(se_id=se_id).thread_id)


def _reply(se_id) -> Reply:
    return Reply.objects.get(pk=ImportedPost.objects.get(se_id=se_id).reply_id)


def test_tags_in_both_spellings_are_normalised():
    assert parse_tags("<hops><Pale Ale><hops>") == ["hops", "pale-ale"]
    assert parse_tags("|beer|IPA|") == ["beer", "ipa"]
    assert parse_tags("") == []
    assert parse_tags("<a><b><c><d><e><f>") == ["a", "b", "c", "d", "e"]


def test_import_counts_and_summary(dump_dir):
    summary = stackexchange_import(directory=dump_dir, space_slug="beer")
    assert (summary.questions, summary.answers, summary.accepted) == (3, 4, 1)
    assert (summary.upvotes, summary.downvotes) == (5, 2)
    assert (summary.people_created, summary.topics_created) == (4, 5)
    assert (summary.comments_skipped, summary.other_posts_skipped) == (2, 1)
    assert summary.bad_rows == 5
    assert dict(summary.problems.counts) == {"Users.xml": 1, "Posts.xml": 3, "Votes.xml": 1}
    assert any("answer to a question not in the dump" in e for e in summary.problems.examples)
    assert Thread.objects.filter(kind=ThreadKind.QUESTION).count() == 3
    assert Reply.objects.count() == 4
    assert Space.objects.get(slug="beer").thread_count == 3


def test_questions_answers_and_the_accepted_answer(dump_dir):
    stackexchange_import(directory=dump_dir, space_slug="beer")
    question = _thread(10)
    assert question.title == "What are citra hops?"
    assert question.author.username == "se-1"
    assert question.author.display_name == "Alice Ale"
    assert not question.author.has_usable_password()
    assert question.accepted_reply == _reply(11)
    assert question.reply_count == 2
    assert {t.name for t in question.topics.all()} == {"hops", "pale-ale"}
    assert {t.name for t in _thread(13).topics.all()} == {"beer", "hops"}
    assert _reply(14).author.username == "se-deleted"  # a deleted account
    assert _reply(17).thread == _thread(18)  # read before its question
    assert Revision.objects.count() == 7


def test_dates_and_scores_come_from_the_dump(dump_dir):
    stackexchange_import(directory=dump_dir, space_slug="beer")
    question = _thread(10)
    assert question.created_at == datetime(2020, 1, 1, 12, 30, tzinfo=UTC)
    assert question.last_activity_at == datetime(2020, 1, 5, 8, tzinfo=UTC)
    assert _reply(11).created_at == datetime(2020, 1, 2, 8, tzinfo=UTC)
    assert (question.score, _reply(11).score, _reply(12).score) == (2, 2, -1)


def test_bodies_are_safe_markdown_with_attribution(dump_dir):
    stackexchange_import(directory=dump_dir, space_slug="beer")
    question = _thread(10)
    assert question.body.startswith("Tell me **about** citra.")
    assert "alert" not in question.body and "<script" not in question.body_html
    assert "<strong>about</strong>" in question.body_html
    assert "[beer.stackexchange.com/q/10](https://beer.stackexchange.com/q/10)" in question.body
    assert "[Alice Ale](https://beer.stackexchange.com/users/1)" in question.body
    assert "CC BY-SA 3.0" in question.body
    assert "CC BY-SA 4.0" in _reply(11).body
    assert "Ghost Brewer" in _reply(14).body
    description = Space.objects.get(slug="beer").description
    assert SITE in description
    assert "CC BY-SA" in description
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in description


def test_events_keep_the_original_dates(dump_dir):
    stackexchange_import(directory=dump_dir, space_slug="beer")
    counts = {verb: Event.objects.filter(verb=verb).count() for verb in Verb.values}
    assert {v: n for v, n in counts.items() if n} == {
        Verb.ASKED: 3,
        Verb.ANSWERED: 4,
        Verb.VOTED: 7,
        Verb.ACCEPTED: 1,
    }
    asked = Event.objects.get(verb=Verb.ASKED, object_id=_thread(10).pk)
    assert asked.created_at == datetime(2020, 1, 1, 12, 30, tzinfo=UTC)
    assert asked.actor.username == "se-1"
    assert sorted(asked.topic_ids) == sorted(
        Topic.objects.filter(name__in=["hops", "pale-ale"]).values_list("pk", flat=True)
    )
    accepted = Event.objects.get(verb=Verb.ACCEPTED)
    assert (accepted.actor.username, accepted.subject.username) == ("se-1", "se-2")
    assert accepted.created_at == datetime(2020, 1, 5, tzinfo=UTC)
    votes = Event.objects.filter(verb=Verb.VOTED)
    assert not votes.filter(actor__isnull=False).exists()  # dump votes are anonymous
    assert sorted(e.data["value"] for e in votes) == [-1, -1, 1, 1, 1, 1, 1]


def test_a_second_run_adds_nothing(dump_dir):
    stackexchange_import(directory=dump_dir, space_slug="beer")
    before = (
        Thread.objects.count(),
        Reply.objects.count(),
        Person.objects.count(),
        Topic.objects.count(),
        Event.objects.count(),
        Revision.objects.count(),
        list(Thread.objects.order_by("pk").values_list("score", "reply_count", "accepted_reply")),
    )
    again = stackexchange_import(directory=dump_dir, space_slug="beer")
    assert (again.questions, again.answers, again.people_created, again.events) == (0, 0, 0, 0)
    assert again.already_imported == 7
    after = (
        Thread.objects.count(),
        Reply.objects.count(),
        Person.objects.count(),
        Topic.objects.count(),
        Event.objects.count(),
        Revision.objects.count(),
        list(Thread.objects.order_by("pk").values_list("score", "reply_count", "accepted_reply")),
    )
    assert after == before


def test_an_existing_space_is_used_as_it_is(dump_dir, open_space):
    summary = stackexchange_import(directory=dump_dir, space_slug=open_space.slug)
    assert not summary.space_created
    assert Thread.objects.filter(space=open_space).count() == 3
    assert Space.objects.get(pk=open_space.pk).description == open_space.description


def test_the_command_imports_and_rebuilds_expertise(dump_dir, capsys):
    call_command("import_stackexchange", str(dump_dir), "--space", "beer")
    output = capsys.readouterr()
    assert "Imported beer.stackexchange.com into new space 'beer'" in output.out
    assert "3 questions, 4 answers" in output.out
    assert "5 bad rows" in output.out
    assert "skipped: Posts.xml row 15: answer to a question not in the dump" in output.err
    bob = Person.objects.get(username="se-2")
    row = ExpertiseScore.objects.get(person=bob, topic__name="hops")
    assert (row.accepted_answers, row.answers, row.upvotes) == (1, 1, 2)


def test_the_command_refuses_what_is_not_a_dump(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a Stack Exchange dump"):
        call_command("import_stackexchange", str(tmp_path), "--space", "beer")
    (tmp_path / "Posts.xml").write_text("<posts><row Id='1'", encoding="utf-8")
    with pytest.raises(CommandError, match="not well-formed"):
        call_command("import_stackexchange", str(tmp_path), "--space", "beer")


def test_a_dump_with_a_dtd_is_refused(tmp_path):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE posts [<!ENTITY a "aaaaaaaaaa">]>'
        "<posts><row Id='1' PostTypeId='1' Title='&a;' /></posts>"
    )
    (tmp_path / "Posts.xml").write_text(bomb, encoding="utf-8")
    with pytest.raises(Exception, match="DTD"):
        list(Dump(tmp_path).read_posts())

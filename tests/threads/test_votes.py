"""Votes: one per person and post, switchable, withdrawable, never on one's own post, and the
denormalised scores always equal the sum of the votes."""

import random

import pytest
from django.db.models import Sum

from groundswell.activity.models import Verb
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound
from groundswell.threads.models import Reply, Thread, Vote
from groundswell.threads.services import reply_create, vote_cast, vote_withdraw
from tests.activity.recording import event_mark, nothing_written, only_event_since
from tests.factories import PersonFactory


def score(target):
    return type(target).objects.get(pk=target.pk).score


def votes_sum(**target):
    return Vote.objects.filter(**target).aggregate(total=Sum("value"))["total"] or 0


def test_an_upvote_counts_and_is_recorded(colleague, member, question):
    mark = event_mark()

    result = vote_cast(person=colleague, thread=question, value=1)

    assert result.score == score(question) == 1
    only_event_since(
        mark,
        verb=Verb.VOTED,
        actor=colleague,
        target=question,
        subject=member,
        thread=question,
        data={"value": 1},
        topic_ids=[t.pk for t in question.topics.all()],
    )


def test_voting_the_same_way_twice_is_a_conflict_and_changes_nothing(colleague, question):
    vote_cast(person=colleague, thread=question, value=1)
    with nothing_written(), pytest.raises(Conflict):
        vote_cast(person=colleague, thread=question, value=1)
    assert score(question) == 1
    assert Vote.objects.get(person=colleague, thread=question).value == 1


def test_voting_the_other_way_switches_the_vote(colleague, answer, member, question):
    vote_cast(person=member, reply=answer, value=1)
    mark = event_mark()

    vote_cast(person=member, reply=answer, value=-1)

    assert score(answer) == -1
    assert list(Vote.objects.filter(reply=answer).values_list("value", flat=True)) == [-1]
    only_event_since(
        mark,
        verb=Verb.VOTED,
        actor=member,
        target=answer,
        subject=colleague,
        data={"value": -1},
        topic_ids=[t.pk for t in question.topics.all()],
    )


def test_withdrawing_a_vote(colleague, question, member):
    vote_cast(person=colleague, thread=question, value=-1)
    mark = event_mark()

    vote_withdraw(person=colleague, thread=question)

    assert score(question) == 0
    assert not Vote.objects.filter(thread=question).exists()
    only_event_since(mark, verb=Verb.UNVOTED, actor=colleague, target=question, subject=member)


def test_withdrawing_a_vote_never_cast_is_a_conflict(colleague, question):
    with nothing_written(), pytest.raises(Conflict):
        vote_withdraw(person=colleague, thread=question)


def test_nobody_votes_on_their_own_post(member, colleague, question, answer):
    with nothing_written(), pytest.raises(Forbidden):
        vote_cast(person=member, thread=question, value=1)
    with nothing_written(), pytest.raises(Forbidden):
        vote_cast(person=colleague, reply=answer, value=1)
    assert score(question) == score(answer) == 0


@pytest.mark.parametrize("value", [0, 2, -2, 100])
def test_a_vote_is_plus_or_minus_one(colleague, question, value):
    with nothing_written(), pytest.raises(InvalidInput):
        vote_cast(person=colleague, thread=question, value=value)


def test_a_vote_names_exactly_one_target(colleague, question, answer):
    with nothing_written(), pytest.raises(InvalidInput):
        vote_cast(person=colleague, thread=question, reply=answer, value=1)
    with nothing_written(), pytest.raises(InvalidInput):
        vote_cast(person=colleague, value=1)


def test_an_outsider_cannot_vote_in_a_private_space(outsider, private_thread):
    with nothing_written(), pytest.raises(NotFound):
        vote_cast(person=outsider, thread=private_thread, value=1)
    with nothing_written(), pytest.raises(NotFound):
        vote_withdraw(person=outsider, thread=private_thread)


def test_scores_equal_the_sum_of_votes_after_any_sequence(member, open_space, question):
    reply = reply_create(author=member, thread=question, body="self-answer")
    voters = PersonFactory.create_batch(4)
    rng = random.Random(20240611)  # fixed seed: the same sequence on every run and database
    for _ in range(60):
        person = rng.choice(voters)
        target = rng.choice([{"thread": question}, {"reply": reply}])
        action = rng.choice(["up", "down", "withdraw"])
        try:
            if action == "withdraw":
                vote_withdraw(person=person, **target)
            else:
                vote_cast(person=person, value=1 if action == "up" else -1, **target)
        except Conflict:
            pass
        assert score(question) == votes_sum(thread=question)
        assert score(reply) == votes_sum(reply=reply)
    assert Thread.objects.get(pk=question.pk).score == votes_sum(thread=question)
    assert Reply.objects.get(pk=reply.pk).score == votes_sum(reply=reply)


def test_when_the_event_cannot_be_written_the_vote_is_not_kept(colleague, question, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("event log unavailable")

    monkeypatch.setattr("groundswell.threads.services.posts.event_record", broken)
    with nothing_written(), pytest.raises(RuntimeError):
        vote_cast(person=colleague, thread=question, value=1)
    assert score(question) == 0

"""Replies, their counters, locked threads, and accepted answers."""

import pytest

from groundswell.activity.models import Verb
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound
from groundswell.threads.models import Reply, Revision, Thread
from groundswell.threads.selectors import reply_list
from groundswell.threads.services import (
    reply_accept,
    reply_create,
    reply_unaccept,
    vote_cast,
)
from tests.activity.recording import event_mark, nothing_written, only_event_since
from tests.factories import PersonFactory


def fresh(thread):
    return Thread.objects.get(pk=thread.pk)


def test_a_reply_counts_and_moves_the_thread_up(colleague, member, discussion):
    before = fresh(discussion).last_activity_at
    mark = event_mark()

    reply = reply_create(author=colleague, thread=discussion, body="Whoever *arrived* first.")

    assert reply.body_html == "<p>Whoever <em>arrived</em> first.</p>\n"
    assert Revision.objects.filter(reply=reply).count() == 1
    thread = fresh(discussion)
    assert thread.reply_count == 1
    assert thread.last_activity_at >= before
    assert thread.last_activity_at == reply.created_at
    only_event_since(
        mark,
        verb=Verb.REPLIED,
        actor=colleague,
        target=reply,
        subject=member,
        thread=discussion,
        topic_ids=[],
    )


def test_an_answer_to_a_question_records_answered_with_its_topics(colleague, member, question):
    mark = event_mark()
    reply = reply_create(author=colleague, thread=question, body="Check the IATA rules.")
    only_event_since(
        mark,
        verb=Verb.ANSWERED,
        actor=colleague,
        target=reply,
        subject=member,
        topic_ids=[t.pk for t in question.topics.all()],
    )


def test_reply_counts_stay_consistent(colleague, member, discussion):
    for n in range(3):
        reply_create(author=colleague if n % 2 else member, thread=discussion, body=f"r{n}")
    assert fresh(discussion).reply_count == Reply.objects.filter(thread=discussion).count() == 3


def test_an_empty_reply_is_invalid(colleague, discussion):
    with nothing_written(), pytest.raises(InvalidInput):
        reply_create(author=colleague, thread=discussion, body="   ")
    assert fresh(discussion).reply_count == 0


def test_an_outsider_cannot_reply_in_a_private_space(outsider, private_thread):
    with nothing_written(), pytest.raises(NotFound):
        reply_create(author=outsider, thread=private_thread, body="let me in")


def test_anyone_who_reads_an_open_space_replies(outsider, discussion):
    assert reply_create(author=outsider, thread=discussion, body="hi").author == outsider


def test_a_locked_thread_takes_no_replies_from_members(colleague, discussion):
    Thread.objects.filter(pk=discussion.pk).update(is_locked=True)
    with nothing_written(), pytest.raises(Forbidden) as error:
        reply_create(author=colleague, thread=fresh(discussion), body="late")
    assert "locked" in error.value.message
    assert fresh(discussion).reply_count == 0


def test_a_moderator_still_replies_to_a_locked_thread(moderator, discussion):
    Thread.objects.filter(pk=discussion.pk).update(is_locked=True)
    reply_create(author=moderator, thread=fresh(discussion), body="Closing note")
    assert fresh(discussion).reply_count == 1


# --- accepted answers ---------------------------------------------------------------------


def test_the_asker_accepts_an_answer_and_it_shows_first(member, colleague, question):
    early = reply_create(author=colleague, thread=question, body="first")
    popular = reply_create(author=PersonFactory(), thread=question, body="popular")
    vote_cast(person=colleague, thread=None, reply=popular, value=1)
    late = reply_create(author=colleague, thread=question, body="late but right")
    assert [r.pk for r in reply_list(member, fresh(question)).items] == [
        popular.pk,
        early.pk,
        late.pk,
    ]
    mark = event_mark()

    thread = reply_accept(person=member, reply=late)

    assert fresh(question).accepted_reply_id == late.pk == thread.accepted_reply_id
    assert [r.pk for r in reply_list(member, fresh(question)).items] == [
        late.pk,
        popular.pk,
        early.pk,
    ]
    only_event_since(
        mark,
        verb=Verb.ACCEPTED,
        actor=member,
        target=late,
        subject=colleague,
        thread=question,
        topic_ids=[t.pk for t in question.topics.all()],
    )


def test_accepting_another_answer_replaces_the_first(member, colleague, question):
    first = reply_create(author=colleague, thread=question, body="one")
    second = reply_create(author=colleague, thread=question, body="two")
    reply_accept(person=member, reply=first)

    reply_accept(person=member, reply=second)

    assert fresh(question).accepted_reply_id == second.pk
    assert reply_list(member, fresh(question)).items[0].pk == second.pk


def test_accepting_the_accepted_answer_again_is_a_conflict(member, answer):
    reply_accept(person=member, reply=answer)
    with nothing_written(), pytest.raises(Conflict):
        reply_accept(person=member, reply=answer)


def test_only_the_asker_or_a_moderator_accepts(colleague, moderator, question):
    own = reply_create(author=colleague, thread=question, body="pick me")
    with nothing_written(), pytest.raises(Forbidden):
        reply_accept(person=colleague, reply=own)
    assert fresh(question).accepted_reply_id is None

    reply_accept(person=moderator, reply=own)
    assert fresh(question).accepted_reply_id == own.pk


def test_answers_are_accepted_only_on_questions(member, colleague, discussion):
    reply = reply_create(author=colleague, thread=discussion, body="a reply")
    with nothing_written(), pytest.raises(InvalidInput):
        reply_accept(person=member, reply=reply)
    assert fresh(discussion).accepted_reply_id is None


def test_the_asker_withdraws_an_acceptance(member, colleague, answer, question):
    reply_accept(person=member, reply=answer)
    mark = event_mark()

    reply_unaccept(person=member, thread=question)

    assert fresh(question).accepted_reply_id is None
    only_event_since(mark, verb=Verb.UNACCEPTED, actor=member, target=answer, subject=colleague)
    with nothing_written(), pytest.raises(Conflict):
        reply_unaccept(person=member, thread=question)


def test_someone_else_cannot_withdraw_an_acceptance(member, colleague, answer, question):
    reply_accept(person=member, reply=answer)
    with nothing_written(), pytest.raises(Forbidden):
        reply_unaccept(person=colleague, thread=question)
    assert fresh(question).accepted_reply_id == answer.pk


def test_discussions_list_replies_in_order(member, colleague, discussion):
    replies = [reply_create(author=colleague, thread=discussion, body=f"{n}") for n in range(3)]
    vote_cast(person=member, reply=replies[2], value=1)
    assert [r.pk for r in reply_list(member, fresh(discussion)).items] == [r.pk for r in replies]


def test_hidden_replies_are_not_listed(member, colleague, discussion):
    shown = reply_create(author=colleague, thread=discussion, body="fine")
    hidden = reply_create(author=colleague, thread=discussion, body="spam")
    Reply.objects.filter(pk=hidden.pk).update(is_hidden=True)
    assert [r.pk for r in reply_list(member, fresh(discussion)).items] == [shown.pk]

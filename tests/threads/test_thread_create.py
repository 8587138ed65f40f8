"""thread_create: who may post where, validation, topics, and what it writes."""

import pytest
from django.conf import settings

from groundswell.activity.models import Verb
from groundswell.errors import Forbidden, InvalidInput, NotFound
from groundswell.spaces.models import Space
from groundswell.threads.models import Revision, ThreadKind
from groundswell.threads.services import thread_create
from groundswell.topics.models import Topic
from tests.activity.recording import event_mark, events_since, nothing_written, only_event_since
from tests.factories import TopicFactory


def post(author, space, **fields):
    fields.setdefault("title", "A title")
    fields.setdefault("body", "A body")
    return thread_create(author=author, space=space, **fields)


def test_a_member_starts_a_discussion_in_a_private_space(member, private_space):
    hazmat = TopicFactory(name="hazmat")
    mark = event_mark()

    thread = post(member, private_space, title=" Plan ", body="**Bold** plan", topics=["Hazmat"])

    thread.refresh_from_db()
    assert (thread.title, thread.body, thread.kind) == ("Plan", "**Bold** plan", "discussion")
    assert thread.body_html == "<p><strong>Bold</strong> plan</p>\n"
    assert thread.author == member
    assert list(thread.topics.all()) == [hazmat]
    assert thread.reply_count == 0 and thread.score == 0
    assert Space.objects.get(pk=private_space.pk).thread_count == 1
    revision = Revision.objects.get(thread=thread)
    assert (revision.editor, revision.title, revision.body) == (member, "Plan", "**Bold** plan")
    only_event_since(
        mark,
        verb=Verb.POSTED,
        actor=member,
        target=thread,
        space=private_space,
        thread=thread,
        subject=None,
        topic_ids=[hazmat.pk],
    )


def test_asking_a_question_records_asked(member, open_space):
    mark = event_mark()
    thread = post(member, open_space, kind=ThreadKind.QUESTION, body="")
    assert thread.kind == ThreadKind.QUESTION
    only_event_since(mark, verb=Verb.ASKED, actor=member, target=thread, topic_ids=[])


def test_anyone_who_can_read_an_open_space_posts_in_it(outsider, open_space):
    assert post(outsider, open_space).space == open_space


def test_an_outsider_cannot_find_a_private_space_to_post_in(outsider, private_space):
    with nothing_written(), pytest.raises(NotFound):
        post(outsider, private_space)


def test_an_administrator_who_is_not_a_member_cannot_post_in_a_private_space(
    admin_person, private_space
):
    with nothing_written(), pytest.raises(Forbidden):
        post(admin_person, private_space)


@pytest.mark.parametrize("kind", [ThreadKind.INSIGHT, ThreadKind.ARTICLE, ThreadKind.WIKI, "poll"])
def test_only_discussions_and_questions_are_started_here(member, open_space, kind):
    with nothing_written(), pytest.raises(InvalidInput) as error:
        post(member, open_space, kind=kind)
    assert "kind" in error.value.errors


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": " \n\t "}, "title"),
        ({"title": "t" * 201}, "title"),
        ({"body": ""}, "body"),
        ({"body": "b" * 50_001}, "body"),
        ({"body": "before\x00after"}, "body"),
        ({"kind": ThreadKind.QUESTION, "body": "nul\x00"}, "body"),
    ],
)
def test_invalid_text_is_refused_and_nothing_is_written(member, open_space, fields, field):
    with nothing_written(), pytest.raises(InvalidInput) as error:
        post(member, open_space, topics=["brand-new-topic"], **fields)
    assert field in error.value.errors


def test_the_longest_allowed_title_and_body_are_accepted(member, open_space):
    limits = settings.GROUNDSWELL
    title, body = "t" * limits["MAX_TITLE_LENGTH"], "b" * limits["MAX_BODY_LENGTH"]
    thread = post(member, open_space, title=title, body=body)
    assert (len(thread.title), len(thread.body)) == (200, 50_000)


@pytest.mark.parametrize("topics", [["Hazmat", "hazmat ", "HAZMAT"], "Hazmat, hazmat  HAZMAT"])
def test_topic_spellings_are_normalised_into_one_topic(member, open_space, topics):
    thread = post(member, open_space, topics=topics)
    assert [t.name for t in thread.topics.all()] == ["hazmat"]
    assert Topic.objects.filter(name__iexact="hazmat").count() == 1


def test_new_topics_are_created_with_their_own_events(member, open_space):
    existing = TopicFactory(name="forklifts")
    mark = event_mark()

    thread = post(member, open_space, topics=["Forklifts", "Night Shift"])

    night_shift = Topic.objects.get(name="night-shift")
    assert night_shift.created_by == member
    created, posted = events_since(mark)
    assert (created.verb, created.topic_ids) == (Verb.CREATED_TOPIC, [night_shift.pk])
    assert posted.verb == Verb.POSTED
    assert posted.topic_ids == sorted([existing.pk, night_shift.pk])
    assert set(thread.topics.all()) == {existing, night_shift}


def test_more_than_five_topics_are_refused(member, open_space):
    names = [f"topic{i}" for i in range(6)]
    with nothing_written(), pytest.raises(InvalidInput) as error:
        post(member, open_space, topics=names)
    assert "topics" in error.value.errors
    assert post(member, open_space, topics=names[:5]).topics.count() == 5


def test_duplicates_do_not_count_towards_the_topic_limit(member, open_space):
    thread = post(member, open_space, topics=["a", "A", "b", "c", "d", "e", " a "])
    assert thread.topics.count() == 5


def test_topics_that_normalise_to_nothing_are_dropped(member, open_space):
    assert post(member, open_space, topics=["!!!", "   ", "--"]).topics.count() == 0


def test_non_text_topics_are_invalid(member, open_space):
    with nothing_written(), pytest.raises(InvalidInput):
        post(member, open_space, topics=[{"name": "x"}])


def test_when_the_event_cannot_be_written_nothing_is_kept(member, open_space, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("event log unavailable")

    monkeypatch.setattr("groundswell.threads.services.posts.event_record", broken)
    with nothing_written(), pytest.raises(RuntimeError):
        post(member, open_space, topics=["a-new-topic"])
    assert Space.objects.get(pk=open_space.pk).thread_count == 0

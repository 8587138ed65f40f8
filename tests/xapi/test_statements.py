"""Statements built from real activity Events: shape per verb, ids, course context, anonymity."""

import uuid

import pytest

from groundswell.activity.models import Event, Verb
from groundswell.activity.services import event_record
from groundswell.expertise.services import endorsement_create
from groundswell.spaces.models import SpaceKind
from groundswell.spaces.services import space_join
from groundswell.threads import services as threads
from groundswell.threads.models import ThreadKind
from groundswell.topics.models import Topic
from groundswell.xapi.models import StatementOutbox
from groundswell.xapi.services import outbox_build
from groundswell.xapi.statements import Skip, statement_for, statement_id_for
from tests.factories import MembershipFactory, PersonFactory, SpaceFactory, ThreadFactory
from tests.xapi.validation import assert_valid_statement

SITE = "https://learn.example.org"
ADL = "http://adlnet.gov/expapi/verbs/"
AS = "http://activitystrea.ms/schema/1.0/"
TINCAN = "http://id.tincanapi.com/verb/"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE
    settings.XAPI_ACTOR_HOMEPAGE = SITE


def _latest(verb: str) -> Event:
    return (
        Event.objects.filter(verb=verb)
        .select_related("actor", "subject", "space", "thread", "thread__space")
        .latest("id")
    )


@pytest.fixture
def course(db):
    return SpaceFactory(name="Safe driving 101", slug="safe-driving", kind=SpaceKind.COURSE)


@pytest.fixture
def learner(course):
    someone = PersonFactory(username="lena", email="lena@example.com")
    MembershipFactory(space=course, person=someone)
    return someone


def test_question_answer_accept_vote_through_the_real_services(learner, course):
    helper = PersonFactory(username="hugo")
    MembershipFactory(space=course, person=helper)
    question = threads.thread_create(
        author=learner, space=course, kind="question", title="How do I brake?", body="secret body"
    )
    reply = threads.reply_create(author=helper, thread=question, body="private answer text")
    threads.reply_accept(person=learner, reply=reply)
    threads.vote_cast(person=learner, value=1, reply=reply)
    threads.vote_cast(person=helper, value=-1, thread=question)

    asked = statement_for(_latest(Verb.ASKED))
    assert_valid_statement(asked)
    assert asked["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": SITE, "name": "lena"},
    }
    assert asked["verb"]["id"] == ADL + "asked"
    assert asked["object"]["id"] == f"{SITE}/threads/{question.pk}/"
    assert asked["object"]["definition"] == {
        "type": "http://adlnet.gov/expapi/activities/question",
        "name": {"en": "How do I brake?"},
    }
    course_activity = {
        "objectType": "Activity",
        "id": f"{SITE}/spaces/safe-driving/",
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/course",
            "name": {"en": "Safe driving 101"},
        },
    }
    assert asked["context"]["contextActivities"]["parent"] == [course_activity]
    assert asked["context"]["platform"] == "Groundswell"

    answered = statement_for(_latest(Verb.ANSWERED))
    assert_valid_statement(answered)
    assert answered["verb"]["id"] == ADL + "answered"
    assert answered["actor"]["account"]["name"] == "hugo"
    assert answered["object"]["id"] == f"{SITE}/threads/{question.pk}/#reply-{reply.pk}"
    assert answered["context"]["contextActivities"]["parent"][0]["id"] == asked["object"]["id"]
    assert answered["context"]["contextActivities"]["parent"][1] == course_activity

    accepted = statement_for(_latest(Verb.ACCEPTED))
    assert accepted["verb"]["id"] == AS + "accept"
    assert accepted["object"]["id"] == answered["object"]["id"]

    votes = Event.objects.filter(verb=Verb.VOTED).order_by("id")
    up, down = (statement_for(event) for event in votes)
    assert up["verb"]["id"] == TINCAN + "voted-up"
    assert down["verb"]["id"] == TINCAN + "voted-down"
    for statement in (accepted, up, down):
        assert_valid_statement(statement)
    # Bodies and emails are never exported: only titles.
    text = str([asked, answered, accepted, up, down])
    assert "secret body" not in text and "private answer text" not in text
    assert "lena@example.com" not in text


def test_timestamp_is_the_event_time_and_stored_is_left_to_the_lrs(learner, course):
    thread = threads.thread_create(
        author=learner, space=course, kind="discussion", title="Hello", body="b"
    )
    event = _latest(Verb.POSTED)
    statement = statement_for(event)
    assert statement["timestamp"] == event.created_at.isoformat()
    assert statement["verb"]["id"] == AS + "post"
    assert statement["object"]["id"].endswith(f"/threads/{thread.pk}/")
    assert "stored" not in statement


def test_community_space_has_no_course_parent(member, open_space):
    threads.thread_create(author=member, space=open_space, kind="question", title="Q", body="b")
    statement = statement_for(_latest(Verb.ASKED))
    assert "contextActivities" not in statement["context"]


def test_joining_a_course_names_the_course_without_parenting_it_to_itself(course):
    newcomer = PersonFactory(username="newcomer")
    space_join(person=newcomer, space=course)
    statement = statement_for(_latest(Verb.JOINED))
    assert_valid_statement(statement)
    assert statement["verb"]["id"] == AS + "join"
    assert statement["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/course"
    assert "contextActivities" not in statement["context"]


def test_endorsement_names_the_colleague_as_an_agent(db):
    endorser, colleague = PersonFactory(username="erin"), PersonFactory(username="colin")
    endorsement_create(endorser=endorser, person=colleague, topic=Topic.objects.create(name="gis"))
    statement = statement_for(_latest(Verb.ENDORSED))
    assert_valid_statement(statement)
    assert statement["verb"]["id"] == TINCAN + "endorsed"
    assert statement["object"]["account"]["name"] == "colin"


@pytest.mark.parametrize(
    ("verb", "kind", "verb_iri", "type_iri"),
    [
        (Verb.PUBLISHED_ARTICLE, ThreadKind.ARTICLE, AS + "author", AS + "article"),
        (Verb.CREATED_WIKI, ThreadKind.WIKI, AS + "create", AS + "page"),
        (Verb.EDITED_WIKI, ThreadKind.WIKI, AS + "update", AS + "page"),
        (Verb.REPORTED_INSIGHT, ThreadKind.INSIGHT, ADL + "shared", AS + "note"),
        (Verb.COMMENTED, ThreadKind.ARTICLE, ADL + "commented", AS + "article"),
        (Verb.MARKED_HELPFUL, ThreadKind.ARTICLE, AS + "like", AS + "article"),
        (
            Verb.REGISTERED_AMA,
            ThreadKind.DISCUSSION,
            ADL + "registered",
            "http://id.tincanapi.com/activitytype/discussion",
        ),
        (
            Verb.ATTENDED_AMA,
            ThreadKind.DISCUSSION,
            ADL + "attended",
            "http://id.tincanapi.com/activitytype/discussion",
        ),
    ],
)
def test_every_other_learning_verb_maps_to_its_iri(verb, kind, verb_iri, type_iri, course, learner):
    thread = ThreadFactory(space=course, kind=kind, author=learner, title="T")
    event_record(actor=learner, verb=verb, target=thread, space=course, thread=thread)
    statement = statement_for(_latest(verb))
    assert_valid_statement(statement)
    assert statement["verb"]["id"] == verb_iri
    assert statement["object"]["definition"]["type"] == type_iri
    assert statement["context"]["contextActivities"]["parent"][0]["id"].endswith("/safe-driving/")


def test_enrolment_in_a_course(course, learner):
    event_record(actor=learner, verb=Verb.ENROLLED, target=course, space=course)
    statement = statement_for(_latest(Verb.ENROLLED))
    assert_valid_statement(statement)
    assert statement["verb"]["id"] == ADL + "registered"
    assert statement["object"]["id"] == f"{SITE}/spaces/safe-driving/"


def test_statement_ids_are_uuid5_of_the_event_and_stable(learner, course):
    threads.thread_create(author=learner, space=course, kind="question", title="Q", body="b")
    event = _latest(Verb.ASKED)
    first, again = statement_for(event), statement_for(Event.objects.get(pk=event.pk))
    assert first == again
    assert uuid.UUID(first["id"]).version == 5
    assert first["id"] == str(statement_id_for(event.pk)) != str(statement_id_for(event.pk + 1))


def test_follows_bookmarks_and_admin_actions_are_not_exported(learner, course):
    thread = ThreadFactory(space=course)
    threads.bookmark_add(person=learner, thread=thread)
    with pytest.raises(Skip):
        statement_for(_latest(Verb.BOOKMARKED))


def test_the_anonymous_asker_never_appears(db, django_capture_on_commit_callbacks):
    leaders = SpaceFactory(slug="ask-leaders", kind=SpaceKind.LEADERSHIP)
    asker = PersonFactory(username="quiet-asker", email="quiet@example.com")
    manager = PersonFactory(username="manager")
    question = ThreadFactory(
        space=leaders, author=asker, kind=ThreadKind.QUESTION, is_anonymous=True, title="Why?"
    )
    event_record(actor=asker, verb=Verb.ASKED, target=question, space=leaders, thread=question)
    reply = threads.reply_create(author=manager, thread=question, body="Because.")
    threads.vote_cast(person=asker, value=1, reply=reply)

    outbox_build()
    exported = list(
        StatementOutbox.objects.filter(skipped=False).values_list("statement", flat=True)
    )
    assert [s["verb"]["id"] for s in exported] == [ADL + "answered"]
    assert "quiet-asker" not in str(exported) and "quiet@example.com" not in str(exported)
    skipped = StatementOutbox.objects.filter(skipped=True)
    assert skipped.count() == 2 and all(row.statement == {} for row in skipped)

"""Who hears about what: one test per fan-out rule, and the checks every rule shares (never the
actor, only people who can see it, a cap, idempotency, nothing when the action rolls back)."""

import pytest
from django.db import transaction

from groundswell.activity.models import Event, Verb
from groundswell.notifications import services
from groundswell.notifications.models import Kind, Notification
from groundswell.notifications.tasks import deliver_event
from groundswell.spaces import services as spaces
from groundswell.threads import services as threads
from groundswell.threads.models import Follow
from groundswell.topics.models import Topic
from tests.factories import MembershipFactory, PersonFactory
from tests.notifications.conftest import notified

pytestmark = pytest.mark.django_db


def follow(follower, **target):
    Follow.objects.create(follower=follower, **target)


def test_an_answer_notifies_the_asker_and_the_threads_followers_but_not_the_answerer(
    depot, question, committed
):
    follow(depot["loader"], thread=question)
    follow(depot["lead"], thread=question)  # the answerer follows too: still not notified
    with committed():
        answer = threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")

    [to_asker] = notified(depot["driver"])
    assert (to_asker.kind, to_asker.reply, to_asker.thread) == (Kind.ANSWER, answer, question)
    assert to_asker.actor == depot["lead"]
    assert to_asker.reason == "You asked this question."
    assert to_asker.summary == "Wes Warehouse answered your question"
    [to_follower] = notified(depot["loader"])
    assert to_follower.kind == Kind.FOLLOWED_REPLY
    assert to_follower.reason == "You follow this thread."
    assert notified(depot["lead"]) == []
    assert notified(depot["outsider"]) == []


def test_a_reply_to_a_discussion_notifies_its_author(depot, committed):
    with committed():
        discussion = threads.thread_create(
            author=depot["driver"], space=depot["lounge"], title="Coffee on route 9", body="Go."
        )
        threads.reply_create(author=depot["loader"], thread=discussion, body="The red van.")
    [notification] = notified(depot["driver"])
    assert notification.kind == Kind.REPLY
    assert notification.summary == "Kim Loader replied to your thread"


def test_an_accepted_answer_notifies_its_author_only(depot, question, committed):
    with committed():
        answer = threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")
    with committed():
        threads.reply_accept(person=depot["driver"], reply=answer)
    [accepted] = notified(depot["lead"], kind=Kind.ACCEPTED)
    assert accepted.reply == answer
    assert accepted.summary == "Dana Driver accepted your answer"
    assert notified(depot["driver"], kind=Kind.ACCEPTED) == []


@pytest.mark.parametrize("followed", ["space", "topic", "person"])
def test_a_new_thread_notifies_followers_of_its_space_topic_or_author(depot, committed, followed):
    hazmat, _ = Topic.objects.get_or_create(name="hazmat")
    target = {"space": depot["lounge"], "topic": hazmat, "person": depot["driver"]}[followed]
    follow(depot["loader"], **{followed: target})
    follow(depot["driver"], space=depot["lounge"])  # the author follows too: never notified
    with committed():
        thread = threads.thread_create(
            author=depot["driver"],
            space=depot["lounge"],
            kind="question",
            title="Where do pallets go?",
            body="",
            topics=["hazmat"],
        )
    [notification] = notified(depot["loader"])
    assert (notification.kind, notification.thread) == (Kind.NEW_THREAD, thread)
    expected = {
        "space": "You follow the space Drivers' lounge.",
        "topic": "You follow the topic hazmat.",
        "person": "You follow Dana Driver.",
    }
    assert notification.reason == expected[followed]
    assert notification.summary == "Dana Driver asked a question in Drivers' lounge"
    assert notified(depot["driver"]) == []  # never the actor
    assert notified(depot["lead"]) == []


def test_an_invitation_notifies_the_invitee(depot, committed):
    newcomer = PersonFactory(username="nina", display_name="Nina New")
    with committed():
        spaces.space_invite(inviter=depot["driver"], space=depot["cohort"], invitees=[newcomer])
    [notification] = notified(newcomer)
    assert (notification.kind, notification.space) == (Kind.INVITED, depot["cohort"])
    assert notification.summary == "Dana Driver added you to Cohort A"
    assert notified(depot["driver"]) == []


def test_mentions_notify_active_people_who_can_see_the_post(depot, question, committed):
    retired = PersonFactory(username="ret", is_active=False)
    with committed():
        threads.reply_create(
            author=depot["lead"],
            thread=question,
            body=(
                "Ask @kim, or @nobody-here, or @ret. Mail wes@example.com. "
                "`@olive` in code is not a mention. Thanks @wes."
            ),
        )
    [mention] = notified(depot["loader"])
    assert mention.kind == Kind.MENTION
    assert mention.summary == "Wes Warehouse mentioned you"
    assert notified(retired) == []
    assert notified(depot["outsider"]) == []  # only inside code
    assert notified(depot["lead"]) == []  # mentioning yourself is not a notification


def test_mentioning_someone_outside_a_private_space_notifies_nobody_there(
    depot, private_question, committed
):
    with committed():
        threads.reply_create(
            author=depot["lead"], thread=private_question, body="@olive and @kim should know."
        )
    assert notified(depot["outsider"]) == []
    assert notified(depot["loader"]) == []
    assert [n.kind for n in notified(depot["driver"])] == [Kind.ANSWER]


def test_a_mention_in_a_new_thread_notifies(depot, committed):
    with committed():
        threads.thread_create(
            author=depot["driver"], space=depot["lounge"], title="Hey @kim", body="Look."
        )
    assert [n.kind for n in notified(depot["loader"])] == [Kind.MENTION]


def test_the_most_specific_reason_wins_one_notification_per_person(depot, question, committed):
    follow(depot["driver"], thread=question)
    with committed():
        threads.reply_create(author=depot["lead"], thread=question, body="@dana: UN3481.")
    assert [n.kind for n in notified(depot["driver"])] == [Kind.ANSWER]


def test_followers_who_cannot_see_a_private_space_hear_nothing(depot, committed):
    restructure, _ = Topic.objects.get_or_create(name="restructure")
    for person in (depot["outsider"], depot["lead"]):
        follow(person, topic=restructure)
        follow(person, person=depot["driver"])
    with committed():
        threads.thread_create(
            author=depot["driver"],
            space=depot["cohort"],
            title="Secret",
            body="Members only.",
            topics=["restructure"],
        )
    assert notified(depot["outsider"]) == []
    assert len(notified(depot["lead"])) == 1  # a member of the cohort


def test_a_hidden_reply_notifies_nobody(depot, question, committed):
    with transaction.atomic():
        answer = threads.reply_create(author=depot["lead"], thread=question, body="Spam.")
        answer.is_hidden = True
        answer.save(update_fields=["is_hidden"])
    event = Event.objects.get(verb=Verb.ANSWERED)
    assert services.event_fan_out(event_id=event.pk) == 0
    assert notified(depot["driver"]) == []


def test_the_fan_out_is_capped_and_the_addressed_come_first(depot, question, committed, settings):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "MAX_NOTIFICATION_FANOUT": 3}
    followers = [PersonFactory() for _ in range(5)]
    for person in followers:
        MembershipFactory(space=depot["lounge"], person=person)
        follow(person, thread=question)
    with committed():
        threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")
    assert Notification.objects.count() == 3
    assert [n.kind for n in notified(depot["driver"])] == [Kind.ANSWER]
    assert sum(len(notified(person)) for person in followers) == 2


def test_delivering_an_event_twice_notifies_once(depot, question, committed):
    follow(depot["loader"], thread=question)
    with committed():
        threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")
    event = Event.objects.get(verb=Verb.ANSWERED)
    assert Notification.objects.filter(event=event).count() == 2
    with committed():
        result = deliver_event.enqueue(event.pk)
        deliver_event.enqueue(event.pk)
    assert result.status == "SUCCESSFUL"
    assert result.return_value == 0
    assert Notification.objects.filter(event=event).count() == 2


def test_nothing_is_queued_when_the_action_rolls_back(depot, question, committed):
    class Abort(Exception):
        pass

    with committed() as callbacks, pytest.raises(Abort), transaction.atomic():
        threads.reply_create(author=depot["lead"], thread=question, body="UN3481.")
        raise Abort
    assert callbacks == []
    assert Notification.objects.count() == 0


def test_events_nobody_hears_about_create_no_notification(depot, question, committed):
    before = Notification.objects.count()
    with committed():
        threads.vote_cast(person=depot["lead"], thread=question, value=1)
        threads.bookmark_add(person=depot["lead"], thread=question)
    assert Notification.objects.count() == before


def test_a_routed_question_tells_each_expert_why(depot, question, committed):
    expert = PersonFactory(username="hazmat-expert")
    follow(depot["loader"], space=depot["lounge"])
    asked = Event.objects.get(verb=Verb.ASKED, object_id=question.pk)
    services.event_fan_out(event_id=asked.pk)  # the loader is told as a follower first
    assert [n.kind for n in notified(depot["loader"])] == [Kind.NEW_THREAD]
    with committed():
        created = services.notify_routed_question(
            thread=question,
            experts_with_reasons=[
                (expert, "You answered 12 questions on hazmat"),
                (depot["loader"].pk, "You answered 3 questions on hazmat"),
                (depot["driver"], "The asker is never routed their own question"),
            ],
        )
    assert created == 1  # the loader's notification was turned into a routed one
    [to_expert] = notified(expert)
    assert (to_expert.kind, to_expert.reason) == (
        Kind.ROUTED,
        "You answered 12 questions on hazmat",
    )
    assert to_expert.summary == "Dana Driver asked a question you may be able to answer"
    [to_loader] = notified(depot["loader"])
    assert (to_loader.kind, to_loader.reason) == (Kind.ROUTED, "You answered 3 questions on hazmat")
    assert notified(depot["driver"]) == []
    # Routing again changes nothing.
    assert (
        services.notify_routed_question(thread=question, experts_with_reasons=[(expert, "x")]) == 0
    )
    assert notified(expert)[0].reason == "You answered 12 questions on hazmat"


def test_a_routed_private_question_reaches_only_experts_who_can_see_it(
    depot, private_question, committed
):
    with committed():
        services.notify_routed_question(
            thread=private_question,
            experts_with_reasons=[(depot["outsider"], "hazmat"), (depot["lead"], "hazmat")],
        )
    assert notified(depot["outsider"]) == []
    assert [n.kind for n in notified(depot["lead"])] == [Kind.ROUTED]

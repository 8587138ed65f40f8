"""A new question reaches the colleagues most likely to answer it — never the asker, never
someone who cannot see it, and nobody more than MAX_ROUTED_PER_DAY times a day."""

from groundswell.expertise.models import ExpertiseScore
from groundswell.notifications.models import Kind
from groundswell.threads import services as threads
from tests.notifications.conftest import make_notifications, notified


def _make_expert(depot, committed, expert, space):
    """`expert` answers a hazmat question in `space` and the answer is accepted."""
    with committed():
        earlier = threads.thread_create(
            author=depot["loader"],
            space=space,
            kind="question",
            title="Where do UN3481 labels go?",
            body="On the box?",
            topics=["hazmat"],
        )
        answer = threads.reply_create(author=expert, thread=earlier, body="Next to the address.")
        threads.reply_accept(person=depot["loader"], reply=answer)


def _ask(depot, committed, space, author=None):
    with committed():
        return threads.thread_create(
            author=author or depot["driver"],
            space=space,
            kind="question",
            title="Lithium batteries in a returned parcel?",
            body="What now?",
            topics=["hazmat"],
        )


def test_a_new_question_is_routed_to_the_expert_with_the_reason(depot, committed):
    _make_expert(depot, committed, depot["lead"], depot["lounge"])
    assert ExpertiseScore.objects.filter(person=depot["lead"], topic__name="hazmat").exists()
    question = _ask(depot, committed, depot["lounge"])
    routed = notified(depot["lead"], kind=Kind.ROUTED, thread=question)
    assert len(routed) == 1
    assert "hazmat" in routed[0].reason
    assert notified(depot["driver"], kind=Kind.ROUTED) == []  # never the asker


def test_a_private_question_is_not_routed_to_people_outside_the_space(depot, committed):
    _make_expert(depot, committed, depot["outsider"], depot["lounge"])
    _make_expert(depot, committed, depot["lead"], depot["lounge"])  # a cohort member
    question = _ask(depot, committed, depot["cohort"])
    assert notified(depot["outsider"], kind=Kind.ROUTED, thread=question) == []
    assert len(notified(depot["lead"], kind=Kind.ROUTED, thread=question)) == 1


def test_discussions_are_not_routed(depot, committed):
    _make_expert(depot, committed, depot["lead"], depot["lounge"])
    with committed():
        discussion = threads.thread_create(
            author=depot["driver"],
            space=depot["lounge"],
            title="Hazmat training day",
            body="Who's going?",
            topics=["hazmat"],
        )
    assert notified(depot["lead"], kind=Kind.ROUTED, thread=discussion) == []


def test_nobody_gets_more_routed_questions_than_the_daily_cap(depot, committed, settings):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "MAX_ROUTED_PER_DAY": 2}
    _make_expert(depot, committed, depot["lead"], depot["lounge"])
    earlier = _ask(depot, committed, depot["lounge"], author=depot["loader"])
    for notification in make_notifications(depot["lead"], earlier, 2):
        notification.kind = Kind.ROUTED
        notification.save(update_fields=["kind"])
    question = _ask(depot, committed, depot["lounge"])
    assert notified(depot["lead"], kind=Kind.ROUTED, thread=question) == []

"""TRUST 22: tasks are idempotent. Question routing (expertise) run twice notifies each
expert once: an administrator's retry of a half-done run cannot double anyone's inbox."""

from groundswell.expertise.tasks import route_question
from groundswell.notifications.models import Kind
from groundswell.threads import services as threads
from tests.notifications.conftest import committed, depot, notified  # noqa: F401 - fixtures


def _question(depot, committed, author, title):  # noqa: F811
    with committed():
        return threads.thread_create(
            author=author,
            space=depot["lounge"],
            kind="question",
            title=title,
            body="What now?",
            topics=["hazmat"],
        )


def _make_expert(depot, committed, expert):  # noqa: F811
    """`expert` answers a hazmat question and the answer is accepted."""
    earlier = _question(depot, committed, depot["loader"], "Where do UN3481 labels go?")
    with committed():
        answer = threads.reply_create(author=expert, thread=earlier, body="Next to the address.")
        threads.reply_accept(person=depot["loader"], reply=answer)


def test_routing_a_question_twice_notifies_each_expert_once(depot, committed):  # noqa: F811
    _make_expert(depot, committed, depot["lead"])
    question = _question(depot, committed, depot["driver"], "Lithium batteries in a parcel?")
    assert len(notified(depot["lead"], kind=Kind.ROUTED, thread=question)) == 1

    with committed():
        route_question.enqueue(question.pk)
    with committed():
        route_question.enqueue(question.pk)

    assert len(notified(depot["lead"], kind=Kind.ROUTED, thread=question)) == 1

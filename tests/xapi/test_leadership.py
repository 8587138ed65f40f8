"""Ask-leadership and AMA events through the real services: anonymous askers never appear."""

from groundswell.leadership import services as leadership
from groundswell.xapi.models import StatementOutbox
from groundswell.xapi.services import outbox_build
from tests.leadership.conftest import (  # noqa: F401 (fixtures)
    CANARY_NAME,
    CANARY_USERNAME,
    asker,
    leader,
    leadership_space,
    org,
    session,
)
from tests.xapi.validation import assert_valid_statement

ADL = "http://adlnet.gov/expapi/verbs/"


def _exported() -> list[dict]:
    return list(
        StatementOutbox.objects.filter(skipped=False)
        .order_by("pk")
        .values_list("statement", flat=True)
    )


def test_an_anonymous_question_to_leadership_is_not_exported(
    asker,  # noqa: F811
    leader,  # noqa: F811
    leadership_space,  # noqa: F811
):
    thread = leadership.leadership_question_ask(
        author=asker, space=leadership_space, title="Why the rota change?", anonymous=True
    )
    leadership.leadership_answer(leader=leader, thread=thread, body="Because of peak.")
    outbox_build()
    exported = _exported()
    assert [s["verb"]["id"] for s in exported] == [ADL + "answered"]
    assert CANARY_USERNAME not in str(exported) and CANARY_NAME not in str(exported)


def test_a_named_question_to_leadership_is_exported(asker, leadership_space):  # noqa: F811
    leadership.leadership_question_ask(author=asker, space=leadership_space, title="Hi")
    outbox_build()
    (statement,) = _exported()
    assert statement["actor"]["account"]["name"] == CANARY_USERNAME


def test_ama_registration_and_attendance_name_the_session(asker, session):  # noqa: F811
    leadership.ama_register(person=asker, session=session)
    leadership.ama_attend(person=asker, session=session)
    outbox_build()
    registered, attended = _exported()  # scheduling is not exported
    for statement in (registered, attended):
        assert_valid_statement(statement)
        assert statement["object"]["id"].endswith(session.get_absolute_url())
        assert statement["object"]["definition"] == {
            "type": "http://adlnet.gov/expapi/activities/meeting",
            "name": {"en": "Peak season AMA"},
        }
    assert registered["verb"]["id"] == ADL + "registered"
    assert attended["verb"]["id"] == ADL + "attended"

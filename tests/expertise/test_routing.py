"""likely_experts: who should hear about a question, and why — never the asker, never someone
who cannot see the space, never a deactivated account, and no reason that tells of a space the
viewer cannot see."""

from datetime import timedelta

import pytest

from groundswell.expertise.selectors import likely_experts
from groundswell.expertise.services import expertise_rebuild
from tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(open_space):
    def make(*names):
        made = []
        for name in names:
            someone = PersonFactory(username=name, display_name=name.title())
            MembershipFactory(space=open_space, person=someone)
            made.append(someone)
        return made

    return make


def _names(suggestions):
    return [person.username for person, _ in suggestions]


def test_active_answerers_with_topic_evidence_come_first(
    people, asker, hazmat, forklifts, ask, answer, now
):
    busy_expert, busy, idle_expert = people("busy-expert", "busy", "idle-expert")
    recently = now - timedelta(days=2)
    for _ in range(3):
        answer(ask(asker, [hazmat], at=recently), busy_expert, score=2, at=recently)
        answer(ask(asker, [forklifts], at=recently), busy, at=recently)
    long_ago = now - timedelta(days=300)
    for _ in range(3):
        answer(ask(asker, [hazmat], at=long_ago), idle_expert, accepted=True, at=long_ago)
    expertise_rebuild()
    question = ask(asker, [hazmat], at=now)
    suggestions = likely_experts(question)
    assert _names(suggestions) == ["busy-expert", "busy", "idle-expert"]
    reasons = dict((p.username, why) for p, why in suggestions)
    assert reasons["busy-expert"] == "3 answers, 6 upvotes on #hazmat"
    assert reasons["busy"] == "answered 3 questions in the last 30 days"
    assert reasons["idle-expert"] == "3 accepted answers, 3 answers on #hazmat"


def test_the_asker_is_never_suggested(people, asker, hazmat, ask, answer, now):
    (other,) = people("other")
    answer(ask(other, [hazmat], at=now), asker, accepted=True, at=now)
    answer(ask(asker, [hazmat], at=now), other, at=now)
    expertise_rebuild()
    assert _names(likely_experts(ask(asker, [hazmat]))) == ["other"]


def test_only_members_are_suggested_for_a_private_question(
    people, asker, member, hazmat, open_space, private_space, ask, answer, now
):
    (outsider,) = people("open-only")
    for who in (outsider, member):
        answer(ask(asker, [hazmat], at=now), who, score=5, accepted=True, at=now)
    expertise_rebuild()
    private_question = ask(asker, [hazmat], space=private_space)
    assert _names(likely_experts(private_question)) == ["member"]
    assert set(_names(likely_experts(ask(asker, [hazmat])))) == {"member", "open-only"}


def test_deactivated_people_are_not_suggested(people, asker, hazmat, ask, answer, now):
    gone, here = people("gone", "here")
    for who in (gone, here):
        answer(ask(asker, [hazmat], at=now), who, at=now)
    gone.is_active = False
    gone.save()
    expertise_rebuild()
    assert _names(likely_experts(ask(asker, [hazmat]))) == ["here"]


def test_reasons_count_only_evidence_the_viewer_can_see(
    people, asker, member, hazmat, private_space, ask, answer, now, outsider
):
    for _ in range(4):
        secret = ask(asker, [hazmat], space=private_space, at=now, title="SECRET plan")
        answer(secret, member, accepted=True, at=now)
    answer(ask(asker, [hazmat], at=now), member, at=now)
    expertise_rebuild()
    question = ask(asker, [hazmat])
    (insider_view,) = likely_experts(question)
    assert insider_view[1] == "4 accepted answers, 5 answers on #hazmat"
    (outsider_view,) = likely_experts(question, viewer=outsider)
    assert outsider_view[1] == "1 answer on #hazmat"
    assert "SECRET" not in outsider_view[1]


def test_limit_and_bounded_queries(
    people, asker, hazmat, ask, answer, now, django_assert_max_num_queries
):
    for who in people(*(f"p{n}" for n in range(12))):
        answer(ask(asker, [hazmat], at=now), who, at=now)
    expertise_rebuild()
    question = ask(asker, [hazmat])
    with django_assert_max_num_queries(6):
        assert len(likely_experts(question, limit=5)) == 5

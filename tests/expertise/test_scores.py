"""Scores from known evidence, to the digit; decay; rebuild and incremental refresh agree."""

import math
from datetime import timedelta

import pytest

from groundswell.expertise import scoring
from groundswell.expertise.models import Endorsement, ExpertiseScore
from groundswell.expertise.services import expertise_rebuild, expertise_refresh
from groundswell.threads.models import ThreadKind
from tests.factories import PersonFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def _row(person, topic, space=None):
    return ExpertiseScore.objects.get(person=person, topic=topic, space=space)


def test_score_counts_accepted_answers_answers_and_net_upvotes(
    expert, asker, hazmat, open_space, ask, answer, now
):
    for score, accepted in ((3, True), (2, False), (-1, False)):
        answer(ask(asker, [hazmat], at=now), expert, score=score, accepted=accepted, at=now)
    expertise_rebuild(now=now)
    row = _row(expert, hazmat, open_space)
    assert (row.accepted_answers, row.answers, row.upvotes) == (1, 3, 5)
    # 10 per accepted answer + 2 per answer + 1 per net upvote (a -1 post counts 0, not -1).
    assert row.score == pytest.approx(10 * 1 + 2 * 3 + 5)
    assert row.last_evidence_at == now
    assert not ExpertiseScore.objects.filter(person=asker).exists()  # asking is not expertise


def test_accepting_your_own_answer_is_not_evidence(expert, hazmat, open_space, ask, answer, now):
    answer(ask(expert, [hazmat], at=now), expert, accepted=True, at=now)
    expertise_rebuild(now=now)
    row = _row(expert, hazmat, open_space)
    assert (row.accepted_answers, row.answers) == (0, 1)
    assert row.score == pytest.approx(2.0)


def test_endorsements_and_declared_skills_are_standing_evidence(expert, hazmat, now):
    for endorser in PersonFactory.create_batch(4):
        Endorsement.objects.create(endorser=endorser, person=expert, topic=hazmat)
    expert.skills.add(hazmat)
    expertise_rebuild(now=now)
    row = _row(expert, hazmat)  # no space: endorsements and skills belong to none
    assert (row.endorsements, row.is_declared) == (4, True)
    assert row.score == pytest.approx(5 * 4 + 5)


def test_upvotes_on_discussions_count_but_not_on_questions(expert, hazmat, open_space, now):
    for kind in (ThreadKind.DISCUSSION, ThreadKind.QUESTION):
        thread = ThreadFactory(space=open_space, author=expert, kind=kind, score=4, created_at=now)
        thread.topics.add(hazmat)
    expertise_rebuild(now=now)
    row = _row(expert, hazmat, open_space)
    assert (row.upvotes, row.answers) == (4, 0)
    assert row.score == pytest.approx(4.0)


def test_evidence_halves_every_half_life(expert, asker, hazmat, open_space, ask, answer, now):
    half_life = scoring.expertise_weights().half_life_days
    old = now - timedelta(days=half_life)
    answer(ask(asker, [hazmat], at=old), expert, score=2, accepted=True, at=old)
    expertise_rebuild(now=now)
    row = _row(expert, hazmat, open_space)
    assert (row.accepted_answers, row.answers, row.upvotes) == (1, 1, 2)  # counts do not decay
    assert row.score == pytest.approx((10 + 2 + 2) / 2, rel=1e-6)
    assert scoring.decay(2 * half_life * 86_400, scoring.expertise_weights()) == pytest.approx(0.25)


def test_half_life_is_configurable(settings, expert, asker, hazmat, open_space, ask, answer, now):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "EXPERTISE": {"half_life_days": 30}}
    old = now - timedelta(days=60)
    answer(ask(asker, [hazmat], at=old), expert, at=old)
    expertise_rebuild(now=now)
    assert _row(expert, hazmat, open_space).score == pytest.approx(2 / 4, rel=1e-6)


def test_hidden_posts_are_not_evidence(expert, asker, hazmat, open_space, ask, answer, now):
    reply = answer(ask(asker, [hazmat], at=now), expert, score=3, at=now)
    reply.is_hidden = True
    reply.save()
    expertise_rebuild(now=now)
    assert not ExpertiseScore.objects.filter(person=expert).exists()


def test_evidence_is_split_by_space(
    expert, asker, hazmat, open_space, private_space, ask, answer, now
):
    answer(ask(asker, [hazmat], at=now), expert, at=now)
    answer(ask(asker, [hazmat], space=private_space, at=now), expert, accepted=True, at=now)
    expertise_rebuild(now=now)
    assert _row(expert, hazmat, open_space).accepted_answers == 0
    assert _row(expert, hazmat, private_space).accepted_answers == 1


def _snapshot():
    return sorted(
        (
            r.person_id,
            r.topic_id,
            r.space_id or 0,
            round(r.score, 6),
            r.accepted_answers,
            r.answers,
            r.upvotes,
            r.endorsements,
            r.is_declared,
            r.last_evidence_at.isoformat() if r.last_evidence_at else "",
        )
        for r in ExpertiseScore.objects.all()
    )


def test_refresh_after_each_change_equals_a_rebuild(
    expert, asker, hazmat, forklifts, open_space, private_space, ask, answer, now
):
    other = PersonFactory()
    expertise_rebuild(now=now)
    thread = ask(asker, [hazmat, forklifts], at=now - timedelta(days=10))
    reply = answer(thread, expert, at=now - timedelta(days=9))
    expertise_refresh([expert.pk], [hazmat.pk, forklifts.pk], now=now)
    thread.accepted_reply = reply
    thread.save()
    reply.score = 7
    reply.save()
    expertise_refresh([expert.pk], [hazmat.pk, forklifts.pk], now=now)
    answer(ask(other, [hazmat], space=private_space, at=now), expert, score=1, at=now)
    Endorsement.objects.create(endorser=other, person=expert, topic=forklifts)
    asker.skills.add(hazmat)
    expertise_refresh([expert.pk, asker.pk], [hazmat.pk, forklifts.pk], now=now)
    incremental = _snapshot()
    assert len(incremental) == 5
    expertise_rebuild(now=now)
    assert _snapshot() == incremental


def test_refresh_removes_rows_whose_evidence_is_gone(expert, asker, hazmat, ask, answer, now):
    reply = answer(ask(asker, [hazmat], at=now), expert, at=now)
    expertise_rebuild(now=now)
    reply.delete()
    assert expertise_refresh([expert.pk], [hazmat.pk], now=now) == 0
    assert not ExpertiseScore.objects.exists()


def test_refresh_touches_only_the_named_people_and_topics(
    expert, asker, hazmat, forklifts, ask, answer, now
):
    answer(ask(asker, [hazmat, forklifts], at=now), expert, at=now)
    expertise_refresh([expert.pk], [hazmat.pk], now=now)
    assert list(ExpertiseScore.objects.values_list("topic", flat=True)) == [hazmat.pk]


def test_route_score_prefers_active_people_then_topic_evidence():
    weights = scoring.Weights()
    idle = scoring.route_score(topic_scores=[(2.0, 50.0)], activity=0.0, weights=weights)
    busy = scoring.route_score(topic_scores=[], activity=3.0, weights=weights)
    busy_expert = scoring.route_score(topic_scores=[(2.0, 50.0)], activity=3.0, weights=weights)
    assert busy_expert > busy > idle
    assert busy_expert - busy == pytest.approx(0.1 * 2.0 * math.log1p(50.0))


def test_reads_decay_rows_from_when_they_were_computed(
    expert, member, asker, hazmat, ask, answer, now
):
    from groundswell.expertise.selectors import experts_for_topic

    then = now - timedelta(days=scoring.expertise_weights().half_life_days)
    answer(ask(asker, [hazmat], at=then), expert, at=then)
    expertise_rebuild(now=then)  # computed back then: 2 points, as of then
    (item,) = experts_for_topic(member, hazmat).items
    assert item.evidence.score == pytest.approx(1.0, rel=1e-3)  # worth half today
    assert item.explanation == "1 answer on #hazmat"


def test_the_rebuild_command_reports_what_it_did(expert, asker, hazmat, ask, answer, capsys):
    from django.core.management import call_command

    answer(ask(asker, [hazmat]), expert)
    ExpertiseScore.objects.create(
        person=asker, topic=hazmat, score=99, computed_at=ask(asker, []).created_at
    )
    call_command("rebuild_expertise")
    out = capsys.readouterr().out
    assert "Aggregating evidence" in out
    assert "1 scores for 1 people on 1 topics (1 old rows replaced)" in out
    assert not ExpertiseScore.objects.filter(person=asker).exists()

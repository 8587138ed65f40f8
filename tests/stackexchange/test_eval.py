"""eval_routing: the time-ordered replay prints the three routers' figures, and its expertise
router ranks exactly as the product's `likely_experts` does."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from groundswell.expertise.selectors import likely_experts
from groundswell.expertise.services import expertise_rebuild
from groundswell.stackexchange.dump import Dump
from groundswell.stackexchange.evaluation import Metrics, rank_question, replay
from groundswell.stackexchange.importer import stackexchange_import
from groundswell.stackexchange.models import ImportedPost
from groundswell.threads.models import Thread
from tests.stackexchange.dumps import specialist_dump, tiny_dump

QUESTIONS = 30


def test_the_command_prints_mrr_and_precision_for_three_routers(tmp_path, capsys):
    directory = specialist_dump(tmp_path / "cider.stackexchange.com", start=timezone.now())
    call_command("eval_routing", str(directory), "--cutoff", "0.5")
    out = capsys.readouterr().out
    assert "evaluated 30 answered questions" in out
    lines = {line.split("  ")[0]: line.split() for line in out.splitlines()}
    for router in ("expertise router", "most active answerers", "BM25 over past answers"):
        assert router in lines, out
    assert "MRR" in out and "P@1" in out and "P@5" in out
    # One specialist per topic: the expertise router always names them first; who answered
    # most lately cannot know which topic a question is on.
    assert lines["expertise router"][2:3] == ["1.000"]
    assert float(lines["most active answerers"][3]) < 0.7


def test_replay_uses_only_what_happened_before_each_question(tmp_path):
    directory = specialist_dump(tmp_path / "s", start=timezone.now(), questions=QUESTIONS)
    early = replay(Dump(directory), cutoff=0.0)
    # The first question has no earlier answerer; the next two have none for their topic yet.
    assert early.evaluated == QUESTIONS - 1
    assert early.reachable == QUESTIONS - 3
    # The questions whose answerer had never answered before are misses for every router.
    for metric in early.results:
        assert metric.reciprocal_ranks[:2] == [0.0, 0.0]


def test_metrics():
    metric = Metrics("m")
    for rank in (1, 2, None, 5):
        metric.add(rank)
    assert metric.mrr == pytest.approx((1 + 0.5 + 0 + 0.2) / 4)
    assert (metric.precision_at(1), metric.precision_at(5)) == (0.25, 0.75)
    low, high = metric.mrr_interval()
    assert low < metric.mrr < high


def test_bad_arguments(tmp_path):
    with pytest.raises(CommandError):
        call_command("eval_routing", str(tmp_path / "missing"))
    with pytest.raises(CommandError):
        call_command("eval_routing", str(tiny_dump(tmp_path / "t")), "--cutoff", "1.5")


@pytest.mark.django_db
def test_the_replayed_router_ranks_like_likely_experts(tmp_path):
    # The last question is asked a minute ago, so the product ranks at nearly the same moment.
    start = timezone.now() - timedelta(days=2 * (QUESTIONS - 1), minutes=1)
    directory = specialist_dump(tmp_path / "s", start=start, questions=QUESTIONS, open_last=True)
    stackexchange_import(directory=directory, space_slug="s")
    expertise_rebuild()
    last = 1000 + 2 * (QUESTIONS - 1)
    thread = Thread.objects.get(pk=ImportedPost.objects.get(se_id=last).thread_id)
    product = [person.username for person, _ in likely_experts(thread, limit=10)]
    replayed = [f"se-{user_id}" for user_id, _ in rank_question(Dump(directory), last)]
    assert len(product) == 3
    assert product == replayed

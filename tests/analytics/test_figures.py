"""Exact figures for the known organisation (tests/analytics/conftest.py)."""

import pytest

from groundswell.activity.models import Event
from groundswell.analytics.filters import parse_filters
from groundswell.analytics.models import FlowDaily, KnowledgeTransfer, QuestionFact, SpaceDaily
from groundswell.analytics.selectors import dashboard_get, dashboard_table
from groundswell.analytics.services import analytics_apply_event, analytics_rebuild
from groundswell.threads.models import Thread
from tests.analytics.conftest import RANGE
from tests.factories import ThreadFactory

pytestmark = pytest.mark.django_db


def _table(viewer, name, **params):
    return dashboard_table(viewer, parse_filters({**RANGE, **params}), name)


def _plain(table):
    return [[str(cell) for cell in row] for row in table.rows]


def test_edges_follow_the_rules(org):
    edges = {
        (e.signal, e.source.username, e.learner.username, e.direction, e.crosses_units)
        for e in KnowledgeTransfer.objects.select_related("source", "learner")
    }
    assert edges == {
        ("accepted", "f1", "m3", "up", False),
        ("voted", "d4", "f2", "down", True),
        ("voted", "f1", "f2", "across", False),
        ("endorsed", "f1", "d4", "up", True),
    }
    accepted = KnowledgeTransfer.objects.get(signal="accepted")
    assert (accepted.source_level, accepted.learner_level) == (1, 3)
    assert accepted.learner_unit_path == org.depot_a.path


def test_exact_flow_matrix(org, admin_person, small_cells):
    rows = _plain(_table(admin_person, "flow-matrix"))
    assert rows == [
        ["Frontline", "1", "0", "1", "1", "0"],
        ["Specialist / team lead", "0", "0", "0", "0", "0"],
        ["Manager", "0", "0", "0", "0", "0"],
        ["Director", "1", "0", "0", "0", "0"],
        ["Executive", "0", "0", "0", "0", "0"],
    ]


def test_direction_shares_and_return_of_expertise(org, admin_person, small_cells):
    shares = _table(admin_person, "direction-shares")
    assert _plain(shares) == [["2026-03-02", "2", "1", "1", "50.0"]]
    assert "50.0% went up, 25.0% down and 25.0% across" in shares.summary
    roe = dict(_plain(_table(admin_person, "return-of-expertise")))
    assert roe["Transfers up the hierarchy"] == "2"
    assert roe["Upward share %"] == "50.0"


def test_peer_support_rates_and_medians(org, admin_person, small_cells):
    figures = dict(_plain(_table(admin_person, "peer-support")))
    assert figures == {
        "Questions": "3",
        "Answer rate %": "66.7",
        "Accepted rate %": "33.3",
        "Median hours to first answer": "1.5",
        "Median hours to accepted answer": "3.0",
    }
    assert _plain(_table(admin_person, "unanswered")) == [["hazmat", "1"]]


def test_topic_gaps_exclude_topics_with_a_course(org, admin_person, small_cells, course_space):
    gaps = _table(admin_person, "topic-gaps")
    assert [row[0] for row in gaps.rows] == ["hazmat", "forklifts"]
    assert [str(c) for c in gaps.rows[0][1:3]] == ["2", "0"]
    # f1 answered and got accepted on #hazmat and was endorsed on it: the expert to ask.
    assert gaps.rows[0][3].split(", ")[0] == org.f1.name
    ThreadFactory(space=course_space, author=org.m3).topics.add(org.q2.topics.get())
    assert [row[0] for row in _table(admin_person, "topic-gaps").rows] == ["hazmat"]


def test_filters_by_unit_topic_and_space(org, admin_person, small_cells):
    depot_b = _plain(_table(admin_person, "flow-matrix", unit="depot-b"))
    assert depot_b[0] == ["Frontline", "0", "0", "0", "1", "0"]  # only d4 learned in depot B
    hazmat = dict(_plain(_table(admin_person, "peer-support", topic="hazmat")))
    assert hazmat["Questions"] == "2"
    assert hazmat["Answer rate %"] == "50.0"
    ops = dict(_plain(_table(admin_person, "peer-support", space="ops")))
    assert ops["Questions"] == "3"


def test_suppression_below_five_people(org, admin_person):
    rows = _plain(_table(admin_person, "flow-matrix"))
    assert rows[0][1] == "<5"  # f1→f2: two people
    assert rows[1][1] == "0"  # nobody: nothing to hide
    assert dict(_plain(_table(admin_person, "peer-support")))["Questions"] == "<5"


def _snapshot():
    return (
        sorted(
            KnowledgeTransfer.objects.values_list(
                "event_id", "direction", "source_level", "learner_level"
            )
        ),
        sorted(
            FlowDaily.objects.values_list(
                "day", "unit_path", "topic_id", "signal", "direction", "transfers", "people"
            )
        ),
        sorted(
            QuestionFact.objects.values_list(
                "thread_id_value", "topic_id", "first_answer_seconds", "accepted_seconds"
            )
        ),
        sorted(
            SpaceDaily.objects.values_list(
                "day", "space_id_value", "posts", "replies", "accepted", "votes", "people"
            )
        ),
    )


def test_incremental_updates_equal_a_rebuild(org):
    rebuilt = _snapshot()
    for model in (KnowledgeTransfer, FlowDaily, QuestionFact, SpaceDaily):
        model.objects.all().delete()
    for event_id in Event.objects.order_by("id").values_list("id", flat=True):
        assert analytics_apply_event(event_id)
        analytics_apply_event(event_id)  # twice: idempotent
    assert _snapshot() == rebuilt
    analytics_rebuild()
    assert _snapshot() == rebuilt


def test_rebuild_keeps_levels_at_the_time(org):
    org.f1.level = 5
    org.f1.save(update_fields=["level"])
    analytics_rebuild()
    assert KnowledgeTransfer.objects.get(signal="accepted").direction == "up"
    analytics_rebuild(full=True)
    assert KnowledgeTransfer.objects.get(signal="accepted").direction == "down"


@pytest.mark.parametrize("params", [RANGE, {"from": "2025-12-15", "to": "2026-05-31"}])
def test_dashboard_reads_only_rollups_within_budget(
    org, admin_person, django_assert_max_num_queries, params
):
    # Ten panels; a long range reads monthly and daily rows (one more query for some panels).
    filters = parse_filters(params)
    with django_assert_max_num_queries(36):
        board = dashboard_get(admin_person, filters)
    assert len(board.panels) == 10
    assert Thread.objects.count() == 3


def test_summaries_do_not_reveal_suppressed_figures(org, admin_person):
    for name in ("direction-shares", "return-of-expertise", "peer-support"):
        summary = _table(admin_person, name).summary
        assert "Too few people" in summary, (name, summary)


def test_rebuild_command(org):
    from io import StringIO

    from django.core.management import call_command

    KnowledgeTransfer.objects.all().delete()
    FlowDaily.objects.all().delete()
    out = StringIO()
    call_command("rebuild_analytics", stdout=out)
    assert "'edges': 4" in out.getvalue()
    assert FlowDaily.objects.filter(topic_id=0).count() == 4

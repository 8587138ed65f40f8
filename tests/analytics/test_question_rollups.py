"""Question panels read the monthly question rollup for whole months and the question facts for
the days around them, and show exactly what the facts alone give; the rollup follows each
question event; follows, bookmarks, joins and enrolments reach engagement after commit."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.activity.models import Event, Verb
from groundswell.analytics.bitmaps import bitmap_dump, bitmap_load, bitmap_of
from groundswell.analytics.filters import parse_filters
from groundswell.analytics.models import (
    EngagementDaily,
    KnowledgeTransfer,
    NetworkMonthly,
    PairDaily,
    PairMonthly,
    QuestionFact,
    QuestionMonthly,
)
from groundswell.analytics.selectors import dashboard_table
from groundswell.analytics.services import analytics_apply_event, analytics_rebuild
from groundswell.analytics.services import questions as question_rollup
from groundswell.learning import services as learning
from groundswell.spaces import services as spaces
from groundswell.threads import services as threads
from groundswell.topics.models import Topic
from tests.factories import MembershipFactory, PersonFactory, SpaceFactory

pytestmark = pytest.mark.django_db
QUESTION_PANELS = ["peer-support", "unanswered", "topic-gaps"]


def _at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def _timed(event_filter, at):
    Event.objects.filter(**event_filter).update(created_at=at)


@pytest.fixture
def spread(org):
    """Beyond the org's three questions on 2 March 09:00:

    Q4 f1 #hazmat 31 Mar 23:00, answered by d4 1 Apr 01:00 (2h), accepted 2 Apr 09:00 (34h)
    Q5 d4 #forklifts 15 Apr 10:00, answered by m3 after 5h
    Q6 m3 #hazmat 27 Feb 12:00, unanswered
    Q7 s2 #forklifts in a second space, 1 May 00:30, answered by f2 after 30 minutes
    """
    other = SpaceFactory(slug="yard", name="Yard")
    for who in (org.s2, org.f2):
        MembershipFactory(space=other, person=who)

    def ask(author, title, topic, space=org.space):
        return threads.thread_create(
            author=author, space=space, kind="question", title=title, body="", topics=[topic]
        )

    q4, q5 = ask(org.f1, "Q4", "hazmat"), ask(org.d4, "Q5", "forklifts")
    q6, q7 = ask(org.m3, "Q6", "hazmat"), ask(org.s2, "Q7", "forklifts", other)
    a4 = threads.reply_create(author=org.d4, thread=q4, body="Yes.")
    threads.reply_create(author=org.m3, thread=q5, body="No.")
    threads.reply_create(author=org.f2, thread=q7, body="Maybe.")
    threads.reply_accept(person=org.f1, reply=a4)
    for thread, asked, answered in (
        (q4, _at(2026, 3, 31, 23), _at(2026, 4, 1, 1)),
        (q5, _at(2026, 4, 15, 10), _at(2026, 4, 15, 15)),
        (q6, _at(2026, 2, 27, 12), None),
        (q7, _at(2026, 5, 1, 0, 30), _at(2026, 5, 1, 1)),
    ):
        _timed({"thread": thread}, asked + timedelta(hours=6))
        _timed({"thread": thread, "verb": Verb.ASKED}, asked)
        if answered:
            _timed({"thread": thread, "verb": Verb.ANSWERED}, answered)
    _timed({"thread": q4, "verb": Verb.ACCEPTED}, _at(2026, 4, 2, 9))
    analytics_rebuild()
    return org


def _plain(viewer, name, params):
    table = dashboard_table(viewer, parse_filters(params), name)
    return [[str(c) for c in row] for row in table.rows], table.summary


RANGES = [
    {"from": "2026-02-01", "to": "2026-04-30"},
    {"from": "2026-03-01", "to": "2026-03-31"},
    {"from": "2026-03-15", "to": "2026-04-15"},
    {"from": "2026-02-27", "to": "2026-05-01"},
    {"from": "2026-04-01", "to": "2026-05-31"},
]
EXTRAS = [
    {},
    {"topic": "hazmat"},
    {"space": "ops"},
    {"unit": "depot-a"},
    {"topic": "forklifts", "space": "yard"},
]


@pytest.mark.parametrize("extra", EXTRAS)
@pytest.mark.parametrize("name", QUESTION_PANELS)
def test_monthly_rollup_reads_exactly_what_the_facts_give(
    spread, admin_person, small_cells, settings, name, extra
):
    for params in RANGES:
        settings.ANALYTICS_MONTHLY_ROLLUPS = False
        facts_only = _plain(admin_person, name, {**params, **extra})
        settings.ANALYTICS_MONTHLY_ROLLUPS = True
        assert _plain(admin_person, name, {**params, **extra}) == facts_only, params


def test_figures_across_a_month_boundary(spread, admin_person, small_cells):
    rows, _ = _plain(admin_person, "peer-support", {"from": "2026-03-01", "to": "2026-04-30"})
    # Q1 to Q5: four answered (1h, 2h, 2h, 5h), Q1 and Q4 accepted (3h, 34h).
    assert dict(rows) == {
        "Questions": "5",
        "Answer rate %": "80.0",
        "Accepted rate %": "40.0",
        "Median hours to first answer": "2.0",
        "Median hours to accepted answer": "18.5",
    }
    # Q4 was asked in March: April alone holds Q5 only, answered the same day.
    rows, _ = _plain(admin_person, "peer-support", {"from": "2026-04-01", "to": "2026-04-30"})
    assert dict(rows)["Questions"] == "1"
    assert dict(rows)["Median hours to first answer"] == "5.0"
    rows, _ = _plain(admin_person, "unanswered", {"from": "2026-02-01", "to": "2026-04-30"})
    assert rows == [["hazmat", "2"]]
    rows, _ = _plain(admin_person, "topic-gaps", {"from": "2026-02-01", "to": "2026-05-31"})
    assert rows[:2] == [["hazmat", "4", "0", rows[0][3]], ["forklifts", "3", "0", rows[1][3]]]


def test_whole_months_read_the_monthly_rollup(spread, admin_person, small_cells):
    for name in QUESTION_PANELS:
        with CaptureQueriesContext(connection) as queries:
            dashboard_table(admin_person, parse_filters(RANGES[0]), name)
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        assert "analytics_questionmonthly" in sql, name


def test_cells_with_few_askers_stay_suppressed(spread, admin_person):
    march = {"from": "2026-03-01", "to": "2026-03-31"}
    rows, summary = _plain(admin_person, "peer-support", march)  # four askers
    assert {value for _, value in rows} == {"<5"}
    assert summary == "Too few people asked to show figures."
    rows, _ = _plain(admin_person, "unanswered", march)
    assert rows == [["hazmat", "<5"]]
    # February to April: six questions from exactly five people, shown.
    rows, _ = _plain(admin_person, "peer-support", RANGES[0])
    assert dict(rows)["Questions"] == "6"


def _monthly():
    return sorted(
        QuestionMonthly.objects.values_list(
            "month", "unit_path", "topic_id", "space_id_value", "asked", "answered", "accepted"
        )
    )


def test_incremental_updates_equal_a_rebuild(spread):
    rebuilt = _monthly()
    assert rebuilt
    QuestionFact.objects.all().delete()
    QuestionMonthly.objects.all().delete()
    for event_id in Event.objects.order_by("id").values_list("id", flat=True):
        analytics_apply_event(event_id)
        analytics_apply_event(event_id)  # twice: idempotent
    assert _monthly() == rebuilt


def test_an_answer_after_the_asker_moved_unit_moves_the_question(
    spread, django_capture_on_commit_callbacks
):
    spread.m3.org_unit = spread.depot_b
    spread.m3.save(update_fields=["org_unit"])
    q6 = Event.objects.get(verb=Verb.ASKED, thread__title="Q6").thread
    with django_capture_on_commit_callbacks(execute=True):
        threads.reply_create(author=spread.f2, thread=q6, body="Late answer.")
    incremental = _monthly()
    # The rollup matches its facts (a rebuild would also move m3's other questions).
    question_rollup.question_rebuild()
    assert _monthly() == incremental
    feb = [row for row in incremental if row[0] == date(2026, 2, 1) and row[2] == 0]
    assert {row[1] for row in feb} == {spread.depot_b.path}


def _actions_today(person) -> int:
    return sum(
        EngagementDaily.objects.filter(person_id_value=person.pk).values_list("actions", flat=True)
    )


def test_follows_bookmarks_joins_and_enrolments_reach_engagement(
    org, django_capture_on_commit_callbacks
):
    newcomer = PersonFactory(username="newcomer", org_unit=org.depot_a)
    staff = PersonFactory(username="ld.staff", is_staff=True)
    open_space = SpaceFactory(slug="canteen", name="Canteen")
    course = learning.course_create(actor=staff, code="SAF-101", title="Safety basics")
    steps = [
        lambda: threads.follow_add(
            follower=newcomer, kind="topic", target=Topic.objects.get(name="hazmat")
        ),
        lambda: threads.bookmark_add(person=newcomer, thread=org.q1),
        lambda: spaces.space_join(person=newcomer, space=open_space),
        lambda: learning.enroll(actor=staff, person=newcomer, course=course),
    ]
    for done, step in enumerate(steps[:3], start=1):
        with django_capture_on_commit_callbacks(execute=True):
            step()
        assert _actions_today(newcomer) == done
    # Staff enrol people: the enrolment is the staff member's action (after creating the course).
    with django_capture_on_commit_callbacks(execute=True):
        steps[3]()
    assert _actions_today(staff) == 2


# --- expert network: monthly sets of people ---------------------------------------------------


@pytest.mark.parametrize("extra", [{}, {"unit": "depot-a"}, {"unit": "depot-b"}])
def test_network_sets_read_exactly_what_the_pairs_give(
    spread, admin_person, small_cells, settings, extra
):
    assert NetworkMonthly.objects.exists()
    for params in RANGES:
        settings.ANALYTICS_MONTHLY_ROLLUPS = False
        pairs_only = _plain(admin_person, "expert-network", {**params, **extra})
        settings.ANALYTICS_MONTHLY_ROLLUPS = True
        assert _plain(admin_person, "expert-network", {**params, **extra}) == pairs_only, params


def test_network_counts_people_once_across_months(spread, admin_person, small_cells):
    # Depot B's only connector is d4: March, f2 upvoted d4's answer to Q2; April, f1 accepted
    # d4's answer to Q4. Depot A's f1 reached only d4 across units (the endorsement).
    rows, _ = _plain(admin_person, "expert-network", {"from": "2026-03-01", "to": "2026-04-30"})
    by_unit = {row[0]: row[1:] for row in rows}
    assert by_unit == {"Depot B": ["1", "1", "2", "2"], "Depot A": ["1", "1", "1", "1"]}
    rows, _ = _plain(admin_person, "expert-network", {"from": "2026-04-01", "to": "2026-04-30"})
    assert {row[0]: row[1:] for row in rows}["Depot B"] == ["1", "1", "1", "1"]


def _network():
    return sorted(
        (month, path, n, bitmap_load(c), bitmap_load(p), tuple(units))
        for month, path, n, c, p, units in NetworkMonthly.objects.values_list(
            "month", "source_unit_path", "transfers", "connectors", "learners", "learner_units"
        )
    )


def test_network_incremental_updates_equal_a_rebuild(spread):
    rebuilt = _network()
    assert rebuilt
    for model in (KnowledgeTransfer, PairDaily, PairMonthly, NetworkMonthly):
        model.objects.all().delete()
    for event_id in Event.objects.order_by("id").values_list("id", flat=True):
        analytics_apply_event(event_id)
        analytics_apply_event(event_id)
    assert _network() == rebuilt


def test_bitmaps_hold_sets_exactly():
    ids = {1, 7, 8, 64, 9_999_991}
    bitmap = bitmap_load(bitmap_dump(bitmap_of(ids)))
    assert bitmap.bit_count() == len(ids)
    assert (bitmap | bitmap_of({7, 12})).bit_count() == len(ids) + 1
    assert bitmap_of([]) == 0 and bitmap_load(bitmap_dump(0)) == 0

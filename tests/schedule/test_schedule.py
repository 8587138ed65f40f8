"""The scheduler runs each due job once, across processes, and survives failing jobs."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from groundswell.schedule.jobs import SCHEDULE, Job
from groundswell.schedule.models import JobState
from groundswell.schedule.services import (
    job_claim,
    schedule_tick,
    seconds_until_next,
)

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
EVERY_MINUTE = Job("topics-listing", (("check",),), every=timedelta(minutes=1))


def test_an_interval_job_runs_when_first_seen_then_once_per_interval():
    assert [o.name for o in schedule_tick(now=NOON, jobs=(EVERY_MINUTE,))] == ["topics-listing"]
    assert schedule_tick(now=NOON + timedelta(seconds=59), jobs=(EVERY_MINUTE,)) == []
    again = schedule_tick(now=NOON + timedelta(minutes=1), jobs=(EVERY_MINUTE,))
    assert [o.ok for o in again] == [True]
    state = JobState.objects.get(name="topics-listing")
    assert state.last_ok is True
    assert state.next_due == NOON + timedelta(minutes=2)


def test_two_schedulers_claiming_the_same_due_job_run_it_once():
    assert job_claim(EVERY_MINUTE, now=NOON) is True
    # The second scheduler read the same due time but the row has moved on.
    assert job_claim(EVERY_MINUTE, now=NOON) is False


def test_a_daily_job_waits_for_its_time_of_day(settings):
    settings.TIME_ZONE = "UTC"
    daily = Job("daily-check", (("check",),), daily_at=time(7, 0))
    assert schedule_tick(now=NOON, jobs=(daily,)) == []
    assert JobState.objects.get(name="daily-check").next_due == NOON.replace(hour=7) + timedelta(
        days=1
    )
    tomorrow_seven = NOON.replace(hour=7) + timedelta(days=1)
    assert [o.name for o in schedule_tick(now=tomorrow_seven, jobs=(daily,))] == ["daily-check"]


def test_a_failing_job_is_recorded_and_the_others_still_run():
    broken = Job("broken", (("no_such_command",),), every=timedelta(minutes=1))
    outcomes = schedule_tick(now=NOON, jobs=(broken, EVERY_MINUTE))
    assert [(o.name, o.ok) for o in outcomes] == [("broken", False), ("topics-listing", True)]
    state = JobState.objects.get(name="broken")
    assert state.last_ok is False
    assert "no_such_command" in state.last_output


def test_a_job_that_needs_a_setting_is_skipped_without_it(settings):
    settings.XAPI_LRS_ENDPOINT = ""
    forward = next(job for job in SCHEDULE if job.name == "xapi-forward")
    assert schedule_tick(now=NOON, jobs=(forward,)) == []
    assert not JobState.objects.filter(name="xapi-forward").exists()


def test_the_scheduler_sleeps_until_the_earliest_due_job():
    schedule_tick(now=NOON, jobs=(EVERY_MINUTE,))
    assert seconds_until_next(now=NOON + timedelta(seconds=50), jobs=(EVERY_MINUTE,)) == 10
    assert seconds_until_next(now=NOON, jobs=(EVERY_MINUTE,), cap=5) == 5


def test_run_schedule_once_runs_the_due_jobs_and_summarises(capsys, settings):
    settings.XAPI_LRS_ENDPOINT = ""
    call_command("run_schedule", "--once")
    out = capsys.readouterr().out
    assert "ama-reminders: ok" in out and "xapi-build: ok" in out
    # Daily jobs wait for their time of day; xAPI forwarding needs an LRS.
    assert "digests:" not in out and "xapi-forward" not in out
    assert out.strip().endswith("Schedule stopped: 2 job runs, 0 failed.")
    assert JobState.objects.get(name="digests").next_due > timezone.now()

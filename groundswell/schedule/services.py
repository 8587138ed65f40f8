"""Running the schedule: claim what is due, run it, record how it went."""

import io
import time as clock
from dataclasses import dataclass

from django.core.management import call_command
from django.utils import timezone

from groundswell.schedule.jobs import SCHEDULE, Job
from groundswell.schedule.models import JobState

MAX_OUTPUT = 4000


@dataclass(frozen=True)
class JobOutcome:
    name: str
    ok: bool
    seconds: float
    output: str


def _state(job: Job, now) -> JobState:
    state, _ = JobState.objects.get_or_create(
        name=job.name, defaults={"next_due": job.first_due(now)}
    )
    return state


def job_claim(job: Job, *, now=None) -> bool:
    """Claim the job if it is due: one conditional UPDATE, so of several schedulers exactly
    one wins. The winner moves `next_due` on before running, which also means a job that
    crashes the process is not retried in a tight loop."""
    now = now or timezone.now()
    state = _state(job, now)
    if state.next_due > now:
        return False
    return bool(
        JobState.objects.filter(pk=state.pk, next_due=state.next_due).update(
            next_due=job.next_due_after(now), last_started_at=now
        )
    )


def job_run(job: Job) -> JobOutcome:
    """Run the job's commands in this process and record the outcome. A failing command
    stops the job (its later commands depend on it) but never the scheduler."""
    started = clock.monotonic()
    output, ok = io.StringIO(), True
    for command in job.commands:
        try:
            call_command(*command, stdout=output, stderr=output)
        # Recorded for administrators; one failing job must not stop the others.
        except (Exception, SystemExit) as error:
            output.write(f"{' '.join(command)} failed: {error!r}\n")
            ok = False
            break
    text = output.getvalue()[-MAX_OUTPUT:]
    JobState.objects.filter(name=job.name).update(
        last_finished_at=timezone.now(), last_ok=ok, last_output=text
    )
    return JobOutcome(job.name, ok, clock.monotonic() - started, text)


def schedule_tick(*, now=None, jobs=SCHEDULE) -> list[JobOutcome]:
    """Run every enabled job that is due now (and claimed by this process)."""
    now = now or timezone.now()
    return [job_run(job) for job in jobs if job.is_enabled() and job_claim(job, now=now)]


def seconds_until_next(*, now=None, jobs=SCHEDULE, cap: float = 30.0) -> float:
    """How long the scheduler may sleep: until the earliest due job, at most `cap` seconds
    (so a job added by another machine's clock change is noticed soon)."""
    now = now or timezone.now()
    names = [job.name for job in jobs if job.is_enabled()]
    earliest = (
        JobState.objects.filter(name__in=names).order_by("next_due").first() if names else None
    )
    if earliest is None:
        return 0.0 if names else cap
    return max(0.0, min(cap, (earliest.next_due - now).total_seconds()))

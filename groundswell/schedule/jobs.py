"""The clock-driven work: what runs, and when. Every command listed here is idempotent
(digests are claimed per period, reminders once per registration, xAPI statements once per
id), so a late or repeated run does no harm."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class Job:
    name: str
    # Each command is a `groundswell` management command with its arguments.
    commands: tuple[tuple[str, ...], ...]
    every: timedelta | None = None
    # Local wall-clock time (settings.TIME_ZONE) for once-a-day jobs.
    daily_at: time | None = None
    # Optional setting that must be truthy for the job to run (e.g. an LRS endpoint).
    requires_setting: str = ""

    def is_enabled(self) -> bool:
        return not self.requires_setting or bool(getattr(settings, self.requires_setting, ""))

    def next_due_after(self, moment: datetime) -> datetime:
        """The first time after `moment` the job should run again."""
        if self.every is not None:
            return moment + self.every
        local = timezone.localtime(moment)
        due = local.replace(
            hour=self.daily_at.hour, minute=self.daily_at.minute, second=0, microsecond=0
        )
        if due <= local:
            due += timedelta(days=1)
        return due

    def first_due(self, now: datetime) -> datetime:
        """When a job never seen before first runs: interval jobs at once, daily jobs at
        their next time of day."""
        return now if self.every is not None else self.next_due_after(now)


SCHEDULE: tuple[Job, ...] = (
    Job("ama-reminders", (("send_ama_reminders",),), every=timedelta(minutes=5)),
    Job("xapi-build", (("xapi_build",),), every=timedelta(minutes=5)),
    Job(
        "xapi-forward",
        (("xapi_forward",),),
        every=timedelta(minutes=5),
        requires_setting="XAPI_LRS_ENDPOINT",
    ),
    # The weekly digest is claimed per ISO week, so running it daily sends it on Mondays.
    Job(
        "digests",
        (("send_digests", "--period", "daily"), ("send_digests", "--period", "weekly")),
        daily_at=time(7, 0),
    ),
    Job("insight-trends", (("cluster_insights", "--days", "120"),), daily_at=time(2, 30)),
)

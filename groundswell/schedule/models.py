"""When each scheduled job is next due, shared by every scheduler process."""

from django.db import models


class JobState(models.Model):
    """One row per job of `schedule.jobs.SCHEDULE`. A scheduler claims a due job by moving
    `next_due` forward in one conditional UPDATE, so two schedulers (two machines, or a
    restart while the old one is still stopping) never run the same job twice."""

    name = models.CharField(max_length=60, unique=True)
    next_due = models.DateTimeField()
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_ok = models.BooleanField(null=True)
    last_output = models.TextField(max_length=4000, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

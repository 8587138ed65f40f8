"""The xAPI outbox: one row per activity Event that maps to a statement.

The statement id is derived from the event id (uuid5), so rebuilding gives the same id and the
LRS, which dedupes by id, never stores an action twice.
"""

from django.db import models


class StatementOutbox(models.Model):
    event = models.OneToOneField(
        "activity.Event", on_delete=models.CASCADE, related_name="xapi_statement"
    )
    statement_id = models.UUIDField(unique=True)
    # Empty when the event was deliberately not exported (e.g. an anonymous asker's action);
    # the row is kept so the builder does not look at the event again.
    statement = models.JSONField(default=dict)
    skipped = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["sent_at", "skipped", "id"])]
        verbose_name = "xAPI statement"

    def __str__(self) -> str:
        return f"{self.statement_id} (event {self.event_id})"

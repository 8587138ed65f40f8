"""Background work for analytics: an event id in, one service call, safe to run twice."""

from django.db import transaction
from django_tasks import task

from groundswell.analytics import services
from groundswell.tasks import retry_on_transient_errors


@task()
def apply_event(event_id: int, attempt: int = 1) -> bool:
    """Fold one event into the analytics rollups (retried later on a transient failure, a
    bounded number of times)."""
    with retry_on_transient_errors(apply_event, event_id, attempt=attempt):
        return services.analytics_apply_event(event_id)


def analytics_after_commit(event) -> None:
    """Queue the analytics update for an event once the action that recorded it has committed.
    Services call it right after `event_record` for: asked, answered, accepted, voted, marked
    helpful, insight status, wiki edit, endorsement, followed, bookmarked, joined and enrolled
    (and any space activity)."""
    event_id = event.pk
    transaction.on_commit(lambda: apply_event.enqueue(event_id))

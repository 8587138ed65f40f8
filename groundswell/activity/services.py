"""Recording activity. Called by every other service, inside its transaction."""

from django.db import models
from django.utils import timezone

from groundswell.activity.models import Event, Verb


def event_record(
    *,
    actor,
    verb: Verb,
    target: models.Model | None = None,
    space=None,
    thread=None,
    subject=None,
    topic_ids: list[int] | None = None,
    data: dict | None = None,
    at=None,
) -> Event:
    """Write one Event for a user action; call it from the action's own transaction."""
    if verb not in Verb.values:
        raise ValueError(f"Unknown activity verb {verb!r}: add it to activity.models.Verb.")
    return Event.objects.create(
        actor=actor,
        verb=verb,
        object_type=target._meta.label_lower if target is not None else "",
        object_id=target.pk if target is not None else None,
        space=space,
        thread=thread,
        subject=subject,
        topic_ids=sorted(topic_ids or []),
        data=data or {},
        created_at=at or timezone.now(),
    )

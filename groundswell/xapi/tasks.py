"""Background xAPI work: build missing statements, then forward pending ones. Safe to run
twice or concurrently (the outbox is one row per event; forwarding locks rows in flight)."""

from django_tasks import task

from groundswell.xapi import services


@task()
def sync_statements() -> dict:
    """Build the outbox from new events and forward what is due; retries are in the outbox
    (attempts, next_attempt_at), so the task itself never needs re-queuing."""
    built = services.outbox_build()
    sent = services.outbox_forward()
    return {"built": built, "sent": sent}

"""Background work for expertise: ids in, one service call, safe to run twice."""

from django.db import transaction
from django_tasks import task

from groundswell.expertise import services
from groundswell.tasks import retry_on_transient_errors
from groundswell.threads.models import Reply, Thread


@task()
def refresh_thread_expertise(thread_id: int, extra_topic_ids: list[int], attempt: int = 1) -> int:
    """Recompute the scores of everyone who wrote in a thread, on its topics (retried later on
    a transient failure, a bounded number of times)."""
    with retry_on_transient_errors(
        refresh_thread_expertise, thread_id, extra_topic_ids, attempt=attempt
    ):
        thread = Thread.objects.filter(pk=thread_id).first()
        if thread is None:
            return 0
        topic_ids = [*thread.topics.values_list("pk", flat=True), *extra_topic_ids]
        authors = {
            thread.author_id,
            *Reply.objects.filter(thread=thread).values_list("author", flat=True),
        }
        return services.expertise_refresh(authors, topic_ids)


@task()
def route_question(thread_id: int, attempt: int = 1) -> int:
    """Notify the likely experts of a new question (idempotent: one notification per person
    and event; retried later on a transient failure, a bounded number of times)."""
    with retry_on_transient_errors(route_question, thread_id, attempt=attempt):
        return services.question_route(thread_id=thread_id)


def expertise_after_commit(thread, *, extra_topic_ids=()) -> None:
    """Queue a refresh of the thread's authors' expertise once the action has committed."""
    thread_id, extra = thread.pk, list(extra_topic_ids)
    transaction.on_commit(lambda: refresh_thread_expertise.enqueue(thread_id, extra))


def route_after_commit(thread) -> None:
    """Queue question routing once the question has committed."""
    thread_id = thread.pk
    transaction.on_commit(lambda: route_question.enqueue(thread_id))

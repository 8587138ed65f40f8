"""A small depot: a driver who asks, a lead who answers, followers, and a private cohort.

Content is made through the real services; `committed` runs what they queued after commit
(the fan-out task, then the email tasks it queues), as a real commit would.
"""

import pytest

from groundswell.activity.models import Event
from groundswell.notifications.models import Kind, Notification
from groundswell.spaces.models import Role, Visibility
from groundswell.threads import services as threads
from tests.factories import MembershipFactory, PersonFactory, SpaceFactory


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` — run the block, then its on-commit callbacks (and the callbacks
    those register), like the end of a real transaction."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def depot(db):
    lounge = SpaceFactory(name="Drivers' lounge", slug="lounge")
    cohort = SpaceFactory(name="Cohort A", slug="cohort-a", visibility=Visibility.PRIVATE)
    driver = PersonFactory(username="dana", display_name="Dana Driver")
    lead = PersonFactory(username="wes", display_name="Wes Warehouse")
    loader = PersonFactory(username="kim", display_name="Kim Loader")
    outsider = PersonFactory(username="olive", display_name="Olive Outsider")
    for person in (driver, lead, loader, outsider):
        MembershipFactory(space=lounge, person=person)
    MembershipFactory(space=cohort, person=driver, role=Role.OWNER)
    MembershipFactory(space=cohort, person=lead)
    return {
        "lounge": lounge,
        "cohort": cohort,
        "driver": driver,
        "lead": lead,
        "loader": loader,
        "outsider": outsider,
    }


@pytest.fixture
def question(depot, committed):
    with committed():
        return threads.thread_create(
            author=depot["driver"],
            space=depot["lounge"],
            kind="question",
            title="How do I label lithium batteries?",
            body="Which sticker goes where?",
            topics=["hazmat"],
        )


@pytest.fixture
def private_question(depot, committed):
    with committed():
        return threads.thread_create(
            author=depot["driver"],
            space=depot["cohort"],
            kind="question",
            title="PRIVATE-CANARY restructure plan",
            body="Members only.",
        )


def notified(person, **filters) -> list[Notification]:
    return list(Notification.objects.filter(recipient=person, **filters).order_by("id"))


def make_notifications(recipient, thread, n: int, *, actor=None) -> list[Notification]:
    """n notifications about `thread` for `recipient`, each from its own Event (fast, no
    services: for query budgets and lists)."""
    from django.utils import timezone

    rows = []
    for _ in range(n):
        author = actor or PersonFactory()
        event = Event.objects.create(
            actor=author,
            verb="answered",
            object_type="threads.thread",
            object_id=thread.pk,
            thread=thread,
            space=thread.space,
            created_at=timezone.now(),
        )
        rows.append(
            Notification.objects.create(
                recipient=recipient,
                kind=Kind.ANSWER,
                event=event,
                actor=author,
                thread=thread,
                space=thread.space,
                reason="You asked this question.",
                created_at=timezone.now(),
            )
        )
    return rows

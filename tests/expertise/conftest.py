"""Expertise fixtures: questions with known answers, accepted answers and scores, at known
times, so scores can be checked to the digit."""

from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.threads.models import ThreadKind
from tests.factories import (
    MembershipFactory,
    PersonFactory,
    ReplyFactory,
    ThreadFactory,
    TopicFactory,
)

HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def _quick_passwords(fast_password_hashing):
    """Expertise tests create many people and never check a password."""


@pytest.fixture
def now():
    return timezone.now().replace(microsecond=0)


@pytest.fixture
def hazmat(db):
    return TopicFactory(name="hazmat")


@pytest.fixture
def forklifts(db):
    return TopicFactory(name="forklifts")


@pytest.fixture
def ask(open_space):
    """`ask(author, topics, space=…, at=…)`: a question thread."""

    def make(author, topics, *, space=None, at=None, title="A question"):
        at = at or timezone.now()
        thread = ThreadFactory(
            space=space or open_space,
            author=author,
            kind=ThreadKind.QUESTION,
            title=title,
            created_at=at,
            updated_at=at,
            last_activity_at=at,
        )
        thread.topics.set(topics)
        return thread

    return make


@pytest.fixture
def answer():
    """`answer(thread, author, score=0, at=…, accepted=False)`: a reply, counted on its thread."""

    def make(thread, author, *, score=0, at=None, accepted=False, body="An answer."):
        at = at or timezone.now()
        reply = ReplyFactory(
            thread=thread, author=author, score=score, created_at=at, updated_at=at, body=body
        )
        thread.reply_count += 1
        if accepted:
            thread.accepted_reply = reply
        thread.save(update_fields=["reply_count", "accepted_reply"])
        return reply

    return make


@pytest.fixture
def expert(db, open_space):
    someone = PersonFactory(username="expert", display_name="Erin Expert")
    MembershipFactory(space=open_space, person=someone)
    return someone


@pytest.fixture
def asker(db, open_space, private_space):
    someone = PersonFactory(username="asker", display_name="Dana Driver")
    MembershipFactory(space=open_space, person=someone)
    MembershipFactory(space=private_space, person=someone)
    return someone


@pytest.fixture
def later():
    """Shift a datetime by days."""

    def shift(at, days):
        return at + timedelta(days=days)

    return shift

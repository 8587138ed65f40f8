"""Web page fixtures: content made through the services, as people would make it."""

import pytest

from groundswell.spaces.models import Role
from groundswell.threads import services as threads
from tests.factories import MembershipFactory, PersonFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture
def asker(db, open_space, private_space):
    """A driver who asks questions, in both spaces."""
    someone = PersonFactory(username="asker", display_name="Dana Driver")
    MembershipFactory(space=open_space, person=someone)
    MembershipFactory(space=private_space, person=someone)
    return someone


@pytest.fixture
def answerer(db, open_space):
    return PersonFactory(username="answerer", display_name="Wes Warehouse")


@pytest.fixture
def owner(db, open_space, private_space):
    someone = PersonFactory(username="owner", display_name="Olga Owner")
    MembershipFactory(space=open_space, person=someone, role=Role.OWNER)
    MembershipFactory(space=private_space, person=someone, role=Role.OWNER)
    return someone


@pytest.fixture
def question(asker, open_space):
    return threads.thread_create(
        author=asker,
        space=open_space,
        kind="question",
        title="How do I label lithium batteries?",
        body="Which sticker goes where?",
        topics="hazmat labels",
    )


@pytest.fixture
def discussion(asker, open_space):
    return threads.thread_create(
        author=asker, space=open_space, title="Best coffee on route 9", body="Go."
    )


@pytest.fixture
def private_thread(asker, private_space):
    return threads.thread_create(
        author=asker,
        space=private_space,
        kind="question",
        title="PRIVATE-CANARY restructure plan",
        body="Members only.",
        topics="restructure",
    )


@pytest.fixture
def answer(question, answerer):
    return threads.reply_create(author=answerer, thread=question, body="The UN3481 label.")


@pytest.fixture
def login(client):
    """Log a person in on the test client and return the client."""

    def _login(person):
        client.force_login(person)
        return client

    return _login


@pytest.fixture(autouse=True)
def _quick_passwords(fast_password_hashing):
    """Page tests log in with force_login or a password hashed the fast way."""

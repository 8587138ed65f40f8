"""Moderation fixtures: space A (private) with its moderator, space B (open) with another
moderator, members who flag, and posts written through the services."""

import pytest
from django.test import Client

from groundswell.spaces.models import Role, Visibility
from groundswell.threads import services as threads
from tests.api.conftest import Api
from tests.factories import MembershipFactory, PersonFactory, SpaceFactory


@pytest.fixture(autouse=True)
def no_posting_limit(settings):
    """Tests post more often than a person could; the flag limit has its own test."""
    limits = {**settings.GROUNDSWELL["RATE_LIMITS"], "posting": None, "search": None}
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "RATE_LIMITS": limits}


@pytest.fixture
def space_a(db):
    return SpaceFactory(name="Depot A", slug="depot-a", visibility=Visibility.PRIVATE)


@pytest.fixture
def space_b(db):
    return SpaceFactory(name="Depot B", slug="depot-b")


def _member(space, username, role=Role.MEMBER, **kwargs):
    person = PersonFactory(username=username, display_name=username.title(), **kwargs)
    MembershipFactory(space=space, person=person, role=role)
    return person


@pytest.fixture
def author(space_a, space_b):
    person = _member(space_a, "author")
    MembershipFactory(space=space_b, person=person)
    return person


@pytest.fixture
def flaggers(space_a, space_b):
    people = [_member(space_a, f"flagger{i}") for i in range(4)]
    for person in people:
        MembershipFactory(space=space_b, person=person)
    return people


@pytest.fixture
def mod_a(space_a):
    return _member(space_a, "mod-a", Role.MODERATOR)


@pytest.fixture
def mod_b(space_b):
    return _member(space_b, "mod-b", Role.MODERATOR)


@pytest.fixture
def admin(db):
    return PersonFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def stranger(db):
    """In neither space (space B is open, so they can read it; space A is private)."""
    return PersonFactory(username="stranger")


@pytest.fixture
def thread_a(author, space_a):
    return threads.thread_create(
        author=author, space=space_a, title="Forklift rota", body="Who covers nights?"
    )


@pytest.fixture
def reply_a(thread_a, flaggers):
    return threads.reply_create(author=flaggers[3], thread=thread_a, body="Rude words here.")


@pytest.fixture
def thread_b(author, space_b):
    return threads.thread_create(
        author=author, space=space_b, title="Canteen hours", body="When does it open?"
    )


@pytest.fixture
def api_as(db):
    def make(person) -> Api:
        client = Client()
        client.force_login(person)
        return Api(client)

    return make


@pytest.fixture
def client_as(db):
    def make(person) -> Client:
        client = Client()
        client.force_login(person)
        return client

    return make

"""Search fixtures: threads written through the services (so the index is kept as in real
life), in an open and a private space."""

import pytest
from django.test import Client

from groundswell.people.models import TokenScope
from groundswell.people.tokens import api_token_create
from groundswell.threads import services as threads
from groundswell.threads.models import ThreadKind
from tests.api.conftest import Api
from tests.factories import MembershipFactory, PersonFactory


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """These tests search and post far more often than a person could; the limits have their
    own test (test_rate_limit)."""
    limits = {**settings.GROUNDSWELL.get("RATE_LIMITS", {}), "search": None, "posting": None}
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "RATE_LIMITS": limits}


@pytest.fixture
def writer(db, open_space, private_space):
    """A member of both spaces who writes most of the threads."""
    someone = PersonFactory(username="writer", display_name="Wren Writer")
    MembershipFactory(space=open_space, person=someone)
    MembershipFactory(space=private_space, person=someone)
    return someone


@pytest.fixture
def helper(db, open_space, private_space):
    someone = PersonFactory(username="helper", display_name="Hal Helper")
    MembershipFactory(space=open_space, person=someone)
    MembershipFactory(space=private_space, person=someone)
    return someone


@pytest.fixture
def post(writer, open_space):
    """`post(title, body, **kwargs)`: a thread by `writer` in the open space by default."""

    def _post(title, body="", *, author=None, space=None, kind=ThreadKind.DISCUSSION, topics=()):
        return threads.thread_create(
            author=author or writer,
            space=space or open_space,
            kind=kind,
            title=title,
            body=body,
            topics=list(topics),
        )

    return _post


@pytest.fixture
def member_api(member):
    """The JSON API client of tests/api, signed in as `member`."""
    client = Client()
    client.force_login(member)
    return Api(client)


@pytest.fixture
def anonymous_api(db):
    return Api(Client())


@pytest.fixture
def token_api(db):
    def make(person, scope=TokenScope.WRITE):
        _, plaintext = api_token_create(person=person, name="search tests", scope=scope)
        return Api(Client(), token=plaintext)

    return make

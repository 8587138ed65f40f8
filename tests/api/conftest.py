"""API test helpers: a JSON client per person (session or token) and a private-space canary."""

import json

import pytest
from django.test import Client

from groundswell.people.models import TokenScope
from groundswell.people.tokens import api_token_create
from groundswell.spaces.models import Role
from groundswell.threads.models import ThreadKind
from tests.factories import (
    MembershipFactory,
    PersonFactory,
    ReplyFactory,
    ThreadFactory,
    TopicFactory,
)

CANARY = "CANARY-7f3a-private"


@pytest.fixture(autouse=True)
def fast_password_hashing(fast_password_hashing):
    """Every API test opts into the root fixture: they create many people and never check a
    password."""


class Api:
    """Django's test client speaking JSON to /api/v1, signed in by session or by token."""

    def __init__(self, client: Client, token: str | None = None):
        self.client = client
        self.extra = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

    def _url(self, path: str) -> str:
        return f"/api/v1{path}"

    def get(self, path: str, params: dict | None = None, **extra):
        return self.client.get(self._url(path), params or {}, **self.extra, **extra)

    def _send(self, method: str, path: str, data, raw: bytes | str | None, extra: dict):
        body = raw if raw is not None else ("" if data is None else json.dumps(data))
        send = getattr(self.client, method)
        return send(self._url(path), body, content_type="application/json", **self.extra, **extra)

    def post(self, path: str, data=None, *, raw=None, **extra):
        return self._send("post", path, data, raw, extra)

    def patch(self, path: str, data=None, *, raw=None, **extra):
        return self._send("patch", path, data, raw, extra)

    def put(self, path: str, data=None, *, raw=None, **extra):
        return self._send("put", path, data, raw, extra)

    def delete(self, path: str, data=None, *, raw=None, **extra):
        return self._send("delete", path, data, raw, extra)


@pytest.fixture
def api_as(db):
    """`api_as(person)`: a fresh client signed in as that person (several may coexist)."""

    def make(person, **client_kwargs) -> Api:
        client = Client(**client_kwargs)
        client.force_login(person)
        return Api(client)

    return make


@pytest.fixture
def anonymous_api(db) -> Api:
    return Api(Client())


@pytest.fixture
def token_api(db):
    """`token_api(person, scope)`: a client without a session, sending a fresh token."""

    def make(person, scope: str = TokenScope.WRITE, **kwargs) -> Api:
        _, plaintext = api_token_create(person=person, name="tests", scope=scope, **kwargs)
        return Api(Client(), token=plaintext)

    return make


@pytest.fixture
def member_api(api_as, member) -> Api:
    return api_as(member)


@pytest.fixture
def outsider_api(api_as, outsider) -> Api:
    return api_as(outsider)


@pytest.fixture
def private_topic(db):
    return TopicFactory(name="canary-topic")


@pytest.fixture
def private_thread(private_space, member, private_topic):
    """A question in the private space, with a reply, carrying a topic used nowhere else."""
    thread = ThreadFactory(
        space=private_space,
        author=member,
        kind=ThreadKind.QUESTION,
        title=f"Secret {CANARY}",
        body=f"Body {CANARY}",
    )
    thread.topics.add(private_topic)
    ReplyFactory(thread=thread, author=member, body=f"Reply {CANARY}")
    return thread


@pytest.fixture
def private_reply(private_thread):
    return private_thread.replies.get()


@pytest.fixture
def open_thread(open_space, person):
    """A discussion in the open space written by `person` (not by `member`)."""
    MembershipFactory(space=open_space, person=person)
    thread = ThreadFactory(space=open_space, author=person, title="Loading the van")
    thread.topics.add(TopicFactory(name="loading"))
    return thread


@pytest.fixture
def open_question(open_space, member):
    """A question asked by `member` in the open space, with an answer by someone else."""
    thread = ThreadFactory(
        space=open_space, author=member, kind=ThreadKind.QUESTION, title="Where do pallets go?"
    )
    answerer = PersonFactory(username="answerer")
    MembershipFactory(space=open_space, person=answerer)
    reply = ReplyFactory(thread=thread, author=answerer, body="Bay 4.")
    thread.reply_count = 1
    thread.save(update_fields=["reply_count"])
    return thread, reply


@pytest.fixture
def owner(open_space, private_space):
    someone = PersonFactory(username="owner", display_name="Olga Owner")
    MembershipFactory(space=open_space, person=someone, role=Role.OWNER)
    MembershipFactory(space=private_space, person=someone, role=Role.OWNER)
    return someone

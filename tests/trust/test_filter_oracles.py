"""TRUST 4: filtering on a space, topic or person you cannot see answers exactly as filtering on
one that does not exist — same status, same body (the value itself aside), same count — on
every API list and every page.

The API's filters come from the OpenAPI document: a new query parameter must be declared here
as naming an object (and is then checked) or as not naming one, or the test fails. Pages are
walked whole: every page route gets each filter, hidden and missing, and the two answers must
match; view code reading a new `request.GET` name must declare it too."""

import re
from pathlib import Path

import pytest

import groundswell
from groundswell.threads import services as threads
from tests.factories import PersonFactory
from tests.trust.routes import api_operations, fill_api_path, fill_page_route, page_routes
from tests.trust.test_private_leaks import private_world  # noqa: F401 (a fixture)

# Query parameters that name a space, topic or person: (hidden value, missing value) comes
# from the world below.
OBJECT_PARAMS = {"space", "topic", "author"}
# Query parameters that name nothing a viewer could be kept from (free text, enums, dates,
# paging), and org units: the org chart is published to every colleague by design.
NON_OBJECT_PARAMS = {
    "q",
    "kind",
    "joined",
    "unanswered",
    "order",
    "status",
    "from",
    "to",
    "title",
    "limit",
    "unread",
    "since",
    "category",
    "page",
    "per_page",
    "unit",
    # Page-only names.
    "mine",
    "show",
    "old",
    "new",
    "next",
    "feed_page",
    "reported",
    "source",
    "learner",
    "reason",
    "current",
}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|nonce="[^"]+"|"X-CSRFToken": "[^"]+"')


@pytest.fixture
def oracle_world(private_world):  # noqa: F811
    """Hidden from the outsider: the private space, its topic, a deactivated colleague, and an
    author whose every thread is private (their filtered count must read as nobody's)."""
    gone = PersonFactory(username="gone-colleague")
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    quiet = PersonFactory(username="quiet-colleague")  # no threads at all
    # The insider also wrote in the open canteen; a private-only author is what we compare.
    private_only = private_world["author"]
    threads.thread_create(
        author=private_world["author"],
        space=private_world["thread"].space,
        title="Second private thread",
        body="More.",
    )
    pairs = {
        "space": [("board-room", "no-such-space")],
        "topic": [("canarytopic5e6f", "no-such-topic")],
        "author": [("gone-colleague", "no-such-person")],
    }
    values = {
        **private_world["values"],
        "slug": "canteen",
        "space_slug": "canteen",
        "username": "quiet-colleague",
    }
    return {
        "outsider": private_world["outsider"],
        "pairs": pairs,
        "values": values,
        "private_only": private_only,
        "quiet": quiet,
    }


# Relative times ("5 seconds ago") tick between the two requests compared.
TIMES = re.compile(r"(<time[^>]*>)[^<]*(</time>)|\b\d+\W(second|minute)s?\b")


def _normalised(response, value: str) -> tuple:
    body = response.content.decode(errors="replace")
    body = TIMES.sub("", CSRF.sub("", body)).replace(value, "<value>")
    return response.status_code, body


def _compare(client, url, param, hidden, missing, headers=None) -> str | None:
    joiner = "&" if "?" in url else "?"
    first = client.get(f"{url}{joiner}{param}={hidden}", headers=headers or {})
    second = client.get(f"{url}{joiner}{param}={missing}", headers=headers or {})
    a, b = _normalised(first, hidden), _normalised(second, missing)
    if a != b:
        return f"{url} ?{param}=: {a[0]} for hidden, {b[0]} for missing"
    return None


def test_every_api_query_parameter_is_declared(client):
    document = client.get("/api/v1/openapi.json").json()
    names = {
        parameter["name"]
        for operations in document["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query"
    }
    undeclared = sorted(names - OBJECT_PARAMS - NON_OBJECT_PARAMS)
    assert undeclared == [], f"does this filter name a space, topic or person? {undeclared}"


def test_every_page_query_parameter_is_declared():
    package = Path(groundswell.__file__).parent
    names = set()
    for path in package.rglob("*.py"):
        names |= set(re.findall(r"request\.GET\.get\(\s*[\"'](\w+)[\"']", path.read_text()))
    undeclared = sorted(names - OBJECT_PARAMS - NON_OBJECT_PARAMS)
    assert undeclared == [], f"does this filter name a space, topic or person? {undeclared}"


def test_every_api_filter_answers_hidden_as_missing(client, oracle_world):
    client.force_login(oracle_world["outsider"])
    checked, wrong = 0, []
    for method, path in api_operations(client):
        if method != "GET":
            continue
        operation_params = _query_params(client, path)
        url = fill_api_path(path, oracle_world["values"])
        for param in sorted(operation_params & OBJECT_PARAMS):
            for hidden, missing in oracle_world["pairs"][param]:
                problem = _compare(client, url, param, hidden, missing)
                checked += 1
                if problem:
                    wrong.append(problem)
    assert checked >= 7  # threads (3), search (3), experts (topic)
    assert wrong == []


def _query_params(client, path: str) -> set[str]:
    cache = _query_params.__dict__.setdefault("document", {})
    if "doc" not in cache:
        cache["doc"] = client.get("/api/v1/openapi.json").json()
    operation = cache["doc"]["paths"][path]["get"]
    return {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx-partial"])
def test_every_page_filter_answers_hidden_as_missing(client, oracle_world, htmx):
    client.force_login(oracle_world["outsider"])
    headers = {"HX-Request": "true"} if htmx else {}
    wrong, checked = [], 0
    for route in page_routes():
        url = fill_page_route(route, oracle_world["values"])
        if url is None or url.startswith("/admin/"):
            continue
        for param in sorted(OBJECT_PARAMS):
            for hidden, missing in oracle_world["pairs"][param]:
                problem = _compare(client, url, param, hidden, missing, headers)
                checked += 1
                if problem:
                    wrong.append(problem)
    assert checked > 100
    assert wrong == []


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/threads?author={}",
        "/api/v1/search?q=thread&author={}",
        "/search/?q=thread&author={}",
    ],
)
def test_an_author_with_only_hidden_posts_counts_as_one_with_none(client, oracle_world, url):
    """Filtering on a real colleague reveals nothing about their private threads: the answer
    reads as for a colleague who never wrote anything (their name aside)."""
    client.force_login(oracle_world["outsider"])
    private_only = oracle_world["private_only"].username
    # The insider's one open thread ("Lunch menu") is theirs to show; take it out of the way.
    from groundswell.threads.models import Thread

    Thread.objects.filter(author=oracle_world["private_only"], space__slug="canteen").delete()
    a = _normalised(client.get(url.format(private_only)), private_only)
    b = _normalised(client.get(url.format("quiet-colleague")), "quiet-colleague")
    assert a[0] == 200
    assert a == b


def test_the_oracles_can_fail(client, oracle_world):
    """A member of the private space gets different answers for it and for a missing space:
    so the comparisons above are not comparing two empty pages by accident."""
    client.force_login(oracle_world["private_only"])
    problem = _compare(client, "/api/v1/threads", "space", "board-room", "no-such-space")
    assert problem is not None
    problem = _compare(client, "/search/?q=merger", "space", "board-room", "no-such-space")
    assert problem is not None

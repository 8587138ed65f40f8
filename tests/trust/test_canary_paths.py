"""Canary crawl, the paths a plain crawl misses (TRUST 2): page titles and meta tags, counts
(unread notifications, topic totals, spaces' member and thread counts), suggestions and
filters given words of the canary (similar questions, topic and person suggestions, search),
exports (insights CSV, analytics CSV, moderation audit CSV, xAPI statements) and the email
outbox (immediate emails and digests). Uses the world of `test_private_leaks.py`."""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from groundswell.activity.models import Event
from groundswell.analytics.selectors.dashboard import CHARTS
from groundswell.notifications.models import (
    EmailFrequency,
    Kind,
    Notification,
    NotificationPreference,
)
from groundswell.spaces.models import Space
from groundswell.threads import services as threads
from groundswell.topics.models import Topic
from tests.trust.routes import api_operations, fill_api_path, fill_page_route, page_routes
from tests.trust.test_private_leaks import (  # noqa: F401 (private_world is a fixture)
    _assert_no_canary,
    private_world,
)

TOPIC_CANARY = "canarytopic5e6f"
TEXT_CANARIES = ("CANARYTITLE7f3a", "CANARYBODY9b1c", "CANARYREPLY2d4e", "CANARYINSIGHT4a8d")
# Query values that would find the private objects, none of them a canary itself (pages may
# echo a query back): words of the title, the private topic, the author, the private space.
QUERY = {
    "q": "secret merger",
    "title": "how do we handle the secret merger",
    "topic": TOPIC_CANARY,
    "author": "insider",
    "space": "board-room",
    "unit": "canary-depot",
}
HEAD = re.compile(r"<title>.*?</title>|<meta[^>]*>", re.DOTALL | re.IGNORECASE)


@pytest.fixture
def world(request, db):
    return request.getfixturevalue("private_world")


@pytest.fixture
def as_outsider(client, world):
    client.force_login(world["outsider"])
    return client


def _text(response) -> str:
    return response.content.decode("utf-8", errors="replace")


# --- titles and meta tags ------------------------------------------------------------------


def test_a_members_page_title_carries_the_thread_title_so_the_check_can_fail(client, world):
    client.force_login(world["author"])
    head = HEAD.findall(_text(client.get(world["thread"].get_absolute_url())))
    assert any("CANARYTITLE7f3a" in tag for tag in head)


def test_no_page_title_or_meta_tag_names_private_content(as_outsider, world):
    for route in page_routes():
        url = fill_page_route(route, world["values"])
        head = " ".join(HEAD.findall(_text(as_outsider.get(url))))
        for canary in (*TEXT_CANARIES, TOPIC_CANARY):
            assert canary not in head, f"GET {url}: {canary} in a title or meta tag"


# --- counts --------------------------------------------------------------------------------


def test_the_unread_count_leaves_out_a_private_notification(as_outsider, world):
    """The outsider holds a notification from when they were a member: it is not counted."""
    assert as_outsider.get("/api/v1/notifications/unread-count").json() == {"unread": 0}
    assert not re.search(r"\d", _text(as_outsider.get("/notifications/unread-count/")))

    # The control: a notification about a public thread is counted.
    public = threads.thread_create(
        author=world["author"], space=Space.objects.get(slug="canteen"), title="Open", body="b"
    )
    Notification.objects.create(
        recipient=world["outsider"],
        kind=Kind.NEW_THREAD,
        event=Event.objects.filter(thread=public).first(),
        actor=world["author"],
        thread=public,
        space=public.space,
        created_at=timezone.now(),
    )
    assert as_outsider.get("/api/v1/notifications/unread-count").json() == {"unread": 1}
    assert "1" in _text(as_outsider.get("/notifications/unread-count/"))


def test_topic_and_space_counts_leave_out_private_threads(as_outsider, world):
    """A topic used in the private space and in the canteen counts the canteen's thread only;
    the canteen's counts are what the outsider can see; the private spaces are not listed."""
    canteen = Space.objects.get(slug="canteen")
    for space in (world["thread"].space, world["thread"].space, canteen):
        threads.thread_create(
            author=world["author"], space=space, title="Shift swap", body="b", topics=["rota"]
        )

    topics = as_outsider.get("/api/v1/topics", {"q": "rota"}).json()["items"]
    assert [(t["name"], t["thread_total"]) for t in topics] == [("rota", 1)]
    page = _text(as_outsider.get("/topics/"))
    assert re.search(r"#rota <span class=\"topic__count\">1<", page)
    assert TOPIC_CANARY not in page
    assert Topic.objects.get(name="rota").threads.count() == 3  # the control

    spaces = {s["slug"]: s for s in as_outsider.get("/api/v1/spaces").json()["items"]}
    assert set(spaces) == {"canteen"}
    assert spaces["canteen"]["thread_count"] == 2  # the lunch menu and the rota one
    listing = _text(as_outsider.get("/spaces/"))
    assert "Board room" not in listing
    assert "Cohort Z" not in listing


# --- suggestions, autocomplete and filters ------------------------------------------------


def test_similar_questions_find_the_canary_for_a_member_so_the_check_can_fail(client, world):
    client.force_login(world["author"])
    response = client.get("/api/v1/search/similar", {"title": QUERY["title"]})
    assert "CANARYTITLE7f3a" in _text(response)


def test_no_api_suggestion_or_filter_offers_private_content(as_outsider, world):
    """Every API read, given the canary's words in each of its query parameters."""
    document = as_outsider.get("/api/v1/openapi.json").json()
    asked = 0
    for method, path in api_operations(as_outsider):
        if method != "GET":
            continue
        parameters = document["paths"][path]["get"].get("parameters", [])
        query = {p["name"]: QUERY[p["name"]] for p in parameters if p["name"] in QUERY}
        if not query:
            continue
        url = "/api/v1" + fill_api_path(path.removeprefix("/api/v1"), world["values"])
        for name, value in query.items():
            _assert_no_canary(as_outsider.get(url, {name: value}), f"GET {url}?{name}={value}")
            asked += 1
        _assert_no_canary(as_outsider.get(url, query), f"GET {url} {query}")
    assert asked >= 15


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx-partial"])
def test_no_page_suggestion_or_filter_offers_private_content(as_outsider, world, htmx):
    """Every page and partial (similar questions, search, topic and people lists…), given the
    canary's words in every query parameter the pages read."""
    headers = {"HX-Request": "true"} if htmx else {}
    for route in page_routes():
        url = fill_page_route(route, world["values"])
        _assert_no_canary(as_outsider.get(url, QUERY, headers=headers), f"GET {url} {QUERY}")


# --- exports -------------------------------------------------------------------------------


def test_no_export_carries_private_content_to_an_outsider(as_outsider, world):
    """The outsider works in the author's depot, a peer: the unit's insights export does not
    give them the confidential insight."""
    exports = [
        "/insights/export.csv",
        "/insights/export.csv?unit=canary-depot",
        "/insights/export.csv?unit=canary-depot&from=2000-01-01&to=2100-01-01",
        "/moderation/audit/export.csv",
        "/moderation/audit/export.csv?actor=insider",
        "/api/v1/xapi/statements",
        "/api/v1/xapi/statements?since=2000-01-01T00:00:00Z",
        *(f"/analytics/export/{table}.csv" for table in CHARTS),
        *(f"/analytics/export/{table}.csv?unit=canary-depot" for table in CHARTS),
    ]
    for url in exports:
        response = as_outsider.get(url)
        _assert_no_canary(response, f"GET {url}")


# --- the email outbox ----------------------------------------------------------------------


def _emails_to(person) -> list[str]:
    texts = []
    for message in mail.outbox:
        if person.email in message.to:
            parts = [message.subject, message.body]
            parts += [content for content, _ in getattr(message, "alternatives", [])]
            texts.append("\n".join(parts))
    return texts


def test_no_email_or_digest_carries_private_content_to_an_outsider(
    world, django_capture_on_commit_callbacks
):
    """New private activity that would concern the outsider — a question by someone they
    follow, on a topic they follow, mentioning them, answered and accepted — and their daily
    digest: nothing private reaches their mailbox, while the members' emails carry it."""
    author, outsider = world["author"], world["outsider"]
    NotificationPreference.objects.create(person=outsider, email=EmailFrequency.DAILY)
    space = world["thread"].space
    with django_capture_on_commit_callbacks(execute=True):
        question = threads.thread_create(
            author=author,
            space=space,
            kind="question",
            title="CANARYTITLE7f3a again",
            body=f"CANARYBODY9b1c @{outsider.username}",
            topics=[TOPIC_CANARY],
        )
    answerer = world["thread"].replies.first().author
    with django_capture_on_commit_callbacks(execute=True):
        reply = threads.reply_create(
            author=answerer, thread=question, body=f"CANARYREPLY2d4e @{outsider.username}"
        )
    with django_capture_on_commit_callbacks(execute=True):
        threads.reply_accept(person=author, reply=reply)
    call_command("send_digests", "--period", "daily", stdout=StringIO())
    call_command("send_digests", "--period", "weekly", stdout=StringIO())

    assert any("CANARYTITLE7f3a" in text for text in _emails_to(author)), "the control"
    for text in _emails_to(outsider):
        for canary in TEXT_CANARIES:
            assert canary not in text
    assert not Notification.objects.filter(recipient=outsider, thread=question).exists()

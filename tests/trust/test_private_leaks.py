"""Canary crawl (TRUST 2, 3): what is written in a private space never reaches an outsider,
through any page, partial or API route — not even when the outsider follows the author and the
topic, or kept a bookmark from when they were a member."""

import pytest

from groundswell.activity.models import Event, Verb
from groundswell.insights import services as insights
from groundswell.notifications.models import Kind, Notification
from groundswell.notifications.tokens import unsubscribe_token
from groundswell.spaces.models import Visibility
from groundswell.threads import services as threads
from groundswell.threads.models import Bookmark, Follow
from groundswell.topics.models import Topic
from tests.factories import MembershipFactory, OrgUnitFactory, PersonFactory, SpaceFactory
from tests.leadership.world import ama_in
from tests.learning.trust_world import PRIVATE_LEARNING_PARAMETERS, learning_values
from tests.trust.routes import (
    api_operations,
    fill_api_path,
    fill_page_route,
    page_routes,
)

CANARY_TITLE = "CANARYTITLE7f3a how do we handle the secret merger"
CANARY_BODY = "CANARYBODY9b1c the merger"
CANARY_REPLY = "CANARYREPLY2d4e keep quiet"
CANARY_INSIGHT = "CANARYINSIGHT4a8d confidential: the depot manager drinks on shift"
CANARIES = ("CANARYTITLE7f3a", "CANARYBODY9b1c", "CANARYREPLY2d4e", "canarytopic5e6f")
# Parameters that name private objects: any route that takes one must answer 404.
PRIVATE_PARAMETERS = {
    "slug",
    "space_slug",
    "thread_id",
    "reply_id",
    "pk",
    "id",
    "notification_id",
    "insight_id",
    *PRIVATE_LEARNING_PARAMETERS,
}
ALLOWED_STATUSES = {200, 302, 400, 401, 403, 404, 405, 409, 422}


@pytest.fixture
def private_world(db):
    private = SpaceFactory(name="Board room", slug="board-room", visibility=Visibility.PRIVATE)
    public = SpaceFactory(name="Canteen", slug="canteen")
    # The outsider works in the author's depot: a peer, who must not see a confidential insight.
    depot = OrgUnitFactory(name="Canary depot", code="canary-depot")
    author = PersonFactory(username="insider", org_unit=depot)
    answerer = PersonFactory(username="insider2")
    outsider = PersonFactory(username="outsider", org_unit=depot)
    for someone in (author, answerer):
        MembershipFactory(space=private, person=someone)
        MembershipFactory(space=public, person=someone)
    MembershipFactory(space=public, person=outsider)
    thread = threads.thread_create(
        author=author,
        space=private,
        kind="question",
        title=CANARY_TITLE,
        body=CANARY_BODY,
        topics=["canarytopic5e6f"],
    )
    reply = threads.reply_create(author=answerer, thread=thread, body=CANARY_REPLY)
    threads.reply_accept(person=author, reply=reply)
    threads.vote_cast(person=author, reply=reply, value=1)
    threads.thread_create(author=author, space=public, title="Lunch menu", body="Soup.")
    topic = Topic.objects.get(name="canarytopic5e6f")
    # The outsider follows everything that could pull the thread into their views, and holds a
    # bookmark from an earlier membership (access must not survive revocation).
    Follow.objects.create(follower=outsider, topic=topic)
    Follow.objects.create(follower=outsider, person=author)
    Bookmark.objects.create(person=outsider, thread=thread)
    # …and a notification about the private answer from that time (revocation at render).
    stale = Notification.objects.create(
        recipient=outsider,
        kind=Kind.ANSWER,
        event=Event.objects.get(verb=Verb.ANSWERED, thread=thread),
        actor=answerer,
        thread=thread,
        reply=reply,
        space=private,
        created_at=thread.created_at,
    )
    insight = insights.insight_report(
        reporter=author, text=CANARY_INSIGHT, category="safety", confidential=True
    )
    session = ama_in(private, author, title=CANARY_TITLE, description=CANARY_BODY, thread=thread)
    values = {
        "session_id": session.pk,
        "insight_id": insight.pk,
        "slug": private.slug,
        "space_slug": private.slug,
        "thread_id": thread.pk,
        "pk": thread.pk,
        "id": thread.pk,
        "reply_id": reply.pk,
        "name": topic.name,
        "topic": topic.name,
        "topic_name": topic.name,
        "username": author.username,
        # Token routes act on the caller's own tokens; any id exercises them.
        "token_id": 1,
        "task_id": "00000000-0000-0000-0000-000000000001",
        "notification_id": stale.pk,
        # The outsider's own unsubscribe link (it names no private object).
        "token": unsubscribe_token(outsider),
        # Password reset links: someone's id in base64 ("1"); with that token it is refused.
        "uidb64": "MQ",
        "table": "flow-matrix",
    }
    # A cohort space with a canary in its wiki, article, events and cohort name.
    cohort_space = SpaceFactory(name="Cohort Z", slug="cohort-z", visibility=Visibility.PRIVATE)
    MembershipFactory(space=cohort_space, person=author)
    values.update(
        learning_values(
            space=cohort_space,
            author=author,
            title="CANARYTITLE7f3a cohort",
            body="CANARYBODY9b1c cohort",
        )
    )
    return {
        "outsider": outsider,
        "author": author,
        "thread": thread,
        "insight": insight,
        "values": values,
    }


def _assert_no_canary(response, where):
    assert response.status_code in ALLOWED_STATUSES, f"{where} answered {response.status_code}"
    text = response.content.decode("utf-8", errors="replace")
    for canary in (*CANARIES[:3], "CANARYINSIGHT4a8d"):
        assert canary not in text, f"{where} leaked {canary}"


def _names_private_object(route: str) -> bool:
    return any(
        f":{p}>" in route or f"<{p}>" in route or "{" + p + "}" in route for p in PRIVATE_PARAMETERS
    )


def test_member_sees_the_canary_so_the_crawl_can_fail(client, private_world):
    client.force_login(private_world["author"])
    response = client.get(private_world["thread"].get_absolute_url())
    assert response.status_code == 200
    assert CANARY_TITLE.encode() in response.content
    assert CANARY_REPLY.encode() in response.content


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx-partial"])
def test_no_page_shows_private_content_to_an_outsider(client, private_world, htmx):
    client.force_login(private_world["outsider"])
    headers = {"HX-Request": "true"} if htmx else {}
    routes = page_routes()
    assert len(routes) >= 10
    unfilled = []
    for route in routes:
        url = fill_page_route(route, private_world["values"])
        if url is None:
            unfilled.append(route)
            continue
        response = client.get(url, headers=headers)
        _assert_no_canary(response, f"GET {url}")
        if _names_private_object(route):
            assert response.status_code in {404, 405}, f"GET {url}: {response.status_code}"
    assert unfilled == [], f"routes with parameters this test cannot fill: {unfilled}"


def test_no_page_write_reaches_a_private_object(client, private_world):
    client.force_login(private_world["outsider"])
    for route in page_routes():
        if not _names_private_object(route):
            continue
        url = fill_page_route(route, private_world["values"])
        response = client.post(url, {"body": "x", "title": "x", "value": "1"})
        assert response.status_code in {404, 405}, f"POST {url}: {response.status_code}"


def test_no_api_route_shows_private_content_to_an_outsider(client, private_world):
    client.force_login(private_world["outsider"])
    operations = api_operations(client)
    assert len(operations) >= 10
    for method, path in operations:
        url = fill_api_path(path, private_world["values"])
        assert url is not None, f"cannot fill {path}"
        url = "/api/v1" + url if not url.startswith("/api/") else url
        if method == "GET":
            response = client.get(url)
            _assert_no_canary(response, f"GET {url}")
            if _names_private_object(path):
                assert response.status_code == 404, f"GET {url}: {response.status_code}"
        elif _names_private_object(path):
            response = client.generic(
                method,
                url,
                data='{"body": "x", "value": 1, "title": "x"}',
                content_type="application/json",
            )
            assert response.status_code in {404, 422}, f"{method} {url}: {response.status_code}"


def test_reporter_sees_the_insight_canary_so_the_crawl_can_fail(client, private_world):
    client.force_login(private_world["author"])
    response = client.get(f"/insights/{private_world['insight'].pk}/")
    assert CANARY_INSIGHT.encode() in response.content


def test_topic_directory_does_not_list_private_topics(client, private_world):
    client.force_login(private_world["outsider"])
    for url in ("/topics/", "/api/v1/topics"):
        response = client.get(url)
        assert response.status_code == 200
        assert b"canarytopic5e6f" not in response.content, url

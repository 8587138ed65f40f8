"""Anonymous questions: the asker appears nowhere — pages, partials, API, search, feeds,
notifications, profiles — for members, leaders and outsiders alike; administrators alone see
who asked, and their looking is recorded."""

import json

import pytest
from django.core import mail

from groundswell.activity.models import Event, Verb
from groundswell.api import api
from groundswell.errors import Forbidden
from groundswell.leadership import services
from groundswell.notifications.models import Notification
from groundswell.threads import services as threads
from groundswell.threads.models import Follow
from groundswell.xapi.models import StatementOutbox
from groundswell.xapi.services import outbox_build
from tests.leadership.conftest import CANARY_NAME, CANARY_USERNAME
from tests.trust.routes import fill_api_path, fill_page_route, page_routes

TITLE = "QZANON how safe are the night shifts really"
ASKER_MARKS = (CANARY_USERNAME, CANARY_NAME, "Zebulon", "Canaryfeather")


@pytest.fixture
def anonymous_world(
    django_capture_on_commit_callbacks, leadership_space, asker, colleague, leader, owner, session
):
    # The colleague follows the asker, the space and the topic: anything that could pull the
    # question into their feed or notifications by way of the asker.
    Follow.objects.create(follower=colleague, person=asker)
    Follow.objects.create(follower=colleague, space=leadership_space)
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.leadership_question_ask(
            author=asker,
            space=leadership_space,
            title=TITLE,
            body="Asking for the whole depot.",
            topics=["nightshift"],
            anonymous=True,
        )
        ama_thread = services.ama_question_ask(
            author=asker, session=session, title=TITLE + " (AMA)", anonymous=True
        )
    with django_capture_on_commit_callbacks(execute=True):
        threads.vote_cast(person=colleague, thread=thread, value=1)
        reply = services.leadership_answer(leader=leader, thread=thread, body="We added lights.")
        services.ama_answer(host=leader, thread=ama_thread, body="More patrols.")
    values = {
        "slug": leadership_space.slug,
        "space_slug": leadership_space.slug,
        "thread_id": thread.pk,
        "pk": thread.pk,
        "id": thread.pk,
        "reply_id": reply.pk,
        "session_id": session.pk,
        "name": "nightshift",
        "topic": "nightshift",
        "topic_name": "nightshift",
        "username": CANARY_USERNAME,
    }
    return {"thread": thread, "ama_thread": ama_thread, "values": values}


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8", errors="replace")


def _api_gets() -> list[str]:
    """Every API GET path, read from the routers (not the OpenAPI document, so one helper's
    schema under construction does not stop this crawl)."""
    return sorted(
        f"/api/v1{prefix}{path}"
        for prefix, router in api._routers
        for path, view in router.path_operations.items()
        for operation in view.operations
        if "GET" in operation.methods
    )


def _texts(client, values):
    for route in page_routes():
        url = fill_page_route(route, values)
        if url is None:
            continue
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(url, **headers)
            yield url, response.status_code, _text(response)
    for path in _api_gets():
        url = fill_api_path(path, values)
        if url is None:
            continue
        response = client.get(url)
        yield url, response.status_code, _text(response)


@pytest.mark.parametrize("who", ["colleague", "leader", "southerner", "owner"])
def test_the_asker_never_appears_with_the_question(client, anonymous_world, request, who):
    client.force_login(request.getfixturevalue(who))
    seen_question = 0
    for url, status, text in _texts(client, anonymous_world["values"]):
        assert status < 500, f"{url} answered {status}"
        if "QZANON" not in text:
            continue
        seen_question += 1
        for mark in ASKER_MARKS:
            assert mark not in text, f"{url} shows {mark!r} with the anonymous question"
    # The crawl reached the question (the thread page, the leadership page, the API…).
    assert seen_question >= 5


def test_the_crawl_can_fail_a_named_question_shows_its_asker(client, leadership_space, asker):
    named = services.leadership_question_ask(author=asker, space=leadership_space, title=TITLE)
    client.force_login(asker)
    assert CANARY_NAME.encode() in client.get(named.get_absolute_url()).content


def test_the_api_says_author_null(client, anonymous_world, colleague):
    client.force_login(colleague)
    thread = anonymous_world["thread"]
    assert client.get(f"/api/v1/threads/{thread.pk}").json()["author"] is None
    items = client.get("/api/v1/leadership/spaces/ask-north/questions").json()["items"]
    assert [item["author"] for item in items] == [None, None]
    assert all(item["is_anonymous"] for item in items)


def test_followers_of_the_asker_are_not_notified_and_no_one_sees_an_actor(
    anonymous_world, asker, colleague
):
    thread = anonymous_world["thread"]
    notes = Notification.objects.filter(thread=thread)
    assert not notes.filter(reason__icontains=CANARY_NAME).exists()
    assert not notes.filter(actor=asker).exists()
    # The colleague hears of it as a follower of the space, not of the asker.
    heard = notes.get(recipient=colleague, event__verb=Verb.ASKED)
    assert "space" in heard.reason and heard.actor_id is None
    assert heard.summary.startswith("Someone")
    # Only mail to the asker themselves ("an answer to your question") may greet them.
    for message in [m for m in mail.outbox if m.to != [asker.email]]:
        assert CANARY_NAME not in message.body and CANARY_USERNAME not in message.body


def test_the_anonymous_question_is_not_on_the_askers_profile_or_followers_feed(
    client, anonymous_world, colleague
):
    client.force_login(colleague)
    assert b"QZANON" not in client.get(f"/people/{CANARY_USERNAME}/").content
    api = client.get(f"/api/v1/threads?author={CANARY_USERNAME}").json()
    assert api["items"] == []


def test_search_shows_no_author(client, anonymous_world, colleague):
    client.force_login(colleague)
    response = client.get("/search/", {"q": "QZANON night shifts"})
    assert b"QZANON" in response.content and b"Anonymous" in response.content
    assert CANARY_NAME.encode() not in response.content
    by_author = client.get("/search/", {"q": "night", "author": CANARY_USERNAME})
    assert b"QZANON" not in by_author.content


def test_the_asker_cannot_reply_edit_or_accept(anonymous_world, asker):
    thread = anonymous_world["thread"]
    with pytest.raises(Forbidden):
        threads.reply_create(author=asker, thread=thread, body="Me again.")
    with pytest.raises(Forbidden):
        threads.reply_accept(person=asker, reply=thread.replies.get())


def test_votes_on_anonymous_questions_work(anonymous_world):
    anonymous_world["thread"].refresh_from_db()
    assert anonymous_world["thread"].score == 1


def test_administrators_see_the_asker_and_it_is_recorded(client, anonymous_world, admin_person):
    client.force_login(admin_person)
    response = client.get("/leadership/moderation/")
    assert response.status_code == 200
    assert CANARY_NAME.encode() in response.content and b"QZANON" in response.content
    audit = Event.objects.get(verb=Verb.VIEWED_DRILLDOWN, actor=admin_person)
    assert anonymous_world["thread"].pk in audit.data["thread_ids"]


@pytest.mark.parametrize("who", ["colleague", "leader", "owner"])
def test_nobody_else_opens_the_moderation_view(client, anonymous_world, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get("/leadership/moderation/").status_code == 404


def test_the_event_keeps_the_actor_for_internal_analytics(anonymous_world, asker):
    assert Event.objects.filter(
        verb=Verb.ASKED, actor=asker, thread=anonymous_world["thread"]
    ).exists()


def test_xapi_statements_never_name_the_asker(anonymous_world, asker):
    outbox_build()
    statements = json.dumps(list(StatementOutbox.objects.values_list("statement", flat=True)))
    assert StatementOutbox.objects.filter(skipped=False).exists()
    for mark in (*ASKER_MARKS, asker.email):
        assert mark not in statements


def test_the_asker_is_told_why_they_cannot_reply(client, anonymous_world, asker):
    client.force_login(asker)
    page = client.get(anonymous_world["thread"].get_absolute_url()).content.decode()
    assert "You asked this anonymously" in page
    assert 'Asked by <span class="byline byline--anonymous">Anonymous</span>' in page

"""The moderation API: closed input schemas, the house error shape, the queue and actions."""

import pytest

from groundswell.moderation import services
from groundswell.moderation.models import Flag
from groundswell.threads.models import Reply

pytestmark = pytest.mark.django_db


def test_flag_a_reply(api_as, reply_a, flaggers):
    response = api_as(flaggers[0]).post(
        f"/replies/{reply_a.pk}/flag", {"reason": "off_topic", "detail": "Wrong thread"}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["reply_id"] == reply_a.pk and body["reason"] == "off_topic"
    assert set(body) == {"id", "thread_id", "reply_id", "reason", "detail", "created_at"}


@pytest.mark.parametrize(
    "payload",
    [
        {"reason": "spam", "flagger": "someone-else"},
        {"reason": "nonsense"},
        {"reason": "spam", "detail": "x" * 501},
        {},
    ],
)
def test_flag_input_is_closed_and_bounded(api_as, thread_a, flaggers, payload):
    response = api_as(flaggers[0]).post(f"/threads/{thread_a.pk}/flag", payload)
    assert response.status_code == 422
    assert set(response.json()) == {"detail", "code", "errors"}
    assert not Flag.objects.exists()


def test_duplicate_and_own_flags_answer_in_the_house_style(api_as, thread_a, flaggers, author):
    api = api_as(flaggers[0])
    api.post(f"/threads/{thread_a.pk}/flag", {"reason": "spam"})
    again = api.post(f"/threads/{thread_a.pk}/flag", {"reason": "spam"})
    assert again.status_code == 409 and again.json()["code"] == "conflict"
    own = api_as(author).post(f"/threads/{thread_a.pk}/flag", {"reason": "spam"})
    assert own.status_code == 403 and own.json()["detail"] == "You cannot flag your own post."


def test_flag_rate_limit_answers_429_with_retry_after(
    settings, api_as, thread_a, reply_a, flaggers
):
    limits = {**settings.GROUNDSWELL["RATE_LIMITS"], "flagging": (1, 3600)}
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "RATE_LIMITS": limits}
    api = api_as(flaggers[0])
    assert api.post(f"/threads/{thread_a.pk}/flag", {"reason": "spam"}).status_code == 201
    limited = api.post(f"/replies/{reply_a.pk}/flag", {"reason": "spam"})
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0


def test_queue_and_resolve(api_as, thread_a, reply_a, flaggers, mod_a):
    services.flag_create(flagger=flaggers[0], thread=thread_a, reply=reply_a, reason="offensive")
    services.flag_create(flagger=flaggers[1], thread=thread_a, reason="spam", detail="ad")
    api = api_as(mod_a)
    queue = api.get("/moderation/queue").json()
    assert {(i["thread_id"], i["reply_id"]) for i in queue["items"]} == {
        (thread_a.pk, reply_a.pk),
        (thread_a.pk, None),
    }
    thread_item = next(i for i in queue["items"] if i["reply_id"] is None)
    assert thread_item["flags"][0]["detail"] == "ad"
    assert thread_item["flags"][0]["flagger"]["username"] == flaggers[1].username
    only_spam = api.get("/moderation/queue", {"reason": "spam"}).json()["items"]
    assert [i["reply_id"] for i in only_spam] == [None]
    assert api.get("/moderation/queue", {"reason": "bogus"}).status_code == 422
    resolved = api.post(
        f"/moderation/replies/{reply_a.pk}/resolve", {"action": "hide", "note": "abuse"}
    )
    assert resolved.json() == {"resolved": 1, "is_hidden": True}
    assert Reply.objects.get(pk=reply_a.pk).is_hidden
    again = api.post(f"/moderation/replies/{reply_a.pk}/resolve", {"action": "hide"})
    assert again.status_code == 409
    bad = api.post(f"/moderation/threads/{thread_a.pk}/resolve", {"action": "delete"})
    assert bad.status_code == 422


def test_hide_and_unhide_a_reply(api_as, thread_a, reply_a, mod_a, flaggers):
    api = api_as(mod_a)
    hidden = api.post(f"/moderation/replies/{reply_a.pk}/hide", {"note": "off"})
    assert hidden.json() == {
        "thread_id": thread_a.pk,
        "reply_id": reply_a.pk,
        "is_hidden": True,
        "is_locked": False,
    }
    assert api_as(flaggers[0]).get(f"/threads/{thread_a.pk}/replies").json()["items"] == []
    # Members cannot reach it now, not even to flag it.
    assert (
        api_as(flaggers[0]).post(f"/replies/{reply_a.pk}/flag", {"reason": "spam"}).status_code
        == 404
    )
    assert api.post(f"/moderation/replies/{reply_a.pk}/unhide", {}).json()["is_hidden"] is False
    assert api.post(f"/moderation/replies/{reply_a.pk}/hide", {"extra": 1}).status_code == 422


def test_anonymous_callers_are_refused(anonymous_client, thread_a):
    response = anonymous_client.post(
        f"/api/v1/moderation/threads/{thread_a.pk}/lock", content_type="application/json"
    )
    assert response.status_code == 401
    assert anonymous_client.get("/api/v1/moderation/queue").status_code == 401


@pytest.fixture
def anonymous_client(db):
    from django.test import Client

    return Client()

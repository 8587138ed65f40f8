"""Hidden content never reaches members — thread page, API, search, feed, notifications — while
reviewers still see it in the queue; authors are told rather than left to wonder."""

import pytest

from groundswell.moderation import services
from groundswell.notifications.selectors import notification_list
from groundswell.search.selectors import search_threads
from groundswell.threads import services as threads
from groundswell.threads.selectors import home_feed

pytestmark = pytest.mark.django_db

SECRET_TITLE = "HIDDENTITLE8c2e leaked payroll"
SECRET_REPLY = "HIDDENREPLY5f1a insult"


@pytest.fixture
def hidden_world(django_capture_on_commit_callbacks, author, flaggers, mod_a, space_a, settings):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "FLAGS_TO_HIDE": 2}
    with django_capture_on_commit_callbacks(execute=True):
        thread = threads.thread_create(
            author=author, space=space_a, title=SECRET_TITLE, body="payroll numbers"
        )
        visible = threads.thread_create(
            author=author, space=space_a, title="Shift swap", body="Anyone free Friday?"
        )
        reply = threads.reply_create(author=flaggers[3], thread=visible, body=SECRET_REPLY)
    for flagger in flaggers[:2]:
        services.flag_create(flagger=flagger, thread=thread, reason="private_information")
        services.flag_create(flagger=flagger, thread=visible, reply=reply, reason="offensive")
    thread.refresh_from_db()
    reply.refresh_from_db()
    assert thread.is_hidden and reply.is_hidden
    return {"thread": thread, "visible": visible, "reply": reply}


def _text(response) -> str:
    return response.content.decode()


def test_hidden_posts_are_gone_from_pages(client_as, hidden_world, flaggers):
    client = client_as(flaggers[1])
    thread, visible = hidden_world["thread"], hidden_world["visible"]
    assert client.get(thread.get_absolute_url()).status_code == 404
    page = _text(client.get(visible.get_absolute_url()))
    assert SECRET_REPLY not in page and "Shift swap" in page
    for url in ("/", f"/spaces/{thread.space.slug}/"):
        assert SECRET_TITLE not in _text(client.get(url)), url


def test_hidden_posts_are_gone_from_the_api(api_as, hidden_world, flaggers):
    api = api_as(flaggers[1])
    thread, visible = hidden_world["thread"], hidden_world["visible"]
    assert api.get(f"/threads/{thread.pk}").status_code == 404
    replies = api.get(f"/threads/{visible.pk}/replies").json()["items"]
    assert SECRET_REPLY not in str(replies)
    for path in ("/threads", "/feed"):
        assert SECRET_TITLE not in api.get(path).content.decode(), path


def test_hidden_posts_are_gone_from_search_and_feed(hidden_world, flaggers):
    member = flaggers[1]
    assert search_threads(member, "HIDDENTITLE8c2e").items == []
    assert search_threads(member, "HIDDENREPLY5f1a").items == []
    assert hidden_world["thread"].pk not in [t.pk for t in home_feed(member).items]


def test_hidden_posts_are_gone_from_notifications(api_as, client_as, hidden_world, author):
    # The author of the visible thread was notified of the (now hidden) reply.
    assert all(n.reply_id != hidden_world["reply"].pk for n in notification_list(author).items)
    assert SECRET_REPLY not in _text(client_as(author).get("/notifications/"))
    assert SECRET_REPLY not in api_as(author).get("/notifications").content.decode()


def test_reviewers_see_hidden_posts_in_the_queue(client_as, api_as, hidden_world, mod_a, admin):
    for person in (mod_a, admin):
        page = _text(client_as(person).get("/moderation/"))
        assert SECRET_TITLE in page and SECRET_REPLY in page
        items = api_as(person).get("/moderation/queue").json()["items"]
        assert {item["is_hidden"] for item in items} == {True}
        assert len(items) == 2
        hidden_page = _text(client_as(person).get("/moderation/hidden/"))
        assert SECRET_TITLE in hidden_page and SECRET_REPLY in hidden_page


def test_the_author_sees_a_notice_for_their_hidden_thread(client_as, hidden_world, author):
    response = client_as(author).get(hidden_world["thread"].get_absolute_url())
    assert response.status_code == 200
    assert "hid this post" in _text(response)


def test_the_author_of_a_hidden_reply_is_told_on_the_thread_page(client_as, hidden_world, flaggers):
    page = _text(client_as(flaggers[3]).get(hidden_world["visible"].get_absolute_url()))
    assert "Moderators hid your reply here" in page and SECRET_REPLY in page


def test_restoring_brings_the_post_back_everywhere(client_as, hidden_world, mod_a, flaggers):
    thread = hidden_world["thread"]
    services.post_unhide(moderator=mod_a, thread=thread)
    client = client_as(flaggers[1])
    assert SECRET_TITLE in _text(client.get(thread.get_absolute_url()))
    assert [r.thread.pk for r in search_threads(flaggers[1], "HIDDENTITLE8c2e").items] == [
        thread.pk
    ]

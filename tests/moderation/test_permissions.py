"""Who may do what: members flag but do not hide; a moderator acts only in their own spaces;
administrators act everywhere; an outsider learns nothing about a private post (404)."""

import pytest

from groundswell.activity.models import Event, Verb
from groundswell.moderation import services
from groundswell.threads.models import Reply, Thread

pytestmark = pytest.mark.django_db

FLAG = {"reason": "spam", "detail": ""}


def test_member_can_flag_but_not_hide_or_lock(api_as, client_as, thread_a, reply_a, flaggers):
    api = api_as(flaggers[0])
    assert api.post(f"/threads/{thread_a.pk}/flag", FLAG).status_code == 201
    assert api.post(f"/moderation/threads/{thread_a.pk}/hide", {}).status_code == 403
    assert api.post(f"/moderation/threads/{thread_a.pk}/lock").status_code == 403
    assert api.post(f"/moderation/replies/{reply_a.pk}/hide", {}).status_code == 403
    assert (
        api.post(f"/moderation/threads/{thread_a.pk}/resolve", {"action": "hide"}).status_code
        == 403
    )
    page = client_as(flaggers[0])
    assert page.post(f"/moderation/threads/{thread_a.pk}/hide/").status_code == 403
    assert page.post(f"/moderation/replies/{reply_a.pk}/hide/").status_code == 403
    assert page.post(f"/moderation/threads/{thread_a.pk}/lock/").status_code == 403
    thread = Thread.objects.get(pk=thread_a.pk)
    assert not thread.is_hidden and not thread.is_locked
    assert not Reply.objects.get(pk=reply_a.pk).is_hidden


def test_moderator_of_space_a_cannot_act_in_space_b(api_as, client_as, mod_a, thread_b, thread_a):
    # Space B is open: mod A can read it, so they are told they may not (403)…
    api = api_as(mod_a)
    assert api.post(f"/moderation/threads/{thread_b.pk}/hide", {}).status_code == 403
    assert api.post(f"/moderation/threads/{thread_b.pk}/lock").status_code == 403
    assert client_as(mod_a).post(f"/moderation/threads/{thread_b.pk}/hide/").status_code == 403
    assert not Thread.objects.get(pk=thread_b.pk).is_hidden
    # …and in their own space they can.
    assert api.post(f"/moderation/threads/{thread_a.pk}/lock").json()["is_locked"] is True


def test_moderator_b_gets_404_for_private_space_a(api_as, client_as, mod_b, thread_a, reply_a):
    api = api_as(mod_b)
    for path in (
        f"/moderation/threads/{thread_a.pk}/hide",
        f"/moderation/threads/{thread_a.pk}/unhide",
        f"/moderation/replies/{reply_a.pk}/hide",
        f"/threads/{thread_a.pk}/flag",
        f"/replies/{reply_a.pk}/flag",
    ):
        body = FLAG if path.endswith("flag") else {}
        assert api.post(path, body).status_code == 404, path
    assert api.post(f"/moderation/threads/{thread_a.pk}/lock").status_code == 404
    page = client_as(mod_b)
    assert page.post(f"/moderation/threads/{thread_a.pk}/hide/").status_code == 404
    assert page.post(f"/moderation/threads/{thread_a.pk}/flag/", FLAG).status_code == 404


def test_a_hidden_post_in_space_b_is_404_for_moderator_a(api_as, mod_a, mod_b, thread_b):
    services.post_hide(moderator=mod_b, thread=thread_b)
    assert api_as(mod_a).post(f"/moderation/threads/{thread_b.pk}/unhide", {}).status_code == 404


def test_admin_can_act_anywhere(api_as, admin, thread_a, thread_b, reply_a):
    api = api_as(admin)
    assert api.post(f"/moderation/threads/{thread_b.pk}/hide", {"note": "spam"}).json()["is_hidden"]
    assert api.post(f"/moderation/replies/{reply_a.pk}/hide", {}).json()["is_hidden"]
    assert api.post(f"/moderation/threads/{thread_a.pk}/lock").json()["is_locked"]
    assert api.post(f"/moderation/threads/{thread_b.pk}/unhide", {}).json()["is_hidden"] is False
    verbs = list(Event.objects.filter(actor=admin).values_list("verb", flat=True))
    assert sorted(verbs) == sorted([Verb.HID, Verb.HID, Verb.LOCKED, Verb.UNHID])


def test_outsider_gets_404_for_a_private_post(api_as, client_as, stranger, thread_a, reply_a):
    api = api_as(stranger)
    assert api.post(f"/threads/{thread_a.pk}/flag", FLAG).status_code == 404
    assert api.post(f"/replies/{reply_a.pk}/flag", FLAG).status_code == 404
    assert api.post(f"/moderation/threads/{thread_a.pk}/hide", {}).status_code == 404
    assert (
        api.post(f"/moderation/threads/{thread_a.pk}/resolve", {"action": "hide"}).status_code
        == 404
    )
    page = client_as(stranger)
    for url in (
        f"/moderation/threads/{thread_a.pk}/flag/",
        f"/moderation/replies/{reply_a.pk}/flag/",
        f"/moderation/threads/{thread_a.pk}/hide/",
        f"/moderation/threads/{thread_a.pk}/lock/",
        f"/moderation/threads/{thread_a.pk}/resolve/",
        f"/moderation/replies/{reply_a.pk}/resolve/",
    ):
        assert page.post(url, {**FLAG, "action": "hide"}).status_code == 404, url


def test_non_reviewers_get_404_for_the_queue(api_as, client_as, flaggers, stranger):
    for person in (flaggers[0], stranger):
        assert client_as(person).get("/moderation/").status_code == 404
        assert client_as(person).get("/moderation/hidden/").status_code == 404
        assert api_as(person).get("/moderation/queue").status_code == 404


def test_only_administrators_read_the_audit_log(client_as, mod_a, flaggers, admin):
    for person in (mod_a, flaggers[0]):
        assert client_as(person).get("/moderation/audit/").status_code == 404
        assert client_as(person).get("/moderation/audit/export.csv").status_code == 404
    assert client_as(admin).get("/moderation/audit/").status_code == 200


def test_thread_page_shows_moderator_buttons_only_to_moderators(
    client_as, thread_a, reply_a, flaggers, mod_a, author
):
    url = thread_a.get_absolute_url()
    member_page = client_as(flaggers[0]).get(url).content.decode()
    assert f"/moderation/threads/{thread_a.pk}/flag/" in member_page
    assert f"/moderation/replies/{reply_a.pk}/flag/" in member_page
    assert "/hide/" not in member_page and "/lock/" not in member_page
    moderator_page = client_as(mod_a).get(url).content.decode()
    assert f"/moderation/threads/{thread_a.pk}/hide/" in moderator_page
    assert f"/moderation/threads/{thread_a.pk}/lock/" in moderator_page
    assert f"/moderation/replies/{reply_a.pk}/hide/" in moderator_page
    # The author is not offered to flag their own thread; the reply's author, their reply.
    assert (
        f"/moderation/threads/{thread_a.pk}/flag/"
        not in client_as(author).get(url).content.decode()
    )
    assert (
        f"/moderation/replies/{reply_a.pk}/flag/"
        not in client_as(flaggers[3]).get(url).content.decode()
    )

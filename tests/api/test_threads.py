"""Threads, replies, votes, accepted answers and bookmarks."""

import pytest

from groundswell.activity.models import Event, Verb
from groundswell.threads.models import Bookmark, Reply, Revision, Thread, Vote
from tests.factories import PersonFactory, ReplyFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def _create(api, **fields):
    data = {"space": "drivers-lounge", "title": "Ice on the ramp", "body": "Careful."}
    return api.post("/threads", {**data, **fields})


def test_create_thread(member_api, member):
    response = _create(member_api, kind="question", topics=["Winter", "safety", "winter"])
    assert response.status_code == 201
    body = response.json()
    assert body["author"]["username"] == "member"
    assert body["kind"] == "question"
    assert body["topics"] == ["safety", "winter"]
    assert body["body_html"] == "<p>Careful.</p>\n"
    assert body["viewer"]["can_edit"] is True and body["viewer"]["can_accept"] is True
    assert body["viewer"]["can_vote"] is False
    thread = Thread.objects.get(pk=body["id"])
    assert Event.objects.filter(verb=Verb.ASKED, object_id=thread.pk).exists()


def test_create_thread_rejects_privileged_fields(member_api, outsider):
    for privileged in (
        {"author": outsider.pk},
        {"score": 100},
        {"accepted_reply": 1},
        {"is_locked": True},
        {"is_hidden": True},
        {"created_at": "2001-01-01"},
    ):
        response = _create(member_api, **privileged)
        assert response.status_code == 422, privileged
        assert list(response.json()["errors"]) == list(privileged)
    assert Thread.objects.count() == 0


def test_create_thread_input_errors(member_api):
    empty = _create(member_api, title="   ")
    assert empty.status_code == 400
    assert empty.json()["errors"] == {"title": ["A title is required."]}
    assert _create(member_api, title="").status_code == 400
    assert _create(member_api, title="x" * 201).status_code == 422
    assert _create(member_api, body="x" * 50_001).status_code == 422
    assert _create(member_api, topics=["a", "b", "c", "d", "e", "f"]).status_code == 422
    assert _create(member_api, topics=["x" * 51]).status_code == 422
    assert _create(member_api, kind="wiki").status_code == 422
    assert _create(member_api, space="no-such-space").status_code == 404
    assert _create(member_api, title=42).status_code == 422
    assert Thread.objects.count() == 0


def test_cannot_post_in_a_private_space_you_are_not_in(outsider_api, private_space):
    response = _create(outsider_api, space="cohort-a")
    assert response.status_code == 404
    assert Thread.objects.count() == 0


def test_thread_list_filters_and_orders(member_api, member, open_space, open_thread):
    question = ThreadFactory(space=open_space, author=member, kind="question", title="Q", score=5)
    listed = member_api.get("/threads").json()
    assert {t["id"] for t in listed["items"]} == {open_thread.pk, question.pk}
    assert listed["items"][0]["space"]["slug"] == "drivers-lounge"

    def ids(**params):
        response = member_api.get("/threads", params)
        assert response.status_code == 200, response.json()
        return [t["id"] for t in response.json()["items"]]

    assert ids(kind="question") == [question.pk]
    assert ids(unanswered="true") == [question.pk]
    assert ids(author="member") == [question.pk]
    assert ids(topic="loading") == [open_thread.pk]
    assert ids(topic="Loading") == [open_thread.pk]
    assert ids(space="drivers-lounge", order="top")[0] == question.pk
    assert member_api.get("/threads", {"space": "nope"}).status_code == 404
    assert member_api.get("/threads", {"topic": "nope"}).status_code == 404
    assert member_api.get("/threads", {"author": "nope"}).status_code == 404
    assert member_api.get("/threads", {"order": "random"}).status_code == 422


def test_feed_shows_your_spaces_and_follows(api_as, person, member, open_thread, private_thread):
    feed = api_as(member).get("/feed").json()["items"]
    assert {t["id"] for t in feed} == {open_thread.pk, private_thread.pk}
    stranger = PersonFactory()
    assert api_as(stranger).get("/feed").json()["items"] == []


def test_thread_detail_with_viewer_state(member_api, member, open_thread):
    Vote.objects.create(person=member, thread=open_thread, value=1)
    Bookmark.objects.create(person=member, thread=open_thread)
    body = member_api.get(f"/threads/{open_thread.pk}").json()
    assert body["viewer"] == {
        "vote": 1,
        "following": False,
        "bookmarked": True,
        "can_edit": False,
        "can_reply": True,
        "can_accept": False,
        "can_vote": True,
    }
    assert member_api.get("/threads/999999").status_code == 404


def test_edit_thread(api_as, person, open_thread):
    api = api_as(person)
    response = api.patch(f"/threads/{open_thread.pk}", {"title": "Loading the big van"})
    assert response.status_code == 200
    assert response.json()["title"] == "Loading the big van"
    assert response.json()["body"] == open_thread.body
    assert Revision.objects.filter(thread=open_thread).count() == 1
    retagged = api.patch(f"/threads/{open_thread.pk}", {"topics": ["vans"]}).json()
    assert retagged["topics"] == ["vans"]
    refused = api.patch(f"/threads/{open_thread.pk}", {"score": 50})
    assert refused.status_code == 422
    assert Thread.objects.get(pk=open_thread.pk).score == 0


def test_cannot_edit_someone_elses_thread(member_api, open_thread):
    response = member_api.patch(f"/threads/{open_thread.pk}", {"title": "Mine now"})
    assert response.status_code == 403
    assert Thread.objects.get(pk=open_thread.pk).title == "Loading the van"


def test_moderator_can_edit_any_thread(api_as, moderator, open_thread):
    assert (
        api_as(moderator).patch(f"/threads/{open_thread.pk}", {"body": "Tidied"}).status_code == 200
    )


def test_replies_accepted_first(member_api, member, open_question):
    thread, first = open_question
    second = ReplyFactory(thread=thread, author=PersonFactory(), body="Bay 7.", score=3)
    listed = member_api.get(f"/threads/{thread.pk}/replies").json()["items"]
    assert [r["id"] for r in listed] == [second.pk, first.pk]

    accepted = member_api.post(f"/replies/{first.pk}/accept")
    assert accepted.status_code == 200
    assert accepted.json() == {"thread_id": thread.pk, "accepted_reply_id": first.pk}
    listed = member_api.get(f"/threads/{thread.pk}/replies").json()["items"]
    assert [r["id"] for r in listed] == [first.pk, second.pk]
    assert listed[0]["is_accepted"] is True
    assert member_api.post(f"/replies/{first.pk}/accept").status_code == 409

    assert member_api.delete(f"/threads/{thread.pk}/accepted").status_code == 204
    assert Thread.objects.get(pk=thread.pk).accepted_reply_id is None
    assert member_api.delete(f"/threads/{thread.pk}/accepted").status_code == 409


def test_only_the_asker_accepts(api_as, open_question):
    _, reply = open_question
    assert api_as(reply.author).post(f"/replies/{reply.pk}/accept").status_code == 403


def test_accept_on_a_discussion_is_400(api_as, person, open_thread):
    reply = ReplyFactory(thread=open_thread, author=PersonFactory())
    response = api_as(person).post(f"/replies/{reply.pk}/accept")
    assert response.status_code == 400
    assert Thread.objects.get(pk=open_thread.pk).accepted_reply_id is None


def test_reply_and_edit(api_as, member_api, member, open_thread):
    created = member_api.post(f"/threads/{open_thread.pk}/replies", {"body": "Use the *ramp*."})
    assert created.status_code == 201
    body = created.json()
    assert body["body_html"] == "<p>Use the <em>ramp</em>.</p>\n"
    assert body["can_edit"] is True and body["my_vote"] == 0
    assert Thread.objects.get(pk=open_thread.pk).reply_count == 1

    edited = member_api.patch(f"/replies/{body['id']}", {"body": "Use the ramp."})
    assert edited.status_code == 200 and edited.json()["body"] == "Use the ramp."
    other = api_as(open_thread.author).patch(f"/replies/{body['id']}", {"body": "Hijack"})
    assert other.status_code == 403
    assert member_api.post(f"/threads/{open_thread.pk}/replies", {"body": " "}).status_code == 400
    smuggled = member_api.post(f"/threads/{open_thread.pk}/replies", {"body": "x", "score": 9})
    assert smuggled.status_code == 422
    assert Reply.objects.count() == 1


def test_votes(member_api, member, open_thread, open_question):
    path = f"/threads/{open_thread.pk}/vote"
    assert member_api.post(path, {"value": 1}).json() == {"score": 1, "my_vote": 1}
    again = member_api.post(path, {"value": 1})
    assert again.status_code == 409
    assert member_api.post(path, {"value": -1}).json() == {"score": -1, "my_vote": -1}
    assert member_api.delete(path).json() == {"score": 0, "my_vote": 0}
    assert member_api.delete(path).status_code == 409
    assert member_api.post(path, {"value": 5}).status_code == 422

    _, reply = open_question
    reply_path = f"/replies/{reply.pk}/vote"
    assert member_api.post(reply_path, {"value": 1}).json()["score"] == 1
    assert member_api.post(reply_path, {"value": 1}).status_code == 409
    listed = member_api.get(f"/threads/{reply.thread_id}/replies").json()["items"]
    assert listed[0]["my_vote"] == 1
    assert member_api.delete(reply_path).json() == {"score": 0, "my_vote": 0}


def test_cannot_vote_on_own_post(member_api, open_question):
    thread, _ = open_question
    assert member_api.post(f"/threads/{thread.pk}/vote", {"value": 1}).status_code == 403


def test_bookmarks(member_api, member, open_thread):
    path = f"/threads/{open_thread.pk}/bookmark"
    assert member_api.post(path).status_code == 201
    assert member_api.post(path).status_code == 409
    listed = member_api.get("/bookmarks").json()["items"]
    assert [t["id"] for t in listed] == [open_thread.pk]
    assert member_api.get(f"/threads/{open_thread.pk}").json()["viewer"]["bookmarked"] is True
    assert member_api.delete(path).status_code == 204
    assert member_api.delete(path).status_code == 409
    assert member_api.get("/bookmarks").json()["items"] == []

"""Votes, follows, bookmarks and accepted answers: htmx partials and plain form posts."""

import pytest

from groundswell.threads.models import Bookmark, Follow, Vote
from tests.web.conftest import HTMX

pytestmark = pytest.mark.django_db


def test_voting_without_javascript_redirects_back(login, member, question):
    response = login(member).post(f"/threads/{question.pk}/vote/", {"value": "1"})
    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    question.refresh_from_db()
    assert question.score == 1


def test_voting_with_htmx_returns_the_vote_partial(login, member, question):
    response = login(member).post(f"/threads/{question.pk}/vote/", {"value": "1"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div class="vote">')
    assert "<html" not in html
    assert '<span class="vote__score">1<' in html
    assert 'aria-pressed="true"' in html
    assert 'name="value" value="0"' in html  # pressing again withdraws
    assert "You voted this up." in html  # announced in the live region


def test_voting_the_same_way_twice_is_a_conflict(login, member, question):
    client = login(member)
    client.post(f"/threads/{question.pk}/vote/", {"value": "1"})
    again = client.post(f"/threads/{question.pk}/vote/", {"value": "1"})
    assert again.status_code == 409
    assert b"You have already voted on this." in again.content
    question.refresh_from_db()
    assert question.score == 1


def test_a_conflict_on_htmx_goes_to_the_live_region(login, member, question):
    client = login(member)
    client.post(f"/threads/{question.pk}/vote/", {"value": "1"}, headers=HTMX)
    again = client.post(f"/threads/{question.pk}/vote/", {"value": "1"}, headers=HTMX)
    assert again.status_code == 409
    assert again["HX-Retarget"] == "#toast"
    assert b"You have already voted on this." in again.content
    assert b"<html" not in again.content


def test_withdrawing_and_switching_a_vote(login, member, answer):
    client = login(member)
    client.post(f"/replies/{answer.pk}/vote/", {"value": "1"})
    client.post(f"/replies/{answer.pk}/vote/", {"value": "-1"})
    answer.refresh_from_db()
    assert answer.score == -1
    client.post(f"/replies/{answer.pk}/vote/", {"value": "0"})
    answer.refresh_from_db()
    assert answer.score == 0
    assert not Vote.objects.exists()


def test_voting_on_ones_own_post_is_forbidden(login, asker, question):
    response = login(asker).post(f"/threads/{question.pk}/vote/", {"value": "1"})
    assert response.status_code == 403


def test_a_nonsense_vote_is_400(login, member, question):
    response = login(member).post(f"/threads/{question.pk}/vote/", {"value": "5"})
    assert response.status_code == 400
    assert not Vote.objects.exists()


def test_votes_need_a_post(login, member, question):
    assert login(member).get(f"/threads/{question.pk}/vote/").status_code == 405


def test_voting_on_a_private_thread_is_not_found(login, outsider, private_thread):
    response = login(outsider).post(f"/threads/{private_thread.pk}/vote/", {"value": "1"})
    assert response.status_code == 404
    assert not Vote.objects.exists()


def test_following_a_thread_with_htmx(login, member, question):
    client = login(member)
    response = client.post(f"/threads/{question.pk}/follow/", {"action": "follow"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="action" value="unfollow"' in html
    assert ">Unfollow<" in html
    assert Follow.objects.filter(follower=member, thread=question).exists()
    response = client.post(f"/threads/{question.pk}/follow/", {"action": "unfollow"})
    assert response.status_code == 302
    assert not Follow.objects.exists()


def test_following_twice_is_a_conflict(login, member, question):
    client = login(member)
    client.post(f"/threads/{question.pk}/follow/", {"action": "follow"})
    assert client.post(f"/threads/{question.pk}/follow/", {"action": "follow"}).status_code == 409


def test_bookmarking_and_the_bookmarks_page(login, member, question, discussion):
    client = login(member)
    assert b"You have no bookmarks yet." in client.get("/bookmarks/").content
    response = client.post(f"/threads/{question.pk}/bookmark/", {"action": "add"}, headers=HTMX)
    assert b"Remove bookmark" in response.content
    assert Bookmark.objects.filter(person=member, thread=question).exists()
    page = client.get("/bookmarks/").content.decode()
    assert question.title in page and discussion.title not in page


def test_a_bookmark_of_a_thread_no_longer_visible_disappears(login, outsider, private_thread):
    Bookmark.objects.create(person=outsider, thread=private_thread)
    assert b"PRIVATE-CANARY" not in login(outsider).get("/bookmarks/").content


def test_the_asker_accepts_and_unaccepts_an_answer(login, asker, question, answer):
    client = login(asker)
    response = client.post(f"/replies/{answer.pk}/accept/")
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.accepted_reply == answer
    assert b"Answer accepted" in client.get(response["Location"]).content
    client.post(f"/threads/{question.pk}/unaccept/")
    question.refresh_from_db()
    assert question.accepted_reply is None


def test_accepting_twice_is_a_conflict(login, asker, answer):
    client = login(asker)
    client.post(f"/replies/{answer.pk}/accept/")
    assert client.post(f"/replies/{answer.pk}/accept/").status_code == 409


def test_someone_else_cannot_accept(login, member, question, answer):
    assert login(member).post(f"/replies/{answer.pk}/accept/").status_code == 403
    question.refresh_from_db()
    assert question.accepted_reply is None


def test_accepting_on_a_discussion_is_400(login, asker, discussion, answerer):
    from groundswell.threads import services

    reply = services.reply_create(author=answerer, thread=discussion, body="Agreed.")
    response = login(asker).post(f"/replies/{reply.pk}/accept/")
    assert response.status_code == 400
    assert b"Only answers to questions can be accepted." in response.content
    discussion.refresh_from_db()
    assert discussion.accepted_reply is None

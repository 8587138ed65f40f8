"""The home feed, thread pages and the forms that write threads and replies."""

import pytest

from groundswell.threads import services as threads
from groundswell.threads.models import Reply, Thread
from tests.factories import PersonFactory, ReplyFactory, ThreadFactory
from tests.web.conftest import HTMX

pytestmark = pytest.mark.django_db


# ---- home -------------------------------------------------------------------------------


def test_home_shows_the_feed_spaces_and_an_ask_button(login, asker, question):
    response = login(asker).get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert question.title in html
    assert "Drivers&#x27; lounge" in html  # their spaces, in the sidebar
    assert 'href="/new/?kind=question"' in html
    assert "Your feed is empty" not in html


def test_home_for_a_newcomer_suggests_spaces_and_topics(login, outsider):
    html = login(outsider).get("/").content.decode()
    assert "Your feed is empty for now." in html
    assert "Find spaces to join" in html
    assert "You haven't joined a space yet." in html


def test_home_never_shows_a_private_thread_to_an_outsider(login, outsider, private_thread):
    threads.follow_add(follower=outsider, kind="person", target=private_thread.author)
    assert b"PRIVATE-CANARY" not in login(outsider).get("/").content


def test_home_feed_is_paginated(login, asker, open_space):
    for n in range(23):
        ThreadFactory(space=open_space, author=asker, title=f"Feed item {n:02d}")
    client = login(asker)
    first = client.get("/").content.decode()
    assert 'rel="next" href="?page=2"' in first
    assert "Feed item 22" in first and "Feed item 02" not in first
    second = client.get("/?page=2").content.decode()
    assert "Feed item 02" in second and "Feed item 22" not in second
    assert 'rel="prev" href="?page=1"' in second


def test_home_lists_followed_topics(login, asker, question):
    topic = question.topics.get(name="hazmat")
    threads.follow_add(follower=asker, kind="topic", target=topic)
    assert b'href="/topics/hazmat/">#hazmat</a>' in login(asker).get("/").content


# ---- the thread page ----------------------------------------------------------------------


def test_thread_page_shows_the_question_with_author_level_and_unit(login, member, question):
    html = login(member).get(question.get_absolute_url()).content.decode()
    assert '<h1 id="thread-title">How do I label lithium batteries?</h1>' in html
    assert "Question</span>" in html
    assert "Frontline" in html  # the asker's level
    assert 'href="/topics/hazmat/"' in html
    assert "Which sticker goes where?" in html
    assert 'id="reply-form"' in html


def test_private_thread_is_not_found_for_an_outsider(login, outsider, private_thread):
    response = login(outsider).get(private_thread.get_absolute_url())
    assert response.status_code == 404
    assert b"PRIVATE-CANARY" not in response.content


def test_a_missing_thread_looks_the_same_as_a_private_one(login, outsider, private_thread):
    client = login(outsider)
    hidden = client.get(private_thread.get_absolute_url())
    missing = client.get("/threads/999999/")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.templates[0].name == missing.templates[0].name == "web/error.html"
    assert hidden.context["message"] == missing.context["message"]


def test_the_accepted_answer_is_shown_first_with_a_badge(login, asker, question, answerer):
    first = threads.reply_create(author=PersonFactory(), thread=question, body="Early guess.")
    best = threads.reply_create(author=answerer, thread=question, body="The real answer.")
    threads.vote_cast(person=asker, reply=first, value=1)
    threads.reply_accept(person=asker, reply=best)
    html = login(asker).get(question.get_absolute_url()).content.decode()
    assert html.index("The real answer.") < html.index("Early guess.")
    assert html.index("✓ Accepted answer") < html.index("The real answer.")
    assert html.count("✓ Accepted answer") == 1
    assert "Unmark as accepted" in html


def test_only_the_asker_sees_accept_buttons(login, question, answer, member):
    assert b"Accept this answer" not in login(member).get(question.get_absolute_url()).content


def test_replies_are_paginated(login, member, question):
    for n in range(52):
        ReplyFactory(thread=question, body=f"Reply number {n:02d}")
    client = login(member)
    first = client.get(question.get_absolute_url()).content.decode()
    assert "Reply number 00" in first and "Reply number 51" not in first
    assert 'rel="next"' in first
    second = client.get(question.get_absolute_url() + "?page=2").content.decode()
    assert "Reply number 51" in second


def test_a_thread_with_no_replies_says_so(login, member, discussion):
    assert b"No replies yet." in login(member).get(discussion.get_absolute_url()).content


# ---- asking ----------------------------------------------------------------------------


def test_asking_a_question_in_a_space(login, member, open_space):
    response = login(member).post(
        f"/spaces/{open_space.slug}/new/",
        {"kind": "question", "title": "Where is the key?", "body": "", "topics": "keys, depot"},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()
    assert thread.kind == "question" and thread.author == member
    assert sorted(t.name for t in thread.topics.all()) == ["depot", "keys"]


def test_asking_from_home_lets_the_person_pick_their_space(login, member, private_space):
    client = login(member)
    page = client.get("/new/?kind=discussion").content.decode()
    assert f'<option value="{private_space.slug}">' in page
    assert 'value="discussion" id="id_kind_1" required checked' in page
    response = client.post(
        "/new/",
        {"kind": "discussion", "space": private_space.slug, "title": "Hi", "body": "All."},
    )
    assert response.status_code == 302
    assert Thread.objects.get().space == private_space


def test_posting_into_a_space_one_cannot_see_is_not_found(login, outsider, private_space):
    response = login(outsider).post(
        "/new/", {"kind": "discussion", "space": private_space.slug, "title": "x", "body": "y"}
    )
    assert response.status_code in (400, 404)
    assert not Thread.objects.exists()


def test_the_new_thread_page_of_a_private_space_is_not_found_for_outsiders(
    login, outsider, private_space
):
    assert login(outsider).get(f"/spaces/{private_space.slug}/new/").status_code == 404


def test_an_empty_title_rerenders_the_form_with_400_and_saves_nothing(login, member, open_space):
    response = login(member).post(
        f"/spaces/{open_space.slug}/new/",
        {"kind": "discussion", "title": "   ", "body": "Body kept", "topics": "a"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "A title is required." in html
    assert "Body kept" in html  # what was typed is not lost
    assert 'class="error-summary"' in html
    assert not Thread.objects.exists()


def test_a_body_over_the_limit_is_400_and_saves_nothing(login, member, open_space):
    response = login(member).post(
        f"/spaces/{open_space.slug}/new/",
        {"kind": "discussion", "title": "Long", "body": "y" * 60_000},
    )
    assert response.status_code == 400
    # The form says so before the service would: "Ensure this value has at most 50000…".
    assert b"at most 50000 characters (it has 60000)" in response.content
    assert not Thread.objects.exists()


def test_too_many_topics_is_400(login, member, open_space):
    response = login(member).post(
        f"/spaces/{open_space.slug}/new/",
        {"kind": "discussion", "title": "Tags", "body": "b", "topics": "a b c d e f"},
    )
    assert response.status_code == 400
    assert b"Use at most 5 topics." in response.content


def test_an_unknown_kind_is_400(login, member, open_space):
    response = login(member).post(
        f"/spaces/{open_space.slug}/new/", {"kind": "wiki", "title": "t", "body": "b"}
    )
    assert response.status_code == 400
    assert not Thread.objects.exists()


def test_markup_in_a_title_is_escaped(login, member, open_space):
    client = login(member)
    client.post(
        f"/spaces/{open_space.slug}/new/",
        {"kind": "discussion", "title": "<script>alert(1)</script>", "body": "<b>x</b>"},
    )
    html = client.get(Thread.objects.get().get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# ---- editing ---------------------------------------------------------------------------


def test_the_author_edits_their_thread(login, asker, question):
    client = login(asker)
    page = client.get(f"/threads/{question.pk}/edit/")
    assert page.status_code == 200
    assert b'value="hazmat labels"' in page.content
    response = client.post(
        f"/threads/{question.pk}/edit/",
        {"title": "New title", "body": "New body", "topics": "hazmat", "message": "typo"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.title == "New title"
    assert [t.name for t in question.topics.all()] == ["hazmat"]


def test_editing_another_persons_thread_is_forbidden(login, member, question):
    client = login(member)
    assert client.get(f"/threads/{question.pk}/edit/").status_code == 403
    response = client.post(f"/threads/{question.pk}/edit/", {"title": "Mine", "body": "b"})
    assert response.status_code == 403
    question.refresh_from_db()
    assert question.title == "How do I label lithium batteries?"


def test_a_moderator_may_edit(login, moderator, question):
    assert login(moderator).get(f"/threads/{question.pk}/edit/").status_code == 200


def test_editing_with_an_empty_title_is_400(login, asker, question):
    response = login(asker).post(f"/threads/{question.pk}/edit/", {"title": "", "body": "b"})
    assert response.status_code == 400
    question.refresh_from_db()
    assert question.title == "How do I label lithium batteries?"


def test_editing_a_reply(login, answerer, answer, member):
    assert login(member).get(f"/replies/{answer.pk}/edit/").status_code == 403
    client = login(answerer)
    response = client.post(f"/replies/{answer.pk}/edit/", {"body": "Better answer."})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.body == "Better answer."


# ---- replying --------------------------------------------------------------------------


def test_replying_without_javascript_redirects_to_the_reply(login, member, question):
    response = login(member).post(f"/threads/{question.pk}/reply/", {"body": "Try this."})
    reply = Reply.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#reply-{reply.pk}")


def test_replying_with_htmx_returns_the_reply_a_fresh_form_and_the_count(login, member, question):
    response = login(member).post(
        f"/threads/{question.pk}/reply/", {"body": "**Bold** tip."}, headers=HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert '<li id="reply-' in html and "<strong>Bold</strong> tip." in html
    assert 'id="reply-form"' in html and 'hx-swap-oob="true"' in html
    assert '<h2 id="reply-count" hx-swap-oob="true">1 answer</h2>' in html
    assert 'id="no-replies" hx-swap-oob="delete"' in html
    assert "Your reply is posted." in html


def test_an_empty_htmx_reply_rerenders_the_form_in_place(login, member, question):
    response = login(member).post(f"/threads/{question.pk}/reply/", {"body": ""}, headers=HTMX)
    assert response.status_code == 400
    assert response["HX-Retarget"] == "#reply-form"
    assert response["HX-Reswap"] == "outerHTML"
    assert b"Write something first." in response.content
    assert b"<html" not in response.content
    assert not Reply.objects.exists()


def test_an_empty_reply_without_javascript_is_a_400_page(login, member, question):
    response = login(member).post(f"/threads/{question.pk}/reply/", {"body": " "})
    assert response.status_code == 400
    assert b"Write something first." in response.content
    assert b"<html" in response.content


def test_reply_form_needs_a_post(login, member, question):
    assert login(member).get(f"/threads/{question.pk}/reply/").status_code == 405


def test_a_non_member_cannot_reply_in_a_private_space(login, outsider, private_thread):
    response = login(outsider).post(f"/threads/{private_thread.pk}/reply/", {"body": "hi"})
    assert response.status_code == 404
    assert not Reply.objects.exists()

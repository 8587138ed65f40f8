"""Similar questions while a title is typed, and related threads on a thread page."""

import pytest

from groundswell.search.selectors import related_threads, similar_threads
from groundswell.threads import services as threads
from groundswell.threads.models import ThreadKind

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def batteries(post, writer, helper):
    """Questions and a discussion about lithium batteries; one question has an accepted
    answer."""
    answered = post("How do I label lithium batteries?", kind=ThreadKind.QUESTION)
    threads.reply_accept(
        person=writer,
        reply=threads.reply_create(author=helper, thread=answered, body="UN3481 label."),
    )
    return {
        "answered": answered,
        "open": post("Lithium batteries in the returns cage", kind=ThreadKind.QUESTION),
        "discussion": post("Lithium battery fire drill", "We practised today."),
        "other": post("Forklift refresher", "Book it."),
    }


def titles(results) -> list[str]:
    return [result.thread.title for result in results]


def test_similar_threads_share_words_with_the_title(member, batteries):
    found = titles(similar_threads(member, "Can I ship lithium batteries by air"))
    assert set(found) == {
        "How do I label lithium batteries?",
        "Lithium batteries in the returns cage",
        "Lithium battery fire drill",
    }


def test_questions_come_first_and_accepted_answers_are_marked(member, batteries):
    results = similar_threads(member, "lithium battery")
    assert [r.thread.kind for r in results] == ["question", "question", "discussion"]
    accepted = {r.thread.title: r.is_accepted for r in results}
    assert accepted == {
        "How do I label lithium batteries?": True,
        "Lithium batteries in the returns cage": False,
        "Lithium battery fire drill": False,
    }
    assert "<mark>" in results[0].title_html


def test_the_title_is_matched_while_it_is_typed(member, batteries):
    assert "Forklift refresher" in titles(similar_threads(member, "Where is the fork"))


def test_limit_exclusion_and_empty_titles(member, batteries):
    assert len(similar_threads(member, "lithium", limit=1)) == 1
    excluded = batteries["answered"].pk
    assert excluded not in [
        r.thread.pk for r in similar_threads(member, "lithium", exclude_id=excluded)
    ]
    assert similar_threads(member, "") == []
    assert similar_threads(member, "how do I?") == []


def test_related_threads_leave_out_the_thread_itself(member, batteries):
    related = titles(related_threads(member, batteries["answered"]))
    assert "How do I label lithium batteries?" not in related
    assert "Lithium batteries in the returns cage" in related


def test_the_similar_partial_lists_visible_threads(
    client, member, outsider, batteries, post, private_space
):
    post("Lithium secret plan", "Members only.", space=private_space)
    client.force_login(member)
    response = client.get("/search/similar/", {"title": "lithium batt"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Already asked?" in html
    assert html.count('class="similar__item"') == 4
    assert "✓ Answered" in html
    assert 'target="_blank"' in html
    client.force_login(outsider)
    html = client.get("/search/similar/", {"title": "lithium batt"}, headers=HTMX).content.decode()
    assert html.count('class="similar__item"') == 3
    assert "secret" not in html


def test_the_similar_partial_is_empty_without_a_match(client, member, batteries):
    client.force_login(member)
    for title in ("", "zzzz qqqq", "?"):
        response = client.get("/search/similar/", {"title": title}, headers=HTMX)
        assert response.status_code == 200
        assert "similar__item" not in response.content.decode()


def test_the_new_thread_form_asks_for_similar_threads_while_typing(client, member):
    client.force_login(member)
    html = client.get("/new/").content.decode()
    assert 'hx-get="/search/similar/"' in html
    assert 'hx-trigger="input changed delay:400ms"' in html
    assert 'hx-include="#id_title"' in html
    assert 'id="similar-threads"' in html


def test_the_thread_page_shows_related_threads(client, member, batteries):
    client.force_login(member)
    html = client.get(batteries["answered"].get_absolute_url()).content.decode()
    assert "Related threads" in html
    assert "Lithium batteries in the returns cage" in html
    html = client.get(batteries["other"].get_absolute_url()).content.decode()
    assert "Related threads" not in html

"""Highlighted titles and excerpts are built from escaped text: what people write cannot add
markup to a results page, only `<mark>` from the engine can."""

import re

import pytest

from groundswell.search.selectors import search_threads, similar_threads
from groundswell.search.text import MARK_END, MARK_START
from groundswell.threads import services as threads

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "&lt;b&gt;entity&lt;/b&gt;",
]
ONLY_MARKS = re.compile(r"</?(?!mark>)[a-z]", re.IGNORECASE)


def assert_inert(html: str) -> None:
    assert ONLY_MARKS.search(html) is None, html
    assert html.count("<mark>") == html.count("</mark>"), html
    assert MARK_START not in html and MARK_END not in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_in_the_text_is_inert_in_the_excerpt(post, member, helper, payload):
    # In a code span the payload survives Markdown sanitising as text, so it reaches the index
    # as "<script>…": exactly what the excerpt must escape. (PostgreSQL's ts_headline drops
    # what looks like a tag; SQLite's snippet() keeps it, escaped. Either way it is inert.)
    thread = post("Scanner crash report", f"Scanner log: `{payload}` then crash.")
    threads.reply_create(author=helper, thread=thread, body=f"Same scanner here: `{payload}`")
    [result] = search_threads(member, "scanner crash")
    assert_inert(result.snippet_html)
    assert_inert(result.title_html)
    assert "<mark>crash</mark>" in result.snippet_html
    assert payload not in result.snippet_html


def test_a_payload_in_the_title_is_inert(post, member):
    post("<b>Scanner</b> <script>alert(1)</script> crash", "Body about a scanner.")
    [result] = search_threads(member, "scanner")
    assert_inert(result.title_html)
    assert "<mark>Scanner</mark>" in result.title_html
    assert "&lt;script&gt;" in result.title_html
    [similar] = similar_threads(member, "scanner")
    assert_inert(similar.title_html)


def test_marker_characters_written_by_people_do_not_become_marks(post, member):
    post(f"Scanner {MARK_START}fake{MARK_END} crash", f"Text {MARK_START}fake{MARK_END} crash.")
    [result] = search_threads(member, "scanner")
    assert_inert(result.title_html)
    assert_inert(result.snippet_html)
    assert "<mark>fake</mark>" not in result.title_html + result.snippet_html


def test_the_results_page_shows_the_escaped_payload(post, member, client):
    payload = "<script>alert('xss')</script>"
    post("Scanner crash report", f"Scanner log: `{payload}` then crash.")
    client.force_login(member)
    html = client.get("/search/?q=crash").content.decode()
    assert "<mark>crash</mark>" in html
    assert payload not in html
    assert "<script>alert" not in html

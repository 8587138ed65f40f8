"""Searching: ranking, prefixes, phrases, replies, and input that must never break a query.
Runs on SQLite (FTS5) and on PostgreSQL (tsvector) alike."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from groundswell.search.selectors import search_threads
from groundswell.threads import services as threads
from groundswell.threads.models import Reply

pytestmark = pytest.mark.django_db

NASTY = [
    '"',
    '""',
    "*",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(van tyre, 3)",
    "-",
    "-hazmat",
    ":",
    "title:hazmat",
    "{title body}: hazmat",
    '"unbalanced quote',
    'hazmat"',
    "haz*",
    "^hazmat",
    "(hazmat",
    "hazmat)",
    "hazmat & | ! <-> :*",
    "'; DROP TABLE threads_thread; --",
    "\\",
    "%",
    "%s",
    "🚚📦🔋",
    "hazmat 🚚",
    "Ünïcödé straße",
    "x" * 1000,
    " ".join(["hazmat"] * 300),
    "a" * 199 + " hazm",
]


@pytest.fixture
def hazmat_thread(post):
    return post("Hazmat labels", "For lithium batteries, hazmat class 9.")


def titles(page) -> list[str]:
    return [result.thread.title for result in page]


def test_a_title_match_ranks_above_a_text_match(post, member):
    post("Packing list for the weekend", "Remember the hazmat labels and the tape and more.")
    post("Hazmat labels explained", "Which sticker goes where.")
    assert titles(search_threads(member, "hazmat")) == [
        "Hazmat labels explained",
        "Packing list for the weekend",
    ]


def test_every_word_must_match(post, member):
    post("Hazmat labels", "For lithium batteries.")
    post("Hazmat training", "Dates for the course.")
    assert titles(search_threads(member, "hazmat lithium")) == ["Hazmat labels"]


def test_the_last_word_matches_as_a_prefix(post, member):
    post("Hazmat labels", "For lithium batteries.")
    post("Forklift checks", "Every morning.")
    assert titles(search_threads(member, "hazm")) == ["Hazmat labels"]
    assert titles(search_threads(member, "lithium batt")) == ["Hazmat labels"]


def test_words_match_their_other_forms(post, member):
    post("Labelling parcels", "Which labels go on top?")
    assert titles(search_threads(member, "label")) == ["Labelling parcels"]


def test_a_quoted_phrase_matches_only_those_words_together(post, member):
    post("Where to leave parcels", "The customer chose a safe place by the shed.")
    post("Which place is safe?", "A place at the back that is safe from rain.")
    assert titles(search_threads(member, '"safe place"')) == ["Where to leave parcels"]
    assert len(search_threads(member, "safe place").items) == 2


def test_replies_are_searched_and_hidden_replies_are_not(post, member, helper):
    thread = post("Van tyres", "Who checks them?")
    threads.reply_create(author=helper, thread=thread, body="The UN3481 label goes on the box.")
    hidden = threads.reply_create(author=helper, thread=thread, body="Secret zebracrossing note.")
    Reply.objects.filter(pk=hidden.pk).update(is_hidden=True)
    threads.reply_create(author=helper, thread=thread, body="Reindex after the hide.")
    assert titles(search_threads(member, "UN3481")) == ["Van tyres"]
    assert titles(search_threads(member, "zebracrossing")) == []


def test_an_empty_query_finds_nothing_without_asking_the_database(post, member):
    post("Hazmat labels", "For lithium batteries.")
    for text in ("", "   ", "?!", "the of and"):
        with CaptureQueriesContext(connection) as queries:
            page = search_threads(member, text)
        assert page.items == [] and not page.has_next
        assert len(queries) == 0


def test_results_are_paginated(post, member):
    for n in range(5):
        post(f"Depot question {n}", "About the depot.")
    first = search_threads(member, "depot", per_page=2)
    second = search_threads(member, "depot", page=2, per_page=2)
    third = search_threads(member, "depot", page=3, per_page=2)
    assert first.has_next and second.has_next and not third.has_next
    seen = titles(first) + titles(second) + titles(third)
    assert sorted(seen) == [f"Depot question {n}" for n in range(5)]


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_operators_and_odd_input_never_break_the_query(hazmat_thread, member, text):
    page = search_threads(member, text)
    assert isinstance(page.items, list)


def test_operator_words_are_searched_as_words(post, member):
    post("Near miss in the yard", "How do we report a near miss?")
    post("Forklift checks", "Every morning.")
    assert titles(search_threads(member, "NEAR(")) == ["Near miss in the yard"]
    assert titles(search_threads(member, "-forklift")) == ["Forklift checks"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=120))
def test_any_text_is_a_valid_query(hazmat_thread, member, text):
    search_threads(member, text)
    search_threads(member, text + " hazmat")

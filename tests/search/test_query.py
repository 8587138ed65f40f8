"""Parsing what people type: words, "phrases", a prefix, and nothing an engine could misread."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groundswell.search.query import MAX_TERMS, SearchQuery, parse_query
from groundswell.search.text import MARK_END, MARK_START, marked_html, plain_text

TERM = re.compile(r"^[^\W_]+$")


def test_words_are_folded_and_stop_words_dropped():
    query = parse_query("How do I label LITHIUM Batteries?")
    assert query.words == ("label", "lithium", "batteries")
    assert query.prefix is None  # the text ends with "?": the last word is finished


def test_the_last_word_is_a_prefix_while_it_is_typed():
    assert parse_query("hazm") == SearchQuery(prefix="hazm")
    assert parse_query("label hazm") == SearchQuery(words=("label",), prefix="hazm")
    # Too short to be a useful prefix, or a stop word: not a prefix.
    assert parse_query("vitamin d").prefix is None
    assert parse_query("labels for the").prefix is None


def test_quoted_words_are_a_phrase():
    query = parse_query('"safe place" neighbour')
    assert query.phrases == (("safe", "place"),)
    assert query.prefix == "neighbour"
    assert parse_query('"hazmat"').words == ("hazmat",)  # one quoted word is a word


@pytest.mark.parametrize(
    "text",
    ['"', '""', "*", "AND", "OR NOT", "-", ":", "(", ")", "^", "{}:", "'", "&|!", "<->"],
)
def test_operators_and_punctuation_alone_are_an_empty_query(text):
    assert parse_query(text).is_empty


def test_operators_between_words_are_words_or_nothing():
    query = parse_query('NEAR(van tyre) AND -damage* title:"pressure')
    assert query.all_words == ("near", "van", "tyre", "damage", "title", "pressure")
    assert all(TERM.match(word) for word in query.all_words)


def test_an_unbalanced_quote_is_ignored():
    query = parse_query('"safe place neighbour')
    assert query.phrases == ()
    assert query.words == ("safe", "place")
    assert query.prefix == "neighbour"


def test_emoji_and_symbols_separate_words():
    assert parse_query("🚚📦").is_empty
    assert parse_query("van🚚tyre").all_words == ("van", "tyre")


def test_long_text_is_cut_and_terms_are_capped():
    query = parse_query(" ".join(f"word{n}" for n in range(500)))
    assert len(query.words) + len(query.phrases) + (1 if query.prefix else 0) <= MAX_TERMS
    assert len(parse_query("x" * 1000).text) == 200


def test_empty_text_is_an_empty_query():
    assert parse_query("").is_empty
    assert parse_query(None).is_empty
    assert parse_query("   the and of  ").is_empty


@given(st.text(max_size=300))
def test_any_text_parses_into_letters_and_digits_only(text):
    query = parse_query(text)
    assert all(TERM.match(word) for word in query.all_words)
    assert all(len(phrase) > 1 for phrase in query.phrases)


def test_plain_text_drops_tags_resolves_entities_and_markers():
    html = f"<p>Use <strong>bay&nbsp;4</strong> &lt;script&gt;{MARK_START}x{MARK_END}</p>"
    assert plain_text(html) == "Use bay 4 <script> x"


def test_marked_html_escapes_everything_but_the_marks():
    excerpt = f'<script>alert("x")</script> {MARK_START}van{MARK_END} & co'
    assert marked_html(excerpt) == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>van</mark> &amp; co"
    )


@pytest.mark.parametrize(
    ("excerpt", "expected"),
    [
        (f"{MARK_START}open", "<mark>open</mark>"),
        (f"close{MARK_END}", "close"),
        (f"{MARK_START}{MARK_START}a{MARK_END}{MARK_END}", "<mark>a</mark>"),
    ],
)
def test_marks_are_always_balanced(excerpt, expected):
    assert marked_html(excerpt) == expected

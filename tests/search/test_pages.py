"""The search page: the form, its empty states, results with highlights, and the header box."""

import pytest

from groundswell.threads.models import ThreadKind
from tests.web.test_accessibility import _check

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, member):
    client.force_login(member)
    return client


def test_without_a_query_the_page_asks_for_one(reader):
    response = reader.get("/search/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Type something to search" in html
    assert 'name="q"' in html


def test_results_show_highlighted_titles_and_excerpts(reader, post):
    post("Hazmat labels explained", "Which hazmat sticker goes where.", topics=["hazmat"])
    html = reader.get("/search/", {"q": "hazmat"}).content.decode()
    assert "<mark>Hazmat</mark> labels explained" in html
    assert "Which <mark>hazmat</mark> sticker" in html
    assert "#hazmat" in html
    assert "<title>hazmat · Search" in html


def test_no_results_offers_to_ask(reader, post):
    post("Hazmat labels explained", "Which sticker goes where.")
    html = reader.get("/search/", {"q": "zebra crossing"}).content.decode()
    assert "No results for “zebra crossing”" in html
    assert "/new/?kind=question" in html


def test_filters_narrow_and_stay_in_the_form(reader, post):
    post("Hazmat question", kind=ThreadKind.QUESTION)
    post("Hazmat discussion", "Talk.")
    html = reader.get("/search/", {"q": "hazmat", "kind": "question"}).content.decode()
    assert "<mark>Hazmat</mark> question" in html
    assert "<mark>Hazmat</mark> discussion" not in html
    assert '<option value="question" selected>' in html
    assert '<details class="search-form__filters" open>' in html


def test_an_unknown_space_slug_stays_selectable_and_finds_nothing(reader, post):
    post("Hazmat discussion", "Talk.")
    html = reader.get("/search/", {"q": "hazmat", "space": "nowhere"}).content.decode()
    assert '<option value="nowhere" selected>nowhere</option>' in html
    assert "No results for “hazmat” with these filters" in html


def test_invalid_filters_are_shown_on_the_form(reader):
    response = reader.get("/search/", {"q": "hazmat", "from": "2025-02-30"})
    assert response.status_code == 400
    assert "Please check the form" in response.content.decode()
    response = reader.get("/search/", {"q": "hazmat", "from": "2025-03-02", "to": "2025-03-01"})
    assert response.status_code == 400
    assert "The end date is before the start date." in response.content.decode()


def test_results_are_paginated_with_the_query_kept(reader, post):
    for n in range(22):
        post(f"Depot note {n}", "About the depot.")
    html = reader.get("/search/", {"q": "depot", "kind": "discussion"}).content.decode()
    assert html.count('class="thread-row search-result"') == 20
    assert "?q=depot&amp;kind=discussion&amp;page=2" in html
    html = reader.get("/search/", {"q": "depot", "page": 2}).content.decode()
    assert html.count('class="thread-row search-result"') == 2
    html = reader.get("/search/", {"q": "depot", "page": 9}).content.decode()
    assert "No more results" in html


def test_a_long_or_odd_query_is_not_an_error(reader):
    for text in ("x" * 1000, '"NEAR( AND * -:', "🚚"):
        assert reader.get("/search/", {"q": text}).status_code == 200


def test_every_page_has_the_search_box_in_its_header(reader):
    html = reader.get("/").content.decode()
    assert '<form class="site-search" method="get" action="/search/" role="search"' in html
    assert 'id="site-search-q"' in html


def test_the_search_page_needs_a_login(client):
    response = client.get("/search/", {"q": "x"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_search_pages_are_structurally_accessible(reader, post):
    post("Hazmat labels explained", "Which hazmat sticker goes where.", topics=["hazmat"])
    for params in ({}, {"q": "hazmat"}, {"q": "zebra"}, {"q": "x", "from": "2025-02-30"}):
        _check(reader.get("/search/", params).content.decode(), f"/search/ {params}")

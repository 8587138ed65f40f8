"""Filters: kind, space, topic, author, question status and dates, applied in the query."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from groundswell.errors import InvalidInput
from groundswell.search.selectors import SearchFilters, search_threads
from groundswell.threads import services as threads
from groundswell.threads.models import Thread, ThreadKind
from tests.factories import MembershipFactory, SpaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pallets(post, helper, writer, open_space):
    """Six threads about pallets: discussions and questions in two spaces, by two people."""
    depot = SpaceFactory(name="Depot", slug="depot")
    MembershipFactory(space=depot, person=writer)
    unanswered = post("Pallets question one", kind=ThreadKind.QUESTION, topics=["pallets"])
    answered = post("Pallets question two", kind=ThreadKind.QUESTION)
    reply = threads.reply_create(author=helper, thread=answered, body="Stack them.")
    accepted = post("Pallets question three", kind=ThreadKind.QUESTION, author=helper)
    threads.reply_accept(
        person=helper,
        reply=threads.reply_create(author=writer, thread=accepted, body="Bay 4."),
    )
    discussion = post("Pallets discussion", "Wood or plastic?", topics=["Pallets", "wood"])
    elsewhere = post("Pallets in the depot", "Blue ones.", space=depot)
    old = post("Pallets from last year", "Old news.")
    a_year_ago = timezone.now() - timedelta(days=365)
    Thread.objects.filter(pk=old.pk).update(created_at=a_year_ago)
    return {
        "unanswered": unanswered,
        "answered": answered,
        "reply": reply,
        "accepted": accepted,
        "discussion": discussion,
        "elsewhere": elsewhere,
        "old": old,
    }


def found(member, **filters) -> set[str]:
    page = search_threads(member, "pallets", filters=SearchFilters(**filters), per_page=50)
    return {result.thread.title for result in page}


def test_no_filter_finds_all(member, pallets):
    assert len(found(member)) == 6


def test_kind(member, pallets):
    assert found(member, kind="discussion") == {
        "Pallets discussion",
        "Pallets in the depot",
        "Pallets from last year",
    }
    with pytest.raises(InvalidInput):
        found(member, kind="poem")


def test_space(member, pallets):
    assert found(member, space="depot") == {"Pallets in the depot"}


def test_topic_in_any_spelling(member, pallets):
    assert found(member, topic="PALLETS") == {"Pallets question one", "Pallets discussion"}
    assert found(member, topic="wood") == {"Pallets discussion"}


def test_author(member, pallets):
    assert found(member, author="helper") == {"Pallets question three"}


def test_question_status(member, pallets):
    assert found(member, status="unanswered") == {"Pallets question one"}
    assert found(member, status="answered") == {"Pallets question two", "Pallets question three"}
    assert found(member, status="accepted") == {"Pallets question three"}
    with pytest.raises(InvalidInput):
        found(member, status="solved-ish")


def test_dates_are_inclusive(member, pallets):
    today = timezone.localdate()
    assert "Pallets from last year" not in found(member, date_from=today)
    assert found(member, date_to=today - timedelta(days=1)) == {"Pallets from last year"}
    assert len(found(member, date_from=today - timedelta(days=400), date_to=today)) == 6
    assert found(member, date_from=date(2000, 1, 1), date_to=date(2000, 1, 2)) == set()


def test_filters_combine(member, pallets):
    assert found(member, kind="question", author="writer", status="answered") == {
        "Pallets question two"
    }


def test_an_anonymous_question_never_matches_its_author(client, member, pallets, helper):
    accepted = pallets["accepted"]
    Thread.objects.filter(pk=accepted.pk).update(is_anonymous=True)
    assert found(member, author="helper") == set()
    client.force_login(member)
    html = client.get("/search/", {"q": "pallets question three"}).content.decode()
    assert "Anonymous" in html
    assert helper.display_name not in html

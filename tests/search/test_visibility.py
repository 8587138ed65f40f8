"""The visibility policy inside the query (TRUST 2, 4): a thread someone may not see is never a
match, whatever they type or filter on, and filtering on what they cannot see answers exactly
like filtering on what does not exist."""

import pytest

from groundswell.search.selectors import (
    SearchFilters,
    related_threads,
    search_threads,
    similar_threads,
)
from groundswell.threads.models import Thread, ThreadKind
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

CANARY = "zanzibarcanary"


@pytest.fixture
def secret(post, private_space):
    return post(
        f"{CANARY} restructure plan",
        f"The {CANARY} depot closes.",
        space=private_space,
        kind=ThreadKind.QUESTION,
        topics=["secret-topic"],
    )


@pytest.fixture
def public(post):
    return post("Depot news", f"Nothing about {CANARY[:4]} here, just the canteen.")


def found(page_or_list) -> list[str]:
    return [result.thread.title for result in page_or_list]


def test_a_member_finds_the_private_thread_so_these_tests_can_fail(member, secret):
    assert found(search_threads(member, CANARY)) == [secret.title]
    assert found(search_threads(member, CANARY, filters=SearchFilters(space="cohort-a")))
    assert found(similar_threads(member, f"{CANARY} restructure"))


def test_an_outsider_never_finds_a_private_thread(outsider, secret, public):
    assert found(search_threads(outsider, CANARY)) == []
    assert found(search_threads(outsider, "restructure plan")) == []
    assert found(similar_threads(outsider, f"{CANARY} restructure plan")) == []
    assert found(related_threads(outsider, public)) == []


def test_filtering_on_a_hidden_space_topic_or_person_is_like_filtering_on_nothing(outsider, secret):
    hidden = [
        SearchFilters(space="cohort-a"),
        SearchFilters(topic="secret-topic"),
        SearchFilters(author="writer", space="cohort-a"),
    ]
    missing = [
        SearchFilters(space="no-such-space"),
        SearchFilters(topic="no-such-topic"),
        SearchFilters(author="nobody-by-this-name"),
    ]
    for filters in hidden + missing:
        page = search_threads(outsider, CANARY, filters=filters)
        assert (page.items, page.has_next) == ([], False), filters


def test_a_page_is_full_although_better_matches_are_private(
    post, outsider, private_space, open_space
):
    """Were private threads removed after the query, the outsider's page would come back
    short (the best matches are private) or empty."""
    for n in range(6):
        post(f"Forklift forklift forklift {n}", "forklift", space=private_space)
    for n in range(4):
        post(f"Depot notes {n}", f"Remember the forklift checks, item {n}.", space=open_space)
    page = search_threads(outsider, "forklift", per_page=3)
    assert found(page) and all(title.startswith("Depot notes") for title in found(page))
    assert len(page.items) == 3 and page.has_next
    assert len(search_threads(outsider, "forklift", page=2, per_page=3).items) == 1


def test_hidden_threads_are_never_found(post, member):
    thread = post("Moderated post about pallets", "Pallets.")
    Thread.objects.filter(pk=thread.pk).update(is_hidden=True)
    assert found(search_threads(member, "pallets")) == []
    assert found(similar_threads(member, "pallets")) == []


def test_access_ends_with_membership(post, outsider, private_space):
    post("Cohort pallets plan", "Pallets.", space=private_space)
    membership = MembershipFactory(space=private_space, person=outsider)
    assert found(search_threads(outsider, "pallets")) == ["Cohort pallets plan"]
    membership.delete()
    assert found(search_threads(outsider, "pallets")) == []


def test_administrators_see_every_space(admin_person, secret):
    assert found(search_threads(admin_person, CANARY)) == [secret.title]


def test_pages_and_api_never_show_the_canary_to_an_outsider(
    client, outsider, member, secret, public
):
    """The query names the thread's other words; the canary (its first word) must not show."""
    urls = [
        "/search/?q=restructure+plan",
        "/search/?q=restructure&space=cohort-a",
        "/search/?q=restructure&topic=secret-topic",
        "/search/similar/?title=restructure+plan",
        "/api/v1/search?q=restructure+plan",
        "/api/v1/search?q=restructure&space=cohort-a",
        "/api/v1/search/similar?title=restructure+plan",
        public.get_absolute_url(),
    ]
    client.force_login(member)
    assert CANARY in client.get(urls[0]).content.decode()
    client.force_login(outsider)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert CANARY not in response.content.decode(), url

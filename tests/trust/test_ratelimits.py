"""Rate limits (TRUST 15): login, posting, invites, password reset, bad tokens and search are
counted in the shared cache and answered with 429 and `Retry-After`, on pages and in the API;
the counters are the same for every client, and windows end when the clock says so."""

import json

import pytest
from django.core.cache import cache
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test import Client, RequestFactory

from groundswell.errors import RateLimited
from groundswell.people.tokens import api_token_create
from groundswell.ratelimits import (
    SEARCH,
    check_rate,
    client_address,
    ensure_allowed,
    record_failure,
    reset,
    scopes,
)
from groundswell.spaces.models import Role
from groundswell.threads import services as threads
from tests.factories import MembershipFactory, PersonFactory
from tests.trust.limits import Clock, set_limits

HTMX = {"HX-Request": "true"}
DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "groundswell_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def _refused(response, *, wait: int | None = None):
    assert response.status_code == 429, response.content[:300]
    retry_after = int(response["Retry-After"])
    assert retry_after >= 1
    if wait is not None:
        assert retry_after == wait
    return retry_after


# --- the counters --------------------------------------------------------------------------


def test_an_action_over_the_limit_waits_for_the_end_of_the_window(settings, clock):
    set_limits(settings, posting=(3, 600))
    for _ in range(3):
        check_rate(scopes.POSTING, 7)
    with pytest.raises(RateLimited) as refused:
        check_rate(scopes.POSTING, 7)
    assert refused.value.status == 429
    assert refused.value.retry_after == 600
    assert "10 minutes" in refused.value.message
    clock.advance(599)
    with pytest.raises(RateLimited) as refused:
        check_rate(scopes.POSTING, 7)
    assert refused.value.retry_after == 1
    assert "1 second" in refused.value.message
    clock.advance(1)
    check_rate(scopes.POSTING, 7)  # a new window


def test_each_key_has_its_own_count(settings, clock):
    set_limits(settings, posting=(1, 600))
    check_rate(scopes.POSTING, 1)
    check_rate(scopes.POSTING, 2)
    with pytest.raises(RateLimited):
        check_rate(scopes.POSTING, 1)


def test_a_cost_counts_several_actions(settings, clock):
    set_limits(settings, invite=(5, 3600))
    check_rate(scopes.INVITE, 1, cost=3)
    with pytest.raises(RateLimited):
        check_rate(scopes.INVITE, 1, cost=3)


def test_a_scope_switched_off_never_limits(settings, clock):
    set_limits(settings, posting=None)
    for _ in range(200):
        check_rate(scopes.POSTING, 1)


def test_failures_lock_a_key_for_a_whole_period_even_across_windows(settings, clock):
    set_limits(settings, token_failure=(3, 600))
    clock.advance(590)  # near the end of a window: the lock must not end with it
    assert record_failure(scopes.TOKEN_FAILURE, "10.0.0.1") is False
    assert record_failure(scopes.TOKEN_FAILURE, "10.0.0.1") is False
    ensure_allowed(scopes.TOKEN_FAILURE, "10.0.0.1")
    assert record_failure(scopes.TOKEN_FAILURE, "10.0.0.1") is True
    clock.advance(20)
    with pytest.raises(RateLimited) as refused:
        ensure_allowed(scopes.TOKEN_FAILURE, "10.0.0.1")
    assert refused.value.retry_after == 580
    ensure_allowed(scopes.TOKEN_FAILURE, "10.0.0.2")
    clock.advance(580)
    ensure_allowed(scopes.TOKEN_FAILURE, "10.0.0.1")


def test_a_reset_forgets_the_failures(settings, clock):
    set_limits(settings, login_username=(3, 900))
    record_failure(scopes.LOGIN_USERNAME, "dana")
    record_failure(scopes.LOGIN_USERNAME, "dana")
    reset(scopes.LOGIN_USERNAME, "dana")
    assert record_failure(scopes.LOGIN_USERNAME, "dana") is False
    assert record_failure(scopes.LOGIN_USERNAME, "dana") is False


def test_the_search_scope_is_exported_and_configured(settings, clock):
    assert SEARCH == scopes.SEARCH
    assert settings.GROUNDSWELL["RATE_LIMITS"][SEARCH] is not None
    set_limits(settings, search=(2, 60))
    check_rate(SEARCH, 1)
    check_rate(SEARCH, 1)
    with pytest.raises(RateLimited):
        check_rate(SEARCH, 1)


def test_every_scope_has_a_default_limit(settings):
    assert set(settings.GROUNDSWELL["RATE_LIMITS"]) == set(scopes.ALL)
    for count, period in settings.GROUNDSWELL["RATE_LIMITS"].values():
        assert count >= 1 and period >= 60


def test_the_client_address_is_remote_addr_unless_proxies_are_trusted(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.4"
    )
    assert client_address(request) == "10.0.0.9"  # a forged header changes nothing
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "TRUSTED_PROXY_HOPS": 1}
    assert client_address(request) == "192.0.2.4"  # what our proxy saw, not the client's claim
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "TRUSTED_PROXY_HOPS": 2}
    assert client_address(request) == "6.6.6.6"
    assert client_address(None) is None


# --- login --------------------------------------------------------------------------------


def test_login_locks_a_username_for_every_client(settings, clock, member, password):
    set_limits(settings, login_username=(3, 900))
    attacker = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(3):
        response = attacker.post("/login/", {"username": "member", "password": "guess"})
        assert response.status_code == 200
        assert b"didn't match" in response.content
    # The right password, from another client and address: refused while the lock lasts.
    colleague = Client(REMOTE_ADDR="198.51.100.7")
    response = colleague.post("/login/", {"username": "member", "password": password})
    _refused(response, wait=900)
    assert b"Too many sign-in attempts. Try again in 15 minutes." in response.content
    assert "_auth_user_id" not in colleague.session
    clock.advance(900)
    response = colleague.post("/login/", {"username": "member", "password": password})
    assert response.status_code == 302


def test_login_limits_failures_per_address(settings, clock, member, password):
    set_limits(settings, login_address=(3, 900))
    sprayer = Client(REMOTE_ADDR="203.0.113.5")
    for name in ("alice", "bob", "carol"):
        assert sprayer.post("/login/", {"username": name, "password": "x"}).status_code == 200
    _refused(sprayer.post("/login/", {"username": "member", "password": password}))
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    response = elsewhere.post("/login/", {"username": "member", "password": password})
    assert response.status_code == 302


def test_the_admin_login_is_guarded_too(settings, clock, admin_person, password):
    set_limits(settings, login_username=(2, 900))
    client = Client()
    for _ in range(2):
        client.post("/admin/login/", {"username": "admin", "password": "guess"})
    response = client.post("/admin/login/", {"username": "admin", "password": password})
    _refused(response)


# --- posting ------------------------------------------------------------------------------


@pytest.fixture
def discussion(member, open_space):
    return threads.thread_create(author=member, space=open_space, title="Route 9", body="Go.")


def test_posting_pages_answer_429_and_keep_the_text(
    settings, clock, member_client, member, open_space, discussion
):
    set_limits(settings, posting=(2, 600))  # the discussion above already counted one
    reply_url = f"/threads/{discussion.pk}/reply/"
    assert member_client.post(reply_url, {"body": "First."}).status_code == 302
    response = member_client.post(
        f"/spaces/{open_space.slug}/new/",
        {"kind": "discussion", "title": "Too fast", "body": "My careful draft", "topics": ""},
    )
    _refused(response, wait=600)
    html = response.content.decode()
    assert "You are posting very quickly. Try again in 10 minutes." in html
    assert "My careful draft" in html  # the form comes back with what was written
    response = member_client.post(reply_url, {"body": "Another draft"}, headers=HTMX)
    _refused(response)
    assert b"posting very quickly" in response.content
    clock.advance(600)
    assert member_client.post(reply_url, {"body": "Later."}).status_code == 302


def test_posting_through_the_api_shares_the_count_with_the_pages(
    settings, clock, member, open_space, discussion
):
    set_limits(settings, posting=(2, 600))
    _, token = api_token_create(person=member, name="script", scope="write")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = api.post(
        f"/api/v1/threads/{discussion.pk}/replies",
        json.dumps({"body": "From a script."}),
        content_type="application/json",
    )
    assert response.status_code == 201
    response = api.post(
        "/api/v1/threads",
        json.dumps({"space": open_space.slug, "title": "Again", "body": "x"}),
        content_type="application/json",
    )
    _refused(response, wait=600)
    assert response.json()["code"] == "throttled"
    assert "posting very quickly" in response.json()["detail"]
    # The same person in a browser is over the limit too: one count per person.
    browser = Client()
    browser.force_login(member)
    _refused(browser.post(f"/threads/{discussion.pk}/reply/", {"body": "Me again."}))


def test_a_refused_post_writes_nothing(settings, clock, member, discussion):
    set_limits(settings, posting=(1, 600))
    replies_before = discussion.replies.count()
    with pytest.raises(RateLimited):
        threads.reply_create(author=member, thread=discussion, body="Over the limit.")
    assert discussion.replies.count() == replies_before


# --- invites ------------------------------------------------------------------------------


@pytest.fixture
def owner(open_space):
    someone = PersonFactory(username="owner")
    MembershipFactory(space=open_space, person=someone, role=Role.OWNER)
    return someone


def test_invites_count_each_invitee_on_pages_and_api(settings, clock, owner, open_space):
    set_limits(settings, invite=(3, 3600))
    for name in ("ann", "ben", "cat", "dan", "eve"):
        PersonFactory(username=name)
    browser = Client()
    browser.force_login(owner)
    url = f"/spaces/{open_space.slug}/members/"
    assert browser.post(url, {"usernames": "ann, ben"}).status_code == 302
    response = browser.post(url, {"usernames": "cat, dan"})
    _refused(response, wait=3600)
    assert b"invited many people" in response.content
    response = browser.post(
        f"/api/v1/spaces/{open_space.slug}/invite",
        json.dumps({"usernames": ["dan", "eve"]}),
        content_type="application/json",
    )
    _refused(response)
    assert response.json()["code"] == "throttled"
    assert set(open_space.memberships.values_list("person__username", flat=True)) == {
        "owner",
        "ann",
        "ben",
    }


# --- password reset -----------------------------------------------------------------------


def test_password_reset_requests_are_limited_per_address(settings, clock, member, mailoutbox):
    set_limits(settings, password_reset_address=(2, 3600))
    client = Client(REMOTE_ADDR="203.0.113.5")
    for n in range(2):
        response = client.post("/password-reset/", {"email": f"nobody{n}@example.com"})
        assert response.status_code == 302
    response = client.post("/password-reset/", {"email": member.email})
    _refused(response, wait=3600)
    assert b"Too many password reset requests" in response.content
    assert mailoutbox == []
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert other.post("/password-reset/", {"email": member.email}).status_code == 302
    assert len(mailoutbox) == 1


def test_password_reset_requests_are_limited_per_email(settings, clock, member, mailoutbox):
    set_limits(settings, password_reset_email=(1, 3600))
    first = Client(REMOTE_ADDR="203.0.113.5")
    assert first.post("/password-reset/", {"email": member.email}).status_code == 302
    second = Client(REMOTE_ADDR="198.51.100.7")
    _refused(second.post("/password-reset/", {"email": member.email.upper()}))
    assert len(mailoutbox) == 1  # a colleague's inbox cannot be flooded


# --- API tokens ---------------------------------------------------------------------------


def test_bad_tokens_lock_the_address_out_of_token_auth(settings, clock, member):
    set_limits(settings, token_failure=(3, 600))
    _, good = api_token_create(person=member, name="script")
    guesser = Client(REMOTE_ADDR="203.0.113.5")
    for n in range(3):
        response = guesser.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer gsw_abcd{n}_nope")
        assert response.status_code == 401
    response = guesser.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {good}")
    _refused(response, wait=600)
    assert response.json()["code"] == "throttled"
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    assert elsewhere.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {good}").status_code == 200
    clock.advance(600)
    assert guesser.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {good}").status_code == 200


def test_good_tokens_are_not_counted(settings, clock, member):
    set_limits(settings, token_failure=(2, 600))
    _, good = api_token_create(person=member, name="script")
    client = Client()
    for _ in range(5):
        assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {good}").status_code == 200


# --- the shared cache ---------------------------------------------------------------------


def test_the_migrated_database_has_the_cache_table(db):
    assert "groundswell_cache" in connection.introspection.table_names()


def test_counters_in_the_database_cache_are_seen_by_another_cache_instance(settings, clock, member):
    """What a second worker process sees: a separate cache object on the same table."""
    settings.CACHES = DATABASE_CACHE
    set_limits(settings, posting=(2, 600))
    check_rate(scopes.POSTING, member.pk)
    check_rate(scopes.POSTING, member.pk)
    other_worker = DatabaseCache("groundswell_cache", {})
    stored = [key for key in _cache_rows() if key.startswith(":1:ratelimit:posting:")]
    assert len(stored) == 1
    assert other_worker.get(stored[0].removeprefix(":1:")) == 2
    with pytest.raises(RateLimited):
        check_rate(scopes.POSTING, member.pk)


def test_the_login_lockout_works_on_the_database_cache(settings, clock, member, password):
    settings.CACHES = DATABASE_CACHE
    cache.clear()
    set_limits(settings, login_username=(2, 900))
    for _ in range(2):
        Client().post("/login/", {"username": "member", "password": "guess"})
    _refused(Client().post("/login/", {"username": "member", "password": password}))


def _cache_rows() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM groundswell_cache")
        return [row[0] for row in cursor.fetchall()]

"""Account security (TRUST 15, 17): the sign-in lockout, password reset by email with
single-use links, password change, and personal API tokens shown once and never stored."""

import re

import pytest
from django.core.management import call_command
from django.test import Client

from groundswell.people.models import ApiToken
from groundswell.people.tokens import api_token_create
from tests.factories import PersonFactory
from tests.trust.limits import Clock, set_limits

NEW_PASSWORD = "a-brand-new-passphrase-42"


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def _login(client, username, password):
    return client.post("/login/", {"username": username, "password": password})


def _database_dump() -> str:
    """Every row of every table, as dumpdata writes it."""
    from io import StringIO

    out = StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


# --- lockout ------------------------------------------------------------------------------


def test_ten_failures_lock_the_username_with_a_generic_429(client, clock, member, password):
    for _ in range(10):
        assert _login(client, "member", "wrong").status_code == 200
    response = _login(client, "member", password)
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 15 * 60
    assert b"Too many sign-in attempts. Try again in 15 minutes." in response.content
    clock.advance(15 * 60)
    assert _login(client, "member", password).status_code == 302


def test_a_lock_looks_the_same_for_a_username_that_does_not_exist(settings, clock, member):
    set_limits(settings, login_username=(2, 900))
    answers = []
    for username in ("member", "nobody-by-that-name"):
        client = Client()
        for _ in range(2):
            _login(client, username, "wrong")
        response = _login(client, username, "wrong")
        answers.append((response.status_code, response["Retry-After"]))
        assert b"Too many sign-in attempts" in response.content
    assert answers[0] == answers[1] == (429, "900")


def test_a_successful_login_resets_the_count(settings, client, clock, member, password):
    set_limits(settings, login_username=(3, 900))
    for _ in range(2):
        _login(client, "member", "wrong")
    assert _login(client, "member", password).status_code == 302
    client.post("/logout/")
    for _ in range(2):
        assert _login(client, "member", "wrong").status_code == 200
    assert _login(client, "member", password).status_code == 302


def test_a_password_reset_lifts_the_lock(settings, client, clock, member, mailoutbox):
    set_limits(settings, login_username=(2, 900))
    for _ in range(2):
        _login(Client(), "member", "wrong")
    assert _login(client, "member", "whatever").status_code == 429
    _reset_password(client, member, mailoutbox)
    assert _login(client, "member", NEW_PASSWORD).status_code == 302


# --- password reset -----------------------------------------------------------------------


def _reset_link(mail) -> str:
    match = re.search(r"https?://[^/\s]+(/password-reset/[^\s]+/)", mail.body)
    assert match, mail.body
    return match.group(1)


def _reset_password(client, person, mailoutbox) -> str:
    assert client.post("/password-reset/", {"email": person.email}).status_code == 302
    link = _reset_link(mailoutbox[-1])
    form = client.get(link, follow=True)
    assert form.status_code == 200
    assert b"Choose a new password" in form.content
    set_password_url = form.redirect_chain[-1][0]
    response = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/password-reset/done/"
    return link


def test_the_login_page_links_to_password_reset(client):
    assert b'href="/password-reset/"' in client.get("/login/").content
    page = client.get("/password-reset/")
    assert page.status_code == 200
    assert b'<label for="id_email">Email address</label>' in page.content


def test_reset_by_email_end_to_end_and_the_link_works_once(client, member, password, mailoutbox):
    link = _reset_password(client, member, mailoutbox)
    (mail,) = mailoutbox
    assert mail.to == [member.email]
    assert mail.subject == "Reset your Groundswell password"
    assert client.get("/password-reset/done/").status_code == 200
    assert _login(Client(), "member", password).status_code == 200  # the old one is gone
    assert _login(Client(), "member", NEW_PASSWORD).status_code == 302
    # The same link again: the token died with the old password.
    again = Client().get(link, follow=True)
    assert b"This link no longer works" in again.content
    assert b"new_password1" not in again.content


def test_reset_links_use_the_site_url_not_the_host_header(settings, client, member, mailoutbox):
    settings.SITE_URL = "https://groundswell.example.com"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "attacker.example"]
    client.post("/password-reset/", {"email": member.email}, HTTP_HOST="attacker.example")
    (mail,) = mailoutbox
    assert "https://groundswell.example.com/password-reset/" in mail.body
    assert "attacker.example" not in mail.body


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, member, mailoutbox):
    known = client.post("/password-reset/", {"email": member.email})
    unknown = client.post("/password-reset/", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/password-reset/sent/"
    assert len(mailoutbox) == 1
    sent = client.get("/password-reset/sent/")
    assert b"If an account has that address" in sent.content


def test_a_tampered_reset_link_is_refused(client, member, mailoutbox):
    client.post("/password-reset/", {"email": member.email})
    link = _reset_link(mailoutbox[0])
    tampered = link[:-3] + ("a" if link[-3] != "a" else "b") + link[-2:]
    response = client.get(tampered, follow=True)
    assert b"This link no longer works" in response.content


# --- password change ----------------------------------------------------------------------


def test_changing_the_password_keeps_this_session_and_ends_the_others(client, member, password):
    assert _login(client, "member", password).status_code == 302
    laptop = Client()
    assert _login(laptop, "member", password).status_code == 302
    page = client.get("/account/password/")
    assert page.status_code == 200
    wrong = client.post(
        "/account/password/",
        {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert b"Your old password was entered incorrectly" in wrong.content
    response = client.post(
        "/account/password/",
        {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/account/"
    assert b"Your password is changed." in response.content
    assert client.get("/").status_code == 200  # still signed in
    assert laptop.get("/").status_code == 302  # the other session is over
    assert _login(Client(), "member", NEW_PASSWORD).status_code == 302
    assert _login(Client(), "member", password).status_code == 200


def test_account_pages_need_a_signed_in_person(client):
    for url in ("/account/", "/account/password/", "/account/tokens/"):
        assert client.get(url)["Location"].startswith("/login/?next="), url


def test_your_profile_links_to_your_account_and_no_one_elses_does(member_client, member):
    assert b'href="/account/"' in member_client.get(f"/people/{member.username}/").content
    other = PersonFactory()
    assert b'href="/account/"' not in member_client.get(f"/people/{other.username}/").content


# --- personal API tokens ------------------------------------------------------------------


def _create_token(client, **fields):
    data = {"name": "weekly report", "scope": "write", "expires_in_days": "30", **fields}
    return client.post("/account/tokens/", data)


def test_a_new_token_is_shown_once_and_never_stored(member_client, member):
    assert b"You have no tokens yet." in member_client.get("/account/tokens/").content
    response = _create_token(member_client)
    assert response.status_code == 201
    assert response["Cache-Control"] == "no-store"
    match = re.search(r'id="new-token" value="(gsw_[0-9a-f]+_[\w-]+)"', response.content.decode())
    assert match, "the new token is shown"
    plaintext = match.group(1)
    token = ApiToken.objects.get(person=member)
    assert plaintext.startswith(f"gsw_{token.prefix}_")
    secret = plaintext.split("_", 2)[2]
    assert secret not in _database_dump()  # not in the token row, the session or the events
    again = member_client.get("/account/tokens/").content.decode()
    assert secret not in again
    assert f"gsw_{token.prefix}_" in again and "weekly report" in again
    # The plaintext is a working write token.
    api = Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert api.get("/api/v1/me").json()["username"] == "member"


def test_the_token_list_shows_what_people_need_to_tell_tokens_apart(member_client, member):
    _create_token(member_client, name="reader", scope="read", expires_in_days="")
    page = member_client.get("/account/tokens/").content.decode()
    for text in ("reader", "Read only", "Created", "Never", "Last used", "Active"):
        assert text in page, text


def test_an_invalid_token_form_creates_nothing(member_client, member):
    response = _create_token(member_client, name="", expires_in_days="1000")
    assert response.status_code == 400
    assert b"This field is required" in response.content
    assert not ApiToken.objects.filter(person=member).exists()


def test_revoking_a_token_stops_it_at_once(member_client, member):
    token, plaintext = api_token_create(person=member, name="old script", scope="read")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert api.get("/api/v1/me").status_code == 200
    assert member_client.get(f"/account/tokens/{token.pk}/revoke/").status_code == 405
    response = member_client.post(f"/account/tokens/{token.pk}/revoke/", follow=True)
    assert response.redirect_chain[-1][0] == "/account/tokens/"
    assert "The token “old script” is revoked" in response.content.decode()
    assert "Revoked" in response.content.decode()
    assert api.get("/api/v1/me").status_code == 401


def test_nobody_revokes_someone_elses_token(member_client):
    other = PersonFactory()
    token, _ = api_token_create(person=other, name="theirs")
    assert member_client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert b"theirs" not in member_client.get("/account/tokens/").content

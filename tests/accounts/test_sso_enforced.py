"""TRUST 18: with SSO enforced, no password path works — the login form, `authenticate()`,
`Client.login`, the admin's login and its password forms, password reset and change, sessions
opened with a password before the switch, and the API (which takes no password anywhere).
Personal API tokens keep working: they are not passwords."""

import re

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import RequestFactory
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from groundswell.people.models import Person
from groundswell.people.tokens import api_token_create
from tests.accounts.oidc_provider import SSO_BACKEND, sign_in, signed_in_as
from tests.factories import PersonFactory

NEW_PASSWORD = "a brand new passphrase 42"


@pytest.fixture
def enforced(sso, settings):
    settings.SSO_ENFORCED = True
    return sso


@pytest.fixture
def dana(db):
    return PersonFactory(username="dana", email="dana@example.com")


def password_unchanged(person, password):
    person.refresh_from_db()
    return person.check_password(password)


def test_login_page_has_no_password_form(client, enforced):
    page = client.get("/login/").content.decode()
    assert "Sign in with Contoso ID" in page
    assert 'name="password"' not in page
    assert "Forgot your password" not in page


def test_login_post_with_the_right_password_is_refused(client, enforced, dana, password):
    response = client.post("/login/", {"username": "dana", "password": password})
    assert response.status_code == 403
    assert "Passwords are not used here" in response.content.decode()
    assert signed_in_as(client) is None


def test_authenticate_with_a_password_is_refused(enforced, dana, password):
    request = RequestFactory().post("/login/")
    assert authenticate(request, username="dana", password=password) is None
    assert authenticate(None, username="dana", password=password) is None


def test_client_login_is_refused(client, enforced, dana, password):
    assert client.login(username="dana", password=password) is False


def test_admin_login_is_refused(client, enforced, password):
    PersonFactory(username="boss", is_staff=True, is_superuser=True)

    page = client.get("/admin/login/?next=/admin/")
    assert page.status_code == 302
    assert page["Location"] == "/login/?next=%2Fadmin%2F"

    client.post("/admin/login/?next=/admin/", {"username": "boss", "password": password})
    assert signed_in_as(client) is None
    assert client.get("/admin/").status_code == 302


def test_admin_login_works_without_enforcement(client, db, password):
    """The control: the same post signs an administrator in when passwords are allowed."""
    PersonFactory(username="boss", is_staff=True, is_superuser=True)
    assert client.get("/admin/login/").status_code == 200
    client.post("/admin/login/?next=/admin/", {"username": "boss", "password": password})
    assert signed_in_as(client) is not None


@pytest.fixture
def boss(db):
    return PersonFactory(username="boss", is_staff=True, is_superuser=True)


def test_the_admins_own_password_change_is_closed(client, enforced, boss, password):
    client.force_login(boss, backend=SSO_BACKEND)
    assert client.get("/admin/").status_code == 200  # the admin itself works through SSO

    assert client.get("/admin/password_change/").status_code == 403
    response = client.post(
        "/admin/password_change/",
        {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 403
    assert "Passwords are not used here" in response.content.decode()
    assert client.get("/admin/password_change/done/").status_code == 403
    assert password_unchanged(boss, password)


@pytest.mark.parametrize("model", ["people/person", "auth/user"])
def test_the_user_admins_set_password_form_is_closed(client, enforced, boss, dana, password, model):
    """Closed for any user model the admin registers, today or later."""
    client.force_login(boss, backend=SSO_BACKEND)
    url = f"/admin/{model}/{dana.pk}/password/"

    assert client.get(url).status_code == 403
    response = client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 403
    assert password_unchanged(dana, password)


def test_the_admins_password_change_works_without_enforcement(client, boss, password):
    """The control: the same form changes the password when passwords are allowed."""
    client.force_login(boss)
    assert client.get("/admin/password_change/").status_code == 200
    client.post(
        "/admin/password_change/",
        {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert not password_unchanged(boss, password)


def test_password_reset_is_closed(client, enforced, dana, password):
    assert client.get("/password-reset/").status_code == 403
    response = client.post("/password-reset/", {"email": dana.email})
    assert response.status_code == 403
    assert mail.outbox == []
    assert client.get("/password-reset/sent/").status_code == 403
    assert client.get("/password-reset/done/").status_code == 403


def test_a_reset_link_from_before_the_switch_is_dead(client, enforced, dana, password):
    uid = urlsafe_base64_encode(force_bytes(dana.pk))
    token = default_token_generator.make_token(dana)
    link = f"/password-reset/{uid}/{token}/"

    assert client.get(link, follow=True).status_code == 403
    set_password = f"/password-reset/{uid}/set-password/"
    client.post(set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    client.post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert password_unchanged(dana, password)
    assert signed_in_as(client) is None


def test_password_change_is_closed(client, enforced, dana, password):
    client.force_login(dana, backend=SSO_BACKEND)
    assert "Change your password" not in client.get("/account/").content.decode()

    assert client.get("/account/password/").status_code == 403
    response = client.post(
        "/account/password/",
        {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 403
    assert password_unchanged(dana, password)


def test_sessions_opened_with_a_password_end_when_sso_is_enforced(client, db, settings, password):
    dana = PersonFactory(username="dana")
    assert client.login(username="dana", password=password)
    assert client.get("/account/").status_code == 200

    settings.SSO_ENFORCED = True

    response = client.get("/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert client.get("/api/v1/me").status_code == 401
    assert dana.is_active


def test_sso_sign_in_works_when_enforced(client, enforced, dana):
    response = sign_in(client, enforced, email="DANA@example.com")
    assert response.status_code == 302
    assert signed_in_as(client) == str(dana.pk)
    assert client.get("/account/").status_code == 200


def test_personal_api_tokens_keep_working(client, enforced, dana):
    """A decision (docs/security.md): tokens are not passwords. They are minted only by a
    signed-in person (through SSO once it is enforced), scoped, expiring and revocable, and
    stop with the person's deactivation."""
    _, plaintext = api_token_create(person=dana, name="script")
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {plaintext}"})
    assert response.status_code == 200
    assert response.json()["username"] == "dana"


def test_no_api_operation_accepts_a_password(client, db):
    """Every request body in the API document: none has a password field, so there is no API
    path for a password to take."""
    document = client.get("/api/v1/openapi.json").json()
    text = str(document["components"].get("schemas", {})) + str(document["paths"])
    fields = re.findall(r"'(\w*pass\w*)'", text, flags=re.IGNORECASE)
    assert fields == []


def test_enforcement_without_sso_fails_closed(client, db, settings, password):
    """A half-done configuration (enforced, SSO off) keeps passwords closed; a system check
    reports it (tests/trust/test_sso_settings.py)."""
    PersonFactory(username="dana")
    settings.SSO_ENFORCED = True
    assert client.login(username="dana", password=password) is False
    assert client.post("/login/", {"username": "dana", "password": password}).status_code == 403
    assert Person.objects.get(username="dana").check_password(password)

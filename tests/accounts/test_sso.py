"""Single sign-on through OpenID Connect against a real (small) provider over HTTP: people are
matched by email, refused when unknown or deactivated, and every forged, foreign, expired or
replayed answer is refused. Enforcement is in tests/accounts/test_sso_enforced.py."""

import time

import pytest

from groundswell.activity.models import Event, Verb
from groundswell.people.models import Person
from tests.accounts.oidc_provider import new_key, sign_in, signed_in_as, start
from tests.factories import PersonFactory


def test_sso_is_off_by_default(client, db):
    assert client.get("/sso/start/").status_code == 404
    assert client.get("/sso/callback/", {"code": "x", "state": "y"}).status_code == 404
    page = client.get("/login/").content.decode()
    assert "Sign in with" not in page
    assert 'name="password"' in page


def test_login_page_offers_the_provider_beside_passwords(client, sso):
    page = client.get("/login/?next=/spaces/").content.decode()
    assert "Sign in with Contoso ID" in page
    assert "/sso/start/?next=%2Fspaces%2F" in page
    assert 'name="password"' in page  # not enforced: passwords still work


def test_happy_path_matches_the_imported_person_by_email(client, sso):
    person = PersonFactory(username="dana", email="Dana.Driver@Example.com")

    response = sign_in(client, sso, email="dana.driver@example.COM", name="Dana D")

    assert response.status_code == 302
    assert response["Location"] == "/spaces/"
    assert signed_in_as(client) == str(person.pk)
    assert client.get("/account/").status_code == 200
    event = Event.objects.get(verb=Verb.SIGNED_IN_SSO)
    assert event.actor == person
    assert event.data == {"provider": "Contoso ID", "created": False}
    assert Person.objects.count() == 1


def test_unknown_email_is_refused_with_a_clear_page(client, sso):
    PersonFactory(email="someone@example.com")

    response = sign_in(client, sso, email="stranger@example.com")

    assert response.status_code == 403
    assert "no Groundswell account for your email" in response.content.decode()
    assert signed_in_as(client) is None
    assert not Person.objects.filter(email="stranger@example.com").exists()
    assert not Event.objects.filter(verb=Verb.SIGNED_IN_SSO).exists()


def test_unknown_email_gets_an_account_when_provisioning_is_on(client, sso, settings):
    settings.SSO_CREATE_PEOPLE = True
    PersonFactory(username="new.hire", email="earlier.hire@example.com")

    response = sign_in(
        client, sso, email="New.Hire@example.com", preferred_username="new.hire", name="Nia"
    )

    assert response.status_code == 302
    person = Person.objects.get(email="New.Hire@example.com")
    assert signed_in_as(client) == str(person.pk)
    assert person.username == "new.hire2"  # the taken username is not reused
    assert person.display_name == "Nia"
    assert not person.has_usable_password()
    assert Event.objects.get(verb=Verb.SIGNED_IN_SSO).data["created"] is True


def test_deactivated_person_is_refused(client, sso):
    PersonFactory(email="gone@example.com", is_active=False)

    response = sign_in(client, sso, email="gone@example.com")

    assert response.status_code == 403
    assert "deactivated" in response.content.decode()
    assert signed_in_as(client) is None


def test_deactivation_ends_an_sso_session(client, sso):
    person = PersonFactory(email="soon.gone@example.com")
    assert sign_in(client, sso, email=person.email).status_code == 302
    assert client.get("/account/").status_code == 200

    Person.objects.filter(pk=person.pk).update(is_active=False)

    response = client.get("/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_two_people_with_one_email_are_refused(client, sso):
    PersonFactory(email="shared@example.com")
    PersonFactory(email="SHARED@example.com")

    response = sign_in(client, sso, email="shared@example.com")

    assert response.status_code == 403
    assert signed_in_as(client) is None


def test_unverified_email_is_refused(client, sso):
    PersonFactory(email="dana@example.com")

    response = sign_in(client, sso, email="dana@example.com", email_verified=False)

    assert response.status_code == 403
    assert signed_in_as(client) is None


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda p: setattr(p, "signing_key", new_key()), id="signed-with-another-key"),
        pytest.param(lambda p: p.id_token_overrides.update(aud="another-app"), id="wrong-audience"),
        pytest.param(lambda p: p.id_token_overrides.update(iss="https://evil"), id="wrong-issuer"),
        pytest.param(
            lambda p: p.id_token_overrides.update(exp=int(time.time()) - 3600), id="expired"
        ),
        pytest.param(lambda p: p.id_token_overrides.update(nonce="replayed"), id="wrong-nonce"),
        pytest.param(lambda p: p.id_token_overrides.update(exp=None), id="no-expiry"),
        pytest.param(lambda p: setattr(p, "algorithm", "HS256"), id="hmac-instead-of-rsa"),
        pytest.param(
            lambda p: p.userinfo_overrides.update(sub="someone-else"), id="userinfo-of-another"
        ),
    ],
)
def test_a_token_that_fails_verification_is_refused(client, sso, tamper):
    person = PersonFactory(email="dana@example.com")
    tamper(sso)

    response = sign_in(client, sso, email=person.email)

    assert response.status_code in (400, 403)
    assert "You are not signed in" in response.content.decode()
    assert signed_in_as(client) is None
    assert not Event.objects.filter(verb=Verb.SIGNED_IN_SSO).exists()


def test_the_same_token_verifies_when_untampered(client, sso):
    """The control for the test above: the provider's key, audience and times are right."""
    person = PersonFactory(email="dana@example.com")
    assert sign_in(client, sso, email=person.email).status_code == 302
    assert signed_in_as(client) == str(person.pk)


def test_a_state_that_is_not_ours_is_refused(client, sso):
    person = PersonFactory(email="dana@example.com")
    query = start(client)
    code = sso.authorize(query, email=person.email)

    response = client.get("/sso/callback/", {"code": code, "state": "forged-state"})

    assert response.status_code == 400
    assert signed_in_as(client) is None


def test_a_callback_without_a_started_sign_in_is_refused(client, sso):
    """Login CSRF: a code from the attacker's own sign-in, sent to a victim's browser."""
    person = PersonFactory(email="attacker@example.com")
    query = start(client)
    code = sso.authorize(query, email=person.email)

    victim = client.__class__()
    response = victim.get("/sso/callback/", {"code": code, "state": query["state"]})

    assert response.status_code == 400
    assert signed_in_as(victim) is None


def test_a_state_works_once(client, sso):
    person = PersonFactory(email="dana@example.com")
    query = start(client)
    code = sso.authorize(query, email=person.email)
    assert client.get("/sso/callback/", {"code": code, "state": query["state"]}).status_code == 302
    client.logout()

    again = client.get("/sso/callback/", {"code": code, "state": query["state"]})

    assert again.status_code == 400
    assert signed_in_as(client) is None


def test_a_provider_error_is_refused(client, sso):
    query = start(client)
    response = client.get("/sso/callback/", {"error": "access_denied", "state": query["state"]})
    assert response.status_code == 400
    assert signed_in_as(client) is None


def test_password_login_carrying_a_code_does_not_start_an_exchange(client, sso, password):
    """The SSO backend answers only our callback: a password form posted with ?code=&state=
    in its URL is an ordinary password sign-in (here with a wrong password: refused)."""
    person = PersonFactory(email="dana@example.com")
    query = start(client)
    code = sso.authorize(query, email=person.email)

    response = client.post(
        f"/login/?code={code}&state={query['state']}",
        {"username": person.username, "password": "wrong password"},
    )

    assert response.status_code == 200
    assert signed_in_as(client) is None
    assert code in sso.codes  # never redeemed

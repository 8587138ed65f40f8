"""Authentication: sessions with CSRF, personal tokens (hashed, scoped, revocable)."""

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.crypto import get_random_string

from groundswell.activity.models import Event, Verb
from groundswell.errors import Conflict, InvalidInput, NotFound
from groundswell.people.models import ApiToken, TokenScope
from groundswell.people.tokens import (
    MAX_ACTIVE_TOKENS,
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
)
from groundswell.spaces.models import Space
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/me"),
        ("get", "/people"),
        ("get", "/units"),
        ("get", "/spaces"),
        ("get", "/threads"),
        ("get", "/feed"),
        ("get", "/topics"),
        ("get", "/follows"),
        ("get", "/bookmarks"),
        ("get", "/me/tokens"),
        ("post", "/spaces"),
        ("post", "/threads"),
        ("post", "/me/tokens"),
    ],
)
def test_every_endpoint_needs_authentication(anonymous_api, method, path):
    response = getattr(anonymous_api, method)(path)
    assert response.status_code == 401
    body = response.json()
    assert body["code"] == "unauthenticated"
    assert set(body) == {"detail", "code", "errors"}
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_deactivated_session_is_refused(api_as, person):
    api = api_as(person)
    person.is_active = False
    person.save()
    assert api.get("/me").status_code == 401


def test_session_writes_need_the_csrf_token(api_as, member, open_space):
    api = api_as(member, enforce_csrf_checks=True)
    refused = api.post("/spaces", {"name": "No CSRF"})
    assert refused.status_code == 403
    assert "X-CSRFToken" in refused.json()["detail"]
    assert not Space.objects.filter(name="No CSRF").exists()

    # Django's double-submit check: the cookie and the header carry the same secret.
    secret = get_random_string(32)
    api.client.cookies["csrftoken"] = secret
    accepted = api.post("/spaces", {"name": "With CSRF"}, HTTP_X_CSRFTOKEN=secret)
    assert accepted.status_code == 201


def test_token_is_created_once_and_stored_hashed(api_as, member):
    response = api_as(member).post("/me/tokens", {"name": "laptop", "scope": "write"})
    assert response.status_code == 201
    body = response.json()
    plaintext = body["token"]
    assert plaintext.startswith(f"gsw_{body['prefix']}_")
    stored = ApiToken.objects.get(pk=body["id"])
    assert stored.digest == hashlib.sha256(plaintext.encode()).hexdigest()
    secret = plaintext.split("_", 2)[2]
    for value in ApiToken.objects.values_list(flat=False).get(pk=stored.pk):
        assert secret not in str(value)
        assert plaintext != str(value)
    # The list never shows the token or its digest again.
    listed = api_as(member).get("/me/tokens").json()["items"][0]
    assert "token" not in listed and "digest" not in listed
    assert listed["prefix"] == body["prefix"]


def test_token_authenticates_and_records_use(token_api, member):
    api = token_api(member, TokenScope.READ)
    response = api.get("/me")
    assert response.status_code == 200
    assert response.json()["username"] == "member"
    assert ApiToken.objects.get(person=member).last_used_at is not None


def test_last_used_is_written_at_most_once_a_minute(member):
    token, plaintext = api_token_create(person=member, name="cli")
    assert api_token_authenticate(plaintext) == member
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert api_token_authenticate(plaintext) == member
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    api_token_authenticate(plaintext)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first - timedelta(minutes=1)


def test_read_token_cannot_write(token_api, member, open_space):
    api = token_api(member, TokenScope.READ)
    response = api.post("/spaces", {"name": "Read only"})
    assert response.status_code == 403
    assert "read scope" in response.json()["detail"]
    assert not Space.objects.filter(name="Read only").exists()
    assert api.post(f"/spaces/{open_space.slug}/leave").status_code == 403


def test_write_token_can_write_without_csrf(token_api, member):
    api = token_api(member, TokenScope.WRITE)
    assert api.post("/spaces", {"name": "Token space"}).status_code == 201


def test_a_token_cannot_mint_tokens(token_api, member):
    api = token_api(member, TokenScope.WRITE)
    response = api.post("/me/tokens", {"name": "child", "scope": "write"})
    assert response.status_code == 401
    assert ApiToken.objects.filter(person=member).count() == 1


def test_revoked_token_is_refused(token_api, member):
    api = token_api(member)
    token = ApiToken.objects.get(person=member)
    assert api.get("/me").status_code == 200
    api_token_revoke(person=member, token_id=token.pk)
    response = api.get("/me")
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_expired_token_is_refused(token_api, member):
    api = token_api(member, expires_in_days=1)
    ApiToken.objects.filter(person=member).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert api.get("/me").status_code == 401


def test_token_of_deactivated_person_is_refused(token_api, member):
    api = token_api(member)
    member.is_active = False
    member.save()
    assert api.get("/me").status_code == 401


@pytest.mark.parametrize(
    "header",
    [
        "Bearer nonsense",
        "Bearer gsw_",
        "Bearer gsw_abcd_",
        "Bearer gsw_abcd_wrong",
        "Bearer " + "x" * 5000,
        "Bearer gsw_ab%d_x",
    ],
)
def test_malformed_or_unknown_tokens_are_refused(anonymous_api, header):
    response = anonymous_api.get("/me", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401


def test_a_bad_token_does_not_fall_back_to_the_session(api_as, member):
    api = api_as(member)
    assert api.get("/me", HTTP_AUTHORIZATION="Bearer gsw_dead_beef").status_code == 401


def test_forged_token_with_a_known_prefix_is_refused(member):
    token, plaintext = api_token_create(person=member, name="cli")
    forged = f"gsw_{token.prefix}_{'A' * 43}"
    assert api_token_authenticate(forged) is None
    assert api_token_authenticate(plaintext) == member


def test_revoke_and_list_own_tokens(api_as, member):
    api = api_as(member)
    created = api.post("/me/tokens", {"name": "old"}).json()
    assert created["scope"] == "read"
    assert api.delete(f"/me/tokens/{created['id']}").status_code == 204
    again = api.delete(f"/me/tokens/{created['id']}")
    assert again.status_code == 409
    listed = api.get("/me/tokens").json()
    assert listed["items"][0]["revoked_at"] is not None
    assert listed["page"] == 1 and listed["has_next"] is False
    verbs = list(
        Event.objects.filter(actor=member, object_type="people.apitoken").values_list(
            "verb", flat=True
        )
    )
    assert sorted(verbs) == [Verb.CREATED_TOKEN, Verb.REVOKED_TOKEN]


def test_cannot_revoke_someone_elses_token(api_as, member, outsider):
    token, _ = api_token_create(person=outsider, name="theirs")
    assert api_as(member).delete(f"/me/tokens/{token.pk}").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_token_input_is_checked(api_as, member):
    api = api_as(member)
    assert api.post("/me/tokens", {"name": "x", "scope": "admin"}).status_code == 422
    assert api.post("/me/tokens", {"name": "x", "expires_in_days": 0}).status_code == 422
    assert api.post("/me/tokens", {"name": "   "}).status_code == 400
    response = api.post("/me/tokens", {"name": "x", "person": "outsider"})
    assert response.status_code == 422
    assert ApiToken.objects.count() == 0


def test_token_services_enforce_their_rules(member):
    with pytest.raises(InvalidInput):
        api_token_create(person=member, name="x", scope="root")
    with pytest.raises(InvalidInput):
        api_token_create(person=member, name="x", expires_in_days=10_000)
    for n in range(MAX_ACTIVE_TOKENS):
        api_token_create(person=member, name=f"t{n}")
    with pytest.raises(Conflict):
        api_token_create(person=member, name="one too many")
    other = PersonFactory()
    with pytest.raises(NotFound):
        api_token_revoke(person=other, token_id=ApiToken.objects.first().pk)

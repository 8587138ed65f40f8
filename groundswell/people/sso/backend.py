"""The SSO authentication backend: mozilla-django-oidc's code flow, made stricter.

The library checks the ID token's signature and expiry but not its audience or issuer, lets a
`userinfo` answer about someone else through, and its `get_user` keeps a deactivated person's
session alive. This backend closes each of those, answers only the SSO callback (never a
username and password), and says why it refused, so the callback can tell the person.
"""

import logging

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from groundswell.people.sso import services
from groundswell.people.sso.config import sso_enabled

logger = logging.getLogger(__name__)

# Clock difference tolerated between the provider and us, in seconds.
CLOCK_LEEWAY = 60


class Refusal:
    """Why a sign-in was refused; the callback page words each one for the person."""

    UNKNOWN = "unknown"
    DEACTIVATED = "deactivated"
    UNVERIFIED = "unverified"
    AMBIGUOUS = "ambiguous"
    FAILED = "failed"


def _refuse(request, reason: str) -> None:
    request.sso_refusal = reason
    logger.warning("Single sign-on refused: %s", reason)


class SingleSignOnBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        # Django builds every backend for each authenticate() and for every request of a
        # session signed in through SSO. With SSO off the OIDC settings are empty, which the
        # library's constructor refuses, so it runs only when SSO is on.
        self.UserModel = get_user_model()
        if sso_enabled():
            super().__init__(*args, **kwargs)

    def authenticate(self, request, nonce=None, code_verifier=None, **credentials):
        # Only our callback view calls with a nonce (from the session, paired with the state).
        # A password sign-in that happens to carry ?code=&state= in its URL must not start an
        # OIDC exchange without the state check.
        if request is None or nonce is None or credentials or not sso_enabled():
            return None
        return super().authenticate(request, nonce=nonce, code_verifier=code_verifier)

    def get_payload_data(self, token, key):
        """Verify the ID token: the signature with the provider's key and the configured
        algorithm only (never `none`), and that it was issued by our provider, for us, and is
        not expired. Any failure is a refusal."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as exc:
            raise SuspiciousOperation("The ID token is not a JWT.") from exc
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("The ID token is signed with an unexpected algorithm.")
        try:
            return jwt.decode(
                token,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_OP_ISSUER,
                leeway=CLOCK_LEEWAY,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )
        except jwt.InvalidTokenError as exc:
            raise SuspiciousOperation(f"The ID token was refused: {exc}") from exc

    def get_userinfo(self, access_token, id_token, payload):
        """The provider's claims about the person; they must be about the ID token's subject
        (OpenID Connect Core 5.3.2), or someone else's email could sign in."""
        claims = super().get_userinfo(access_token, id_token, payload)
        if not isinstance(claims, dict) or claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("The userinfo answer is about another subject.")
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        """The person with the provider's email (case-insensitive), if exactly one exists and
        is active; otherwise a new person when SSO_CREATE_PEOPLE allows it; otherwise None."""
        claims = self.get_userinfo(access_token, id_token, payload)
        email = (claims.get("email") or "").strip()
        if not email or claims.get("email_verified") in (False, "false"):
            return _refuse(self.request, Refusal.UNVERIFIED)
        people = list(self.filter_users_by_claims({"email": email})[:2])
        if len(people) > 1:
            return _refuse(self.request, Refusal.AMBIGUOUS)
        if people:
            person = people[0]
            if not self.user_can_authenticate(person):
                return _refuse(self.request, Refusal.DEACTIVATED)
            return person
        if not getattr(settings, "SSO_CREATE_PEOPLE", False):
            return _refuse(self.request, Refusal.UNKNOWN)
        person = services.sso_person_create(claims=claims)
        self.request.sso_created = True
        return person

    def get_user(self, user_id):
        # Django's check (is_active), unlike the library's: deactivation ends SSO sessions at
        # their next request (TRUST 3).
        return ModelBackend.get_user(self, user_id)

"""The SSO pages: start (a redirect to the provider) and callback (back from it). Both are open
to signed-out people; both answer 404 while SSO is off."""

import logging

import jwt
import requests
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import render
from django.utils.decorators import method_decorator
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from groundswell.people.sso import services
from groundswell.people.sso.backend import Refusal
from groundswell.people.sso.config import sso_enabled, sso_provider_name

logger = logging.getLogger(__name__)

# What the person is told, per refusal. None of them says more than the person can know:
# the provider has already told them who they are.
REFUSALS = {
    Refusal.UNKNOWN: (
        403,
        "There is no Groundswell account for your email address yet. Ask your administrator "
        "to add you (accounts come from the organisation's people list).",
    ),
    Refusal.DEACTIVATED: (
        403,
        "Your Groundswell account is deactivated. Ask your administrator if you think this is "
        "a mistake.",
    ),
    Refusal.UNVERIFIED: (
        403,
        "The sign-in service did not confirm your email address, so Groundswell cannot tell "
        "which account is yours.",
    ),
    Refusal.AMBIGUOUS: (
        403,
        "Several Groundswell accounts share your email address. Ask your administrator to fix "
        "the people list.",
    ),
    Refusal.FAILED: (
        400,
        "Signing in did not work: the answer from the sign-in service could not be checked, "
        "or the sign-in took too long. Please try again.",
    ),
}


def sso_refused(request, reason: str):
    status, message = REFUSALS.get(reason, REFUSALS[Refusal.FAILED])
    context = {"message": message, "provider_name": sso_provider_name()}
    return render(request, "people/sso_refused.html", context, status=status)


@method_decorator(login_not_required, name="dispatch")
class SignOnStart(OIDCAuthenticationRequestView):
    """Send the browser to the provider with a fresh state, nonce and PKCE challenge (kept in
    the session for the callback)."""

    def dispatch(self, request, *args, **kwargs):
        if not sso_enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


@method_decorator(login_not_required, name="dispatch")
class SignOnCallback(OIDCAuthenticationCallbackView):
    """Back from the provider: the library checks the state against the session, exchanges
    the code, and our backend checks the ID token and finds the person. Any failure — a state
    that is not ours, a forged or expired token, a provider that is down — is a refusal page,
    never a sign-in."""

    def dispatch(self, request, *args, **kwargs):
        if not sso_enabled():
            raise Http404
        try:
            return super().dispatch(request, *args, **kwargs)
        except (SuspiciousOperation, requests.RequestException, jwt.PyJWTError, KeyError) as exc:
            logger.warning("Single sign-on failed: %s", exc)
            return sso_refused(request, Refusal.FAILED)

    def login_failure(self):
        return sso_refused(self.request, getattr(self.request, "sso_refusal", Refusal.FAILED))

    def login_success(self):
        response = super().login_success()
        services.sso_sign_in_record(
            person=self.user, created=getattr(self.request, "sso_created", False)
        )
        return response

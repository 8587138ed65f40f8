"""What the SSO settings say, read at call time so tests and operators can switch them."""

from django.conf import settings


def sso_enabled() -> bool:
    """Single sign-on is configured and switched on."""
    return bool(getattr(settings, "SSO_ENABLED", False))


def sso_enforced() -> bool:
    """Passwords are switched off: people sign in through the provider only. This fails
    closed: enforcement without SSO switched on still closes every password path (and a
    system check reports the mistake), rather than quietly reopening them."""
    return bool(getattr(settings, "SSO_ENFORCED", False))


def sso_provider_name() -> str:
    return getattr(settings, "SSO_PROVIDER_NAME", "") or "single sign-on"


REQUIRED_SETTINGS = (
    "OIDC_OP_ISSUER",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
)

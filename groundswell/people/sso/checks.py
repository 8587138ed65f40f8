"""System checks: an SSO configuration that cannot work is an error at start, not a broken
sign-in page later."""

from django.conf import settings
from django.core.checks import Error, register

from groundswell.people.sso.config import REQUIRED_SETTINGS


@register()
def sso_configuration(app_configs, **kwargs):
    errors = []
    enabled = getattr(settings, "SSO_ENABLED", False)
    if getattr(settings, "SSO_ENFORCED", False) and not enabled:
        errors.append(
            Error(
                "SSO_ENFORCED is on but SSO_ENABLED is off: passwords are closed and nobody "
                "can sign in.",
                hint="Configure single sign-on (SSO_ENABLED=1 and the OIDC_* variables).",
                id="groundswell.E101",
            )
        )
    if enabled:
        missing = [name for name in REQUIRED_SETTINGS if not getattr(settings, name, "")]
        algorithm = getattr(settings, "OIDC_RP_SIGN_ALGO", "")
        if algorithm.startswith(("RS", "ES", "PS")) and not getattr(
            settings, "OIDC_OP_JWKS_ENDPOINT", ""
        ):
            missing.append("OIDC_OP_JWKS_ENDPOINT")
        if missing:
            errors.append(
                Error(
                    f"Single sign-on is on but not configured: {', '.join(missing)} empty.",
                    hint="See docs/operations.md, section SSO.",
                    id="groundswell.E102",
                )
            )
    return errors

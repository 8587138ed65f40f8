"""SSO configuration: off by default, and a configuration that cannot work stops the server
at its start (system checks) instead of breaking the sign-in page later."""

from django.core.management import call_command
from django.core.management.base import SystemCheckError

from groundswell.people.sso.checks import sso_configuration


def ids(errors):
    return sorted(error.id for error in errors)


def test_off_by_default_and_clean(settings):
    assert settings.SSO_ENABLED is False
    assert settings.SSO_ENFORCED is False
    assert settings.OIDC_RP_CLIENT_SECRET == ""
    assert sso_configuration(None) == []


def test_enforced_without_sso_is_an_error(settings):
    settings.SSO_ENFORCED = True
    assert ids(sso_configuration(None)) == ["groundswell.E101"]


def test_enabled_without_endpoints_is_an_error(settings):
    settings.SSO_ENABLED = True
    errors = sso_configuration(None)
    assert ids(errors) == ["groundswell.E102"]
    for name in ("OIDC_OP_ISSUER", "OIDC_RP_CLIENT_SECRET", "OIDC_OP_JWKS_ENDPOINT"):
        assert name in errors[0].msg


def test_check_command_refuses_a_broken_configuration(settings):
    settings.SSO_ENFORCED = True
    try:
        call_command("check")
    except SystemCheckError as exc:
        assert "groundswell.E101" in str(exc)
    else:
        raise AssertionError("check passed with SSO enforced but not enabled")


def test_complete_configuration_is_clean(settings):
    settings.SSO_ENABLED = True
    settings.SSO_ENFORCED = True
    for name in (
        "OIDC_OP_ISSUER",
        "OIDC_OP_AUTHORIZATION_ENDPOINT",
        "OIDC_OP_TOKEN_ENDPOINT",
        "OIDC_OP_USER_ENDPOINT",
        "OIDC_OP_JWKS_ENDPOINT",
        "OIDC_RP_CLIENT_ID",
        "OIDC_RP_CLIENT_SECRET",
    ):
        setattr(settings, name, "https://id.example.com/x")
    assert sso_configuration(None) == []

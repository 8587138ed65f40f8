"""Fixtures of the account tests: a running OpenID Connect provider, and SSO configured to
use it."""

import pytest

from tests.accounts.oidc_provider import FakeProvider


@pytest.fixture(scope="module")
def provider():
    running = FakeProvider().start()
    yield running
    running.stop()


@pytest.fixture
def sso(provider, settings, db):
    provider.reset()
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    return provider

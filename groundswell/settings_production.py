"""Production settings: `DJANGO_SETTINGS_MODULE=groundswell.settings_production` (what
`groundswell serve` uses). Everything in `groundswell.settings`, hardened so that
`groundswell check --deploy` reports no issues (TRUST 19).

Required: SECRET_KEY (at least 50 characters, e.g. from
`python -c "import secrets; print(secrets.token_urlsafe(50))"`), ALLOWED_HOSTS, SITE_URL.

Optional, all from the environment:
- SECURE_SSL_REDIRECT (default on): send plain HTTP to HTTPS. Switch it off only when the
  reverse proxy in front redirects itself (check --deploy then warns security.W008).
- SECURE_PROXY_SSL_HEADER (default off): set to 1 when TLS ends at a reverse proxy that sets
  `X-Forwarded-Proto: https` and strips the header from clients; otherwise every request
  looks like plain HTTP and SSL redirects loop.
- SECURE_HSTS_SECONDS (default one year), SECURE_HSTS_INCLUDE_SUBDOMAINS,
  SECURE_HSTS_PRELOAD (both default on).
- EMAIL_BACKEND defaults to SMTP here (EMAIL_HOST etc.): the console backend would print
  password-reset links into the server's logs.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from groundswell.settings import *  # noqa: F403
from groundswell.settings import DEVELOPMENT_SECRET_KEY, STORAGES, env_bool, env_list

DEBUG = False


def strong_secret_key(value: str) -> bool:
    """The same test as Django's security.W009: long, varied, not a generated dev key."""
    return (
        len(value) >= 50
        and len(set(value)) >= 5
        and not value.startswith("django-insecure-")
        and value != DEVELOPMENT_SECRET_KEY
    )


SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not strong_secret_key(SECRET_KEY):
    raise ImproperlyConfigured(
        "Production needs its own SECRET_KEY in the environment: at least 50 random "
        "characters, not the development key. Generate one with: "
        'python -c "import secrets; print(secrets.token_urlsafe(50))"'
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

# Cookies travel over HTTPS only; the session cookie is out of JavaScript's reach (base).
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# HSTS: browsers refuse plain HTTP for this host for a year. The preload directive does
# nothing until someone submits the domain to the browsers' preload list.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Static files: collected into STATIC_ROOT by `groundswell serve` (collectstatic) with hashed
# names, which WhiteNoise serves compressed with far-future cache headers.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

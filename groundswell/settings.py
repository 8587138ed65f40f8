"""Settings from environment variables, with safe defaults for one laptop.

`DATABASE_URL` selects PostgreSQL; without it Groundswell runs on SQLite under `var/`.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("GROUNDSWELL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The fallback key is only good for a laptop; production settings refuse to start without one.
DEVELOPMENT_SECRET_KEY = "insecure-local-development-key-change-me"  # noqa: S105 - public on purpose
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    # The Tasks API (backport of django.tasks) and its database-backed queue.
    "django_tasks",
    "django_tasks_db",
    "groundswell.web",
    "groundswell.people",
    "groundswell.topics",
    "groundswell.spaces",
    "groundswell.threads",
    "groundswell.activity",
    "groundswell.search",
    "groundswell.notifications",
    "groundswell.expertise",
    "groundswell.insights",
    "groundswell.learning",
    "groundswell.leadership",
    "groundswell.analytics",
    # Stack Exchange dump import (remembers imported posts, so a re-run adds no duplicates).
    "groundswell.stackexchange",
    "groundswell.demo",
    # Rate limits (TRUST 15); its app config creates the cache table after every migrate.
    "groundswell.ratelimits",
    # xAPI statements from the activity log, forwarded to a Learning Record Store.
    "groundswell.xapi",
    "groundswell.moderation",
    # Operations pages for administrators: failed background tasks (TRUST 22).
    "groundswell.operations",
    "groundswell.schedule",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files carry the CSP too (TRUST 13).
    "groundswell.web.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Django's LoginRequiredMiddleware, except for the REST API (it answers 401 itself).
    "groundswell.web.middleware.LoginRequiredMiddleware",
    # With SSO enforced, the Django admin's own password forms are closed too (TRUST 18).
    "groundswell.people.sso.middleware.AdminPasswordsOffMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Domain errors (InvalidInput, NotFound…) become pages or htmx messages in one place.
    "groundswell.web.middleware.DomainErrorMiddleware",
]
CSRF_FAILURE_VIEW = "groundswell.web.errors.csrf_failure"

ROOT_URLCONF = "groundswell.urls"
WSGI_APPLICATION = "groundswell.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "groundswell.web.context_processors.csp_nonce",
            ],
        },
    },
]


def database_settings(url: str | None) -> dict:
    """One database definition from DATABASE_URL, tuned per engine."""
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{VAR_DIR / 'groundswell.sqlite3'}"
    config = dj_database_url.parse(url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # A real server on SQLite: WAL for concurrent readers, IMMEDIATE transactions so
        # writers queue on the busy timeout instead of failing with "database is locked".
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=FULL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA busy_timeout=20000;"
            ),
        }
        config["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_NAME") or None}
    elif config["ENGINE"] == "django.db.backends.postgresql":
        pool_size = int(os.environ.get("DATABASE_POOL_SIZE", "10"))
        # A request waits this long for a pooled connection, then answers 503 with Retry-After
        # (groundswell.web.errors.database_unavailable) instead of hanging behind a stuck pool.
        pool_timeout = float(os.environ.get("DATABASE_POOL_TIMEOUT", "5"))
        config["CONN_MAX_AGE"] = 0
        # Health checks make the pool test a connection before lending it, so connections
        # broken by a database restart are replaced instead of failing one request each.
        config["CONN_HEALTH_CHECKS"] = True
        config["OPTIONS"] = {
            "pool": {"min_size": 1, "max_size": pool_size, "timeout": pool_timeout}
        }
    return config


DATABASES = {"default": database_settings(os.environ.get("DATABASE_URL"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate-limit counters live in the cache, which must be shared by every worker process: the
# database by default (`groundswell migrate` creates the table), Redis at scale.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
if CACHE_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "groundswell_cache",
            # Culling at the default 300 entries would evict live counters under load.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

AUTH_USER_MODEL = "people.Person"
# Django's ModelBackend behind the login lockout (TRUST 15): every password check, the admin's
# included, counts failures per username and per address.
# Single sign-on (OpenID Connect) is the second backend; it only answers the SSO callback.
AUTHENTICATION_BACKENDS = [
    "groundswell.ratelimits.backends.LockoutModelBackend",
    "groundswell.people.sso.backend.SingleSignOnBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Single sign-on through OpenID Connect (TRUST 18; docs/operations.md, "SSO"), with
# mozilla-django-oidc. Off unless SSO_ENABLED=1. People are matched by email to existing
# accounts; SSO_CREATE_PEOPLE=1 creates accounts for unknown addresses (default: refused).
# SSO_ENFORCED=1 closes every password path: login form, admin login, reset, change.
# The client secret comes from the environment only, never from the repository.
SSO_ENABLED = env_bool("SSO_ENABLED", False)
SSO_ENFORCED = env_bool("SSO_ENFORCED", False)
SSO_PROVIDER_NAME = os.environ.get("SSO_PROVIDER_NAME", "single sign-on")
SSO_CREATE_PEOPLE = env_bool("SSO_CREATE_PEOPLE", False)
OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = int(os.environ.get("OIDC_TIMEOUT", "10"))
OIDC_AUTHENTICATION_CALLBACK_URL = "people:sso_callback"

LANGUAGE_CODE = "en"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on every request otherwise
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Static files are found in the apps (and django-htmx's vendored htmx) without collectstatic.
WHITENOISE_USE_FINDERS = True

# Requests larger than this are refused before any view runs (400), so a 1 MB body can't land.
DATA_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "groundswell@localhost")
# Django's SMTP backend (EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend) reads these.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# A mail server that hangs must not hold a worker forever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# Links in emails are absolute: the address people reach Groundswell at.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background tasks (notifications, emails) through the Tasks API. `database` queues them in
# the database for `groundswell db_worker`; `immediate` runs them in the web process at once
# (tests, or a laptop without a worker); any other value is a backend's dotted path.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {"default": {"BACKEND": TASK_BACKENDS.get(TASKS_BACKEND, TASKS_BACKEND)}}

# xAPI (docs/xapi.md): statements go to this Learning Record Store; empty = keep them in the
# outbox only. Actors are accounts on XAPI_ACTOR_HOMEPAGE, named by username.
XAPI_LRS_ENDPOINT = os.environ.get("XAPI_LRS_ENDPOINT", "").rstrip("/")
XAPI_LRS_USERNAME = os.environ.get("XAPI_LRS_USERNAME", "")
XAPI_LRS_PASSWORD = os.environ.get("XAPI_LRS_PASSWORD", "")
XAPI_ACTOR_HOMEPAGE = os.environ.get("XAPI_ACTOR_HOMEPAGE", SITE_URL)
XAPI_BATCH_SIZE = int(os.environ.get("XAPI_BATCH_SIZE", "100"))
XAPI_MAX_ATTEMPTS = int(os.environ.get("XAPI_MAX_ATTEMPTS", "8"))
# Outbound requests (TRUST 23) refuse private and loopback addresses except these hosts.
OUTBOUND_ALLOWED_HOSTS = env_list("OUTBOUND_ALLOWED_HOSTS", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Groundswell's own limits (TRUST 14): every text field and list has a cap.
GROUNDSWELL = {
    "PAGE_SIZE": 20,
    "MAX_PAGE_SIZE": 100,
    "MAX_TITLE_LENGTH": 200,
    "MAX_BODY_LENGTH": 50_000,
    "MAX_TOPICS_PER_THREAD": 5,
    # Notifications: at most this many people hear about one event, and a post's first
    # MAX_MENTIONS distinct @usernames are resolved (TRUST 14).
    "MAX_NOTIFICATION_FANOUT": 200,
    "MAX_MENTIONS": 20,
    # Question routing: a person receives at most this many routed questions a day.
    "MAX_ROUTED_PER_DAY": 5,
    # Moderation: a post with open flags from this many different people is hidden until a
    # moderator reviews it (Discourse's behaviour).
    "FLAGS_TO_HIDE": 3,
    # Rate limits (TRUST 15): scope → (how many, per how many seconds); None switches one off.
    # See groundswell/ratelimits/scopes.py for what each counts. GROUNDSWELL_RATE_LIMITS=0
    # switches them all off, for load and durability tests only (check --deploy warns).
    "RATE_LIMITS_ENABLED": env_bool("GROUNDSWELL_RATE_LIMITS", True),
    "RATE_LIMITS": {
        "login-username": (10, 15 * 60),
        "login-address": (100, 15 * 60),
        "posting": (30, 10 * 60),
        "invite": (100, 60 * 60),
        "password-reset-address": (10, 60 * 60),
        "password-reset-email": (3, 60 * 60),
        "token-failure": (30, 10 * 60),
        "search": (120, 60),
        "flagging": (20, 60 * 60),
    },
    # Reverse proxies in front of Groundswell that append to X-Forwarded-For; 0 = none, so the
    # client address is REMOTE_ADDR and a forged header is ignored.
    "TRUSTED_PROXY_HOPS": int(os.environ.get("TRUSTED_PROXY_HOPS", "0")),
}

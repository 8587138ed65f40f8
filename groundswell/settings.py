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
SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-local-development-key-change-me")
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
    "groundswell.web",
    "groundswell.people",
    "groundswell.topics",
    "groundswell.spaces",
    "groundswell.threads",
    "groundswell.activity",
    "groundswell.search",
    "groundswell.notifications",
    "groundswell.expertise",
    "groundswell.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Django's LoginRequiredMiddleware, except for the REST API (it answers 401 itself).
    "groundswell.web.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Domain errors (InvalidInput, NotFound…) become pages or htmx messages in one place.
    "groundswell.web.middleware.DomainErrorMiddleware",
    "groundswell.web.middleware.SecurityHeadersMiddleware",
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
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {"pool": {"min_size": 1, "max_size": pool_size, "timeout": 10}}
    return config


DATABASES = {"default": database_settings(os.environ.get("DATABASE_URL"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.Person"
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
}

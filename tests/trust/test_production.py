"""Production posture (TRUST 19): `check --deploy` is clean under the production settings,
which refuse to start without a real SECRET_KEY; cookies are secure and HSTS is on; no secret
is in the repository; `groundswell serve` runs gunicorn with several workers and serves the
collected static files with far-future cache headers; and worker processes share the rate-limit
counters (TRUST 15)."""

import importlib
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = "groundswell.settings_production"
# Variables of the caller's environment that would change what is being tested.
UNSET = (
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "CACHE_URL",
    "REDIS_URL",
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "EMAIL_BACKEND",
    "GROUNDSWELL_RATE_LIMITS",
    # Set by the browser tests for Playwright; check --deploy rightly warns about it.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def strong_key() -> str:
    return secrets.token_urlsafe(50)


def production_env(var_dir: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    env.update(
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        SECRET_KEY=strong_key(),
        GROUNDSWELL_VAR_DIR=str(var_dir),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="https://groundswell.example.com",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def groundswell_command() -> list[str]:
    script = Path(sys.executable).with_name("groundswell")
    return [str(script)] if script.exists() else [sys.executable, "-m", "groundswell.cli"]


def run(args: list[str], env: dict, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*groundswell_command(), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


# --- the settings -------------------------------------------------------------------------


def test_check_deploy_reports_no_issues(tmp_path):
    result = run(["check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output
    assert "WARNINGS" not in output and "ERRORS" not in output


@pytest.mark.parametrize(
    ("variable", "warning"),
    [("SECURE_SSL_REDIRECT", "security.W008"), ("GROUNDSWELL_RATE_LIMITS", "groundswell.W001")],
)
def test_check_deploy_would_catch_a_weakened_setting(tmp_path, variable, warning):
    """The check above can fail: switching the SSL redirect or the rate limits off warns."""
    env = production_env(tmp_path, **{variable: "0"})
    result = run(["check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode != 0
    assert warning in result.stdout + result.stderr


def load_production_settings(monkeypatch, **env):
    for name in UNSET:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    monkeypatch.delitem(sys.modules, PRODUCTION, raising=False)
    module = importlib.import_module(PRODUCTION)
    monkeypatch.delitem(sys.modules, PRODUCTION)
    return module


@pytest.mark.parametrize(
    "key",
    [None, "", "insecure-local-development-key-change-me", "short-key", "a" * 60],
    ids=["missing", "empty", "development-key", "short", "one-character"],
)
def test_production_refuses_a_missing_or_weak_secret_key(monkeypatch, key):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        load_production_settings(monkeypatch, SECRET_KEY=key)


def test_the_development_key_is_the_one_production_refuses(monkeypatch):
    from groundswell import settings as base

    prod = load_production_settings(monkeypatch, SECRET_KEY=strong_key())
    assert not prod.strong_secret_key(base.DEVELOPMENT_SECRET_KEY)
    assert prod.strong_secret_key(strong_key())


def test_production_settings_are_hardened_by_default(monkeypatch):
    prod = load_production_settings(monkeypatch, SECRET_KEY=strong_key(), DEBUG="1")
    assert prod.DEBUG is False  # DEBUG=1 in the environment cannot switch it on
    assert prod.SESSION_COOKIE_SECURE and prod.CSRF_COOKIE_SECURE
    assert prod.SESSION_COOKIE_HTTPONLY
    assert prod.SECURE_SSL_REDIRECT is True
    assert prod.SECURE_HSTS_SECONDS == 365 * 24 * 3600
    assert prod.SECURE_HSTS_INCLUDE_SUBDOMAINS and prod.SECURE_HSTS_PRELOAD
    assert not hasattr(prod, "SECURE_PROXY_SSL_HEADER")
    assert "testserver" not in prod.ALLOWED_HOSTS
    assert prod.STORAGES["staticfiles"]["BACKEND"].endswith("CompressedManifestStaticFilesStorage")
    assert prod.WHITENOISE_USE_FINDERS is False
    assert prod.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"


def test_tls_at_a_proxy_is_configured_from_the_environment(monkeypatch):
    prod = load_production_settings(
        monkeypatch,
        SECRET_KEY=strong_key(),
        SECURE_SSL_REDIRECT="0",
        SECURE_PROXY_SSL_HEADER="1",
        SECURE_HSTS_SECONDS="3600",
    )
    assert prod.SECURE_SSL_REDIRECT is False
    assert prod.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert prod.SECURE_HSTS_SECONDS == 3600


def test_production_responses_redirect_to_https_send_hsts_and_secure_cookies(
    monkeypatch, settings, client, member, password
):
    prod = load_production_settings(monkeypatch, SECRET_KEY=strong_key())
    for name in (
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
    ):
        setattr(settings, name, getattr(prod, name))
    plain = client.get("/login/")
    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/login/"
    page = client.get("/login/", secure=True)
    assert page["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert page.cookies["csrftoken"]["secure"]
    response = client.post(
        "/login/", {"username": member.username, "password": password}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"


# --- no secret in the repository ----------------------------------------------------------

# Split so that this file does not match its own patterns.
SECRET_PATTERNS = {
    "private key": re.compile("-----BEGIN " + r"(?:[A-Z]+ )*PRIVATE KEY-----"),
    "SECRET_KEY literal": re.compile(r"""SECRET_KEY\s*=\s*["']([^"']{16,})["']"""),
    "AWS access key": re.compile(r"\bAKIA" + r"[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_" + r"[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-" + r"[A-Za-z0-9-]{10,}"),
    "Groundswell API token": re.compile(r"\bgsw_[0-9a-f]{8}_" + r"[A-Za-z0-9_-]{40,}"),
}
ALLOWED_LITERALS = {"insecure-local-development-key-change-me"}


def find_secrets(paths) -> list[str]:
    found = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary files
        for name, pattern in SECRET_PATTERNS.items():
            for match in pattern.finditer(text):
                if match.groups() and match.group(1) in ALLOWED_LITERALS:
                    continue
                found.append(f"{path.relative_to(ROOT)}: {name}")
    return found


def repository_files() -> list[Path]:
    """Tracked files and new ones not ignored: what a commit would hold."""
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    files = [ROOT / name for name in listing.split("\0") if name]
    return [f for f in files if f.is_file() and f.stat().st_size < 5_000_000]


def test_no_secret_is_in_the_repository():
    files = repository_files()
    assert len(files) > 50
    assert find_secrets(files) == []


def test_the_secret_scan_finds_a_planted_secret(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    planted = tmp_path / "settings_local.py"
    planted.write_text(f'SECRET_KEY = "{strong_key()}"\n')
    key = tmp_path / "deploy.pem"
    key.write_text("-----BEGIN " + "RSA PRIVATE KEY-----\nMIIE...\n")
    fine = tmp_path / "fine.py"
    fine.write_text('SECRET_KEY = "insecure-local-development-key-change-me"\n')
    assert sorted(find_secrets([planted, key, fine])) == [
        "deploy.pem: private key",
        "settings_local.py: SECRET_KEY literal",
    ]


# --- serving ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """A migrated SQLite database under a fresh var directory, as an operator would have."""
    var_dir = tmp_path_factory.mktemp("deployment")
    env = production_env(var_dir, SECURE_SSL_REDIRECT="0")
    result = run(["migrate", "--no-input", "-v", "0"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer to look at, not to follow


_opener = urllib.request.build_opener(_NoRedirects)


def fetch(url: str):
    try:
        with _opener.open(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_until_serving(process, url: str, log: Path, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"serve exited:\n{log.read_text()}"
        try:
            return fetch(url)
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"serve did not answer within {seconds} s:\n{log.read_text()}")


def test_serve_runs_gunicorn_workers_and_serves_static_files(deployment, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [*groundswell_command(), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            env=deployment,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        status, headers, body = wait_until_serving(process, f"{base}/login/", log)
        assert status == 200
        assert headers["Server"] == "gunicorn"
        assert "nonce-" in headers["Content-Security-Policy"]
        assert "Secure" in headers["Set-Cookie"]  # the production settings are in force
        html = body.decode()
        # Hashed names from the manifest: the collected files, not the app directories.
        stylesheet = re.search(r'href="(/static/web/groundswell\.[0-9a-f]{12}\.css)"', html)
        htmx = re.search(r'src="(/static/django_htmx/htmx-2\.min\.[0-9a-f]{12}\.js)"', html)
        assert stylesheet and htmx, html
        for path in (stylesheet.group(1), htmx.group(1)):
            status, headers, body = fetch(base + path)
            assert status == 200, path
            assert body
            cache_control = headers["Cache-Control"]
            assert "immutable" in cache_control and "max-age=315360000" in cache_control
        assert fetch(f"{base}/static/web/no-such-file.css")[0] == 404
        assert fetch(f"{base}/")[0] == 302  # to the login page
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    text = log.read_text()
    assert text.count("Booting worker with pid") == 2, text
    assert (Path(deployment["GROUNDSWELL_VAR_DIR"]) / "static" / "staticfiles.json").exists()


def test_worker_processes_share_the_rate_limit_counters(deployment):
    """Two processes on the production settings and database: the second sees the first's
    count. (A per-process cache would let each worker allow the full limit.)"""
    script = """
from django.conf import settings
from groundswell.errors import RateLimited
from groundswell.ratelimits import check_rate, scopes

settings.GROUNDSWELL["RATE_LIMITS"][scopes.POSTING] = (2, 86400)
try:
    for _ in range({times}):
        check_rate(scopes.POSTING, 424242)
    print("allowed")
except RateLimited as refused:
    print("limited", refused.retry_after)
"""
    first = run(["shell", "--no-imports", "-c", script.format(times=2)], deployment)
    assert first.stdout.split() == ["allowed"], first.stdout + first.stderr
    second = run(["shell", "--no-imports", "-c", script.format(times=1)], deployment)
    assert second.stdout.split()[0] == "limited", second.stdout + second.stderr

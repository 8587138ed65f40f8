"""Settings from the environment, and the database the suite really runs on.

`scripts/test` sets GROUNDSWELL_REQUIRE_POSTGRES=1 for its PostgreSQL run: if DATABASE_URL
were lost on the way, the "PostgreSQL" run would silently test SQLite again; this fails it.
"""

import os

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection

from groundswell.settings import database_settings, env_bool, env_list
from tests.factories import PASSWORD, PersonFactory


def expected_vendor() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"


def test_the_suite_runs_on_the_database_it_was_asked_for(db):
    assert connection.vendor == expected_vendor()
    if os.environ.get("GROUNDSWELL_REQUIRE_POSTGRES") == "1":
        assert connection.vendor == "postgresql", "PostgreSQL required but not in use"


def test_the_database_answers(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_live_connection_has_the_configured_pragmas_or_pool(db):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone() == (1,)
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone() == (20000,)
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone() == (2,)  # FULL
        else:
            assert connection.pool is not None
            cursor.execute("SHOW server_encoding")
            assert cursor.fetchone() == ("UTF8",)


def test_sqlite_settings_are_tuned_for_a_real_server(tmp_path, monkeypatch):
    config = database_settings(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    options = config["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    init = options["init_command"]
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout"):
        assert pragma in init


def test_without_database_url_sqlite_lives_in_the_var_directory(tmp_path, monkeypatch):
    monkeypatch.setattr("groundswell.settings.VAR_DIR", tmp_path / "var")
    config = database_settings(None)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "var" / "groundswell.sqlite3")
    assert (tmp_path / "var").is_dir()


def test_postgresql_gets_a_pool_sized_by_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_POOL_SIZE", "7")
    config = database_settings("postgres://app:secret@db.internal:5433/groundswell")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5433, "groundswell")
    assert config["OPTIONS"]["pool"]["max_size"] == 7
    # Pooled connections are handed back after each request, never kept by Django.
    assert config["CONN_MAX_AGE"] == 0


def test_the_pool_size_defaults_to_ten(monkeypatch):
    monkeypatch.delenv("DATABASE_POOL_SIZE", raising=False)
    assert database_settings("postgres://db/x")["OPTIONS"]["pool"]["max_size"] == 10


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        (" YES ", True),
        ("on", True),
        ("0", False),
        ("no", False),
        ("", False),
    ],
)
def test_env_bool(monkeypatch, raw, expected):
    monkeypatch.setenv("GROUNDSWELL_TEST_FLAG", raw)
    assert env_bool("GROUNDSWELL_TEST_FLAG", not expected) is expected


def test_env_bool_default_when_unset(monkeypatch):
    monkeypatch.delenv("GROUNDSWELL_TEST_FLAG", raising=False)
    assert env_bool("GROUNDSWELL_TEST_FLAG", True) is True


def test_env_list(monkeypatch):
    monkeypatch.setenv("GROUNDSWELL_TEST_LIST", " a.example, ,b.example ")
    assert env_list("GROUNDSWELL_TEST_LIST", "") == ["a.example", "b.example"]
    monkeypatch.delenv("GROUNDSWELL_TEST_LIST")
    assert env_list("GROUNDSWELL_TEST_LIST", "x,y") == ["x", "y"]


@pytest.mark.argon2
def test_passwords_are_stored_with_argon2(db):
    person = PersonFactory()
    assert person.password.startswith("argon2$")
    assert person.check_password(PASSWORD)


def test_the_suite_hashes_fast_and_still_accepts_argon2_hashes(db):
    person = PersonFactory()
    assert person.password.startswith("md5$")
    person.password = Argon2PasswordHasher().encode(PASSWORD, "saltsaltsalt")
    assert person.check_password(PASSWORD)
    assert not person.check_password("wrong")

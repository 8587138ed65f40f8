"""TRUST 21: PostgreSQL through the connection pool — a database restart heals by itself, and
an unreachable database or a saturated pool answers 503 with Retry-After, quickly, never a hang.

Each test starts its own throw-away cluster (so it runs the same in the SQLite and the
PostgreSQL pass) and drives the app's real settings in a subprocess pointed at it.
"""

import json
import os
import subprocess
import sys
import time

import pytest
from django.db import OperationalError

from groundswell.loadtest.cluster import ThrowAwayCluster

# A stand-in for a process serving requests: each stdin line is one request cycle, answered
# with one JSON line. `sql` runs a query the way a view would; `api` calls the API through
# Django's test client; `hold` keeps this thread's pooled connection out of the pool.
PROBE = r"""
import json, sys, threading, time
import django
django.setup()
from django.db import close_old_connections, connection
from django.test import Client
from groundswell.web.errors import database_unavailable

def sql():
    close_old_connections()  # what request_started does
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return {"status": 200}
    except Exception as exc:
        return {"status": 503 if database_unavailable(exc) else 500, "error": repr(exc)}
    finally:
        close_old_connections()  # what request_finished does

def api(out):
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION="Bearer gsw_abcd1234_notarealsecret")
    out.update(status=response.status_code, retry_after=response.get("Retry-After"))

for line in sys.stdin:
    command = line.strip()
    started = time.monotonic()
    if command == "sql":
        answer = sql()
    elif command == "hold":
        connection.ensure_connection()
        answer = {"status": 200}
    elif command == "api":
        # Another thread, so another Django connection: it must wait for the held one.
        answer = {}
        worker = threading.Thread(target=api, args=(answer,))
        worker.start()
        worker.join()
    answer["seconds"] = time.monotonic() - started
    print(json.dumps(answer), flush=True)
"""


class Probe:
    def __init__(self, url: str, **env: str):
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "groundswell.settings",
            "DATABASE_URL": url,
            "DEBUG": "0",
            "GROUNDSWELL_RATE_LIMITS": "0",
            **env,
        }
        self.process = subprocess.Popen(
            [sys.executable, "-c", PROBE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=environment,
        )

    def ask(self, command: str) -> dict:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the probe process died"
        return json.loads(line)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)


@pytest.fixture
def cluster():
    started = ThrowAwayCluster().start()
    yield started
    started.remove()


def test_a_database_restart_heals_without_restarting_the_app(cluster):
    probe = Probe(cluster.url, DATABASE_POOL_TIMEOUT="2")
    try:
        assert probe.ask("sql")["status"] == 200

        cluster.restart()
        # The pool tests connections before lending them: the first request after the
        # restart already gets a fresh one, not the dead connection it held before.
        assert probe.ask("sql")["status"] == 200

        cluster.stop_server()
        down = probe.ask("sql")
        assert down["status"] == 503, down
        assert down["seconds"] < 2 + 3, "an unreachable database must not hang a request"

        cluster.start_server()
        deadline = time.monotonic() + 10
        while (answer := probe.ask("sql"))["status"] != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert answer["status"] == 200, answer
    finally:
        probe.close()


def test_a_saturated_pool_answers_503_with_retry_after_quickly(cluster):
    probe = Probe(cluster.url, DATABASE_POOL_SIZE="1", DATABASE_POOL_TIMEOUT="1")
    try:
        assert probe.ask("hold")["status"] == 200
        answer = probe.ask("api")
        assert answer["status"] == 503, answer
        assert answer["retry_after"] == "5"
        assert answer["seconds"] < 1 + 3
    finally:
        probe.close()


@pytest.mark.django_db
def test_database_unavailability_is_503_for_pages_and_api(member_client, monkeypatch):
    """The mapping itself, on whichever database the suite runs: pages and API alike, while
    a fault in our own SQL stays a 500."""
    from groundswell.threads import selectors

    def unreachable(*args, **kwargs):
        raise OperationalError("connection failed: server closed the connection")

    monkeypatch.setattr(selectors, "follow_list", unreachable)
    monkeypatch.setattr(selectors, "bookmarked_threads", unreachable)
    member_client.raise_request_exception = False

    api = member_client.get("/api/v1/follows")
    assert api.status_code == 503
    assert api["Retry-After"] == "5"
    assert api.json()["code"] == "unavailable"

    page = member_client.get("/bookmarks/")
    assert page.status_code == 503
    assert page["Retry-After"] == "5"
    assert b"try again in a few seconds" in page.content


def test_only_waits_and_lost_connections_count_as_unavailable():
    import sqlite3

    from django.db import InterfaceError, ProgrammingError

    from groundswell.web.errors import database_unavailable

    def wrapped(cause):
        error = OperationalError(str(cause))
        error.__cause__ = cause
        return error

    assert database_unavailable(wrapped(sqlite3.OperationalError("database is locked")))
    assert not database_unavailable(wrapped(sqlite3.OperationalError("no such table: x")))
    assert database_unavailable(OperationalError("server closed the connection"))
    assert database_unavailable(InterfaceError("connection already closed"))
    assert not database_unavailable(ProgrammingError("syntax error"))
    assert not database_unavailable(ValueError("bug"))

"""Durability tests run real processes against a real SQLite file, outside pytest-django's
test database: what is measured is what a deployment gets."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SETUP_SCRIPT = """
import json
from groundswell.people.models import Person
from groundswell.people.tokens import api_token_create
from groundswell.spaces.services import space_create
person = Person.objects.create_user(username="writer", password=None)
space = space_create(creator=person, name="Load test")
_, token = api_token_create(person=person, name="durability", scope="write")
print(json.dumps({"space": space.slug, "token": token}))
"""


def django_env(database_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="groundswell.settings",
        PYTHONPATH=str(ROOT),
        DEBUG="0",
        # One account writes hundreds of posts at once: a load, not a person to slow down.
        GROUNDSWELL_RATE_LIMITS="0",
    )
    return env


def run_django(script: str, database_url: str, timeout: int = 120) -> str:
    code = "import django; django.setup()\n" + script
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=django_env(database_url),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}")


@pytest.fixture
def sqlite_file(tmp_path):
    """A migrated SQLite database file with a writer, a space and a write token."""
    url = f"sqlite:///{tmp_path / 'durable.sqlite3'}"
    subprocess.run(
        [sys.executable, "-m", "groundswell.cli", "migrate", "-v0"],
        env=django_env(url),
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    world = json.loads(run_django(SETUP_SCRIPT, url).strip().splitlines()[-1])
    return {"url": url, "path": tmp_path / "durable.sqlite3", **world}

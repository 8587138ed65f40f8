"""TRUST 20: SQLite as a real server. Eight concurrent writers never see "database is locked",
and a server killed with SIGKILL mid-write leaves an intact database holding every write it
acknowledged."""

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import urllib.error
import urllib.request

from tests.durability.conftest import ROOT, django_env, free_port, run_django, wait_for_port

WRITER_SCRIPT = """
import sys
from django.db import OperationalError
from groundswell.people.models import Person
from groundswell.spaces.models import Space
from groundswell.threads.services import reply_create, thread_create
person = Person.objects.get(username="writer")
space = Space.objects.get(slug="{slug}")
locked = 0
for n in range({count}):
    try:
        thread = thread_create(author=person, space=space, title=f"w{writer} t{{n}}", body="x")
        reply_create(author=person, thread=thread, body="y")
    except OperationalError as exc:
        locked += "locked" in str(exc)
        print("ERROR", exc, file=sys.stderr)
print("LOCKED", locked)
"""


def test_eight_concurrent_writers_never_hit_database_is_locked(sqlite_file):
    writers, per_writer = 8, 25
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import django; django.setup()\n"
                + WRITER_SCRIPT.format(slug=sqlite_file["space"], count=per_writer, writer=w),
            ],
            env=django_env(sqlite_file["url"]),
            cwd=ROOT,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for w in range(writers)
    ]
    outputs = [process.communicate(timeout=300) for process in processes]
    for process, (stdout, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr[-2000:]
        assert "LOCKED 0" in stdout, stderr[-2000:]
    counted = run_django(
        "from groundswell.threads.models import Thread, Reply\n"
        "print(Thread.objects.count(), Reply.objects.count())",
        sqlite_file["url"],
    ).split()
    assert counted == [str(writers * per_writer)] * 2


def _post_thread(port: int, token: str, space: str, n: int) -> int | None:
    body = json.dumps({"space": space, "title": f"crash {n}", "body": "acknowledged?"}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/threads",
        data=body,
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return json.loads(response.read())["id"] if response.status == 201 else None
    except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
        return None


def test_kill_9_during_writes_keeps_every_acknowledged_write(sqlite_file):
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "groundswell.cli",
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
            "--nothreading",
        ],
        env=django_env(sqlite_file["url"]),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    acknowledged: list[int] = []
    stop = threading.Event()

    def write_until_stopped(offset: int):
        n = offset
        while not stop.is_set():
            thread_id = _post_thread(port, sqlite_file["token"], sqlite_file["space"], n)
            if thread_id is not None:
                acknowledged.append(thread_id)
            n += 4

    try:
        wait_for_port(port)
        clients = [threading.Thread(target=write_until_stopped, args=(i,)) for i in range(4)]
        for client in clients:
            client.start()
        while len(acknowledged) < 40:
            assert server.poll() is None, "the server died on its own"
            stop.wait(0.05)
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
    finally:
        stop.set()
        if server.poll() is None:
            server.kill()
    for client in clients:
        client.join(timeout=20)

    with sqlite3.connect(sqlite_file["path"]) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in db.execute("SELECT id FROM threads_thread")}
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    missing = set(acknowledged) - stored
    assert len(acknowledged) >= 40
    assert missing == set(), f"{len(missing)} acknowledged writes lost"

"""`make load` / `python -m groundswell.loadtest`: mixed read/write traffic against the
production server (gunicorn, production settings) on a scratch database, then a count of
lost writes (acknowledged - stored). Loopback only; stops by itself after --duration seconds
or --max-requests requests, whichever comes first.

    python -m groundswell.loadtest                        # SQLite in a scratch directory
    python -m groundswell.loadtest --database-url postgres   # a throw-away PostgreSQL cluster
    python -m groundswell.loadtest --database-url postgres://…/empty_db
"""

import argparse
import http.client
import json
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

from groundswell.loadtest import setup_snippets
from groundswell.loadtest.cluster import ThrowAwayCluster, free_port

HOST = "127.0.0.1"  # never anything else: this tool must not be pointed at other machines
WORDS = ["onboarding", "pricing", "release", "customer", "training", "security", "roadmap"]


def groundswell(env: dict, *args: str, capture: bool = False) -> str:
    done = subprocess.run(  # noqa: S603 - our own console command
        [sys.executable, "-m", "groundswell.cli", *args],
        env=env,
        check=True,
        capture_output=capture,
        text=True,
    )
    return done.stdout if capture else ""


def marked_json(output: str, mark: str):
    line = next(line for line in output.splitlines() if line.startswith(mark))
    return json.loads(line.removeprefix(mark))


class Load:
    """Per-client-thread traffic; results are merged under a lock."""

    def __init__(self, port: int, identities: list[dict], deadline: float, max_requests: int):
        self.port = port
        self.identities = identities
        self.deadline = deadline
        self.max_requests = max_requests
        self.lock = threading.Lock()
        self.sent = 0
        self.statuses = Counter()
        self.errors = Counter()  # (operation, status) for every non-2xx answer
        self.latency = defaultdict(list)
        self.written = {"threads": [], "replies": [], "votes": {}}

    def _take_turn(self) -> bool:
        with self.lock:
            if self.sent >= self.max_requests or time.monotonic() >= self.deadline:
                return False
            self.sent += 1
            return True

    def request(self, conn, operation, method, path, identity, body=None, page=False):
        headers = {"Host": f"{HOST}:{self.port}"}
        if page:
            headers["Cookie"] = f"sessionid={identity['session']}"
        else:
            headers["Authorization"] = f"Bearer {identity['token']}"
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        try:
            conn.request(method, path, body=payload, headers=headers)
            response = conn.getresponse()
            data = response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            conn.close()
            data, status = b"", "connection error"
        elapsed = time.perf_counter() - started
        with self.lock:
            self.statuses[status] += 1
            self.latency[operation].append(elapsed)
            if not (isinstance(status, int) and 200 <= status < 400):
                self.errors[(operation, status)] += 1
        return status, data

    def client(self, number: int) -> None:
        identity = self.identities[number % len(self.identities)]
        rng = random.Random(number)
        conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
        while self._take_turn():
            self.one_request(conn, identity, rng)
        conn.close()

    def one_request(self, conn, identity, rng) -> None:
        thread = rng.choice(identity["threads"])
        roll = rng.random()
        if roll < 0.12:
            self.request(conn, "page: feed", "GET", "/", identity, page=True)
        elif roll < 0.24:
            self.request(conn, "page: thread", "GET", f"/threads/{thread}/", identity, page=True)
        elif roll < 0.32:
            q = rng.choice(WORDS)
            self.request(conn, "page: search", "GET", f"/search/?q={q}", identity, page=True)
        elif roll < 0.42:
            self.request(conn, "api: thread list", "GET", "/api/v1/threads", identity)
        elif roll < 0.50:
            self.request(conn, "api: feed", "GET", "/api/v1/feed", identity)
        elif roll < 0.58:
            self.request(conn, "api: thread", "GET", f"/api/v1/threads/{thread}", identity)
        elif roll < 0.64:
            path = f"/api/v1/threads/{thread}/replies"
            self.request(conn, "api: replies", "GET", path, identity)
        elif roll < 0.70:
            q = rng.choice(WORDS)
            self.request(conn, "api: search", "GET", f"/api/v1/search?q={q}", identity)
        elif roll < 0.78:
            body = {
                "space": rng.choice(identity["spaces"]),
                "title": f"Load test {secrets.token_hex(4)} {rng.choice(WORDS)}",
                "body": "Posted by the load test.",
            }
            status, data = self.request(
                conn, "api: create thread", "POST", "/api/v1/threads", identity, body
            )
            if status == 201:
                with self.lock:
                    self.written["threads"].append(json.loads(data)["id"])
        elif roll < 0.92:
            path = f"/api/v1/threads/{thread}/replies"
            body = {"body": f"A reply from the load test {secrets.token_hex(4)}."}
            status, data = self.request(conn, "api: reply", "POST", path, identity, body)
            if status == 201:
                with self.lock:
                    self.written["replies"].append(json.loads(data)["id"])
        else:
            value = rng.choice([1, -1])
            path = f"/api/v1/threads/{thread}/vote"
            status, _ = self.request(conn, "api: vote", "POST", path, identity, {"value": value})
            if status == 200:
                with self.lock:
                    self.written["votes"][(identity["person"], thread)] = value


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


def wait_until_serving(port: int, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server exited before serving; see its output above")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/login/", headers={"Host": f"{HOST}:{port}"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not answer within a minute")


def report(load: Load, seconds: float, stored: dict, database: str) -> int:
    acknowledged = {
        "threads": len(load.written["threads"]),
        "replies": len(load.written["replies"]),
        "votes": len(load.written["votes"]),
    }
    lost = {kind: acknowledged[kind] - stored[kind] for kind in acknowledged}
    server_errors = sum(
        n for status, n in load.statuses.items() if not isinstance(status, int) or status >= 500
    )
    print(
        f"\nDatabase: {database}; {seconds:.0f} s; {load.sent} requests; "
        f"{load.sent / seconds:.1f} requests/s"
    )
    print("Statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(load.statuses.items(), key=str)))
    for (operation, status), count in sorted(load.errors.items(), key=str):
        print(f"  non-2xx: {operation} → {status} x {count}")
    print(f"{'operation':<20} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    everything = []
    for operation, values in sorted(load.latency.items()):
        everything += values
        print(
            f"{operation:<20} {len(values):>6} {percentile(values, 0.5):>8.0f} "
            f"{percentile(values, 0.95):>8.0f} {percentile(values, 0.99):>8.0f}"
        )
    if everything:
        print(
            f"{'all':<20} {len(everything):>6} {percentile(everything, 0.5):>8.0f} "
            f"{percentile(everything, 0.95):>8.0f} {percentile(everything, 0.99):>8.0f}"
        )
    print(f"Acknowledged writes: {acknowledged}; stored: {stored}; lost: {lost}")
    print(f"5xx and connection errors: {server_errors}; lost writes: {sum(lost.values())}")
    return 1 if server_errors or any(lost.values()) else 0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--duration", type=float, default=60, help="seconds of traffic (default 60)"
    )
    parser.add_argument("--concurrency", type=int, default=16, help="client threads (default 16)")
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many")
    parser.add_argument("--people", type=int, default=16, help="demo people with write tokens")
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (serve's default)"
    )
    parser.add_argument(
        "--database-url", default="", help="empty PostgreSQL/SQLite URL, or 'postgres'"
    )
    options = parser.parse_args()
    status = 1

    scratch = Path(tempfile.mkdtemp(prefix="groundswell-load."))
    cluster = None
    url = options.database_url
    if url == "postgres":
        cluster = ThrowAwayCluster().start()
        url = cluster.url
    url = url or f"sqlite:///{scratch / 'load.sqlite3'}"
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "0",
        "DEBUG": "0",
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": f"http://{HOST}:{port}",
        "GROUNDSWELL_RATE_LIMITS": "0",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    server = None
    try:
        print(f"Preparing {url}: migrate, seed_demo --scale 1, tokens…", flush=True)
        groundswell(env, "migrate", "--no-input", "-v", "0")
        groundswell(env, "seed_demo", "--scale", "1")
        snippet = setup_snippets.IDENTITIES.replace("__COUNT__", str(options.people))
        identities = marked_json(
            groundswell(env, "shell", "-c", snippet, capture=True), "IDENTITIES"
        )
        serve = ["serve", "--bind", f"{HOST}:{port}"]
        if options.workers:
            serve += ["--workers", str(options.workers)]
        server = subprocess.Popen(  # noqa: S603 - our own console command
            [sys.executable, "-m", "groundswell.cli", *serve],
            env=env,
            stdout=open(scratch / "server.log", "w"),  # noqa: SIM115 - lives as long as the server
            stderr=subprocess.STDOUT,
        )
        wait_until_serving(port, server)
        print(
            f"Serving on {HOST}:{port}; {options.concurrency} clients, {options.duration:.0f} s…",
            flush=True,
        )
        started = time.monotonic()
        load = Load(port, identities, started + options.duration, options.max_requests)
        clients = [
            threading.Thread(target=load.client, args=(n,)) for n in range(options.concurrency)
        ]
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        seconds = time.monotonic() - started
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        server = None
        written = scratch / "written.json"
        votes = [
            [person, thread, value] for (person, thread), value in load.written["votes"].items()
        ]
        written.write_text(json.dumps({**load.written, "votes": votes}))
        snippet = setup_snippets.COUNT.replace("__PATH__", repr(str(written)))
        stored = marked_json(groundswell(env, "shell", "-c", snippet, capture=True), "STORED")
        database = "PostgreSQL" if url.startswith("postgres") else "SQLite"
        status = report(load, seconds, stored, database)
        if status:
            print(f"Server log kept in {scratch / 'server.log'}")
    finally:
        if server is not None:
            server.kill()
        if cluster is not None:
            cluster.remove()
    if not status:
        shutil.rmtree(scratch, ignore_errors=True)
    sys.exit(status)

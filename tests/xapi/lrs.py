"""A minimal but honest Learning Record Store for the tests (ralph-malph is not in our package
index, see docs/xapi.md): the statement resource of xAPI 1.0.3, in memory, on 127.0.0.1.

POST /xAPI/statements (one or a list), PUT /xAPI/statements?statementId=…, GET /xAPI/statements
(all, or ?statementId=…). Requires `X-Experience-API-Version: 1.0.x` and basic auth. Dedupes by
id: the same id with the same content is a no-op, with other content 409 (and a batch with a
conflict stores nothing). `fail_next_after_store` simulates a crash after storing a batch.
"""

import base64
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

USERNAME = "lrs-user"
PASSWORD = "lrs-secret"


class MemoryLRS:
    def __init__(self) -> None:
        self.statements: dict[str, dict] = {}
        self.requests: list[tuple[str, int]] = []  # (method, statements in the request)
        self.fail_next_after_store = 0  # answer 500 to the next N writes, after storing
        self.fail_next_before_store = 0  # answer 503 to the next N writes, storing nothing
        self.lock = threading.Lock()

    def store(self, statements: list[dict]) -> tuple[int, list[str]]:
        with self.lock:
            for statement in statements:
                if not isinstance(statement, dict) or "actor" not in statement:
                    return 400, []
                existing = self.statements.get(statement.get("id"))
                if existing is not None and existing != statement:
                    return 409, []
            ids = []
            for statement in statements:
                statement_id = statement.setdefault("id", str(uuid.uuid4()))
                self.statements.setdefault(statement_id, statement)
                ids.append(statement_id)
            return 200, ids


class Handler(BaseHTTPRequestHandler):
    lrs: MemoryLRS

    def log_message(self, format, *args):  # quiet test output
        pass

    def _answer(self, status: int, payload=None) -> None:
        body = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("X-Experience-API-Version", "1.0.3")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _checked(self) -> bool:
        expected = "Basic " + base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            self._answer(401, {"error": "bad credentials"})
            return False
        if not (self.headers.get("X-Experience-API-Version") or "").startswith("1.0"):
            self._answer(400, {"error": "missing X-Experience-API-Version"})
            return False
        if urlsplit(self.path).path.rstrip("/") != "/xAPI/statements":
            self._answer(404, {"error": "no such resource"})
            return False
        return True

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length) or b"null")

    def _write(self, statements: list[dict], status_ok: int, payload) -> None:
        lrs = self.lrs
        lrs.requests.append((self.command, len(statements)))
        if lrs.fail_next_before_store:
            lrs.fail_next_before_store -= 1
            self._answer(503, {"error": "unavailable"})
            return
        status, ids = lrs.store(statements)
        if status != 200:
            self._answer(status, {"error": "rejected"})
        elif lrs.fail_next_after_store:
            lrs.fail_next_after_store -= 1
            self._answer(500, {"error": "crashed after storing"})
        else:
            self._answer(status_ok, payload(ids))

    def do_POST(self):
        if not self._checked():
            return
        body = self._body()
        statements = body if isinstance(body, list) else [body]
        self._write(statements, 200, lambda ids: ids)

    def do_PUT(self):
        if not self._checked():
            return
        statement_id = parse_qs(urlsplit(self.path).query).get("statementId", [""])[0]
        statement = self._body()
        if not statement_id or statement.setdefault("id", statement_id) != statement_id:
            self._answer(400, {"error": "statementId mismatch"})
            return
        self._write([statement], 204, lambda ids: None)

    def do_GET(self):
        if not self._checked():
            return
        query = parse_qs(urlsplit(self.path).query)
        with self.lrs.lock:
            if "statementId" in query:
                statement = self.lrs.statements.get(query["statementId"][0])
                self._answer(200, statement) if statement else self._answer(404, {})
                return
            self._answer(200, {"statements": list(self.lrs.statements.values()), "more": ""})


class LRSServer:
    """Run a MemoryLRS on a free port of 127.0.0.1 in a background thread."""

    def __init__(self) -> None:
        self.lrs = MemoryLRS()
        handler = type("BoundHandler", (Handler,), {"lrs": self.lrs})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/xAPI"

    def __enter__(self) -> "LRSServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

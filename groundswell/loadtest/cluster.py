"""A throw-away PostgreSQL cluster on a free loopback port, the way scripts/test starts one:
initdb as the postgres user when running as root (initdb refuses root), no fsync (the cluster
is deleted minutes later), removed on stop."""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bin() -> Path:
    """Debian keeps initdb and pg_ctl out of PATH, under /usr/lib/postgresql/<version>/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4]))
    if not versions:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found.")
    return Path(versions[-1])


class ThrowAwayCluster:
    """`start()`, then `url`; `restart()`, `stop_server()`/`start_server()`; `remove()`."""

    def __init__(self, database: str = "groundswell", max_connections: int = 100):
        self.bin = postgres_bin()
        self.database = database
        self.max_connections = max_connections
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="groundswell-pg."))
        self.data = self.dir / "data"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.dir, "postgres", "postgres")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{self.database}"

    def _run(self, *argv: str) -> None:
        command = ["runuser", "-u", "postgres", "--", *argv] if self.as_root else list(argv)
        # From inside the cluster's directory: the postgres user may not read the caller's.
        subprocess.run(command, cwd=self.dir, check=True, capture_output=True, timeout=120)  # noqa: S603

    def start(self) -> "ThrowAwayCluster":
        self._run(
            str(self.bin / "initdb"),
            f"--pgdata={self.data}",
            "--username=postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-sync",
        )
        self.start_server()
        self._run(
            str(self.bin / "createdb"),
            "--host=127.0.0.1",
            f"--port={self.port}",
            "--username=postgres",
            self.database,
        )
        return self

    def start_server(self) -> None:
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.dir} -c fsync=off -c synchronous_commit=off "
            f"-c full_page_writes=off -c max_connections={self.max_connections}"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            f"--pgdata={self.data}",
            f"--log={self.dir / 'server.log'}",
            "--wait",
            "--silent",
            "start",
            f"--options={options}",
        )

    def stop_server(self, mode: str = "fast") -> None:
        self._run(
            str(self.bin / "pg_ctl"), f"--pgdata={self.data}", f"--mode={mode}", "--wait", "stop"
        )

    def restart(self) -> None:
        self.stop_server()
        self.start_server()

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self.stop_server(mode="immediate")
        shutil.rmtree(self.dir, ignore_errors=True)

"""`groundswell serve`: Groundswell in production, behind gunicorn.

Collects the static files into STATIC_ROOT (hashed names, compressed, served by WhiteNoise
with far-future cache headers), then replaces itself with a gunicorn master running several
worker processes, so a stop signal reaches gunicorn directly. Migrate first:
`groundswell migrate`.

The settings are the production ones (`groundswell.settings_production`) unless
DJANGO_SETTINGS_MODULE names another module (e.g. your own that imports them) or
`--settings-module` does; the laptop settings only when asked for by name.
"""

import os
import subprocess
import sys

from django.core.management.base import BaseCommand, CommandError

DEVELOPMENT_SETTINGS = "groundswell.settings"
PRODUCTION_SETTINGS = "groundswell.settings_production"


def default_workers() -> int:
    """GROUNDSWELL_WORKERS or WEB_CONCURRENCY, else gunicorn's rule of thumb (2 * cores + 1),
    capped: on SQLite, writers queue for one lock and more processes only add waiting."""
    configured = os.environ.get("GROUNDSWELL_WORKERS") or os.environ.get("WEB_CONCURRENCY")
    if configured:
        return int(configured)
    return min(2 * (os.cpu_count() or 1) + 1, 9)


def settings_module(explicit: str | None) -> str:
    if explicit:
        return explicit
    current = os.environ.get("DJANGO_SETTINGS_MODULE", "")
    # The `groundswell` command defaults to the laptop settings; serving means production.
    return current if current and current != DEVELOPMENT_SETTINGS else PRODUCTION_SETTINGS


class Command(BaseCommand):
    help = "Serve Groundswell with gunicorn and several workers, using the production settings."
    # The checks that matter run in the served settings, in the processes started below.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind",
            default=os.environ.get("GROUNDSWELL_BIND", "127.0.0.1:8000"),
            help="Address to listen on (default 127.0.0.1:8000, or GROUNDSWELL_BIND).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="Worker processes (default GROUNDSWELL_WORKERS, WEB_CONCURRENCY or "
            "2 * cores + 1, at most 9).",
        )
        parser.add_argument(
            "--settings-module",
            default=None,
            help=f"Settings to serve with (default {PRODUCTION_SETTINGS}).",
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=30,
            help="Seconds before a stuck worker is restarted (default 30).",
        )
        parser.add_argument(
            "--skip-collectstatic",
            action="store_true",
            help="Serve the static files already in STATIC_ROOT.",
        )

    def handle(self, *args, **options):
        module = settings_module(options["settings_module"])
        workers = options["workers"] or default_workers()
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": module}
        if not options["skip_collectstatic"]:
            self.stdout.write(f"Collecting static files ({module})…")
            collected = subprocess.run(
                [sys.executable, "-m", "groundswell.cli", "collectstatic", "--no-input", "-v", "0"],
                env=env,
                check=False,
            )
            if collected.returncode != 0:
                raise CommandError("collectstatic failed: see the error above.")
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "groundswell.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(workers),
            "--timeout",
            str(options["timeout"]),
            "--graceful-timeout",
            "20",
            # Recycle workers now and then, so a slow leak never grows unbounded.
            "--max-requests",
            "2000",
            "--max-requests-jitter",
            "200",
            "--access-logfile",
            "-",
            # Gunicorn 27's control socket lives in $HOME, shared by every instance on the
            # machine; Groundswell has no use for it.
            "--no-control-socket",
        ]
        self.stdout.write(f"Serving on http://{options['bind']}/, {workers} workers ({module}).")
        self.stdout.flush()
        os.execve(sys.executable, argv, env)  # noqa: S606 - replaces this process with gunicorn

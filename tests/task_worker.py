"""Running the real database task worker inside a test."""

import signal
from io import StringIO

from django.core.management import call_command

# db_worker installs its own handlers for these; a test must get the previous ones back.
SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]


def run_worker() -> None:
    """`groundswell db_worker --batch`: run everything that is due, then stop."""
    saved = {number: signal.getsignal(number) for number in SIGNALS}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)

"""`groundswell run_schedule`: run the clock-driven jobs (digests, AMA reminders, xAPI,
insight trends) for as long as it runs; `--once` runs what is due and exits (cron, tests)."""

import signal
import time

from django.core.management.base import BaseCommand

from groundswell.schedule.jobs import SCHEDULE
from groundswell.schedule.services import schedule_tick, seconds_until_next


class Command(BaseCommand):
    help = "Run scheduled jobs when they are due (digests, reminders, xAPI, trends)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run what is due, then exit.")

    def handle(self, *args, once: bool, **options):
        self.stopping = False
        signal.signal(signal.SIGTERM, self._stop)
        enabled = [job.name for job in SCHEDULE if job.is_enabled()]
        self.stdout.write(f"Schedule: {', '.join(enabled)}")
        runs = failures = 0
        try:
            while not self.stopping:
                for outcome in schedule_tick():
                    runs += 1
                    failures += not outcome.ok
                    status = "ok" if outcome.ok else "FAILED"
                    last = outcome.output.strip().splitlines()[-1:] or [""]
                    self.stdout.write(
                        f"{outcome.name}: {status} in {outcome.seconds:.1f} s {last[0]}"
                    )
                if once:
                    break
                self._sleep(seconds_until_next())
        except KeyboardInterrupt:
            pass
        self.stdout.write(f"Schedule stopped: {runs} job runs, {failures} failed.")
        if once and failures:
            raise SystemExit(1)

    def _stop(self, *_):
        self.stopping = True

    def _sleep(self, seconds: float) -> None:
        # Short naps, so SIGTERM stops the loop within a second.
        end = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < end:
            time.sleep(min(1.0, end - time.monotonic()))

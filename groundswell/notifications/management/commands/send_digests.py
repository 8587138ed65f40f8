"""`groundswell send_digests --period daily|weekly`: email the digests people chose.

`run_schedule` runs it daily at 07:00 (the weekly digest goes out on Mondays). Running it
twice in a day (week) sends nothing more; people whose mail failed get theirs on the next run.
"""

from django.core.management.base import BaseCommand

from groundswell.notifications.models import DigestPeriod
from groundswell.notifications.services import digests_send


class Command(BaseCommand):
    help = "Email the daily or weekly notification digests to the people who chose them."

    def add_arguments(self, parser):
        parser.add_argument("--period", choices=DigestPeriod.values, required=True)

    def handle(self, *args, period: str, **options):
        run = digests_send(period=period)
        self.stdout.write(
            f"{period} digests: {run.sent} sent, {run.nothing_new} with nothing new, "
            f"{run.already_sent} already sent, {run.failed} failed."
        )
        if run.failed:
            # A non-zero exit makes the scheduler (or cron) record the failures.
            raise SystemExit(1)

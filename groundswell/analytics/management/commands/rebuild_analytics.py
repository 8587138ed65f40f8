from django.core.management.base import BaseCommand

from groundswell.analytics.services import analytics_rebuild


class Command(BaseCommand):
    help = "Recompute knowledge transfers and analytics rollups from the event log."

    def add_arguments(self, parser):
        parser.add_argument(
            "--full",
            action="store_true",
            help="Re-derive every edge with today's levels and units (rewrites history).",
        )

    def handle(self, *args, full=False, **options):
        counts = analytics_rebuild(full=full, progress=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Analytics rebuilt: {counts}"))

"""`groundswell rebuild_expertise`: recompute every expertise score from the tables."""

import time

from django.core.management.base import BaseCommand

from groundswell.expertise.services import expertise_rebuild


class Command(BaseCommand):
    help = (
        "Recompute every person's expertise scores from answers, accepted answers, votes, "
        "endorsements and declared skills (replacing the stored scores). Safe to run any time."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        result = expertise_rebuild(progress=self.stdout.write)
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Rebuilt expertise in {seconds:.1f} s: {result['written']:,} scores for "
                f"{result['people']:,} people on {result['topics']:,} topics "
                f"({result['removed']:,} old rows replaced)."
            )
        )

"""`groundswell rebuild_search`: make the search index again from the threads and replies."""

from django.core.management.base import BaseCommand, CommandError

from groundswell.search.services import REBUILD_BATCH, search_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every thread and its replies, in batches (one "
        "transaction each, so the site keeps running). Safe to run at any time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=REBUILD_BATCH,
            help=f"threads per batch and transaction (default {REBUILD_BATCH:,})",
        )

    def handle(self, *args, batch_size, **options):
        if not 1 <= batch_size <= 100_000:
            raise CommandError("The batch size is between 1 and 100,000.")
        summary = search_rebuild(batch_size=batch_size, say=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Search index rebuilt: {summary.threads:,} threads indexed in "
                f"{summary.seconds:.1f} s."
            )
        )

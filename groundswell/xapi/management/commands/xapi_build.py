from django.core.management.base import BaseCommand

from groundswell.xapi.services import outbox_build


class Command(BaseCommand):
    help = "Build xAPI statements for activity events that have none yet (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size, **options):
        added = outbox_build(batch_size=batch_size)
        self.stdout.write(f"{added} statements built.")

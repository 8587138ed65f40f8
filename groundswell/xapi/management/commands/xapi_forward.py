from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from groundswell.xapi.models import StatementOutbox
from groundswell.xapi.services import outbox_forward


class Command(BaseCommand):
    help = "Send pending xAPI statements to the LRS (XAPI_LRS_ENDPOINT), exactly once each."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=None)

    def handle(self, *args, batch_size, **options):
        if not settings.XAPI_LRS_ENDPOINT:
            raise CommandError("Set XAPI_LRS_ENDPOINT to forward statements.")
        sent = outbox_forward(batch_size=batch_size)
        failing = StatementOutbox.objects.filter(
            sent_at__isnull=True, skipped=False, attempts__gt=0
        ).count()
        self.stdout.write(f"{sent} statements sent; {failing} waiting after failed attempts.")

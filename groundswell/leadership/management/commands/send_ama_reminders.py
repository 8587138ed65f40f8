"""`groundswell send_ama_reminders`: email people registered for sessions starting within the
hour. `run_schedule` runs it every 5 minutes; each registration is reminded once."""

from django.core.management.base import BaseCommand

from groundswell.leadership.services import ama_reminders_send


class Command(BaseCommand):
    help = "Remind people registered for AMA sessions starting within the hour (once each)."

    def handle(self, *args, **options):
        sent = ama_reminders_send()
        self.stdout.write(f"{sent} reminder{'s' if sent != 1 else ''} sent.")

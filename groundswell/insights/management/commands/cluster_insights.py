"""Rebuild the insight trends from scratch (new insights are clustered as they arrive), and
recount what the inbox and trends pages read (kept current as insights change; a recount
repairs them after a bulk load or a restore)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from groundswell.insights.clustering import cluster_rebuild
from groundswell.insights.inbox import entries_rebuild
from groundswell.insights.rollups import weeks_recount


class Command(BaseCommand):
    help = "Regroup field insights into trends (clusters of similar insights)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Only insights of the last N days."
        )

    def handle(self, *args, days=None, **options):
        since = timezone.now() - timedelta(days=days) if days else None
        placed = cluster_rebuild(since=since)
        self.stdout.write(f"Clustered {placed} insights.")
        with transaction.atomic():
            entries = entries_rebuild()
            counted = weeks_recount()
        self.stdout.write(f"Recounted {entries} inbox entries and the weeks of {counted} insights.")

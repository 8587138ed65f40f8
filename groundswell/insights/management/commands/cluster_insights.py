"""Rebuild the insight trends from scratch (new insights are clustered as they arrive)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from groundswell.insights.clustering import cluster_rebuild


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

"""Seed a scratch database with events, rebuild analytics, time every dashboard panel.

Run it on a scratch database, never on a real one (`make bench-analytics` does this):

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 groundswell migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 groundswell bench_analytics --events 1000000
"""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError

from groundswell.activity.models import Event
from groundswell.analytics.bench import PREFIX, bench_seed
from groundswell.analytics.filters import parse_filters
from groundswell.analytics.selectors import dashboard_table
from groundswell.analytics.selectors.dashboard import _tables
from groundswell.analytics.services import analytics_rebuild
from groundswell.people.models import Person


class Command(BaseCommand):
    help = "Benchmark learning analytics on a scratch database (seeds events if it is empty)."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=1_000_000)
        parser.add_argument("--repeat", type=int, default=20)

    def handle(self, *args, events, repeat, **options):
        if Person.objects.exclude(username__startswith=PREFIX).exists():
            raise CommandError("Run this on a scratch database: this one has real people.")
        if not Event.objects.exists():
            started = time.perf_counter()
            written = bench_seed(events=events, say=self.stdout.write)
            self.stdout.write(f"seeded {written:,} events in {time.perf_counter() - started:.1f}s")
        self.stdout.write(f"events in the log: {Event.objects.count():,}")
        started = time.perf_counter()
        counts = analytics_rebuild(full=True, progress=self.stdout.write)
        self.stdout.write(f"rebuild_analytics: {time.perf_counter() - started:.1f}s {counts}")
        viewer, _ = Person.objects.get_or_create(
            username=f"{PREFIX}admin", defaults={"is_superuser": True, "is_staff": True}
        )
        unit = Person.objects.filter(username=f"{PREFIX}1").values_list("org_unit__code", flat=True)
        scenarios = {
            "last 90 days": {},
            "whole year": {"from": "2000-01-01"},
            "one unit, year": {"from": "2000-01-01", "unit": unit.first()},
            "one topic, year": {"from": "2000-01-01", "topic": f"{PREFIX}topic-3"},
        }
        self.stdout.write(f"\n{'panel':22} {'filter':16} {'p50 ms':>8} {'p95 ms':>8}")
        for label, params in scenarios.items():
            filters = parse_filters(params)
            for name in _tables(None, None):
                timings = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    dashboard_table(viewer, filters, name)
                    timings.append((time.perf_counter() - started) * 1000)
                p50 = statistics.median(timings)
                p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else p50
                self.stdout.write(f"{name:22} {label:16} {p50:8.1f} {p95:8.1f}")

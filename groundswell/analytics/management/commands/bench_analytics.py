"""Seed a scratch database with events, rebuild analytics, time every dashboard panel.

Run it on a scratch database, never on a real one (`make bench-analytics` does this):

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 groundswell migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 groundswell bench_analytics --events 1000000
"""

import statistics
import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings
from django.utils import timezone

from groundswell.activity.models import Event
from groundswell.analytics.bench import PREFIX, bench_seed
from groundswell.analytics.filters import parse_filters
from groundswell.analytics.models import (
    EngagementDaily,
    EngagementMonthly,
    FlowDaily,
    FlowMonthly,
    NetworkMonthly,
    PairDaily,
    PairMonthly,
    QuestionFact,
    QuestionMonthly,
)
from groundswell.analytics.selectors import dashboard_table
from groundswell.analytics.selectors.dashboard import _tables
from groundswell.analytics.services import analytics_rebuild
from groundswell.people.models import Person


def _whole_year() -> tuple[str, str]:
    """The last twelve whole calendar months (what a "last year" report asks for)."""
    first_this_month = timezone.localdate().replace(day=1)
    end = first_this_month - timedelta(days=1)
    return first_this_month.replace(year=first_this_month.year - 1).isoformat(), end.isoformat()


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
            "12 whole months": {"from": _whole_year()[0], "to": _whole_year()[1]},
        }
        for model in (FlowDaily, FlowMonthly, EngagementDaily, EngagementMonthly, PairDaily):
            self.stdout.write(f"{model.__name__} rows: {model.objects.count():,}")
        for model in (PairMonthly, NetworkMonthly, QuestionFact, QuestionMonthly):
            self.stdout.write(f"{model.__name__} rows: {model.objects.count():,}")
        # "daily only" is how panels read before the monthly rollups: every day, row by row.
        header = (
            f"{'panel':22} {'filter':16} {'daily only p50/p95':>20} {'with monthly p50/p95':>22}"
        )
        self.stdout.write("\n" + header)
        for label, params in scenarios.items():
            filters = parse_filters(params)
            for name in _tables(None, None):
                figures = []
                for monthly in (False, True):
                    with override_settings(ANALYTICS_MONTHLY_ROLLUPS=monthly):
                        figures.append(self._time(viewer, filters, name, repeat))
                before, after = (f"{p50:8.1f} / {p95:8.1f}" for p50, p95 in figures)
                self.stdout.write(f"{name:22} {label:16} {before:>20} {after:>22}")

    def _time(self, viewer, filters, name, repeat) -> tuple[float, float]:
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            dashboard_table(viewer, filters, name)
            timings.append((time.perf_counter() - started) * 1000)
        p50 = statistics.median(timings)
        return p50, statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else p50

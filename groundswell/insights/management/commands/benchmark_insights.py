"""Inbox and trends latency with many insights: inserts synthetic ones inside a transaction,
times the selectors a manager's pages use, and rolls everything back."""

import random
import time
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from groundswell.insights import selectors
from groundswell.insights.models import Insight, InsightCategory, Status
from groundswell.people.models import OrgUnit, Person


class _RollBack(Exception):
    pass


class Command(BaseCommand):
    help = "Report inbox and trends latency at N insights (default 100,000); changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000)
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, count=100_000, repeat=5, **options):
        try:
            with transaction.atomic():
                self._run(count, repeat)
                raise _RollBack
        except _RollBack:
            pass

    def _run(self, count: int, repeat: int) -> None:
        rng = random.Random(7)
        unit = OrgUnit.objects.create(name="Benchmark depot", code="benchmark-depot")
        manager = Person.objects.create(username="benchmark-manager", org_unit=unit)
        reporter = Person.objects.create(
            username="benchmark-reporter", org_unit=unit, manager=manager
        )
        categories = list(InsightCategory.objects.all())
        now = timezone.now()
        statuses = list(Status.values)
        Through = Insight.routed_managers.through
        started = time.perf_counter()
        for start in range(0, count, 5000):
            batch = []
            for _ in range(min(5000, count - start)):
                at = now - timedelta(minutes=rng.randint(0, 60 * 24 * 180))
                batch.append(
                    Insight(
                        reporter=reporter, text="Benchmark insight about a competitor promotion",
                        category=rng.choice(categories), org_unit=unit,
                        status=rng.choice(statuses), created_at=at, status_changed_at=at,
                        corroboration_count=rng.randint(0, 5),
                    )
                )  # fmt: skip
            Insight.objects.bulk_create(batch, batch_size=1000)
            Through.objects.bulk_create(
                [Through(insight_id=i.pk, person_id=manager.pk) for i in batch], batch_size=1000
            )
        self.stdout.write(f"inserted {count:,} insights in {time.perf_counter() - started:.1f}s")
        for name, call in (
            ("inbox (priority)", lambda: selectors.inbox(manager).items),
            ("inbox (new, category)", lambda: selectors.inbox(
                manager, status="new", category=categories[0].slug).items),
            ("trends", lambda: selectors.trends(manager, unit=unit)),
        ):  # fmt: skip
            timings = []
            for _ in range(repeat):
                began = time.perf_counter()
                call()
                timings.append((time.perf_counter() - began) * 1000)
            timings.sort()
            self.stdout.write(
                f"{name}: median {timings[len(timings) // 2]:.1f} ms, worst {timings[-1]:.1f} ms"
            )

"""Inbox and trends latency with many insights: inserts synthetic ones (with trends and word
statistics) inside a transaction, times the selectors a manager's pages use and the report
service, prints a summary, and rolls everything back."""

import random
import time
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from groundswell.insights import selectors, services
from groundswell.insights.clustering import terms_recount
from groundswell.insights.models import (
    InboxEntry,
    Insight,
    InsightCategory,
    InsightCluster,
    Status,
)
from groundswell.insights.rollups import cluster_viewers_recount, weeks_recount
from groundswell.people.models import OrgUnit, Person

BATCH = 5000
TEXTS = [
    "FastFreight offer 20% off next-day delivery to business customers in {town}",
    "A38 bridge into {town} closed for repairs; rerouting adds 25 minutes",
    "Diesel at the {town} fuel-card station jumped 12p a litre this week",
    "Customer in {town} complained again: parcels left with neighbours, no card",
    "New business park opening on the edge of {town}, none have a carrier yet",
    "Loading bay door at {town} depot sticks halfway; someone will get hurt",
]
TOWNS = ["Leeds", "York", "Hull", "Derby", "Bristol", "Reading", "Exeter", "Bath"]


class _RollBack(Exception):
    pass


def _entry(insight, manager) -> InboxEntry:
    """What `inbox.entries_create` makes when an insight is reported."""
    return InboxEntry(
        insight=insight, person=manager, status=insight.status,
        corroboration_count=insight.corroboration_count,
        category_weight=insight.category_weight, created_at=insight.created_at,
        status_changed_at=insight.status_changed_at,
    )  # fmt: skip


class Command(BaseCommand):
    help = "Report inbox and trends latency at N insights (default 100,000); changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000)
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument(
            "--explain", action="store_true", help="also print the query plans of the pages"
        )

    def handle(self, *args, count=100_000, repeat=5, explain=False, **options):
        try:
            with transaction.atomic():
                self._run(count, max(1, repeat), explain)
                raise _RollBack
        except _RollBack:
            pass

    def _say(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()

    def _run(self, count: int, repeat: int, explain: bool) -> None:
        rng = random.Random(7)
        self._say(f"database: {connection.vendor}; inserting {count:,} insights…")
        region = OrgUnit.objects.create(name="Benchmark region", code="benchmark-region")
        unit = OrgUnit.objects.create(name="Benchmark depot", code="benchmark-depot", parent=region)
        manager = Person.objects.create(username="benchmark-manager", org_unit=region)
        reporter = Person.objects.create(
            username="benchmark-reporter", org_unit=unit, manager=manager, location="Leeds"
        )
        # A manager with only a few insights routed to them, among the many.
        bystander = Person.objects.create(username="benchmark-bystander", org_unit=unit)
        admin = Person.objects.create(username="benchmark-admin", is_superuser=True)
        categories = list(InsightCategory.objects.all())
        now = timezone.now()
        statuses = list(Status.values)
        clusters = self._clusters(rng, categories, unit, now, count)
        Through = Insight.routed_managers.through
        started = time.perf_counter()
        step = max(count // 10, 1)
        done = 0
        for start in range(0, count, BATCH):
            batch = []
            for _ in range(min(BATCH, count - start)):
                at = now - timedelta(minutes=rng.randint(0, 60 * 24 * 180))
                text = rng.choice(TEXTS).format(town=rng.choice(TOWNS))
                category = rng.choice(categories)
                cluster = rng.choice(clusters) if clusters and rng.random() < 0.8 else None
                batch.append(
                    Insight(
                        reporter=reporter, text=text, category=category,
                        category_weight=category.weight,
                        org_unit=unit, location="Leeds", status=rng.choice(statuses),
                        created_at=at, status_changed_at=at, cluster=cluster,
                        corroboration_count=rng.randint(0, 5),
                    )
                )  # fmt: skip
            Insight.objects.bulk_create(batch, batch_size=1000)
            routes = [Through(insight_id=i.pk, person_id=manager.pk) for i in batch]
            routes += [Through(insight_id=i.pk, person_id=bystander.pk) for i in batch[:5]]
            Through.objects.bulk_create(routes, batch_size=1000)
            entries = [_entry(i, manager) for i in batch]
            entries += [_entry(i, bystander) for i in batch[:5]]
            InboxEntry.objects.bulk_create(entries, batch_size=1000)
            before, done = done, done + len(batch)
            if done // step > before // step or done == count:
                elapsed = time.perf_counter() - started
                self._say(f"  {done:,}/{count:,} inserted ({elapsed:.1f}s)")
        began = time.perf_counter()
        terms_recount(Insight.objects.filter(confidential=False))
        self._say(f"word statistics counted in {time.perf_counter() - began:.1f}s")
        # The bulk insert bypassed insight_report: count the trends' rollups as it would have.
        began = time.perf_counter()
        weeks_recount()
        cluster_viewers_recount(c.pk for c in clusters)
        self._say(f"trend rollups counted in {time.perf_counter() - began:.1f}s")
        if connection.vendor == "postgresql":
            # Production has autovacuum's statistics; rows of this open transaction have none.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

        def report():
            services.insight_report(
                reporter=reporter,
                text=rng.choice(TEXTS).format(town=rng.choice(TOWNS)),
                category=categories[0].slug,
            )

        checks = (
            ("inbox (priority)", lambda: selectors.inbox(manager).items),
            ("inbox (open: the page's default)", lambda: selectors.inbox(
                manager, status="open").items),
            ("inbox (new, one category)", lambda: selectors.inbox(
                manager, status="new", category=categories[0].slug).items),
            ("inbox (stale first, page 50)", lambda: selectors.inbox(
                manager, order="stale", page=50).items),
            ("inbox (manager with 5 routed)", lambda: selectors.inbox(bystander).items),
            ("inbox (administrator, open)", lambda: selectors.inbox(
                admin, status="open").items),
            ("trends (unit)", lambda: selectors.trends(manager, unit=unit)),
            ("trends (whole organisation)", lambda: selectors.trends(manager, unit=None)),
            ("report (route + cluster)", report),
        )  # fmt: skip
        if explain:
            self._explain(manager, bystander, admin)
        summary = []
        for name, call in checks:
            timings = []
            for _ in range(repeat):
                began = time.perf_counter()
                call()
                timings.append((time.perf_counter() - began) * 1000)
            timings.sort()
            median, worst = timings[len(timings) // 2], timings[-1]
            summary.append((name, median, worst))
            self._say(f"{name}: median {median:.1f} ms, worst {worst:.1f} ms")
        self._say(f"\nsummary at {count:,} insights ({connection.vendor}, {repeat} runs each):")
        for name, median, worst in summary:
            self._say(f"  {name:<32} median {median:>8.1f} ms   worst {worst:>8.1f} ms")

    def _explain(self, manager, bystander, admin) -> None:
        """The plans of the inbox's page queries (the trends read only the rollups)."""
        for name, qs in (
            ("inbox (priority) query", selectors.inbox_queryset(manager)),
            ("inbox (manager with 5 routed) query", selectors.inbox_queryset(bystander)),
            ("inbox (open) query", selectors.inbox_queryset(manager, status="open")),
            ("inbox (stale) query", selectors.inbox_queryset(manager, order="stale")),
            ("inbox (administrator, open) query", selectors.inbox_queryset(admin, status="open")),
        ):
            self._say(f"\n-- {name}, page 50\n{qs[980:1001].explain()}")

    def _clusters(self, rng, categories, unit, now, count: int) -> list:
        """About one trend per 50 insights, so the trends page has real work to do."""
        rows = []
        for _ in range(max(count // 50, 1)):
            last = now - timedelta(days=rng.uniform(0, 180))
            rows.append(
                InsightCluster(
                    category=rng.choice(categories), org_unit=unit,
                    representative_text=rng.choice(TEXTS).format(town=rng.choice(TOWNS)),
                    signature="", count=rng.randint(2, 80), locations=["Leeds"],
                    first_seen=last - timedelta(days=rng.uniform(0, 30)), last_seen=last,
                )
            )  # fmt: skip
        return InsightCluster.objects.bulk_create(rows, batch_size=1000)

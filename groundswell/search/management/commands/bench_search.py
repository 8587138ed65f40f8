"""`groundswell bench_search`: search latency on a large organisation, for docs/performance.md.

Run it on a scratch database, never on a real one:

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 groundswell migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 groundswell bench_search --threads 100000
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from groundswell.expertise.models import ExpertiseScore
from groundswell.expertise.services import expertise_rebuild
from groundswell.people.models import Person
from groundswell.search.bench import QUERIES, SIMILAR, run_benchmark
from groundswell.search.services import search_rebuild
from groundswell.threads.models import Thread


class Command(BaseCommand):
    help = (
        "Seed a scratch database with the demo organisation (if it is empty), rebuild the "
        "search index, then time a fixed set of searches and similar-question lookups."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--threads", type=int, default=100_000, help="threads to seed (default 100,000)"
        )
        parser.add_argument(
            "--repeat", type=int, default=3, help="times each query runs (default 3)"
        )
        parser.add_argument(
            "--person", default="driver", help="whose searches (default: the demo driver)"
        )

    def handle(self, *args, threads, repeat, person, **options):
        have = Thread.objects.count()
        if have < threads:
            if Person.objects.exists():
                raise CommandError(
                    f"This database has {have:,} threads and people already: benchmark on a "
                    "scratch database (an empty one is seeded with the demo organisation)."
                )
            self.stdout.write(f"Seeding the demo organisation with {threads:,} threads…")
            call_command("seed_demo", threads=threads, skip_derived=True, stdout=self.stdout)
        started = time.monotonic()
        summary = search_rebuild(say=lambda line: None)
        rebuild_seconds = time.monotonic() - started
        if not ExpertiseScore.objects.exists():  # routing ranks people by these scores
            self.stdout.write("Deriving expertise scores for routing…")
            expertise_rebuild()
        reader = Person.objects.filter(username=person).first()
        if reader is None:
            raise CommandError(f"No person {person!r} in this database.")
        self.stdout.write(
            f"{connection.vendor}: {Thread.objects.count():,} threads; index rebuilt in "
            f"{rebuild_seconds:.1f} s ({summary.threads:,} threads). {len(QUERIES)} searches "
            f"and {len(SIMILAR)} similar-question titles as {reader.username}, "
            f"{repeat} runs each."
        )
        timings = run_benchmark(reader, repeat=repeat)
        self.stdout.write(
            f"{'operation':<22} {'runs':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}"
        )
        for timing in timings:
            self.stdout.write(
                f"{timing.operation:<22} {len(timing.samples):>5} {timing.p50:>8.1f} "
                f"{timing.p95:>8.1f} {timing.max:>8.1f}"
            )

"""`groundswell seed_demo`: fill an empty database with the demo company, Northwind Parcel."""

from django.core.management.base import BaseCommand, CommandError

from groundswell.analytics.services import analytics_rebuild
from groundswell.demo.orgchart import DEMO_PASSWORD, DEMO_USERNAMES
from groundswell.demo.seeding import DEFAULT_SEED, demo_seed
from groundswell.errors import DomainError
from groundswell.expertise.services import expertise_rebuild
from groundswell.people.models import Person
from groundswell.search.services import search_rebuild


class Command(BaseCommand):
    help = (
        "Seed the demo organisation, Northwind Parcel: people, org units, spaces, threads, "
        "replies, votes and their activity. Scale 1 is about 300 people and 600 threads."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="size (1 ≈ 300 people)")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
        parser.add_argument(
            "--threads",
            type=int,
            default=None,
            help="number of threads (default 600 times the scale)",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing if the database has people"
        )
        parser.add_argument(
            "--skip-derived",
            action="store_true",
            help="leave expertise and analytics to their rebuild commands (for benchmarks)",
        )

    def handle(self, *args, scale, seed, threads, if_empty, skip_derived=False, **options):
        if if_empty and Person.objects.exists():
            self.stdout.write("The database has people already: no demo data added.")
            return
        try:
            summary = demo_seed(scale=scale, seed=seed, threads=threads, say=self.stdout.write)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded Northwind Parcel in {summary.seconds:.1f} s: {summary.people:,} people, "
                f"{summary.units:,} units, {summary.spaces:,} spaces, {summary.threads:,} "
                f"threads, {summary.replies:,} replies, {summary.votes:,} votes, "
                f"{summary.events:,} events."
            )
        )
        self.stdout.write(
            f"Sign in as {', '.join(DEMO_USERNAMES)} (or anyone) with the password "
            f'"{DEMO_PASSWORD}".'
        )
        # The demo is written in bulk, past the services: derive what they would have kept.
        self.stdout.write(f"Search index: {search_rebuild().threads:,} threads indexed.")
        if skip_derived:
            return
        scores = expertise_rebuild()
        self.stdout.write(
            f"Expertise: {scores['written']:,} scores for {scores['people']:,} people."
        )
        flows = analytics_rebuild(full=True)
        self.stdout.write(f"Analytics: {flows['edges']:,} knowledge transfers derived.")

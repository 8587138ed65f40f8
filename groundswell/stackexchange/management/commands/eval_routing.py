"""`groundswell eval_routing DIR [--cutoff 0.7]`: how well question routing would have worked
on a Stack Exchange dump, replayed in time order (nothing is written to the database)."""

import time

from django.core.management.base import BaseCommand, CommandError

from groundswell.stackexchange.dump import Dump, DumpError
from groundswell.stackexchange.evaluation import RANK_CUTOFFS, replay


class Command(BaseCommand):
    help = (
        "Replay a Stack Exchange dump in time order and, for every answered question after the "
        "cut-off, rank candidate answerers with only the data from before it: the expertise "
        "router (the product's scoring) against the most active answerers and BM25 over past "
        "answers. Prints MRR, P@1 and P@5 (hit: anyone who actually answered)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="the site's dump directory")
        parser.add_argument(
            "--cutoff",
            type=float,
            default=0.7,
            help="evaluate questions after this fraction of all questions, by date (0.7)",
        )
        parser.add_argument(
            "--until", type=float, default=1.0, help="and before this fraction (1.0)"
        )

    def handle(self, *args, directory, cutoff, until, **options):
        if not 0 <= cutoff < until <= 1:
            raise CommandError("Need 0 ≤ --cutoff < --until ≤ 1.")
        started = time.monotonic()
        try:
            dump = Dump(directory)
            self.stdout.write(f"Replaying {dump.site}…")
            result = replay(dump, cutoff=cutoff, until=until, progress=self.stdout.write)
        except DumpError as exc:
            raise CommandError(str(exc)) from exc
        seconds = time.monotonic() - started
        since = f"{result.first_evaluated_at:%Y-%m-%d}" if result.first_evaluated_at else "-"
        self.stdout.write(
            f"{result.questions:,} questions, {result.answers:,} answers, {result.votes:,} votes "
            f"on answers; evaluated {result.evaluated:,} answered questions asked from {since} "
            f"({result.reachable:,} with an earlier answerer among the candidates); "
            f"{dump.problems.total:,} bad rows skipped."
        )
        header = f"{'router':<26} {'MRR':>6} {'95% CI':>15} " + " ".join(
            f"{'P@' + str(k):>6}" for k in RANK_CUTOFFS
        )
        self.stdout.write(header)
        for metric in result.results:
            low, high = metric.mrr_interval()
            cells = " ".join(f"{metric.precision_at(k):>6.3f}" for k in RANK_CUTOFFS)
            self.stdout.write(
                f"{metric.name:<26} {metric.mrr:>6.3f} {f'[{low:.3f}, {high:.3f}]':>15} {cells}"
            )
        self.stdout.write(self.style.SUCCESS(f"Done in {seconds:.1f} s."))

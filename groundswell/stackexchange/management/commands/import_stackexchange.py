"""`groundswell import_stackexchange DIR --space SLUG`: a Stack Exchange dump into a space."""

import time

from django.core.management.base import BaseCommand, CommandError

from groundswell.expertise.services import expertise_rebuild
from groundswell.stackexchange.dump import DumpError
from groundswell.stackexchange.importer import stackexchange_import


class Command(BaseCommand):
    help = (
        "Import a Stack Exchange data dump directory (Users.xml, Posts.xml, Tags.xml, "
        "Votes.xml, Comments.xml) into a space, created open when missing. Questions become "
        "question threads, answers replies; scores come from the votes. Re-running skips "
        "what was imported before. The content is CC BY-SA: the space and every post say so."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="the site's dump directory")
        parser.add_argument("--space", required=True, help="slug of the space to import into")
        parser.add_argument("--site", help="the site's host name (default: the directory name)")
        parser.add_argument("--batch", type=int, default=500, help="posts per transaction")
        parser.add_argument(
            "--skip-expertise", action="store_true", help="do not rebuild expertise scores after"
        )

    def handle(self, *args, directory, space, site=None, batch=500, skip_expertise=False, **o):
        started = time.monotonic()
        try:
            summary = stackexchange_import(
                directory=directory,
                space_slug=space,
                site=site,
                batch=max(batch, 1),
                progress=self.stdout.write,
            )
        except DumpError as exc:
            raise CommandError(str(exc)) from exc
        for example in summary.problems.examples:
            self.stderr.write(f"skipped: {example}")
        if not skip_expertise:
            self.stdout.write("Rebuilding expertise scores…")
            expertise_rebuild()
        seconds = time.monotonic() - started
        where = "new space" if summary.space_created else "space"
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {summary.site} into {where} '{summary.space.slug}' in {seconds:.1f} s: "
                f"{summary.questions:,} questions, {summary.answers:,} answers "
                f"({summary.already_imported:,} already there), {summary.accepted:,} accepted "
                f"answers, {summary.upvotes:,} up and {summary.downvotes:,} down votes, "
                f"{summary.people_created:,} people and {summary.topics_created:,} topics "
                f"created, {summary.events:,} events; skipped {summary.comments_skipped:,} "
                f"comments, {summary.other_posts_skipped:,} other posts and "
                f"{summary.bad_rows:,} bad rows."
            )
        )

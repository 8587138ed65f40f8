"""`groundswell import_courses FILE.csv`: load courses and enrollments, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from groundswell.learning.importing import COLUMNS, courses_import
from groundswell.people.models import Person

SHOWN_ERRORS = 50


class Command(BaseCommand):
    help = (
        "Import courses and enrollments from a UTF-8 CSV file with the columns "
        f"{','.join(COLUMNS)} (topics separated by ';'). Every row is checked first: with any "
        "error nothing is imported and the command exits with status 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to the CSV file")
        parser.add_argument("--actor", help="username of the staff member recorded as importer")
        parser.add_argument("--dry-run", action="store_true", help="check, then write nothing")

    def handle(self, *args, file, actor=None, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        importer = None
        if actor:
            importer = Person.objects.filter(username=actor).first()
            if importer is None:
                raise CommandError(f"No such person: {actor}")
        result = courses_import(
            actor=importer, rows_or_file=path, dry_run=dry_run, progress=self.stdout.write
        )
        if not result.ok:
            for error in result.errors[:SHOWN_ERRORS]:
                self.stderr.write(error)
            if result.error_count > SHOWN_ERRORS:
                self.stderr.write(f"… and {result.error_count - SHOWN_ERRORS:,} more errors")
            raise CommandError(
                f"{result.error_count:,} error(s) in {path.name}: nothing was imported."
            )
        verb = "Checked (dry run, nothing written)" if dry_run else "Imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {result.rows:,} rows: {result.created:,} courses created, "
                f"{result.updated:,} updated, {result.unchanged:,} enrollments."
            )
        )

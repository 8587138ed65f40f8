"""Org-chart CSV import: every row is checked first, then everything is written or nothing.

The file describes people and, through their rows, the org units they sit in:

    username,email,display_name,job_title,unit_code,unit_name,parent_unit_code,
    manager_username,level,location,skills

Parents and managers may appear later in the file or exist already. Existing people (matched
by username) are updated; new people get an unusable password (they sign in through SSO or a
password reset). Only username, email and display_name are required columns: a missing column
leaves that field alone, an empty cell clears it (an empty level keeps the level; new people
start at frontline). Rows are reported by their line number in the file, the header being
row 1.
"""

from django.db import transaction

from groundswell.errors import Forbidden
from groundswell.people.importing.checks import Plan
from groundswell.people.importing.reading import (
    COLUMNS,
    REQUIRED_COLUMNS,
    ImportResult,
    Progress,
    read_rows,
)
from groundswell.people.importing.writing import write_plan
from groundswell.people.permissions import can_import_people

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "ImportResult",
    "can_import_people",
    "people_import",
]


def people_import(
    *, actor, rows_or_file, dry_run: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Import an org chart from a CSV file (a path, bytes or a file object) or row dicts.

    Every row is validated before anything is written. With any error nothing is written and
    `result.errors` holds "row N: reason" lines (all of them, up to a cap). Otherwise units,
    people, managers and skills are written in one transaction with one IMPORTED_PEOPLE event
    carrying the counts. `dry_run` validates and counts, then rolls everything back.
    """
    if not can_import_people(actor):
        raise Forbidden("Only administrators import people.")
    say = progress or (lambda message: None)
    result = ImportResult(dry_run=dry_run)
    header, rows = read_rows(rows_or_file, result, say)
    if not result.ok:
        return result
    plan = Plan(header, rows, result)
    plan.validate()
    if not result.ok:
        return result
    say(f"validated {result.rows:,} rows; writing")
    with transaction.atomic():
        write_plan(plan, actor=actor, say=say)
        if dry_run:
            transaction.set_rollback(True)
    return result

"""Validation of a whole org-chart file against itself and the database, before any write.

Each check records "row N: reason" errors and goes on, so one run reports every problem.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from groundswell.people.importing.reading import REQUIRED_COLUMNS, ImportResult, Row
from groundswell.people.models import Level, OrgUnit, Person
from groundswell.topics.models import Topic, normalise_topic_name

LEVEL_NAMES = {level.name.lower(): level.value for level in Level}
MAX_SKILLS_PER_PERSON = 30
USERNAME = re.compile(r"^[\w.@+-]+\Z")
UNIT_CODE = re.compile(r"^[-a-zA-Z0-9_]+\Z")
# The model's own limits, so the file is checked against what the database accepts.
LIMITS = {
    "username": Person._meta.get_field("username").max_length,
    "email": Person._meta.get_field("email").max_length,
    "display_name": Person._meta.get_field("display_name").max_length,
    "job_title": Person._meta.get_field("job_title").max_length,
    "location": Person._meta.get_field("location").max_length,
    "unit_code": OrgUnit._meta.get_field("code").max_length,
    "unit_name": OrgUnit._meta.get_field("name").max_length,
    "parent_unit_code": OrgUnit._meta.get_field("code").max_length,
    "manager_username": Person._meta.get_field("username").max_length,
}
SKILL_LIMIT = Topic._meta.get_field("name").max_length


def find_cycles(starts, parent_of: dict) -> list[list]:
    """Cycles reached by walking up from `starts` in a graph where each node has at most one
    parent (a reporting line, a unit tree). Linear: every node is walked once."""
    state: dict = {}  # node -> "walking" while on the current path, then "done"
    cycles = []
    for start in starts:
        path = []
        node = start
        while node is not None and node not in state:
            state[node] = "walking"
            path.append(node)
            node = parent_of.get(node)
        if node is not None and state[node] == "walking":
            cycles.append(path[path.index(node) :])
        for walked in path:
            state[walked] = "done"
    return cycles


# How an error names each fact about a unit that two rows state differently.
UNIT_FACTS = {
    "unit_name": "named",
    "parent_unit_code": "placed under",
    "unit_leader_username": "led by",
}


class Plan:
    """A file's rows checked against each other and the database, with what the writer needs:
    the people and units already stored and the units the file describes."""

    def __init__(self, header: list[str], rows: list[Row], result: ImportResult):
        self.columns = set(header)
        self.rows = rows
        self.result = result
        self.error = result.add_error

    def validate(self) -> None:
        self.people = {
            username: (pk, manager_id)
            for pk, username, manager_id in Person.objects.values_list(
                "pk", "username", "manager_id"
            )
        }
        self.units = {unit.code: unit for unit in OrgUnit.objects.all()}
        for row in self.rows:
            self._check_row(row)
        self._check_duplicates()
        self._check_units()
        self._check_managers()

    # one row at a time ----------------------------------------------------------------------

    def _check_row(self, row: Row) -> None:
        line, get = row.line, row.get
        for name in REQUIRED_COLUMNS:
            if not get(name):
                self.error(line, f"{name} is required")
        for name, value in row.values.items():
            limit = LIMITS.get(name)
            if limit and len(value) > limit:
                self.error(line, f"{name} is longer than {limit} characters")
            if "\x00" in value:
                self.error(line, f"{name} contains a NUL character")
        for name in ("username", "manager_username"):
            value = get(name)
            if value and not USERNAME.match(value):
                self.error(line, f"{name} {value!r} may hold only letters, digits and @.+-_")
        if get("manager_username") and get("manager_username") == get("username"):
            self.error(line, f"{get('username')!r} cannot be their own manager")
        if get("email"):
            try:
                validate_email(get("email"))
            except ValidationError:
                self.error(line, f"email {get('email')!r} is not a valid address")
        for name in ("unit_code", "parent_unit_code"):
            value = get(name)
            if value and not UNIT_CODE.match(value):
                self.error(line, f"{name} {value!r} may hold only letters, digits, - and _")
        if not get("unit_code"):
            for name in ("unit_name", "parent_unit_code"):
                if get(name):
                    self.error(line, f"{name} is given without a unit_code")
        elif get("unit_code") == get("parent_unit_code"):
            self.error(line, f"unit {get('unit_code')!r} cannot be its own parent")
        row.level = self._parse_level(line, get("level"))
        row.skills = self._parse_skills(line, get("skills"))

    def _parse_level(self, line: int, raw: str) -> int | None:
        if not raw:
            return None
        text = raw.lower()
        if text.isdigit() and int(text) in Level.values:
            return int(text)
        if text in LEVEL_NAMES:
            return LEVEL_NAMES[text]
        self.error(line, f"unknown level {raw!r} (use 1-5 or {', '.join(LEVEL_NAMES)})")
        return None

    def _parse_skills(self, line: int, raw: str) -> list[str]:
        names: list[str] = []
        for part in raw.split(";"):
            part = part.strip()
            if not part:
                continue
            name = normalise_topic_name(part)
            if len(part) > SKILL_LIMIT:
                self.error(line, f"skill {part[:20]!r}… is longer than {SKILL_LIMIT} characters")
            elif not name:
                self.error(line, f"skill {part!r} has no letters or digits")
            elif name not in names:
                names.append(name)
        if len(names) > MAX_SKILLS_PER_PERSON:
            self.error(line, f"at most {MAX_SKILLS_PER_PERSON} skills per person")
        return names

    # across rows -----------------------------------------------------------------------------

    def _check_duplicates(self) -> None:
        first_username: dict[str, int] = {}
        first_email: dict[str, int] = {}
        for row in self.rows:
            for value, seen, label in (
                (row.get("username"), first_username, "username"),
                (row.get("email"), first_email, "email"),
            ):
                if not value:
                    continue
                first = seen.setdefault(value.casefold(), row.line)
                if first != row.line:
                    self.error(row.line, f"{label} {value!r} is already on row {first}")
        # SSO matches people by email, so two people must not share one.
        in_file = {row.get("username") for row in self.rows}
        stored = Person.objects.exclude(email="").values_list("email", "username")
        for email, username in stored:
            line = first_email.get(email.casefold())
            if line and username not in in_file:
                self.error(line, f"email {email!r} belongs to {username!r}, who is not in the file")

    def _check_units(self) -> None:
        """A unit's name, parent and leader agree across rows; parents and leaders exist; no
        unit ends up inside itself. Like the name and the parent, the leader is a fact about
        the unit written on the rows of its people (`unit_leader_username`)."""
        self.unit_names: dict[str, str] = {}
        self.unit_parents: dict[str, str] = {}
        self.unit_leaders: dict[str, str] = {}
        self.unit_lines: dict[str, int] = {}  # first row naming each unit of the file
        stated: dict[tuple[str, str], int] = {}
        for row in self.rows:
            code = row.get("unit_code")
            if not code:
                continue
            self.unit_lines.setdefault(code, row.line)
            for column, known in (
                ("unit_name", self.unit_names),
                ("parent_unit_code", self.unit_parents),
                ("unit_leader_username", self.unit_leaders),
            ):
                value = row.get(column)
                if not value:
                    continue
                if code in known and known[code] != value:
                    said = UNIT_FACTS[column]
                    self.error(
                        row.line,
                        f"unit {code!r} is {said} {value!r} here but {known[code]!r} on row "
                        f"{stated[code, column]}",
                    )
                    continue
                known[code] = value
                stated.setdefault((code, column), row.line)
        for code, line in self.unit_lines.items():
            if code not in self.units and code not in self.unit_names:
                self.error(line, f"new unit {code!r} needs a unit_name")
        for code, parent in self.unit_parents.items():
            if parent not in self.units and parent not in self.unit_lines:
                self.error(
                    stated[code, "parent_unit_code"],
                    f"parent unit {parent!r} is neither in the file nor in Groundswell",
                )
        usernames = {row.get("username") for row in self.rows}
        for code, leader in self.unit_leaders.items():
            if leader not in usernames and leader not in self.people:
                self.error(
                    stated[code, "unit_leader_username"],
                    f"unit leader {leader!r} is neither in the file nor in Groundswell",
                )
        code_of = {unit.pk: code for code, unit in self.units.items()}
        parent_of = {code: code_of.get(unit.parent_id) for code, unit in self.units.items()}
        parent_of.update(self.unit_parents)
        for cycle in find_cycles(self.unit_lines, parent_of):
            keys = [(code, "parent_unit_code") for code in cycle]
            line = min([stated[key] for key in keys if key in stated] or [1])
            self.error(line, "unit cycle: " + " → ".join([*cycle, cycle[0]]))

    def _check_managers(self) -> None:
        usernames = {row.get("username") for row in self.rows}
        line_of = {row.get("username"): row.line for row in self.rows}
        username_of = {pk: username for username, (pk, _) in self.people.items()}
        manager_of = {
            username: username_of.get(manager_id)
            for username, (_, manager_id) in self.people.items()
        }
        for row in self.rows:
            if "manager_username" not in self.columns:
                manager_of.setdefault(row.get("username"), None)
                continue
            manager = row.get("manager_username")
            if manager and manager not in usernames and manager not in self.people:
                self.error(
                    row.line, f"manager {manager!r} is neither in the file nor in Groundswell"
                )
                manager = None
            if manager == row.get("username"):
                manager = None  # reported by the row check already
            manager_of[row.get("username")] = manager or None
        for cycle in find_cycles([row.get("username") for row in self.rows], manager_of):
            lines = [line_of[username] for username in cycle if username in line_of]
            self.error(min(lines or [1]), "manager cycle: " + " → ".join([*cycle, cycle[0]]))
        self.manager_of = manager_of

"""Writing a validated org-chart plan with bulk statements: the query count depends on the
file's size in chunks of rows, not on the number of rows."""

import secrets

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import connection

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.people.importing.checks import Plan
from groundswell.people.importing.reading import Progress, Row
from groundswell.people.models import Level, OrgUnit, Person
from groundswell.topics.models import Topic

CHUNK = 500
SKILL = Person.skills.through
# Text fields set straight from the column of the same name.
TEXT_COLUMNS = ("email", "display_name", "job_title", "location")
UPDATED_FIELDS = [*TEXT_COLUMNS, "level", "org_unit", "manager"]
TRACKED = [*TEXT_COLUMNS, "level", "org_unit_id", "manager_id"]


def _update_rows(model, fields: list[str], objects: list) -> None:
    """UPDATE many rows, one parameter set each. Django's bulk_update builds a CASE per row and
    field, which takes seconds at 10,000 people; executemany takes a fraction of that."""
    if not objects:
        return
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name) for name in fields]
    assignments = ", ".join(f"{quote(column.column)} = %s" for column in columns)
    # Identifiers come from the model and are quoted; every value is a parameter.
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote('id')} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [
                [*(column.get_db_prep_save(getattr(obj, column.attname), connection)
                   for column in columns), obj.pk]
                for obj in objects
            ],
        )  # fmt: skip


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def write_plan(plan: Plan, *, actor, say: Progress) -> None:
    """Write units, people, managers and skills, then the one event with the counts."""
    topic_ids = _ensure_topics(plan, actor)
    unit_ids = _write_units(plan)
    say(f"units ready ({plan.result.units_created:,} new)")
    skill_changes = _write_people(plan, unit_ids, topic_ids, say)
    _write_skills(skill_changes)
    _write_unit_leaders(plan)
    event_record(actor=actor, verb=Verb.IMPORTED_PEOPLE, data=plan.result.counts())


def _ensure_topics(plan: Plan, actor) -> dict[str, int]:
    names = list(dict.fromkeys(name for row in plan.rows for name in row.skills))
    ids: dict[str, int] = {}
    for chunk in _chunks(names):
        ids.update(Topic.objects.filter(name__in=chunk).values_list("name", "pk"))
    missing = [name for name in names if name not in ids]
    Topic.objects.bulk_create(
        [Topic(name=name, created_by=actor) for name in missing],
        batch_size=CHUNK,
        ignore_conflicts=True,  # someone may create the same topic meanwhile
    )
    for chunk in _chunks(missing):
        ids.update(Topic.objects.filter(name__in=chunk).values_list("name", "pk"))
    plan.result.topics_created = len(missing)
    return ids


def _write_units(plan: Plan) -> dict[str, int]:
    """Create the new units, then set names, parents and the materialised paths of the whole
    tree (moving a unit changes the paths below it, rows or not)."""
    new_codes = [code for code in plan.unit_lines if code not in plan.units]
    OrgUnit.objects.bulk_create(
        [OrgUnit(code=code, name=plan.unit_names[code]) for code in new_codes], batch_size=CHUNK
    )
    units = {unit.code: unit for unit in OrgUnit.objects.all()}
    before = {code: (unit.name, unit.parent_id, unit.path) for code, unit in units.items()}
    for code in plan.unit_lines:
        unit = units[code]
        if code in plan.unit_names:
            unit.name = plan.unit_names[code]
        if code in plan.unit_parents:
            unit.parent_id = units[plan.unit_parents[code]].pk
    by_pk = {unit.pk: unit for unit in units.values()}
    paths: dict[int, str] = {}

    def path_of(unit: OrgUnit) -> str:
        if unit.pk not in paths:
            parent = by_pk.get(unit.parent_id)
            paths[unit.pk] = f"{path_of(parent) if parent else '/'}{unit.pk}/"
        return paths[unit.pk]

    for unit in units.values():
        unit.path = path_of(unit)
    changed = [u for code, u in units.items() if before[code] != (u.name, u.parent_id, u.path)]
    OrgUnit.objects.bulk_update(changed, ["name", "parent", "path"], batch_size=CHUNK)
    plan.result.units_created = len(new_codes)
    # A set, so a unit whose leader also changes (written later) counts once.
    plan.updated_units = {
        code
        for code in plan.unit_lines
        if code in plan.units and before[code][:2] != (units[code].name, units[code].parent_id)
    }
    plan.result.units_updated = len(plan.updated_units)
    return {code: unit.pk for code, unit in units.items()}


def _tracked(person: Person) -> tuple:
    return tuple(getattr(person, field) for field in TRACKED)


def _apply(person: Person, row: Row, columns: set[str], unit_ids: dict[str, int]) -> None:
    """Set the fields a row gives, all but the manager (who may not exist yet)."""
    for column in TEXT_COLUMNS:
        if column in columns:
            setattr(person, column, row.get(column))
    if row.level is not None:
        person.level = row.level
    if "unit_code" in columns:
        person.org_unit_id = unit_ids[row.get("unit_code")] if row.get("unit_code") else None


def _write_people(plan: Plan, unit_ids, topic_ids, say: Progress) -> tuple[list, list]:
    """Create the new people, then set everyone's fields and managers in bulk. Returns the
    skill rows to add and to delete."""
    columns, result = plan.columns, plan.result
    stored: dict[str, Person] = {}
    for chunk in _chunks([row.get("username") for row in plan.rows]):
        stored.update((p.username, p) for p in Person.objects.filter(username__in=chunk))

    created: dict[str, Person] = {}
    for row in plan.rows:
        if row.get("username") not in stored:
            # Unusable (they sign in through SSO or a password reset), and unique per person,
            # like set_unusable_password() makes it but without its 40 calls to the RNG.
            person = Person(
                username=row.get("username"),
                level=Level.FRONTLINE,
                password=UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30),
            )
            _apply(person, row, columns, unit_ids)
            created[person.username] = person
    Person.objects.bulk_create(list(created.values()), batch_size=CHUNK)
    result.created = len(created)
    say(f"created {result.created:,} people")
    # Managers may be people created just now: resolve every username to its id.
    ids = {username: pk for username, (pk, _) in plan.people.items()}
    for chunk in _chunks(list(created)):
        ids.update(Person.objects.filter(username__in=chunk).values_list("username", "pk"))

    have_skills: dict[int, dict[int, int]] = {}  # person -> topic -> through row id
    if "skills" in columns:
        for chunk in _chunks([person.pk for person in stored.values()]):
            for row_id, person_id, topic_id in SKILL.objects.filter(
                person_id__in=chunk
            ).values_list("pk", "person_id", "topic_id"):
                have_skills.setdefault(person_id, {})[topic_id] = row_id

    managed, changed, to_add, to_delete = [], [], [], []
    for row in plan.rows:
        username = row.get("username")
        person = stored.get(username) or created[username]
        person.pk = ids[username]
        before = _tracked(person)
        if username in stored:
            _apply(person, row, columns, unit_ids)
        if "manager_username" in columns:
            manager = plan.manager_of.get(username)
            person.manager_id = ids[manager] if manager else None
        skills_differ = False
        if "skills" in columns:
            have = have_skills.get(person.pk, {})
            want = [topic_ids[name] for name in row.skills]
            to_add += [SKILL(person_id=person.pk, topic_id=t) for t in want if t not in have]
            to_delete += [row_id for topic_id, row_id in have.items() if topic_id not in want]
            skills_differ = set(have) != set(want)
        if username in created:
            if person.manager_id:
                managed.append(person)
        elif before != _tracked(person):
            changed.append(person)
            result.updated += 1
        elif skills_differ:
            result.updated += 1
        else:
            result.unchanged += 1
    _update_rows(Person, ["manager"], managed)
    _update_rows(Person, UPDATED_FIELDS, changed)
    say(f"updated {result.updated:,} people")
    return to_add, to_delete


def _write_skills(changes: tuple[list, list]) -> None:
    to_add, to_delete = changes
    for chunk in _chunks(to_delete):
        SKILL.objects.filter(pk__in=chunk).delete()
    SKILL.objects.bulk_create(to_add, batch_size=CHUNK)


def _write_unit_leaders(plan: Plan) -> None:
    """Set the leaders the file names, once everyone in it exists (a leader may be new)."""
    if not plan.unit_leaders:
        return
    person_ids = dict(
        Person.objects.filter(username__in=set(plan.unit_leaders.values())).values_list(
            "username", "pk"
        )
    )
    units = OrgUnit.objects.filter(code__in=list(plan.unit_leaders))
    changed = []
    for unit in units:
        leader_id = person_ids[plan.unit_leaders[unit.code]]
        if unit.leader_id != leader_id:
            if unit.code in plan.units:
                plan.updated_units.add(unit.code)
            unit.leader_id = leader_id
            changed.append(unit)
    OrgUnit.objects.bulk_update(changed, ["leader"], batch_size=CHUNK)
    plan.result.units_updated = len(plan.updated_units)

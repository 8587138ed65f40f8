"""Course catalogue CSV import: every row is checked first, then everything is written or
nothing (the people import's reader and row-numbered errors).

    code,title,description,owner_username,lms_url,lms_id,topics,username,role

A row names a course by `code`; the first row of a new course must give its `title`. A row with
a `username` also enrolls that person (`role` learner — the default — or staff). Topics are
separated by ";". Rows are reported by their line in the file, the header being row 1.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.errors import Forbidden
from groundswell.learning import services
from groundswell.learning.models import Course, EnrollmentRole
from groundswell.learning.permissions import can_manage_learning
from groundswell.people.importing.reading import ImportResult, Progress, Row, read_rows
from groundswell.people.models import Person
from groundswell.topics.models import Topic, normalise_topic_name

COLUMNS = (
    "code", "title", "description", "owner_username", "lms_url", "lms_id", "topics",
    "username", "role",
)  # fmt: skip
REQUIRED_COLUMNS = ("code",)
LIMITS = {
    "code": Course._meta.get_field("code").max_length,
    "title": Course._meta.get_field("title").max_length,
    "description": Course._meta.get_field("description").max_length,
    "lms_url": Course._meta.get_field("lms_url").max_length,
    "lms_id": Course._meta.get_field("lms_id").max_length,
}
COURSE_FIELDS = ("title", "description", "owner_username", "lms_url", "lms_id", "topics")


def courses_import(
    *, actor, rows_or_file, dry_run: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Import courses and enrollments from a CSV file (a path, bytes or a file object) or row
    dicts. With any error nothing is written and `result.errors` holds "row N: reason" lines.
    Otherwise courses (with their spaces), topics and enrollments are written in one
    transaction with one IMPORTED_COURSES event; `result.created`/`updated` count courses and
    `result.unchanged` counts enrollments. `dry_run` checks, then rolls everything back."""
    if not can_manage_learning(actor):
        raise Forbidden("Only learning staff import courses.")
    say = progress or (lambda message: None)
    result = ImportResult(dry_run=dry_run)
    _header, rows = read_rows(
        rows_or_file, result, say, columns=COLUMNS, required=REQUIRED_COLUMNS, noun="courses"
    )
    if not result.ok:
        return result
    courses = _check(rows, result)
    if not result.ok:
        return result
    with transaction.atomic():
        _write(courses, rows, actor=actor, result=result)
        if dry_run:
            transaction.set_rollback(True)
    return result


def _check(rows: list[Row], result: ImportResult) -> dict[str, dict]:
    """Per course code: its stated fields (first row that states each) and its first line."""
    known = set(Course.objects.values_list("code", flat=True))
    usernames = {row.get(c) for row in rows for c in ("username", "owner_username")} - {""}
    people = set(Person.objects.filter(username__in=usernames).values_list("username", flat=True))
    url = URLValidator(schemes=["http", "https"])
    courses: dict[str, dict] = {}
    seen_enrollments: dict[tuple[str, str], int] = {}
    for row in rows:
        line, get = row.line, row.get
        code = get("code")
        if not code:
            result.add_error(line, "code is required")
            continue
        for name, limit in LIMITS.items():
            if len(get(name)) > limit:
                result.add_error(line, f"{name} is longer than {limit} characters")
        if any("\x00" in value for value in row.values.values()):
            result.add_error(line, "a value contains a NUL character")
        course = courses.setdefault(code, {"line": line, "exists": code in known})
        for name in COURSE_FIELDS:
            value = get(name)
            if not value:
                continue
            if name in course and course[name] != value:
                result.add_error(line, f"course {code!r} has a different {name} on an earlier row")
            course.setdefault(name, value)
        if get("lms_url"):
            try:
                url(get("lms_url"))
            except ValidationError:
                result.add_error(line, f"lms_url {get('lms_url')!r} is not an http(s) address")
        for name in ("owner_username", "username"):
            if get(name) and get(name) not in people:
                result.add_error(line, f"{name} {get(name)!r} is not a person in Groundswell")
        if get("role") and get("role") not in EnrollmentRole.values:
            result.add_error(line, f"role {get('role')!r} is not learner or staff")
        if get("role") and not get("username"):
            result.add_error(line, "role is given without a username")
        if get("username"):
            first = seen_enrollments.setdefault((code, get("username")), line)
            if first != line:
                result.add_error(line, f"{get('username')!r} is already enrolled on row {first}")
        row.skills = [n for n in (normalise_topic_name(t) for t in get("topics").split(";")) if n]
    for code, course in courses.items():
        if not course["exists"] and not course.get("title"):
            result.add_error(course["line"], f"new course {code!r} needs a title")
    return courses


def _write(courses: dict[str, dict], rows: list[Row], *, actor, result: ImportResult) -> None:
    owners = {
        p.username: p
        for p in Person.objects.filter(
            username__in={row.get(c) for row in rows for c in ("username", "owner_username")}
        )
    }
    stored = {course.code: course for course in Course.objects.filter(code__in=courses)}
    for code, fields in courses.items():
        owner = owners.get(fields.get("owner_username", ""))
        course = stored.get(code)
        if course is None:
            course = services.course_create(
                actor=actor,
                code=code,
                title=fields["title"],
                description=fields.get("description", ""),
                owner=owner,
                lms_url=fields.get("lms_url", ""),
                lms_id=fields.get("lms_id", ""),
            )
            result.created += 1
        else:
            changed = {
                name: fields[name]
                for name in ("title", "description", "lms_url", "lms_id")
                if name in fields and getattr(course, name) != fields[name]
            }
            for name, value in changed.items():
                setattr(course, name, value)
            if changed:
                course.save(update_fields=list(changed))
                result.updated += 1
        stored[code] = course
    for row in rows:
        course = stored[row.get("code")]
        if row.skills:
            topics = []
            for name in row.skills:
                topic, made = Topic.objects.get_or_create(name=name)
                result.topics_created += made
                topics.append(topic)
            course.topics.add(*topics)
        if row.get("username"):
            services.enroll(
                actor=actor,
                person=owners[row.get("username")],
                course=course,
                role=row.get("role") or EnrollmentRole.LEARNER,
            )
            result.unchanged += 1
    if actor is not None:
        event_record(
            actor=actor,
            verb=Verb.IMPORTED_COURSES,
            data={
                "courses_created": result.created,
                "courses_updated": result.updated,
                "enrollments": result.unchanged,
            },
        )

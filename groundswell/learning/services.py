"""Writes on courses, programmes, cohorts and enrollments. A course's and a cohort's space
membership always follows its enrollments: every change goes through here."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.analytics.tasks import analytics_after_commit
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound
from groundswell.learning.models import (
    Cohort,
    CohortEvent,
    Course,
    Enrollment,
    EnrollmentRole,
    Programme,
)
from groundswell.learning.permissions import can_manage_learning, can_view_cohort
from groundswell.search.services import search_index_thread
from groundswell.spaces import permissions as space_permissions
from groundswell.spaces.models import Membership, Role, Space, SpaceKind, Visibility
from groundswell.spaces.services import unique_slug
from groundswell.threads.markdown import render_markdown
from groundswell.threads.models import Revision, Thread, ThreadKind

SPACE_ROLE = {EnrollmentRole.LEARNER: Role.MEMBER, EnrollmentRole.STAFF: Role.MODERATOR}
INTRODUCTIONS_BODY = (
    "Welcome to the cohort! Reply here to introduce yourself: your role, where you work, "
    "and what you hope to get out of the programme."
)


def _require_staff(actor) -> None:
    if not can_manage_learning(actor):
        raise Forbidden("Only learning staff manage courses and cohorts.")


def _private_space(*, name: str, kind: str, description: str = "", creator=None) -> Space:
    return Space.objects.create(
        name=name[:120],
        slug=unique_slug(name),
        description=description[:2000],
        kind=kind,
        visibility=Visibility.PRIVATE,
        created_by=creator,
    )


def _sync_membership(space: Space, person, role: str) -> None:
    """Make the person a member with at least `role`; owners and moderators keep their rank."""
    membership = Membership.objects.filter(space=space, person=person).first()
    if membership is None:
        Membership.objects.create(space=space, person=person, role=role)
        Space.objects.filter(pk=space.pk).update(member_count=F("member_count") + 1)
        space_permissions.remember_role(space, person, role)
    elif membership.role == Role.MEMBER and role != Role.MEMBER:
        membership.role = role
        membership.save(update_fields=["role"])
        space_permissions.remember_role(space, person, role)


def _drop_membership(space: Space, person) -> None:
    deleted, _ = Membership.objects.filter(space=space, person=person).delete()
    if deleted:
        Space.objects.filter(pk=space.pk).update(member_count=F("member_count") - 1)
        space_permissions.remember_role(space, person, None)


@transaction.atomic
def course_create(
    *,
    actor,
    code: str,
    title: str,
    description: str = "",
    owner=None,
    lms_url="",
    lms_id="",
    space: Space | None = None,
) -> Course:
    """A course in the catalogue, with its private course space (or an existing one); the
    owner owns the space."""
    _require_staff(actor)
    code, title = (code or "").strip(), (title or "").strip()
    if not code or not title:
        raise InvalidInput(
            "A course needs a code and a title.", field="code" if not code else "title"
        )
    if lms_url and not lms_url.lower().startswith(("https://", "http://")):
        raise InvalidInput("The LMS link must be an http(s) address.", field="lms_url")
    if Course.objects.filter(code=code).exists():
        raise Conflict(f"There is already a course {code}.", field="code")
    if space is None:
        space = _private_space(
            name=f"{code} {title}", kind=SpaceKind.COURSE, description=description, creator=actor
        )
    course = Course.objects.create(
        code=code,
        title=title,
        description=description,
        owner=owner,
        lms_url=lms_url,
        lms_id=lms_id,
        space=space,
    )
    if owner is not None:
        _sync_membership(space, owner, Role.OWNER)
    event_record(actor=actor, verb=Verb.CREATED_COURSE, target=course, space=space)
    return course


@transaction.atomic
def programme_create(*, actor, name: str, description: str = "") -> Programme:
    _require_staff(actor)
    name = (name or "").strip()
    if not name:
        raise InvalidInput("A programme needs a name.", field="name")
    programme, _ = Programme.objects.get_or_create(name=name, defaults={"description": description})
    return programme


@transaction.atomic
def cohort_create(
    *, actor, programme: Programme, name: str, starts_on=None, ends_on=None, space=None
) -> Cohort:
    """A cohort with its private space (or an existing one) and an Introductions thread."""
    _require_staff(actor)
    name = (name or "").strip()
    if not name:
        raise InvalidInput("A cohort needs a name.", field="name")
    if space is None:
        space = _private_space(name=name, kind=SpaceKind.COHORT, creator=actor)
        if actor is not None:
            _sync_membership(space, actor, Role.OWNER)
    cohort = Cohort.objects.create(
        programme=programme, name=name, starts_on=starts_on, ends_on=ends_on, space=space
    )
    author = actor or space.created_by or _space_owner(space)
    if author is not None:
        cohort.introductions = _seed_introductions(space, author)
        cohort.save(update_fields=["introductions"])
    return cohort


def _space_owner(space: Space):
    """Whoever owns the space introduces the cohort when the operator creates it."""
    owner = Membership.objects.filter(space=space, role=Role.OWNER).select_related("person")
    first = owner.order_by("id").first()
    return first.person if first else None


def _seed_introductions(space: Space, author) -> Thread:
    now = timezone.now()
    thread = Thread.objects.create(
        space=space,
        kind=ThreadKind.DISCUSSION,
        title="Introductions",
        body=INTRODUCTIONS_BODY,
        body_html=render_markdown(INTRODUCTIONS_BODY),
        author=author,
        created_at=now,
        updated_at=now,
        last_activity_at=now,
    )
    Revision.objects.create(
        thread=thread, editor=author, title=thread.title, body=thread.body, created_at=now
    )
    Space.objects.filter(pk=space.pk).update(thread_count=F("thread_count") + 1)
    event_record(actor=author, verb=Verb.POSTED, target=thread, space=space, thread=thread, at=now)
    search_index_thread(thread)
    return thread


@transaction.atomic
def enroll(
    *,
    actor,
    person,
    course: Course | None = None,
    cohort: Cohort | None = None,
    role: str = EnrollmentRole.LEARNER,
) -> Enrollment:
    """Enroll someone on a course or in a cohort (or change their role there); they become a
    member (learners) or moderator (staff) of its space."""
    _require_staff(actor)
    if (course is None) == (cohort is None):
        raise InvalidInput("Enroll on a course or in a cohort.")
    if role not in EnrollmentRole.values:
        raise InvalidInput(f"Unknown role: {role!r}.", field="role")
    target = {"course": course} if course is not None else {"cohort": cohort}
    space = (course or cohort).space
    enrollment, created = Enrollment.objects.get_or_create(
        person=person, **target, defaults={"role": role}
    )
    if not created and enrollment.role != role:
        enrollment.role = role
        enrollment.save(update_fields=["role"])
    _sync_membership(space, person, SPACE_ROLE[role])
    if created:
        event = event_record(
            actor=actor or person,
            verb=Verb.ENROLLED,
            target=course or cohort,
            space=space,
            subject=person,
            data={"role": role},
        )
        analytics_after_commit(event)  # engagement counts the enrolment
    return enrollment


@transaction.atomic
def unenroll(*, actor, person, course: Course | None = None, cohort: Cohort | None = None) -> None:
    """Take someone off a course or cohort; they leave its space unless they own it."""
    _require_staff(actor)
    target = {"course": course} if course is not None else {"cohort": cohort}
    deleted, _ = Enrollment.objects.filter(person=person, **target).delete()
    if not deleted:
        raise Conflict("This person is not enrolled.")
    space = (course or cohort).space
    if space_permissions.role_in(person, space) != Role.OWNER:
        _drop_membership(space, person)


@transaction.atomic
def cohort_event_create(
    *, actor, cohort: Cohort, title: str, starts_at, location: str = "", description: str = ""
) -> CohortEvent:
    """Schedule a session for a cohort: its staff (space moderators) and learning staff may
    (`None` is the operator at the command line)."""
    if actor is not None and not can_view_cohort(actor, cohort):
        raise NotFound("No such cohort.")
    if not (
        can_manage_learning(actor) or space_permissions.can_moderate_space(actor, cohort.space)
    ):
        raise Forbidden("Only the cohort's staff schedule its events.")
    title = (title or "").strip()
    if not title:
        raise InvalidInput("An event needs a title.", field="title")
    if starts_at is None:
        raise InvalidInput("An event needs a start time.", field="starts_at")
    return CohortEvent.objects.create(
        cohort=cohort,
        title=title[:200],
        starts_at=starts_at,
        location=location[:300],
        description=description[:5000],
        created_by=actor,
    )

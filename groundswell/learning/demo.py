"""Demo seeding for formal learning: the demo's two course spaces become catalogue courses
with their members enrolled, the leadership programme gets cohort A (its space exists
already) with events, and the hazmat course gets wiki pages (one edited) and an article."""

import random
from datetime import date, timedelta

from django.utils import timezone

from groundswell.learning import services
from groundswell.learning.articles import services as articles
from groundswell.learning.models import EnrollmentRole
from groundswell.learning.wiki import services as wiki
from groundswell.people.models import Person
from groundswell.spaces.models import Membership, Role, Space

COHORT_SPACE_NAME = "Leadership Programme 2027 — Cohort A"
# Threads the learning demo adds (two wiki pages, an article, the cohort's Introductions)
# and the revisions beyond each thread's first (one wiki edit).
THREADS_ADDED = 4
EXTRA_REVISIONS = 1
COURSES = (
    (
        "HAZ-201",
        "Hazmat handling certification",
        "hazmat-handling-certification",
        "Dangerous goods: classes, labels, documents and the assessment.",
    ),
    (
        "CC-110",
        "Customer care essentials",
        "customer-care-essentials",
        "Handling complaints, missed deliveries and difficult calls well.",
    ),
)
CHECKLIST = """Before you accept a dangerous-goods parcel:

1. Check the label and the UN number against the documents.
2. Look for leaks or damage (see [[Damaged packages]]).
3. Record the check in the handheld.

Terms are explained in the [[Course glossary]]."""
GLOSSARY = """- **UN number**: the four-digit number that identifies a dangerous substance.
- **Acceptance check**: the checks before taking a parcel ([[Acceptance checklist]])."""


def _enroll_members(staff, course_or_cohort, space: Space, **target) -> list:
    learners = []
    for membership in Membership.objects.filter(space=space).select_related("person"):
        staff_role = membership.role in (Role.OWNER, Role.MODERATOR)
        role = EnrollmentRole.STAFF if staff_role else EnrollmentRole.LEARNER
        services.enroll(actor=staff, person=membership.person, role=role, **target)
        if not staff_role:
            learners.append(membership.person)
    return learners


def seed_learning(rng: random.Random) -> None:
    """Courses, the leadership programme and a little wiki and article life; needs the
    demo org chart and spaces."""
    staff = Person.objects.filter(username="learning").first()
    if staff is None:
        return
    learners_by_code = {}
    for code, title, slug, description in COURSES:
        space = Space.objects.filter(slug=slug).first()
        if space is None:
            continue
        course = services.course_create(
            actor=staff,
            code=code,
            title=title,
            description=description,
            owner=staff,
            lms_url=f"https://lms.northwind.example/course/{code.lower()}",
            lms_id=code,
            space=space,
        )
        learners_by_code[code] = (course, _enroll_members(staff, course, space, course=course))
    if "HAZ-201" in learners_by_code:
        course, learners = learners_by_code["HAZ-201"]
        _seed_course_life(course, staff, rng.sample(learners, min(len(learners), 2)))
    _seed_cohort(staff)


def _seed_course_life(course, staff, learners) -> None:
    if len(learners) < 2:
        return
    checklist = wiki.wiki_page_create(
        author=staff,
        space=course.space,
        title="Acceptance checklist",
        body=CHECKLIST,
        message="First version",
    )
    wiki.wiki_page_create(
        author=learners[0], space=course.space, title="Course glossary", body=GLOSSARY
    )
    wiki.wiki_page_edit(
        editor=learners[0],
        page=checklist,
        title=checklist.title,
        body=CHECKLIST.replace("the documents.", "the documents and the driver's manifest."),
        message="The manifest has to match too",
        base_revision_id=wiki.latest_revision(checklist).pk,
    )
    articles.article_create(
        author=learners[1],
        space=course.space,
        title="What a leaking drum taught me about acceptance checks",
        body="Last month a drum at the hub was weeping at the seam. Here is what we did, "
        "step by step, and what I check first now.",
        publish=True,
    )


def _seed_cohort(staff) -> None:
    space = Space.objects.filter(name=COHORT_SPACE_NAME).first()
    if space is None:
        return
    programme = services.programme_create(
        actor=staff,
        name="Leadership Programme 2027",
        description="A year-long programme for new team leads.",
    )
    today = date.today()
    cohort = services.cohort_create(
        actor=staff,
        programme=programme,
        name="Cohort A",
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=300),
        space=space,
    )
    _enroll_members(staff, cohort, space, cohort=cohort)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    services.cohort_event_create(
        actor=staff,
        cohort=cohort,
        title="Module 3 workshop: difficult conversations",
        starts_at=now + timedelta(days=7, hours=2),
        location="Head office, room 4.2",
    )
    services.cohort_event_create(
        actor=staff,
        cohort=cohort,
        title="Peer coaching call",
        starts_at=now + timedelta(days=14),
        location="https://meet.northwind.example/cohort-a",
    )

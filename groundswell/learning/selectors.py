"""Reads of the catalogue, courses, cohorts and their members. Course and cohort *content*
lives in their private spaces and is read through the spaces' visibility policy."""

from dataclasses import dataclass

from django.db.models import Q, Sum

from groundswell.errors import NotFound
from groundswell.expertise.selectors import current_score, visible_scores
from groundswell.learning.models import Cohort, CohortEvent, Course
from groundswell.learning.permissions import can_manage_learning, can_view_cohort
from groundswell.pagination import Page, paginate
from groundswell.spaces.models import Membership, Space
from groundswell.spaces.permissions import can_post_in_space, can_view_space, role_in
from groundswell.threads.models import Follow, Thread, ThreadKind
from groundswell.topics.models import Topic


def catalogue(person, *, query: str = "", page=1, per_page=None) -> Page:
    """Every course (the catalogue is open to all colleagues; course spaces are not)."""
    courses = Course.objects.prefetch_related("topics").select_related("owner")
    query = (query or "").strip()
    if query:
        courses = courses.filter(
            Q(code__icontains=query) | Q(title__icontains=query) | Q(topics__name=query.lower())
        ).distinct()
    return paginate(courses.order_by("code"), page, per_page)


@dataclass
class CoursePage:
    course: Course
    in_space: bool  # the viewer may enter the course space
    can_post: bool
    wiki_pages: list
    articles: list
    threads: list


def course_page(person, code: str) -> CoursePage:
    """A course, and — for its members — the latest of its space: discussions, wiki, articles."""
    course = Course.objects.select_related("owner", "space").filter(code=code).first()
    if course is None:
        raise NotFound("No such course.")
    space = course.space
    in_space = can_view_space(person, space)
    latest = {ThreadKind.WIKI: [], ThreadKind.ARTICLE: [], "threads": []}
    if in_space:
        rows = (
            Thread.objects.visible_to(person)
            .filter(space=space)
            .select_related("author")
            .order_by("-last_activity_at", "-id")[:60]
        )
        for thread in rows:
            key = thread.kind if thread.kind in latest else "threads"
            if len(latest[key]) < 10:
                latest[key].append(thread)
    # The course space is named only to those who may enter it.
    course.visible_space = space if in_space else None
    return CoursePage(
        course=course,
        in_space=in_space,
        can_post=in_space and can_post_in_space(person, space),
        wiki_pages=latest[ThreadKind.WIKI],
        articles=latest[ThreadKind.ARTICLE],
        threads=latest["threads"],
    )


def course_get(person, code: str) -> Course:
    course = Course.objects.select_related("space").filter(code=code).first()
    if course is None:
        raise NotFound("No such course.")
    return course


def cohort_get(person, cohort_id: int) -> Cohort:
    """A cohort its members (and administrators) see; NotFound for everyone else."""
    cohort = Cohort.objects.select_related("programme", "space").filter(pk=cohort_id).first()
    if cohort is None or not can_view_cohort(person, cohort):
        raise NotFound("No such cohort.")
    return cohort


def cohorts_of(person) -> list[Cohort]:
    """The cohorts whose spaces the person belongs to."""
    spaces = Space.objects.joined_by(person)
    return list(Cohort.objects.filter(space__in=spaces).select_related("programme", "space"))


@dataclass
class CohortMember:
    person: object
    role: str
    following: bool
    is_me: bool
    expertise: list  # the member's strongest topics, as the viewer may see them


EXPERTISE_SHOWN = 3


def _top_topics(viewer, person_ids: list[int]) -> dict[int, list[Topic]]:
    """Each person's strongest topics (expertise scores the viewer may see), in two queries."""
    if not person_ids:
        return {}
    rows = (
        visible_scores(viewer)
        .filter(person__in=person_ids)
        .values("person", "topic")
        .annotate(total=Sum(current_score()))
        .filter(total__gt=0)
        .order_by("person", "-total", "topic")
    )
    top: dict[int, list[int]] = {}
    for row in rows:
        chosen = top.setdefault(row["person"], [])
        if len(chosen) < EXPERTISE_SHOWN:
            chosen.append(row["topic"])
    topics = Topic.objects.in_bulk([t for ids in top.values() for t in ids])
    return {person: [topics[t] for t in ids] for person, ids in top.items()}


@dataclass
class CohortPage:
    cohort: Cohort
    members: Page
    events: list
    feed: Page
    can_schedule: bool


def cohort_page(person, cohort_id: int, *, page=1, feed_page=1) -> CohortPage:
    """A cohort as a small social network: its member directory (with who the viewer
    follows), upcoming and past events, and the cohort space's feed."""
    cohort = cohort_get(person, cohort_id)
    members = paginate(
        Membership.objects.filter(space=cohort.space)
        .select_related("person", "person__org_unit")
        .order_by("person__display_name", "person__username"),
        page,
        100,
    )
    followed = set(
        Follow.objects.filter(
            follower=person, person__in=[m.person_id for m in members.items]
        ).values_list("person_id", flat=True)
    )
    expertise = _top_topics(person, [m.person_id for m in members.items])
    members.items = [
        CohortMember(
            person=m.person,
            role=m.role,
            following=m.person_id in followed,
            is_me=m.person_id == person.pk,
            expertise=expertise.get(m.person_id, []),
        )
        for m in members.items
    ]
    feed = paginate(
        Thread.objects.visible_to(person)
        .filter(space=cohort.space)
        .exclude(kind=ThreadKind.WIKI)
        .select_related("author", "space")
        .order_by("-last_activity_at", "-id"),
        feed_page,
        20,
    )
    events = list(CohortEvent.objects.filter(cohort=cohort).order_by("starts_at", "id")[:50])
    return CohortPage(
        cohort=cohort,
        members=members,
        events=events,
        feed=feed,
        can_schedule=role_in(person, cohort.space) in ("moderator", "owner")
        or can_manage_learning(person),
    )

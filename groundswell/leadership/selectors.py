"""Reads for ask-leadership and AMA pages; every one goes through `visible_to(person)`."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from groundswell.errors import NotFound
from groundswell.leadership import permissions
from groundswell.leadership.models import AmaRegistration, AmaSession, AmaStatus
from groundswell.pagination import Page, paginate
from groundswell.people.models import Person
from groundswell.spaces.models import Membership, Role, Space, SpaceKind, Visibility
from groundswell.threads.models import Reply, Thread, ThreadKind, Vote


def leader_ids(space: Space) -> set[int]:
    """Ids of the people who answer for leadership in a leadership space (none elsewhere):
    its owners and moderators, and people at level ≥ 3 in its unit or a unit above."""
    if space.kind != SpaceKind.LEADERSHIP:
        return set()
    cached = space.__dict__.get("_leader_ids")
    if cached is not None:
        return cached
    ids = set(
        Membership.objects.filter(space=space, role__in=[Role.MODERATOR, Role.OWNER]).values_list(
            "person_id", flat=True
        )
    )
    if space.org_unit_id is not None:
        ancestors = [int(part) for part in space.org_unit.path.strip("/").split("/") if part]
        ids |= set(
            Person.objects.active()
            .filter(level__gte=permissions.LEADER_LEVEL, org_unit_id__in=ancestors)
            .values_list("pk", flat=True)
        )
    space.__dict__["_leader_ids"] = ids
    return ids


def leadership_spaces(person) -> list[Space]:
    """Leadership spaces the person may see, their own units' first."""
    spaces = list(
        Space.objects.visible_to(person)
        .filter(kind=SpaceKind.LEADERSHIP)
        .select_related("org_unit")
        .order_by("name")
    )
    return sorted(spaces, key=lambda space: not permissions.is_in_unit(person, space))


def leadership_space_get(person, slug: str) -> Space:
    """A visible space by slug, with its unit. Any kind: questions by votes and AMA sessions
    work in every space; asking leadership (and anonymity) only in leadership spaces."""
    space = Space.objects.visible_to(person).filter(slug=slug).select_related("org_unit").first()
    if space is None:
        raise NotFound("No such space.")
    return space


@dataclass
class QuestionRow:
    """A leadership question as a viewer sees it in a list."""

    thread: Thread
    my_vote: int
    can_vote: bool
    leadership_answers: list


def _question_rows(person, threads, leaders: set[int]) -> list[QuestionRow]:
    ids = [thread.pk for thread in threads]
    votes = dict(
        Vote.objects.filter(person=person, thread_id__in=ids).values_list("thread_id", "value")
    )
    answers: dict[int, list] = {}
    if leaders:
        for reply in (
            Reply.objects.filter(thread_id__in=ids, author_id__in=leaders, is_hidden=False)
            .select_related("author")
            .order_by("created_at", "id")
        ):
            answers.setdefault(reply.thread_id, []).append(reply)
    return [
        QuestionRow(
            thread=thread,
            my_vote=votes.get(thread.pk, 0),
            can_vote=thread.author_id != person.pk,
            leadership_answers=answers.get(thread.pk, []),
        )
        for thread in threads
    ]


def _questions(person):
    return (
        Thread.objects.visible_to(person)
        .filter(kind=ThreadKind.QUESTION)
        .select_related("author", "space")
        .prefetch_related("topics")
        .order_by("-score", "-created_at", "-id")
    )


def leadership_questions(person, space: Space, *, page=1, per_page=None) -> Page:
    """The space's questions, most upvoted first, each with the viewer's vote and the answers
    its leaders gave (a fixed number of queries whatever the page size)."""
    result = paginate(_questions(person).filter(space=space), page, per_page)
    result.items = _question_rows(person, list(result.items), leader_ids(space))
    return result


def anonymous_askers(person, *, page=1, per_page=None) -> Page:
    """Anonymous questions with their askers, for administrators' moderation only."""
    if not permissions.can_see_anonymous_askers(person):
        raise NotFound("No such page.")
    threads = (
        Thread.objects.filter(is_anonymous=True)
        .select_related("author", "space")
        .order_by("-created_at", "-id")
    )
    return paginate(threads, page, per_page)


def anonymous_question_get(person, thread_id: int) -> Thread:
    if not permissions.can_see_anonymous_askers(person):
        raise NotFound("No such question.")
    thread = Thread.objects.filter(pk=thread_id, is_anonymous=True).select_related(
        "author", "space"
    )
    thread = thread.first()
    if thread is None:
        raise NotFound("No such question.")
    return thread


def ama_sessions(person, *, status: str | None = None, page=1, per_page=None) -> Page:
    """Sessions the person may see: upcoming and live soonest first, archived latest first."""
    from django.utils import timezone

    now = timezone.now()
    sessions = AmaSession.objects.visible_to(person).select_related("space")
    sessions = sessions.prefetch_related("hosts")
    if status == AmaStatus.UPCOMING:
        sessions = sessions.filter(starts_at__gt=now).order_by("starts_at", "id")
    elif status == AmaStatus.LIVE:
        sessions = sessions.filter(starts_at__lte=now, ends_at__gt=now).order_by("starts_at")
    elif status == AmaStatus.ARCHIVED:
        sessions = sessions.filter(ends_at__lte=now).order_by("-starts_at", "-id")
    else:
        sessions = sessions.order_by("-starts_at", "-id")
    return paginate(sessions, page, per_page)


def ama_get(person, session_id: int) -> AmaSession:
    session = (
        AmaSession.objects.visible_to(person)
        .select_related("space", "space__org_unit")
        .prefetch_related("hosts")
        .filter(pk=session_id)
        .first()
    )
    if session is None:
        raise NotFound("No such session.")
    return session


@dataclass
class AmaPage:
    session: AmaSession
    questions: Page  # of QuestionRow, most upvoted first
    registered: bool
    registrations: int
    can_ask: bool
    can_register: bool
    can_answer: bool


def ama_page(person, session_id: int, *, page=1) -> AmaPage:
    """A session with its questions by votes, the hosts' answers under each, and what the
    viewer may do, in a number of queries that does not grow with the questions."""
    session = ama_get(person, session_id)
    answerers = {host.pk for host in session.hosts.all()} | leader_ids(session.space)
    threads = _questions(person).filter(ama_question__session=session)
    questions = paginate(threads, page, None)
    questions.items = _question_rows(person, list(questions.items), answerers)
    registrations = AmaRegistration.objects.filter(session=session)
    return AmaPage(
        session=session,
        questions=questions,
        registered=registrations.filter(person=person).exists(),
        registrations=registrations.count(),
        can_ask=permissions.can_ask_in_ama(person, session),
        can_register=permissions.can_register(person, session),
        can_answer=permissions.can_host(person, session),
    )


def ama_reminders_due(now, *, window) -> list[AmaRegistration]:
    """Registrations not yet reminded for sessions starting within `window` from now, of
    people who may still see the session's space (a reminder names the session and the space:
    someone who left a private space since registering gets none — TRUST 3)."""
    still_member = Membership.objects.filter(
        space=OuterRef("session__space"), person=OuterRef("person")
    )
    return list(
        AmaRegistration.objects.filter(
            reminded_at__isnull=True,
            session__starts_at__gt=now,
            session__starts_at__lte=now + window,
            person__is_active=True,
        )
        .filter(
            Q(session__space__visibility=Visibility.OPEN)
            | Q(person__is_superuser=True)
            | Exists(still_member)
        )
        .select_related("session", "session__space", "person")
    )


def ama_question_get(person, thread_id: int) -> Thread:
    """A session's question thread the person may see, with its session."""
    thread = (
        Thread.objects.visible_to(person)
        .filter(pk=thread_id, ama_question__isnull=False)
        .select_related("space", "ama_question__session")
        .first()
    )
    if thread is None:
        raise NotFound("No such question.")
    return thread


def question_row(person, thread: Thread, *, answerers: set[int] | None = None) -> QuestionRow:
    """One question as a list shows it (after asking it, for the API)."""
    leaders = leader_ids(thread.space) if answerers is None else answerers
    return _question_rows(person, [thread], leaders)[0]


def ama_questions(person, session: AmaSession, *, page=1, per_page=None) -> Page:
    """A visible session's questions by votes, with the hosts' and leaders' answers."""
    answerers = {host.pk for host in session.hosts.all()} | leader_ids(session.space)
    result = paginate(_questions(person).filter(ama_question__session=session), page, per_page)
    result.items = _question_rows(person, list(result.items), answerers)
    return result


def leadership_space_list(person, *, page=1, per_page=None) -> Page:
    """Leadership spaces the person may see, by name (API)."""
    spaces = Space.objects.visible_to(person).filter(kind=SpaceKind.LEADERSHIP).order_by("name")
    return paginate(spaces.select_related("org_unit"), page, per_page)

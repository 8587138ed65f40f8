"""Writes for ask-leadership and AMA sessions: keyword-only, atomic, each recording an Event."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.errors import Conflict, Forbidden, InvalidInput
from groundswell.leadership import permissions
from groundswell.leadership.models import AmaQuestion, AmaRegistration, AmaSession, AmaStatus
from groundswell.leadership.selectors import ama_reminders_due
from groundswell.spaces.models import SpaceKind, Visibility
from groundswell.spaces.services import space_create
from groundswell.threads.models import Reply, Thread, ThreadKind
from groundswell.threads.services import reply_create, thread_create

REMINDER_WINDOW = timedelta(hours=1)


def _ask(*, author, space, title: str, body: str, topics, anonymous: bool) -> Thread:
    thread = thread_create(
        author=author,
        space=space,
        kind=ThreadKind.QUESTION,
        title=title,
        body=body,
        topics=topics,
    )
    if anonymous:
        # Same transaction as the question: fan-out, routing and search run after commit and
        # see the flag. The Event keeps the actor (internal; analytics aggregate it).
        Thread.objects.filter(pk=thread.pk).update(is_anonymous=True)
        thread.is_anonymous = True
    return thread


@transaction.atomic
def leadership_question_ask(
    *, author, space, title: str, body: str = "", topics=(), anonymous: bool = False
) -> Thread:
    """Put a question to the management of the space's unit; `anonymous` hides the asker
    from everyone but administrators."""
    if not permissions.can_ask_leadership(author, space):
        raise Forbidden("Only people in this unit can ask its leadership.")
    return _ask(
        author=author, space=space, title=title, body=body, topics=topics, anonymous=anonymous
    )


@transaction.atomic
def leadership_answer(*, leader, thread: Thread, body: str) -> Reply:
    """A leader's public answer (shown as "Leadership answer")."""
    if not permissions.is_leader(leader, thread.space):
        raise Forbidden("Only this unit's leaders answer here.")
    return reply_create(author=leader, thread=thread, body=body)


@transaction.atomic
def leadership_space_create(*, creator, org_unit, owner=None):
    """The leadership space of an org unit: open to read, owned by `owner` (e.g. its head)."""
    from groundswell.spaces.models import Membership, Role

    space = space_create(
        creator=creator,
        name=f"Ask leadership — {org_unit.name}",
        description=f"Questions to the management of {org_unit.name}.",
        kind=SpaceKind.LEADERSHIP,
        visibility=Visibility.OPEN,
        org_unit=org_unit,
    )
    if owner is not None:
        Membership.objects.update_or_create(
            space=space, person=owner, defaults={"role": Role.OWNER}
        )
    return space


@transaction.atomic
def leadership_space_ensure(*, org_unit, owner=None):
    """The unit's leadership space, created (by the system, as staff) if missing; returns
    (space, created)."""
    from groundswell.spaces.models import Space

    existing = Space.objects.filter(kind=SpaceKind.LEADERSHIP, org_unit=org_unit).first()
    if existing is not None:
        return existing, False
    creator = owner if owner is not None and owner.is_staff else _system_staff()
    return leadership_space_create(creator=creator, org_unit=org_unit, owner=owner), True


def _system_staff():
    from groundswell.people.models import Person

    staff = Person.objects.filter(is_staff=True, is_active=True).order_by("pk").first()
    if staff is None:
        raise Conflict("Create an administrator first: leadership spaces are made by staff.")
    return staff


@transaction.atomic
def ama_schedule(
    *, host, space, title: str, description: str = "", starts_at, ends_at, co_hosts=()
) -> AmaSession:
    """A leader schedules an ask-me-anything session in a space."""
    if not permissions.can_schedule_ama(host, space):
        raise Forbidden("Only this space's leaders schedule sessions.")
    title = (title or "").strip()
    if not title:
        raise InvalidInput("A session needs a title.", field="title")
    if len(title) > 200:
        raise InvalidInput("A title has at most 200 characters.", field="title")
    if len(description or "") > 5000:
        raise InvalidInput("A description has at most 5,000 characters.", field="description")
    if starts_at is None or ends_at is None or ends_at <= starts_at:
        raise InvalidInput("A session ends after it starts.", field="ends_at")
    if ends_at - starts_at > timedelta(days=2):
        raise InvalidInput("A session lasts at most two days.", field="ends_at")
    session = AmaSession.objects.create(
        space=space,
        title=title,
        description=(description or "").strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        created_by=host,
    )
    session.hosts.set([host, *co_hosts])
    event_record(actor=host, verb=Verb.SCHEDULED_AMA, target=session, space=space)
    return session


@transaction.atomic
def ama_question_ask(
    *, author, session: AmaSession, title: str, body: str = "", anonymous: bool = False
) -> Thread:
    """Ask a question for a session (before or during it): a question thread in its space."""
    if not permissions.can_ask_in_ama(author, session):
        raise Forbidden("You cannot ask a question in this session.")
    if anonymous and session.space.kind != SpaceKind.LEADERSHIP:
        raise InvalidInput("Anonymous questions are for leadership spaces.", field="anonymous")
    thread = _ask(
        author=author,
        space=session.space,
        title=title,
        body=body,
        topics=(),
        anonymous=anonymous,
    )
    AmaQuestion.objects.create(session=session, thread=thread)
    return thread


@transaction.atomic
def ama_answer(*, host, thread: Thread, body: str) -> Reply:
    """A host or leader answers a session's question."""
    session = thread.ama_question.session
    if not permissions.can_host(host, session):
        raise Forbidden("Only the session's hosts answer here.")
    reply = reply_create(author=host, thread=thread, body=body)
    if session.status == AmaStatus.LIVE:
        ama_attend(person=host, session=session)
    return reply


@transaction.atomic
def ama_register(*, person, session: AmaSession) -> AmaRegistration:
    """Sign up to attend (and be reminded an hour before). Registering twice is a no-op."""
    if not permissions.can_register(person, session):
        raise Conflict("This session is over.")
    registration, created = AmaRegistration.objects.get_or_create(session=session, person=person)
    if created:
        event_record(actor=person, verb=Verb.REGISTERED_AMA, target=session, space=session.space)
    return registration


@transaction.atomic
def ama_attend(*, person, session: AmaSession) -> AmaRegistration:
    """Someone opened a live session: recorded once as attendance."""
    registration, _ = AmaRegistration.objects.get_or_create(session=session, person=person)
    if registration.attended_at is None:
        registration.attended_at = timezone.now()
        registration.save(update_fields=["attended_at"])
        event_record(actor=person, verb=Verb.ATTENDED_AMA, target=session, space=session.space)
    return registration


def ama_reminders_send(*, now=None) -> int:
    """Email everyone registered for a session starting within the hour, once: each
    registration is marked before its email goes, so a rerun never sends twice."""
    now = now or timezone.now()
    sent = 0
    for registration in ama_reminders_due(now, window=REMINDER_WINDOW):
        with transaction.atomic():
            claimed = AmaRegistration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if not claimed:
                continue
        session, person = registration.session, registration.person
        if person.email:
            link = f"{settings.SITE_URL}{session.get_absolute_url()}"
            send_mail(
                subject=f"Starting soon: {session.title}",
                message=(
                    f"The ask-me-anything session “{session.title}” in {session.space.name} "
                    f"starts at {timezone.localtime(session.starts_at):%H:%M}.\n\n{link}\n"
                ),
                from_email=None,
                recipient_list=[person.email],
            )
        sent += 1
    return sent


def anonymous_askers_viewed(*, admin, threads) -> None:
    """Record that an administrator saw who asked these anonymous questions (audit)."""
    ids = [thread.pk for thread in threads]
    if ids:
        event_record(
            actor=admin,
            verb=Verb.VIEWED_DRILLDOWN,
            data={"what": "anonymous_askers", "thread_ids": ids},
        )

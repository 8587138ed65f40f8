"""Demo life for ask-leadership: a few questions to regional.manager's region (some
anonymous) with upvotes and leadership answers, one past AMA with its answered questions and
one upcoming AMA hosted by regional.manager."""

import random
from datetime import timedelta

from django.utils import timezone

from groundswell.leadership import permissions, services
from groundswell.leadership.models import AmaSession
from groundswell.people.models import Person
from groundswell.spaces.models import Space, SpaceKind
from groundswell.threads.models import Vote
from groundswell.threads.services import vote_cast

QUESTIONS = [
    (
        "Will the depot get more EV charging points before winter?",
        False,
        "We already have a charging plan for the two biggest depots; the rest follow in spring.",
    ),
    (
        "Why did the peak-season rota change without asking the drivers?",
        True,
        "Fair point. The next rota goes to the driver reps two weeks before it is final.",
    ),
    ("Is the night-shift allowance going to be reviewed this year?", True, None),
    (
        "Can we have a second forklift trainer at the hub?",
        False,
        "Yes: we are recruiting one, and the course starts next month.",
    ),
    ("How are the new route-planning targets measured?", False, None),
]
PAST_AMA = [
    (
        "What did we learn from last peak season?",
        False,
        "Mostly that loading-bay safety slipped at the busiest hour; we are adding a lead there.",
    ),
    (
        "Are there plans to close any depots?",
        True,
        "No closures are planned. Two depots will move to bigger sites.",
    ),
]


def seed_leadership(rng: random.Random) -> None:
    """Needs the demo org chart and spaces (regional.manager and the leadership spaces)."""
    manager = Person.objects.filter(username="regional.manager").select_related("org_unit")
    manager = manager.first()
    if manager is None:
        return
    spaces = Space.objects.filter(kind=SpaceKind.LEADERSHIP).select_related("org_unit")
    space = next((s for s in spaces if permissions.is_leader(manager, s)), None)
    if space is None:
        return
    # The demo posts only where people are members (its own invariant), so askers are
    # the space's members from the region, and the manager must belong to it too.
    members = Person.objects.filter(is_active=True, memberships__space=space)
    if not members.filter(pk=manager.pk).exists():
        return
    askers = [
        person
        for person in members.filter(level__lte=2).select_related("org_unit").order_by("pk")
        if permissions.can_ask_leadership(person, space)
    ]
    if len(askers) < len(QUESTIONS) + len(PAST_AMA) + 2:
        return
    rng.shuffle(askers)
    voters = askers[len(QUESTIONS) + len(PAST_AMA) :]
    for (title, anonymous, answer), asker in zip(QUESTIONS, askers, strict=False):
        thread = services.leadership_question_ask(
            author=asker, space=space, title=title, anonymous=anonymous
        )
        for voter in rng.sample(voters, k=rng.randint(1, min(12, len(voters)))):
            if not Vote.objects.filter(person=voter, thread=thread).exists():
                vote_cast(person=voter, thread=thread, value=1)
        if answer:
            services.leadership_answer(leader=manager, thread=thread, body=answer)
    now = timezone.now().replace(second=0, microsecond=0)
    past = services.ama_schedule(
        host=manager,
        space=space,
        title="Ask me anything: the year ahead in the region",
        description="Bring your questions about routes, rotas and the new depots.",
        starts_at=now + timedelta(minutes=1),
        ends_at=now + timedelta(hours=1),
    )
    for (title, anonymous, answer), asker in zip(PAST_AMA, askers[len(QUESTIONS) :], strict=False):
        thread = services.ama_question_ask(
            author=asker, session=past, title=title, anonymous=anonymous
        )
        vote_cast(person=rng.choice(voters), thread=thread, value=1)
        services.ama_answer(host=manager, thread=thread, body=answer)
    # It happened a fortnight ago.
    AmaSession.objects.filter(pk=past.pk).update(
        starts_at=now - timedelta(days=14), ends_at=now - timedelta(days=14) + timedelta(hours=1)
    )
    services.ama_schedule(
        host=manager,
        space=space,
        title="Ask me anything: peak season 2027",
        description="How we prepare for peak: staffing, vans, training. Ask now, vote for "
        "the questions you want answered first.",
        starts_at=now + timedelta(days=5, hours=2),
        ends_at=now + timedelta(days=5, hours=3),
    )


THREADS_ADDED = len(QUESTIONS) + len(PAST_AMA)

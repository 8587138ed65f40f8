"""`seed_demo`: a small company seeds, its counters agree with its rows, the demo logins work,
the same seed gives the same company, and `--if-empty` leaves a seeded database alone."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, F, Q, Sum

from groundswell.activity.models import Event, Verb
from groundswell.demo.orgchart import DEMO_USERNAMES
from groundswell.demo.scenario import QUESTION_TITLE
from groundswell.demo.space_specs import COHORT_NAME
from groundswell.leadership import demo as leadership_demo
from groundswell.learning import demo as learning_demo
from groundswell.moderation.selectors import review_queue
from groundswell.people.models import Level, Person
from groundswell.spaces.models import Membership, Role, Space, SpaceKind, Visibility
from groundswell.threads.models import Follow, Reply, Revision, Thread, ThreadKind, Vote

SMALL = {"scale": 0.2, "threads": 150}


def seed(**options):
    call_command("seed_demo", **{**SMALL, **options})


@pytest.fixture
def seeded(db):
    seed()


def test_small_scale_completes_and_reports(db, capsys):
    seed()

    out = capsys.readouterr().out
    assert "threads: 150 / 150" in out
    assert "Seeded Northwind Parcel" in out and "people" in out and "events" in out
    # plus the opening scene's question and the learning demo's pages and article
    assert Thread.objects.count() == (
        150 + 1 + learning_demo.THREADS_ADDED + leadership_demo.THREADS_ADDED
    )
    assert 100 <= Person.objects.count() <= 200
    assert Reply.objects.exists() and Vote.objects.exists()


def test_thread_and_space_counters_match_the_rows(seeded):
    threads = Thread.objects.annotate(replies_n=Count("replies", distinct=True))
    assert not threads.exclude(reply_count=F("replies_n")).exists()
    scored = Thread.objects.annotate(votes_sum=Sum("votes__value"))
    assert not scored.exclude(score=F("votes_sum")).exclude(votes_sum=None, score=0).exists()
    replies = Reply.objects.annotate(votes_sum=Sum("votes__value"))
    assert not replies.exclude(score=F("votes_sum")).exclude(votes_sum=None, score=0).exists()
    spaces = Space.objects.annotate(
        threads_n=Count("threads", distinct=True), members_n=Count("memberships", distinct=True)
    )
    assert not spaces.exclude(thread_count=F("threads_n")).exists()
    assert not spaces.exclude(member_count=F("members_n")).exists()


def test_accepted_answers_belong_to_their_question(seeded):
    accepted = Thread.objects.filter(accepted_reply__isnull=False)
    assert accepted.count() > 10
    assert not accepted.exclude(accepted_reply__thread=F("pk")).exists()
    assert not accepted.exclude(kind=ThreadKind.QUESTION).exists()
    assert not accepted.filter(accepted_reply__author=F("author")).exists()
    # Some questions stay unanswered: the demo's gap analysis needs them.
    assert Thread.objects.filter(kind=ThreadKind.QUESTION, reply_count=0).exists()


def test_dates_are_in_order_and_every_post_has_a_revision(seeded):
    assert not Reply.objects.filter(created_at__lt=F("thread__created_at")).exists()
    assert not Reply.objects.filter(created_at__gt=F("thread__last_activity_at")).exists()
    assert not Vote.objects.filter(created_at__lt=F("reply__created_at")).exists()
    assert not Vote.objects.filter(created_at__lt=F("thread__created_at")).exists()
    first, last = (Thread.objects.order_by(f).values_list("created_at", flat=True).first()
                   for f in ("created_at", "-created_at"))  # fmt: skip
    assert (last - first).days > 150  # spread over months, not all "now"
    assert Revision.objects.filter(thread__isnull=False).count() == (
        Thread.objects.count() + learning_demo.EXTRA_REVISIONS
    )
    assert Revision.objects.filter(reply__isnull=False).count() == Reply.objects.count()


def test_events_mirror_the_rows_with_their_timestamps(seeded):
    verbs = dict(Event.objects.values_list("verb").annotate(n=Count("id")))
    assert (
        verbs[Verb.ASKED] + verbs[Verb.POSTED]
        == Thread.objects.filter(kind__in=[ThreadKind.QUESTION, ThreadKind.DISCUSSION]).count()
    )
    assert verbs[Verb.ANSWERED] + verbs[Verb.REPLIED] == Reply.objects.count()
    assert verbs[Verb.VOTED] == Vote.objects.count()
    assert verbs[Verb.ACCEPTED] == Thread.objects.filter(accepted_reply__isnull=False).count()
    assert verbs[Verb.FOLLOWED] == Follow.objects.count()
    open_members = Membership.objects.filter(space__visibility=Visibility.OPEN)
    assert verbs[Verb.JOINED] == open_members.exclude(role=Role.OWNER).count()
    # The opening scene goes through the real services, which date the row and its event
    # separately; the generated rows share one timestamp with their event.
    generated = Thread.objects.exclude(title=QUESTION_TITLE).filter(
        kind__in=[ThreadKind.QUESTION, ThreadKind.DISCUSSION]
    )
    for thread in generated.order_by("id")[:: max(1, generated.count() // 25)]:
        asked = Event.objects.get(object_type="threads.thread", object_id=thread.pk,
                                  verb__in=[Verb.ASKED, Verb.POSTED])  # fmt: skip
        assert asked.created_at == thread.created_at and asked.actor_id == thread.author_id
    for reply in Reply.objects.filter(thread__in=generated).order_by("-id")[:25]:
        answered = Event.objects.get(object_type="threads.reply", object_id=reply.pk,
                                     verb__in=[Verb.ANSWERED, Verb.REPLIED])  # fmt: skip
        assert answered.created_at == reply.created_at
        assert answered.subject_id == reply.thread.author_id
    for membership in Membership.objects.filter(space__visibility=Visibility.OPEN,
                                                role=Role.MEMBER)[:20]:  # fmt: skip
        joined = Event.objects.get(verb=Verb.JOINED, actor=membership.person,
                                   space=membership.space)  # fmt: skip
        assert joined.created_at == membership.joined_at


def test_people_post_only_where_they_are_members_and_after_joining(seeded):
    assert not Thread.objects.exclude(space__memberships__person=F("author")).exists()
    assert not Reply.objects.exclude(thread__space__memberships__person=F("author")).exists()
    early = Thread.objects.filter(
        space__memberships__person=F("author"), space__memberships__joined_at__gt=F("created_at")
    )
    assert not early.exists()


def test_private_spaces_hold_only_their_cohort(seeded):
    cohort = Space.objects.get(name=COHORT_NAME)
    assert cohort.kind == SpaceKind.COHORT and cohort.visibility == Visibility.PRIVATE
    members = Person.objects.filter(memberships__space=cohort)
    assert 12 <= members.count() <= 15
    titles = set(members.values_list("job_title", flat=True))
    assert {"Learning & Development Manager", "Warehouse Team Lead"} <= titles
    assert not members.exclude(Q(level=Level.SPECIALIST) | Q(username="learning")).exists()
    for space in Space.objects.filter(visibility=Visibility.PRIVATE):
        inside = set(Membership.objects.filter(space=space).values_list("person", flat=True))
        assert set(Thread.objects.filter(space=space).values_list("author", flat=True)) <= inside
        assert set(Reply.objects.filter(thread__space=space).values_list("author", flat=True)) <= (
            inside
        )
        assert set(Vote.objects.filter(Q(thread__space=space) | Q(reply__thread__space=space))
                   .values_list("person", flat=True)) <= inside  # fmt: skip
    courses = Space.objects.filter(kind=SpaceKind.COURSE)
    assert courses.count() == 2 and not courses.exclude(visibility=Visibility.PRIVATE).exists()
    assert Space.objects.filter(kind=SpaceKind.LEADERSHIP, visibility=Visibility.OPEN).count() == 4


def test_demo_logins_authenticate_and_tell_the_story(seeded):
    for username in DEMO_USERNAMES:
        assert authenticate(username=username, password="groundswell") is not None, username
    assert authenticate(username="driver", password="wrong") is None
    assert Person.objects.get(username="learning").is_staff
    admin = Person.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert not Person.objects.get(username="driver").is_staff

    driver = Person.objects.get(username="driver")
    assert driver.display_name == "Dana Driver" and driver.level == Level.FRONTLINE
    chain, person = [], driver.manager
    while person:
        chain.append(person.username)
        person = person.manager
    assert "regional.manager" in chain
    lead = Person.objects.get(username="warehouse.lead")
    assert lead.level == Level.SPECIALIST and lead.org_unit == driver.org_unit
    assert lead.skills.filter(name="loading-bay-safety").exists()
    manager = Person.objects.get(username="regional.manager")
    assert manager.level == Level.MANAGER and driver.org_unit.path.startswith(manager.org_unit.path)
    assert Membership.objects.filter(person=driver).count() >= 4
    assert Follow.objects.filter(follower=driver, topic__isnull=False).count() == 3

    question = Thread.objects.get(title=QUESTION_TITLE)
    assert question.author == driver and question.space.slug == "drivers-lounge"
    assert question.kind == ThreadKind.QUESTION and question.accepted_reply is None
    assert [r.author.username for r in question.replies.all()] == ["warehouse.lead"]

    queue = review_queue(lead)
    assert [len(item.flags) for item in queue.items.items] == [2]


@pytest.mark.django_db(transaction=True)  # flush needs to run outside a test transaction
def test_the_same_seed_gives_the_same_company():
    def snapshot():
        return (
            list(Person.objects.order_by("username").values_list("username", "job_title")),
            list(Thread.objects.order_by("title").values_list("title", flat=True)),
            list(Space.objects.order_by("slug").values_list("slug", "member_count")),
        )

    seed(seed=7)
    first = snapshot()
    call_command("flush", interactive=False, verbosity=0)
    seed(seed=7)
    assert snapshot() == first
    call_command("flush", interactive=False, verbosity=0)
    seed(seed=8)
    assert snapshot() != first


def test_if_empty_seeds_once_and_a_second_plain_run_is_refused(db, capsys):
    call_command("seed_demo", if_empty=True, **SMALL)
    counts = (Person.objects.count(), Thread.objects.count(), Event.objects.count())

    call_command("seed_demo", if_empty=True, **SMALL)

    assert "no demo data added" in capsys.readouterr().out
    assert (Person.objects.count(), Thread.objects.count(), Event.objects.count()) == counts
    with pytest.raises(CommandError, match="has people already"):
        seed()


def test_thread_count_option(db):
    seed(threads=40)
    assert Thread.objects.count() == (
        41 + learning_demo.THREADS_ADDED + leadership_demo.THREADS_ADDED
    )


def test_invalid_sizes_are_refused(db):
    with pytest.raises(CommandError, match="scale"):
        seed(scale=0)
    with pytest.raises(CommandError, match="threads"):
        seed(threads=-1)


def test_lead_roles_answer_more_than_they_ask(seeded):
    leads = Person.objects.filter(level=Level.SPECIALIST)
    answers = Reply.objects.filter(author__in=leads).count()
    questions = Thread.objects.filter(author__in=leads, kind=ThreadKind.QUESTION).count()
    assert answers > questions

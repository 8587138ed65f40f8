import pytest

from groundswell.activity.models import Event, Verb
from groundswell.errors import Forbidden, NotFound
from groundswell.learning import selectors, services
from groundswell.learning.models import Cohort, EnrollmentRole, Programme
from groundswell.spaces.models import Membership, Role, SpaceKind, Visibility
from groundswell.spaces.permissions import can_view_space
from tests.factories import PersonFactory


def test_a_course_gets_a_private_course_space(course):
    assert course.space.kind == SpaceKind.COURSE
    assert course.space.visibility == Visibility.PRIVATE
    assert Event.objects.filter(verb=Verb.CREATED_COURSE, object_id=course.pk).exists()


def test_only_staff_create_courses(learner):
    with pytest.raises(Forbidden):
        services.course_create(actor=learner, code="X", title="Y")


def test_enrollment_keeps_space_membership_in_sync(course, staff, learner):
    assert not can_view_space(learner, course.space)
    services.enroll(actor=staff, person=learner, course=course)
    membership = Membership.objects.get(space=course.space, person=learner)
    assert membership.role == Role.MEMBER
    course.space.refresh_from_db()
    assert course.space.member_count == 1
    services.enroll(actor=staff, person=learner, course=course, role=EnrollmentRole.STAFF)
    assert Membership.objects.get(space=course.space, person=learner).role == Role.MODERATOR
    services.unenroll(actor=staff, person=learner, course=course)
    assert not Membership.objects.filter(space=course.space, person=learner).exists()
    course.space.refresh_from_db()
    assert course.space.member_count == 0


def test_catalogue_is_open_but_course_content_is_for_members(course, staff, learner):
    other = PersonFactory()
    assert [c.code for c in selectors.catalogue(other).items] == ["SAF-101"]
    assert selectors.course_page(other, "SAF-101").in_space is False
    services.enroll(actor=staff, person=learner, course=course)
    assert selectors.course_page(learner, "SAF-101").in_space is True


@pytest.fixture
def cohort(staff, learner):
    programme = services.programme_create(actor=staff, name="Leadership Programme 2027")
    cohort = services.cohort_create(actor=staff, programme=programme, name="Cohort A")
    services.enroll(actor=staff, person=learner, cohort=cohort)
    return cohort


def test_cohort_has_private_space_and_introductions(cohort, learner):
    assert cohort.space.kind == SpaceKind.COHORT and cohort.space.is_private
    assert cohort.introductions.title == "Introductions"
    assert cohort.introductions.space == cohort.space
    view = selectors.cohort_page(learner, cohort.pk)
    assert [m.person.username for m in view.members.items] == ["learner", "ld.staff"]
    assert [t.title for t in view.feed.items] == ["Introductions"]


def test_cohort_is_not_found_for_outsiders(cohort):
    with pytest.raises(NotFound):
        selectors.cohort_page(PersonFactory(), cohort.pk)


def test_cohort_events_are_scheduled_by_staff_and_seen_by_members(cohort, staff, learner):
    from django.utils import timezone

    with pytest.raises(Forbidden):
        services.cohort_event_create(
            actor=learner, cohort=cohort, title="Kick-off", starts_at=timezone.now()
        )
    services.cohort_event_create(
        actor=staff, cohort=cohort, title="Kick-off", starts_at=timezone.now(), location="Room 1"
    )
    assert [e.title for e in selectors.cohort_page(learner, cohort.pk).events] == ["Kick-off"]
    with pytest.raises(NotFound):
        services.cohort_event_create(
            actor=PersonFactory(), cohort=cohort, title="x", starts_at=timezone.now()
        )


def test_cohort_can_reuse_an_existing_space(staff):
    from tests.factories import SpaceFactory

    space = SpaceFactory(kind=SpaceKind.COHORT, visibility=Visibility.PRIVATE)
    programme = Programme.objects.create(name="P")
    cohort = services.cohort_create(actor=staff, programme=programme, name="A", space=space)
    assert Cohort.objects.get(space=space) == cohort


def test_cohort_directory_and_pages(client, cohort, learner, staff):
    client.force_login(learner)
    response = client.get(cohort.get_absolute_url())
    assert response.status_code == 200
    assert b"Lana Learner" in response.content and b"Introductions" in response.content
    outsider = PersonFactory()
    client.force_login(outsider)
    assert client.get(cohort.get_absolute_url()).status_code == 404


def test_cohort_directory_shows_members_expertise(cohort, learner):
    from groundswell.expertise.services import expertise_refresh
    from tests.factories import TopicFactory

    topic = TopicFactory(name="coaching")
    learner.skills.add(topic)
    expertise_refresh([learner.pk], [topic.pk])
    view = selectors.cohort_page(learner, cohort.pk)
    shown = {m.person.username: [t.name for t in m.expertise] for m in view.members.items}
    assert shown == {"learner": ["coaching"], "ld.staff": []}

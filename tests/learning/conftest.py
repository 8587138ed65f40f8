import pytest

from groundswell.learning import services
from tests.factories import PersonFactory


@pytest.fixture
def staff(db):
    return PersonFactory(username="ld.staff", display_name="Lee Learning", is_staff=True)


@pytest.fixture
def learner(db):
    return PersonFactory(username="learner", display_name="Lana Learner")


@pytest.fixture
def course(staff):
    return services.course_create(actor=staff, code="SAF-101", title="Safety basics")


@pytest.fixture
def enrolled_course(course, staff, learner):
    services.enroll(actor=staff, person=learner, course=course)
    return course

"""Query budgets: the course page (with its space's latest), the cohort directory and the
wiki history stay flat however many people and pages there are."""

from groundswell.learning import services
from groundswell.learning.articles import services as articles
from groundswell.learning.wiki import services as wiki
from groundswell.threads import services as threads
from tests.factories import OrgUnitFactory, PersonFactory


def _count_queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert response.status_code == 200
    return response


def test_course_page_budget(client, staff, django_assert_max_num_queries):
    course = services.course_create(actor=staff, code="B-1", title="Budget", owner=staff)
    people = [PersonFactory() for _ in range(12)]
    for n, someone in enumerate(people):
        services.enroll(actor=staff, person=someone, course=course)
        wiki.wiki_page_create(author=someone, space=course.space, title=f"Page {n}", body="x")
        articles.article_create(
            author=someone, space=course.space, title=f"A {n}", body="y", publish=True
        )
        threads.thread_create(author=someone, space=course.space, title=f"T {n}", body="z")
    client.force_login(people[0])
    response = _count_queries(client, "/learning/courses/B-1/", django_assert_max_num_queries, 10)
    assert response.content.count(b"/learning/wiki/") == 10


def test_cohort_directory_budget(client, staff, django_assert_max_num_queries):
    programme = services.programme_create(actor=staff, name="P")
    cohort = services.cohort_create(actor=staff, programme=programme, name="Cohort A")
    people = [PersonFactory(org_unit=OrgUnitFactory(), job_title="Lead") for _ in range(25)]
    for someone in people:
        services.enroll(actor=staff, person=someone, cohort=cohort)
    client.force_login(people[0])
    response = _count_queries(
        client, f"/learning/cohorts/{cohort.pk}/", django_assert_max_num_queries, 12
    )
    assert response.content.count(b'class="cohort-member"') == 26

from groundswell.learning import services
from groundswell.learning.wiki import services as wiki
from tests.factories import PersonFactory


def test_catalogue_and_course(client, enrolled_course, learner):
    outsider = PersonFactory()
    client.force_login(outsider)
    listing = client.get("/api/v1/learning/courses").json()
    assert [c["code"] for c in listing["items"]] == ["SAF-101"]
    detail = client.get("/api/v1/learning/courses/SAF-101").json()
    assert detail["title"] == "Safety basics" and detail["space"] is None
    client.force_login(learner)
    detail = client.get("/api/v1/learning/courses/SAF-101").json()
    assert detail["space"]["slug"] == enrolled_course.space.slug
    assert client.get("/api/v1/learning/courses/NOPE").status_code == 404


def test_wiki_revisions_are_members_only(client, enrolled_course, learner):
    page = wiki.wiki_page_create(
        author=learner, space=enrolled_course.space, title="Page", body="one"
    )
    wiki.wiki_page_edit(
        editor=learner,
        page=page,
        title="Page",
        body="two",
        message="m",
        base_revision_id=wiki.latest_revision(page).pk,
    )
    client.force_login(learner)
    body = client.get(f"/api/v1/learning/wiki/{page.pk}/revisions").json()
    assert [r["message"] for r in body["items"]] == ["m", ""]
    client.force_login(PersonFactory())
    assert client.get(f"/api/v1/learning/wiki/{page.pk}/revisions").status_code == 404


def test_unused(staff):
    assert services.programme_create(actor=staff, name="X").name == "X"

"""People, units and yourself."""

import pytest

from tests.factories import OrgUnitFactory, PersonFactory, ThreadFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_me_shows_own_profile_with_email(member_api, member):
    body = member_api.get("/me").json()
    assert body["username"] == "member"
    assert body["email"] == member.email
    assert body["is_staff"] is False
    assert "password" not in body


def test_people_list_searches_and_filters_by_unit(member_api, member):
    depot = OrgUnitFactory(name="Depot", code="depot")
    team = OrgUnitFactory(name="Night shift", code="night", parent=depot)
    elsewhere = OrgUnitFactory(name="Airport", code="airport")
    PersonFactory(username="dana", display_name="Dana Driver", org_unit=team)
    PersonFactory(username="ali", display_name="Ali Airport", org_unit=elsewhere)
    PersonFactory(username="gone", display_name="Dana Gone", is_active=False)

    found = member_api.get("/people", {"q": "dana"}).json()
    assert [p["username"] for p in found["items"]] == ["dana"]
    assert "email" not in found["items"][0]

    in_depot = member_api.get("/people", {"unit": "depot"}).json()["items"]
    assert [p["username"] for p in in_depot] == ["dana"]
    assert in_depot[0]["org_unit"] == {"code": "night", "name": "Night shift"}

    assert member_api.get("/people", {"unit": "nowhere"}).status_code == 404


def test_person_detail_has_no_private_fields(member_api):
    boss = PersonFactory(username="boss", display_name="Bea Boss")
    someone = PersonFactory(username="sam", manager=boss, job_title="Driver", bio="Vans.")
    someone.skills.add(TopicFactory(name="hazmat"))
    body = member_api.get("/people/sam").json()
    assert body["manager"]["username"] == "boss"
    assert body["skills"] == ["hazmat"]
    assert body["level_label"] == "Frontline"
    for private in ("email", "password", "is_superuser", "last_login"):
        assert private not in body


def test_unknown_or_inactive_person_is_404(member_api):
    PersonFactory(username="left", is_active=False)
    assert member_api.get("/people/nobody").status_code == 404
    assert member_api.get("/people/left").status_code == 404


def test_units_come_in_tree_order(member_api):
    root = OrgUnitFactory(name="Company", code="company")
    region = OrgUnitFactory(name="North", code="north", parent=root)
    OrgUnitFactory(name="Depot N1", code="n1", parent=region)
    OrgUnitFactory(name="South", code="south", parent=root)
    body = member_api.get("/units").json()
    codes = [u["code"] for u in body["items"]]
    assert codes.index("company") < codes.index("north") < codes.index("n1")
    n1 = next(u for u in body["items"] if u["code"] == "n1")
    assert n1 == {"code": "n1", "name": "Depot N1", "parent": "north", "depth": 2}
    assert member_api.get("/units", {"per_page": 2}).json()["has_next"] is True


def test_person_threads_only_show_visible_ones(
    outsider_api, member_api, member, private_thread, open_space
):
    public = ThreadFactory(space=open_space, author=member, title="Public one")
    mine = member_api.get("/people/member/threads").json()["items"]
    assert {t["id"] for t in mine} == {public.pk, private_thread.pk}
    theirs = outsider_api.get("/people/member/threads").json()["items"]
    assert [t["id"] for t in theirs] == [public.pk]

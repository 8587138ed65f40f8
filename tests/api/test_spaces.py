"""Spaces: list, create, read, join, leave, members, invitations, roles."""

import pytest

from groundswell.activity.models import Event, Verb
from groundswell.spaces.models import Membership, Role, Space
from tests.factories import PersonFactory, SpaceFactory

pytestmark = pytest.mark.django_db


def test_space_list_filters(member_api, open_space, private_space, member):
    SpaceFactory(name="Forklift course", slug="forklift", kind="course")
    everything = member_api.get("/spaces").json()
    slugs = {s["slug"] for s in everything["items"]}
    assert {"drivers-lounge", "cohort-a", "forklift"} <= slugs
    courses = member_api.get("/spaces", {"kind": "course"}).json()["items"]
    assert [s["slug"] for s in courses] == ["forklift"]
    joined = member_api.get("/spaces", {"joined": "true"}).json()["items"]
    assert {s["slug"] for s in joined} == {"drivers-lounge", "cohort-a"}
    assert all(s["is_member"] for s in joined)
    named = member_api.get("/spaces", {"q": "fork"}).json()["items"]
    assert [s["slug"] for s in named] == ["forklift"]
    assert member_api.get("/spaces", {"kind": "castle"}).status_code == 422


def test_create_space_makes_you_owner_and_ignores_privileges(api_as, person):
    api = api_as(person)
    response = api.post("/spaces", {"name": "Night drivers", "description": "Late shifts"})
    assert response.status_code == 201
    body = response.json()
    assert body["slug"] == "night-drivers"
    assert body["my_role"] == "owner"
    assert body["can_manage_roles"] is True
    assert Event.objects.filter(verb=Verb.CREATED_SPACE, actor=person).exists()

    for privileged in (
        {"role": "member"},
        {"member_count": 999},
        {"created_by": 1},
        {"slug": "chosen"},
    ):
        refused = api.post("/spaces", {"name": "Sneaky", **privileged})
        assert refused.status_code == 422, privileged
        assert list(refused.json()["errors"]) == list(privileged)
    assert not Space.objects.filter(name="Sneaky").exists()


def test_only_staff_create_courses(api_as, person, admin_person):
    assert api_as(person).post("/spaces", {"name": "C", "kind": "course"}).status_code == 403
    assert api_as(admin_person).post("/spaces", {"name": "C", "kind": "course"}).status_code == 201


def test_space_detail_shows_your_permissions(member_api, outsider_api, open_space):
    mine = member_api.get("/spaces/drivers-lounge").json()
    assert mine["my_role"] == "member" and mine["is_member"] is True
    assert mine["can_post"] is True and mine["can_join"] is False
    theirs = outsider_api.get("/spaces/drivers-lounge").json()
    assert theirs["my_role"] is None and theirs["can_join"] is True
    assert outsider_api.get("/spaces/no-such-space").status_code == 404


def test_join_and_leave(outsider_api, outsider, open_space, private_space):
    joined = outsider_api.post("/spaces/drivers-lounge/join")
    assert joined.status_code == 201
    assert joined.json()["role"] == "member"
    assert outsider_api.post("/spaces/drivers-lounge/join").status_code == 409
    assert outsider_api.post("/spaces/drivers-lounge/leave").status_code == 204
    assert not Membership.objects.filter(person=outsider, space=open_space).exists()
    assert outsider_api.post("/spaces/drivers-lounge/leave").status_code == 409
    assert outsider_api.post("/spaces/cohort-a/join").status_code == 404


def test_members_list(member_api, outsider_api, moderator, member):
    body = member_api.get("/spaces/cohort-a/members").json()
    assert [m["person"]["username"] for m in body["items"]] == ["moderator", "member"]
    assert body["items"][0]["role"] == "moderator"
    assert outsider_api.get("/spaces/cohort-a/members").status_code == 404


def test_invite(api_as, moderator, member, private_space):
    newcomers = [PersonFactory(username=f"new{n}") for n in range(3)]
    api = api_as(moderator)
    response = api.post("/spaces/cohort-a/invite", {"usernames": ["new0", "new1", "member"]})
    assert response.status_code == 201
    assert [m["person"]["username"] for m in response.json()["items"]] == ["new0", "new1"]
    assert api.post("/spaces/cohort-a/invite", {"usernames": ["new0"]}).status_code == 409

    unknown = api.post("/spaces/cohort-a/invite", {"usernames": ["new2", "ghost"]})
    assert unknown.status_code == 404
    assert "ghost" in unknown.json()["detail"]
    assert not Membership.objects.filter(person=newcomers[2]).exists()

    too_many = api.post("/spaces/cohort-a/invite", {"usernames": [f"u{n}" for n in range(51)]})
    assert too_many.status_code == 422
    assert api.post("/spaces/cohort-a/invite", {"usernames": []}).status_code == 422
    # An ordinary member of a private space may not invite.
    assert (
        api_as(member).post("/spaces/cohort-a/invite", {"usernames": ["new2"]}).status_code == 403
    )


def test_set_role(api_as, owner, member, private_space):
    api = api_as(owner)
    response = api.put("/spaces/cohort-a/members/member", {"role": "moderator"})
    assert response.status_code == 200
    assert response.json() == {
        "person": {"username": "member", "name": "Mia Member", "job_title": ""},
        "role": "moderator",
        "joined_at": response.json()["joined_at"],
    }
    assert Membership.objects.get(person=member, space=private_space).role == Role.MODERATOR
    assert api.put("/spaces/cohort-a/members/member", {"role": "king"}).status_code == 422
    assert api.put("/spaces/cohort-a/members/owner", {"role": "member"}).status_code == 409
    # A member cannot promote themselves.
    self_promote = api_as(member).put("/spaces/cohort-a/members/member", {"role": "owner"})
    assert self_promote.status_code == 403
    assert api.put("/spaces/cohort-a/members/nobody", {"role": "member"}).status_code == 404

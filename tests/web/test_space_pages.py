"""The space directory, creating a space, a space's page and its members."""

import pytest

from groundswell.spaces.models import Membership, Role, Space
from tests.factories import PersonFactory, SpaceFactory, ThreadFactory
from tests.web.conftest import HTMX

pytestmark = pytest.mark.django_db


def test_the_directory_lists_visible_spaces_only(login, outsider, open_space, private_space):
    html = login(outsider).get("/spaces/").content.decode()
    assert open_space.name.replace("'", "&#x27;") in html
    assert private_space.name not in html


def test_the_directory_filters_by_kind_membership_and_name(login, member, open_space):
    SpaceFactory(name="Forklift course", slug="forklift", kind="course")
    client = login(member)
    assert b"Forklift course" in client.get("/spaces/?kind=course").content
    assert b"Forklift course" not in client.get("/spaces/?kind=community").content
    mine = client.get("/spaces/?mine=1").content.decode()
    assert "Forklift course" not in mine and "Cohort A" in mine
    assert b"Forklift course" in client.get("/spaces/?q=fork").content
    assert b"No spaces match." in client.get("/spaces/?q=zzz").content


def test_the_directory_is_paginated(login, outsider):
    for n in range(25):
        SpaceFactory(name=f"Depot {n:02d}")
    client = login(outsider)
    assert b'rel="next"' in client.get("/spaces/").content
    assert b'rel="prev"' in client.get("/spaces/?page=2").content


def test_creating_a_space(login, member):
    client = login(member)
    page = client.get("/spaces/new/").content.decode()
    assert 'name="kind"' not in page  # only administrators choose the kind
    response = client.post(
        "/spaces/new/",
        {"name": "Night shift", "description": "For us owls", "visibility": "private"},
    )
    space = Space.objects.get(name="Night shift")
    assert response.status_code == 302
    assert response["Location"] == space.get_absolute_url()
    assert space.is_private
    assert Membership.objects.get(space=space).role == Role.OWNER


def test_a_kind_sent_by_an_ordinary_person_is_ignored(login, member):
    login(member).post("/spaces/new/", {"name": "Sneaky", "visibility": "open", "kind": "course"})
    assert Space.objects.get(name="Sneaky").kind == "community"


def test_staff_choose_the_kind(login, admin_person):
    client = login(admin_person)
    assert b'name="kind"' in client.get("/spaces/new/").content
    client.post("/spaces/new/", {"name": "Forklift 101", "visibility": "open", "kind": "course"})
    assert Space.objects.get(name="Forklift 101").kind == "course"


def test_a_space_without_a_name_is_400(login, member):
    response = login(member).post("/spaces/new/", {"name": "", "visibility": "open"})
    assert response.status_code == 400
    assert b"A space needs a name." in response.content
    assert not Space.objects.filter(created_by=member).exists()


def test_space_page_for_a_member(login, member, open_space):
    ThreadFactory(space=open_space, title="Tyre pressure", kind="question")
    html = login(member).get(f"/spaces/{open_space.slug}/").content.decode()
    assert "Tyre pressure" in html
    assert f'href="/spaces/{open_space.slug}/new/"' in html
    assert ">Leave<" in html
    assert ">Join<" not in html


def test_space_page_filters_questions_and_unanswered(login, member, open_space):
    ThreadFactory(space=open_space, title="A chat", kind="discussion")
    ThreadFactory(space=open_space, title="An open question", kind="question")
    ThreadFactory(space=open_space, title="An answered question", kind="question", reply_count=2)
    client = login(member)
    questions = client.get(f"/spaces/{open_space.slug}/?show=questions").content.decode()
    assert "An open question" in questions and "A chat" not in questions
    unanswered = client.get(f"/spaces/{open_space.slug}/?show=unanswered").content.decode()
    assert "An open question" in unanswered and "An answered question" not in unanswered


def test_an_empty_space_invites_the_first_post(login, member):
    space = SpaceFactory(name="Empty", slug="empty")
    assert b"Nothing posted here yet." in login(member).get("/spaces/empty/").content
    assert space.slug == "empty"


def test_a_private_space_is_not_found_for_an_outsider(login, outsider, private_space):
    client = login(outsider)
    for suffix in ("", "members/", "new/"):
        response = client.get(f"/spaces/{private_space.slug}/{suffix}")
        assert response.status_code == 404, suffix
    assert client.post(f"/spaces/{private_space.slug}/join/").status_code == 404


def test_joining_and_leaving_an_open_space(login, outsider, open_space):
    client = login(outsider)
    assert b">Join<" in client.get(f"/spaces/{open_space.slug}/").content
    response = client.post(f"/spaces/{open_space.slug}/join/")
    assert response.status_code == 302
    assert Membership.objects.filter(space=open_space, person=outsider).exists()
    assert client.post(f"/spaces/{open_space.slug}/join/").status_code == 409
    client.post(f"/spaces/{open_space.slug}/leave/")
    assert not Membership.objects.filter(space=open_space, person=outsider).exists()


def test_members_page_with_the_invite_form(login, moderator, private_space, member):
    html = login(moderator).get(f"/spaces/{private_space.slug}/members/").content.decode()
    assert "Invite colleagues" in html
    assert 'for="id_usernames"' in html
    assert "Mia Member" in html


def test_a_plain_member_of_a_private_space_gets_no_invite_form(
    login, member, private_space, outsider
):
    html = login(member).get(f"/spaces/{private_space.slug}/members/").content.decode()
    assert "Invite colleagues" not in html
    response = login(member).post(
        f"/spaces/{private_space.slug}/members/", {"usernames": "outsider"}
    )
    assert response.status_code == 403


def test_inviting_colleagues_by_username(login, moderator, private_space, outsider):
    other = PersonFactory(username="zed")
    response = login(moderator).post(
        f"/spaces/{private_space.slug}/members/", {"usernames": "outsider, zed"}
    )
    assert response.status_code == 302
    assert set(
        Membership.objects.filter(space=private_space, person__in=[outsider, other]).values_list(
            "person__username", flat=True
        )
    ) == {"outsider", "zed"}


def test_inviting_an_unknown_username_rerenders_the_form(login, moderator, private_space):
    response = login(moderator).post(
        f"/spaces/{private_space.slug}/members/", {"usernames": "ghost"}
    )
    assert response.status_code == 400
    assert b"No such person: ghost." in response.content


def test_inviting_someone_already_in_is_a_conflict_shown_on_the_form(
    login, moderator, private_space, member
):
    response = login(moderator).post(
        f"/spaces/{private_space.slug}/members/", {"usernames": "member"}
    )
    assert response.status_code == 409
    assert b"already a member" in response.content
    assert b'class="error-summary"' in response.content


def test_owners_change_roles(login, owner, member, private_space):
    client = login(owner)
    assert b'name="role"' in client.get(f"/spaces/{private_space.slug}/members/").content
    response = client.post(
        f"/spaces/{private_space.slug}/members/member/role/", {"role": "moderator"}
    )
    assert response.status_code == 302
    assert Membership.objects.get(space=private_space, person=member).role == "moderator"


def test_others_cannot_change_roles(login, moderator, member, private_space):
    response = login(moderator).post(
        f"/spaces/{private_space.slug}/members/member/role/", {"role": "owner"}
    )
    assert response.status_code == 403
    assert Membership.objects.get(space=private_space, person=member).role == "member"


def test_the_last_owner_cannot_step_down(login, owner, private_space):
    response = login(owner).post(
        f"/spaces/{private_space.slug}/members/owner/role/", {"role": "member"}, headers=HTMX
    )
    assert response.status_code == 409
    assert b"A space needs at least one owner." in response.content

"""The one visibility policy, `Space.objects.visible_to`, and the selectors built on it."""

import pytest
from django.contrib.auth.models import AnonymousUser

from groundswell.errors import NotFound
from groundswell.spaces import permissions
from groundswell.spaces.models import Space, Visibility
from groundswell.spaces.selectors import member_list, space_get, space_list, spaces_joined
from tests.factories import MembershipFactory, PersonFactory, SpaceFactory


@pytest.fixture
def another_private_space(db):
    return SpaceFactory(name="Board room", slug="board-room", visibility=Visibility.PRIVATE)


def visible_slugs(person):
    return set(Space.objects.visible_to(person).values_list("slug", flat=True))


def test_anonymous_sees_no_space(open_space, private_space):
    assert visible_slugs(AnonymousUser()) == set()
    assert visible_slugs(None) == set()


def test_a_deactivated_person_sees_no_space(open_space, private_space, member):
    member.is_active = False
    member.save()
    assert visible_slugs(member) == set()


def test_an_outsider_sees_open_spaces_only(open_space, private_space, outsider):
    assert visible_slugs(outsider) == {"drivers-lounge"}


def test_a_member_sees_open_spaces_and_their_private_ones(
    open_space, private_space, another_private_space, member
):
    assert visible_slugs(member) == {"drivers-lounge", "cohort-a"}


def test_a_superuser_sees_every_space(open_space, private_space, another_private_space):
    boss = PersonFactory(is_superuser=True)
    assert visible_slugs(boss) == {"drivers-lounge", "cohort-a", "board-room"}


def test_staff_without_superuser_is_an_ordinary_reader(open_space, private_space):
    staff = PersonFactory(is_staff=True)
    assert visible_slugs(staff) == {"drivers-lounge"}


def test_a_deactivated_superuser_sees_nothing(open_space, private_space):
    boss = PersonFactory(is_superuser=True, is_active=False)
    assert visible_slugs(boss) == set()


def test_visibility_does_not_duplicate_rows_with_many_members(private_space, member):
    MembershipFactory.create_batch(5, space=private_space)
    assert list(Space.objects.visible_to(member).filter(slug="cohort-a")) == [private_space]


@pytest.mark.parametrize(
    ("who", "open_visible", "private_visible"),
    [
        ("anonymous", False, False),
        ("outsider", True, False),
        ("member", True, True),
        ("admin_person", True, True),
    ],
)
def test_can_view_space_agrees_with_visible_to(
    request, open_space, private_space, who, open_visible, private_visible
):
    viewer = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    assert permissions.can_view_space(viewer, open_space) is open_visible
    assert permissions.can_view_space(viewer, private_space) is private_visible
    for space, expected in ((open_space, open_visible), (private_space, private_visible)):
        assert Space.objects.visible_to(viewer).filter(pk=space.pk).exists() is expected


def test_space_get_hides_private_spaces_like_missing_ones(private_space, outsider, member):
    assert space_get(member, "cohort-a") == private_space
    with pytest.raises(NotFound) as hidden:
        space_get(outsider, "cohort-a")
    with pytest.raises(NotFound) as missing:
        space_get(outsider, "no-such-space")
    assert hidden.value.message == missing.value.message


def test_space_list_shows_visible_spaces_with_membership(
    open_space, private_space, outsider, member
):
    assert [(s.slug, s.is_member) for s in space_list(outsider).items] == [
        ("drivers-lounge", False)
    ]
    rows = {s.slug: s.is_member for s in space_list(member).items}
    assert rows == {"drivers-lounge": True, "cohort-a": True}


def test_space_list_filters_joined_spaces(open_space, private_space, outsider):
    assert space_list(outsider, joined=True).items == []


def test_spaces_joined_lists_only_the_persons_spaces(open_space, private_space, member, outsider):
    assert spaces_joined(member) == [private_space, open_space]
    assert spaces_joined(outsider) == []


def test_member_list_of_a_private_space_is_hidden_from_outsiders(private_space, member, outsider):
    assert [m.person for m in member_list(member, private_space).items] == [member]
    with pytest.raises(NotFound):
        member_list(outsider, private_space)


def test_member_list_leaves_out_deactivated_people(open_space, member, outsider):
    gone = PersonFactory(is_active=False)
    MembershipFactory(space=open_space, person=gone)
    assert gone not in [m.person for m in member_list(outsider, open_space).items]

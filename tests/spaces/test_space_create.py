"""space_create: validation, who may create which kind, and what it writes."""

import pytest

from groundswell.activity.models import Verb
from groundswell.errors import Forbidden, InvalidInput
from groundswell.spaces.models import Membership, Role, SpaceKind, Visibility
from groundswell.spaces.services import space_create
from tests.activity.recording import event_mark, nothing_written, only_event_since


def test_a_community_is_created_with_its_creator_as_owner(person):
    mark = event_mark()

    space = space_create(
        creator=person, name="  Night drivers  ", description=" Tips ", visibility="private"
    )

    space.refresh_from_db()
    assert space.name == "Night drivers"
    assert space.slug == "night-drivers"
    assert space.description == "Tips"
    assert space.kind == SpaceKind.COMMUNITY
    assert space.visibility == Visibility.PRIVATE
    assert space.member_count == 1
    assert space.created_by == person
    membership = Membership.objects.get(space=space)
    assert (membership.person, membership.role) == (person, Role.OWNER)
    only_event_since(
        mark, verb=Verb.CREATED_SPACE, actor=person, target=space, space=space, subject=None
    )


def test_slugs_stay_unique_for_equal_names(person):
    first = space_create(creator=person, name="Forklifts")
    second = space_create(creator=person, name="Forklifts")
    assert (first.slug, second.slug) == ("forklifts", "forklifts-2")


def test_a_name_without_slug_characters_still_gets_a_slug(person):
    assert space_create(creator=person, name="!!!").slug == "space"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 121}, "name"),
        ({"name": "Ok", "description": "d" * 2001}, "description"),
        ({"name": "Ok", "kind": "guild"}, "kind"),
        ({"name": "Ok", "visibility": "secret"}, "visibility"),
    ],
)
def test_invalid_input_is_refused_and_nothing_is_written(person, fields, field):
    with nothing_written(), pytest.raises(InvalidInput) as error:
        space_create(creator=person, **fields)
    assert field in error.value.errors


def test_the_longest_allowed_name_is_accepted(person):
    assert space_create(creator=person, name="x" * 120).name == "x" * 120


@pytest.mark.parametrize("kind", [SpaceKind.COURSE, SpaceKind.COHORT, SpaceKind.LEADERSHIP])
def test_only_staff_create_course_cohort_and_leadership_spaces(person, kind):
    with nothing_written(), pytest.raises(Forbidden):
        space_create(creator=person, name="Hazmat 101", kind=kind)


@pytest.mark.parametrize("kind", [SpaceKind.COURSE, SpaceKind.COHORT, SpaceKind.LEADERSHIP])
def test_staff_create_any_kind(admin_person, kind):
    space = space_create(creator=admin_person, name="Hazmat 101", kind=kind)
    assert space.kind == kind


def test_when_the_event_cannot_be_written_the_space_is_not_created(person, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("event log unavailable")

    monkeypatch.setattr("groundswell.spaces.services.event_record", broken)
    with nothing_written(), pytest.raises(RuntimeError):
        space_create(creator=person, name="Half-made")

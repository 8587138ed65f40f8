"""Joining, leaving, inviting and changing roles."""

import pytest

from groundswell.activity.models import Verb
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound
from groundswell.spaces.models import Membership, Role, Space
from groundswell.spaces.services import (
    MAX_INVITES_PER_REQUEST,
    membership_set_role,
    space_create,
    space_invite,
    space_join,
    space_leave,
)
from tests.activity.recording import (
    assert_event,
    event_mark,
    events_since,
    nothing_written,
    only_event_since,
)
from tests.factories import MembershipFactory, PersonFactory


def role_of(person, space):
    return (
        Membership.objects.filter(space=space, person=person).values_list("role", flat=True).first()
    )


def member_count(space):
    return Space.objects.get(pk=space.pk).member_count


# --- join ---------------------------------------------------------------------------------


def test_anyone_joins_an_open_space(owned_space, outsider):
    mark = event_mark()

    membership = space_join(person=outsider, space=owned_space)

    assert membership.role == Role.MEMBER
    assert role_of(outsider, owned_space) == Role.MEMBER
    assert member_count(owned_space) == 2
    only_event_since(mark, verb=Verb.JOINED, actor=outsider, target=owned_space, space=owned_space)


def test_joining_twice_is_a_conflict(owned_space, outsider):
    space_join(person=outsider, space=owned_space)
    with nothing_written(), pytest.raises(Conflict):
        space_join(person=outsider, space=owned_space)
    assert member_count(owned_space) == 2


def test_an_outsider_cannot_even_find_a_private_space_to_join(private_space, outsider):
    with nothing_written(), pytest.raises(NotFound):
        space_join(person=outsider, space=private_space)


def test_private_spaces_are_entered_by_invitation_only(private_space, admin_person):
    # An administrator sees every space, but joining a private one still needs an invitation.
    with nothing_written(), pytest.raises(Forbidden):
        space_join(person=admin_person, space=private_space)


def test_an_inactive_person_cannot_join(owned_space):
    gone = PersonFactory(is_active=False)
    with nothing_written(), pytest.raises(NotFound):
        space_join(person=gone, space=owned_space)


# --- leave --------------------------------------------------------------------------------


def test_a_member_leaves(owned_space, outsider):
    space_join(person=outsider, space=owned_space)
    mark = event_mark()

    space_leave(person=outsider, space=owned_space)

    assert role_of(outsider, owned_space) is None
    assert member_count(owned_space) == 1
    only_event_since(mark, verb=Verb.LEFT, actor=outsider, target=owned_space, space=owned_space)


def test_the_last_owner_cannot_leave(owned_space, owner):
    with nothing_written(), pytest.raises(Conflict):
        space_leave(person=owner, space=owned_space)
    assert role_of(owner, owned_space) == Role.OWNER


def test_an_owner_leaves_once_someone_else_owns_the_space(owned_space, owner, outsider):
    space_join(person=outsider, space=owned_space)
    membership_set_role(actor=owner, space=owned_space, member=outsider, role=Role.OWNER)

    space_leave(person=owner, space=owned_space)

    assert role_of(owner, owned_space) is None
    assert role_of(outsider, owned_space) == Role.OWNER


def test_leaving_a_space_one_is_not_in_is_a_conflict(owned_space, outsider):
    with nothing_written(), pytest.raises(Conflict):
        space_leave(person=outsider, space=owned_space)


# --- invite -------------------------------------------------------------------------------


def test_any_member_invites_to_an_open_space(open_space, member, outsider):
    mark = event_mark()

    added = space_invite(inviter=member, space=open_space, invitees=[outsider])

    assert [m.person for m in added] == [outsider]
    assert role_of(outsider, open_space) == Role.MEMBER
    only_event_since(
        mark,
        verb=Verb.INVITED,
        actor=member,
        target=open_space,
        space=open_space,
        subject=outsider,
    )


def test_a_non_member_cannot_invite_to_an_open_space(open_space, outsider):
    someone = PersonFactory()
    with nothing_written(), pytest.raises(Forbidden):
        space_invite(inviter=outsider, space=open_space, invitees=[someone])


def test_a_plain_member_cannot_invite_to_a_private_space(private_space, member, outsider):
    with nothing_written(), pytest.raises(Forbidden):
        space_invite(inviter=member, space=private_space, invitees=[outsider])


def test_an_outsider_cannot_find_a_private_space_to_invite_to(private_space, outsider):
    with nothing_written(), pytest.raises(NotFound):
        space_invite(inviter=outsider, space=private_space, invitees=[PersonFactory()])


def test_a_moderator_invites_to_a_private_space(private_space, moderator, outsider):
    space_invite(inviter=moderator, space=private_space, invitees=[outsider])
    assert role_of(outsider, private_space) == Role.MEMBER


def test_inviting_only_existing_members_is_a_conflict(private_space, moderator, member):
    with nothing_written(), pytest.raises(Conflict):
        space_invite(inviter=moderator, space=private_space, invitees=[member])


def test_every_invitee_is_checked_and_each_is_added_once(private_space, moderator, member):
    new, inactive = PersonFactory(), PersonFactory(is_active=False)
    mark = event_mark()

    added = space_invite(
        inviter=moderator, space=private_space, invitees=[member, new, inactive, new]
    )

    assert [m.person for m in added] == [new]
    assert role_of(new, private_space) == Role.MEMBER
    assert role_of(inactive, private_space) is None
    assert role_of(member, private_space) == Role.MEMBER
    (event,) = events_since(mark)
    assert_event(event, verb=Verb.INVITED, actor=moderator, target=private_space, subject=new)


def test_each_added_invitee_gets_an_event(open_space, member):
    invitees = [PersonFactory() for _ in range(3)]
    mark = event_mark()
    space_invite(inviter=member, space=open_space, invitees=invitees)
    assert [e.subject_id for e in events_since(mark)] == [p.pk for p in invitees]


def test_the_member_count_follows_invitations(owner, owned_space):
    space_invite(inviter=owner, space=owned_space, invitees=[PersonFactory(), PersonFactory()])
    assert member_count(owned_space) == 3


def test_at_most_fifty_people_are_invited_at_once(owner, owned_space):
    crowd = PersonFactory.create_batch(MAX_INVITES_PER_REQUEST + 1)
    with nothing_written(), pytest.raises(InvalidInput):
        space_invite(inviter=owner, space=owned_space, invitees=crowd)
    assert len(space_invite(inviter=owner, space=owned_space, invitees=crowd[:50])) == 50


def test_an_empty_invitation_is_invalid(owner, owned_space):
    with nothing_written(), pytest.raises(InvalidInput):
        space_invite(inviter=owner, space=owned_space, invitees=[])


# --- roles --------------------------------------------------------------------------------


def test_an_owner_promotes_a_member(owned_space, owner, outsider):
    space_join(person=outsider, space=owned_space)
    mark = event_mark()

    membership_set_role(actor=owner, space=owned_space, member=outsider, role=Role.MODERATOR)

    assert role_of(outsider, owned_space) == Role.MODERATOR
    only_event_since(
        mark,
        verb=Verb.ROLE_CHANGED,
        actor=owner,
        target=owned_space,
        subject=outsider,
        data={"role": Role.MODERATOR},
    )


@pytest.mark.parametrize("actor_role", [Role.MEMBER, Role.MODERATOR])
def test_only_owners_change_roles(open_space, member, actor_role):
    actor = PersonFactory()
    MembershipFactory(space=open_space, person=actor, role=actor_role)
    with nothing_written(), pytest.raises(Forbidden):
        membership_set_role(actor=actor, space=open_space, member=member, role=Role.OWNER)
    assert role_of(member, open_space) == Role.MEMBER
    assert role_of(actor, open_space) == actor_role


def test_nobody_promotes_themselves(open_space, member):
    with nothing_written(), pytest.raises(Forbidden):
        membership_set_role(actor=member, space=open_space, member=member, role=Role.OWNER)
    assert role_of(member, open_space) == Role.MEMBER


def test_an_outsider_cannot_find_a_private_space_to_change_roles_in(
    private_space, outsider, member
):
    with nothing_written(), pytest.raises(NotFound):
        membership_set_role(actor=outsider, space=private_space, member=member, role=Role.OWNER)


def test_the_last_owner_cannot_be_demoted(owned_space, owner):
    with nothing_written(), pytest.raises(Conflict):
        membership_set_role(actor=owner, space=owned_space, member=owner, role=Role.MEMBER)
    assert role_of(owner, owned_space) == Role.OWNER


def test_an_owner_steps_down_when_another_owner_remains(owned_space, owner, outsider):
    space_join(person=outsider, space=owned_space)
    membership_set_role(actor=owner, space=owned_space, member=outsider, role=Role.OWNER)

    membership_set_role(actor=owner, space=owned_space, member=owner, role=Role.MEMBER)

    assert role_of(owner, owned_space) == Role.MEMBER
    assert role_of(outsider, owned_space) == Role.OWNER


def test_an_unknown_role_is_invalid(owned_space, owner, outsider):
    space_join(person=outsider, space=owned_space)
    with nothing_written(), pytest.raises(InvalidInput):
        membership_set_role(actor=owner, space=owned_space, member=outsider, role="emperor")


def test_roles_are_changed_only_for_members(owned_space, owner, outsider):
    with nothing_written(), pytest.raises(NotFound):
        membership_set_role(actor=owner, space=owned_space, member=outsider, role=Role.MODERATOR)


def test_an_administrator_changes_roles_anywhere(private_space, admin_person, member):
    membership_set_role(actor=admin_person, space=private_space, member=member, role=Role.OWNER)
    assert role_of(member, private_space) == Role.OWNER


def test_a_demoted_moderator_loses_moderation_at_once(owned_space, owner, outsider):
    from groundswell.spaces import permissions

    space_join(person=outsider, space=owned_space)
    membership_set_role(actor=owner, space=owned_space, member=outsider, role=Role.MODERATOR)
    space = Space.objects.get(pk=owned_space.pk)
    assert permissions.can_moderate_space(outsider, space)

    membership_set_role(actor=owner, space=space, member=outsider, role=Role.MEMBER)

    assert not permissions.can_moderate_space(outsider, space)
    assert not permissions.can_moderate_space(outsider, Space.objects.get(pk=space.pk))


def test_space_create_then_leave_keeps_counts_consistent(person):
    space = space_create(creator=person, name="Counts")
    others = PersonFactory.create_batch(3)
    for other in others:
        space_join(person=other, space=space)
    space_leave(person=others[0], space=space)
    assert member_count(space) == Membership.objects.filter(space=space).count() == 3

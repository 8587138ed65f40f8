"""Writes on spaces and memberships. One function per user action, each atomic."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.text import slugify

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.analytics.tasks import analytics_after_commit
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound
from groundswell.notifications.services import notify_after_commit
from groundswell.people.models import Person
from groundswell.ratelimits import check_rate, scopes
from groundswell.spaces import permissions
from groundswell.spaces.models import Membership, Role, Space, SpaceKind, Visibility

MAX_INVITES_PER_REQUEST = 50


# Slugs that are page addresses under /spaces/ themselves.
RESERVED_SLUGS = {"new"}


def unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "space"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Space.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _add_member(space: Space, person: Person, role: str) -> Membership:
    try:
        with transaction.atomic():
            membership = Membership.objects.create(space=space, person=person, role=role)
    except IntegrityError as exc:
        raise Conflict(f"{person.name} is already a member of {space.name}.") from exc
    Space.objects.filter(pk=space.pk).update(member_count=F("member_count") + 1)
    permissions.remember_role(space, person, role)
    return membership


@transaction.atomic
def space_create(
    *,
    creator: Person,
    name: str,
    description: str = "",
    kind: str = SpaceKind.COMMUNITY,
    visibility: str = Visibility.OPEN,
    org_unit=None,
) -> Space:
    """Anyone may create a community; course, cohort and leadership spaces need staff."""
    name = (name or "").strip()
    if not name:
        raise InvalidInput("A space needs a name.", field="name")
    if len(name) > 120:
        raise InvalidInput("A space name has at most 120 characters.", field="name")
    if len(description or "") > 2000:
        raise InvalidInput("A description has at most 2,000 characters.", field="description")
    if kind not in SpaceKind.values:
        raise InvalidInput(f"Unknown kind of space: {kind!r}.", field="kind")
    if visibility not in Visibility.values:
        raise InvalidInput(f"Unknown visibility: {visibility!r}.", field="visibility")
    if kind != SpaceKind.COMMUNITY and not creator.is_staff:
        raise Forbidden("Only administrators create course, cohort and leadership spaces.")
    space = Space.objects.create(
        name=name,
        slug=unique_slug(name),
        description=description.strip(),
        kind=kind,
        visibility=visibility,
        org_unit=org_unit,
        created_by=creator,
    )
    _add_member(space, creator, Role.OWNER)
    space.member_count = 1
    event_record(actor=creator, verb=Verb.CREATED_SPACE, target=space, space=space)
    return space


@transaction.atomic
def space_join(*, person: Person, space: Space) -> Membership:
    """Join an open space. Private spaces are entered by invitation only."""
    if not permissions.can_view_space(person, space):
        raise NotFound()
    if space.visibility != Visibility.OPEN:
        raise Forbidden("This space is private: a moderator has to invite you.")
    membership = _add_member(space, person, Role.MEMBER)
    event = event_record(actor=person, verb=Verb.JOINED, target=space, space=space)
    analytics_after_commit(event)  # engagement counts the join
    return membership


@transaction.atomic
def space_leave(*, person: Person, space: Space) -> None:
    """Leave a space; the last owner must hand over first so a space is never orphaned."""
    membership = Membership.objects.filter(space=space, person=person).first()
    if membership is None:
        raise Conflict("You are not a member of this space.")
    if membership.role == Role.OWNER:
        owners = Membership.objects.filter(space=space, role=Role.OWNER).count()
        if owners == 1:
            raise Conflict("You are the only owner: make someone else an owner before leaving.")
    membership.delete()
    Space.objects.filter(pk=space.pk).update(member_count=F("member_count") - 1)
    permissions.remember_role(space, person, None)
    event_record(actor=person, verb=Verb.LEFT, target=space, space=space)


@transaction.atomic
def space_invite(*, inviter: Person, space: Space, invitees: list[Person]) -> list[Membership]:
    """Add colleagues to a space. Everyone named is checked; nobody is added twice."""
    if not permissions.can_view_space(inviter, space):
        raise NotFound()
    if not permissions.can_invite_to_space(inviter, space):
        raise Forbidden("You may not invite people to this space.")
    if not invitees:
        raise InvalidInput("Name at least one colleague to invite.", field="usernames")
    if len(invitees) > MAX_INVITES_PER_REQUEST:
        raise InvalidInput(
            f"Invite at most {MAX_INVITES_PER_REQUEST} people at once.", field="usernames"
        )
    # Each invitee counts: the limit is on people added, whatever the number of requests.
    check_rate(scopes.INVITE, inviter.pk, cost=len(invitees))
    existing = set(
        Membership.objects.filter(space=space, person__in=invitees).values_list(
            "person_id", flat=True
        )
    )
    added = []
    for invitee in invitees:
        if invitee.pk in existing or not invitee.is_active:
            continue
        added.append(_add_member(space, invitee, Role.MEMBER))
        existing.add(invitee.pk)
        notify_after_commit(
            event_record(
                actor=inviter, verb=Verb.INVITED, target=space, space=space, subject=invitee
            )
        )
    if not added:
        raise Conflict("Everyone you named is already a member.")
    return added


@transaction.atomic
def membership_set_role(*, actor: Person, space: Space, member: Person, role: str) -> Membership:
    """Owners promote and demote; the last owner cannot demote themselves."""
    if not permissions.can_view_space(actor, space):
        raise NotFound()
    if not permissions.can_manage_roles(actor, space):
        raise Forbidden("Only an owner changes roles in this space.")
    if role not in Role.values:
        raise InvalidInput(f"Unknown role: {role!r}.", field="role")
    membership = Membership.objects.select_for_update().filter(space=space, person=member).first()
    if membership is None:
        raise NotFound(f"{member.name} is not a member of this space.")
    demoting_owner = membership.role == Role.OWNER and role != Role.OWNER
    if demoting_owner and Membership.objects.filter(space=space, role=Role.OWNER).count() == 1:
        raise Conflict("A space needs at least one owner.")
    membership.role = role
    membership.save(update_fields=["role"])
    permissions.remember_role(space, member, role)
    event_record(
        actor=actor,
        verb=Verb.ROLE_CHANGED,
        target=space,
        space=space,
        subject=member,
        data={"role": role},
    )
    return membership

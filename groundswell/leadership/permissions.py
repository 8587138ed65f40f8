"""Who may ask leadership, who answers for it, who runs AMA sessions. Used by services, views
and templates alike."""

from groundswell.spaces.models import Role, SpaceKind, sees_everything
from groundswell.spaces.permissions import can_post_in_space, can_view_space, has_role

# People at this level or above lead their unit and every unit below it.
LEADER_LEVEL = 3


def is_in_unit(person, space) -> bool:
    """The person works in the space's unit or below it (a space without a unit: everyone)."""
    if space.org_unit_id is None:
        return True
    unit = getattr(person, "org_unit", None)
    return unit is not None and unit.path.startswith(space.org_unit.path)


def _leads_unit(person, space) -> bool:
    unit = getattr(person, "org_unit", None)
    if space.org_unit_id is None or unit is None or person.level < LEADER_LEVEL:
        return False
    return space.org_unit.path.startswith(unit.path)


def is_leader(person, space) -> bool:
    """Answers for leadership here: the space's owners and moderators, and people at level 3
    or above whose unit is the space's unit or above it."""
    if space.kind != SpaceKind.LEADERSHIP:
        return False
    if person is None or not person.is_authenticated or not can_view_space(person, space):
        return False
    return has_role(person, space, Role.MODERATOR) or _leads_unit(person, space)


def can_ask_leadership(person, space) -> bool:
    """Anyone in the unit (or a leader of it) may put a question to its management."""
    if space.kind != SpaceKind.LEADERSHIP or not can_post_in_space(person, space):
        return False
    return is_in_unit(person, space) or is_leader(person, space) or sees_everything(person)


def can_create_leadership_space(person) -> bool:
    return bool(person.is_authenticated and (person.is_staff or person.is_superuser))


def can_see_anonymous_askers(person) -> bool:
    """Only administrators, for moderation; never leaders."""
    return sees_everything(person)


def can_schedule_ama(person, space) -> bool:
    """Leaders of a leadership space; in any other space, its moderators."""
    if not can_view_space(person, space):
        return False
    return (
        is_leader(person, space)
        or has_role(person, space, Role.MODERATOR)
        or sees_everything(person)
    )


def can_host(person, session) -> bool:
    return any(host.pk == person.pk for host in session.hosts.all()) or can_schedule_ama(
        person, session.space
    )


def can_ask_in_ama(person, session) -> bool:
    """Questions are collected before and during the session, not once it is archived."""
    from groundswell.leadership.models import AmaStatus

    if session.status == AmaStatus.ARCHIVED:
        return False
    if session.space.kind == SpaceKind.LEADERSHIP:
        return can_ask_leadership(person, session.space)
    return can_post_in_space(person, session.space)


def can_register(person, session) -> bool:
    from groundswell.leadership.models import AmaStatus

    return session.status != AmaStatus.ARCHIVED and can_view_space(person, session.space)

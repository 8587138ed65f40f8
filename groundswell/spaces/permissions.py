"""Who may do what in a space. Used by services, views and templates alike."""

from groundswell.spaces.models import Membership, Role, Space, Visibility, sees_everything

_ROLE_RANK = {Role.MEMBER: 1, Role.MODERATOR: 2, Role.OWNER: 3}


def role_in(person, space: Space) -> str | None:
    """The person's role in the space, or None; remembered on the space for the request."""
    if person is None or not person.is_authenticated:
        return None
    cache = space.__dict__.setdefault("_roles", {})
    if person.pk not in cache:
        cache[person.pk] = (
            Membership.objects.filter(space=space, person=person)
            .values_list("role", flat=True)
            .first()
        )
    return cache[person.pk]


def remember_role(space: Space, person, role: str | None) -> None:
    """Prime the role cache when a selector already fetched the membership."""
    space.__dict__.setdefault("_roles", {})[person.pk] = role


def has_role(person, space: Space, at_least: str) -> bool:
    role = role_in(person, space)
    return role is not None and _ROLE_RANK[role] >= _ROLE_RANK[at_least]


def can_view_space(person, space: Space) -> bool:
    if person is None or not person.is_authenticated or not person.is_active:
        return False
    return (
        space.visibility == Visibility.OPEN
        or sees_everything(person)
        or role_in(person, space) is not None
    )


def can_post_in_space(person, space: Space) -> bool:
    """Open spaces take posts from anyone who can read them; private ones from members."""
    if space.visibility == Visibility.OPEN:
        return can_view_space(person, space)
    return role_in(person, space) is not None


def can_join_space(person, space: Space) -> bool:
    return (
        space.visibility == Visibility.OPEN
        and can_view_space(person, space)
        and role_in(person, space) is None
    )


def can_moderate_space(person, space: Space) -> bool:
    return sees_everything(person) or has_role(person, space, Role.MODERATOR)


def can_invite_to_space(person, space: Space) -> bool:
    """Any member may bring colleagues into an open space; private spaces need a moderator."""
    if space.visibility == Visibility.OPEN:
        return role_in(person, space) is not None or sees_everything(person)
    return can_moderate_space(person, space)


def can_manage_roles(person, space: Space) -> bool:
    return sees_everything(person) or has_role(person, space, Role.OWNER)

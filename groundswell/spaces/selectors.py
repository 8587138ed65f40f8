"""Reads of spaces and members, always through `Space.objects.visible_to(person)`."""

from django.db.models import Exists, OuterRef

from groundswell.errors import NotFound
from groundswell.pagination import Page, paginate
from groundswell.spaces import permissions
from groundswell.spaces.models import Membership, Space


def space_get(person, slug: str) -> Space:
    """The space if the person may see it; otherwise NotFound, whether or not it exists."""
    space = Space.objects.visible_to(person).filter(slug=slug).first()
    if space is None:
        raise NotFound("No such space.")
    return space


def space_get_by_id(person, space_id: int) -> Space:
    space = Space.objects.visible_to(person).filter(pk=space_id).first()
    if space is None:
        raise NotFound("No such space.")
    return space


def space_list(
    person, *, kind: str | None = None, joined: bool = False, query: str = "", page=1, per_page=None
) -> Page:
    """Spaces the person may see, with whether they are a member, in one query."""
    spaces = Space.objects.visible_to(person).annotate(
        is_member=Exists(Membership.objects.filter(space=OuterRef("pk"), person=person))
    )
    if kind:
        spaces = spaces.filter(kind=kind)
    if joined:
        spaces = spaces.filter(is_member=True)
    if query:
        spaces = spaces.filter(name__icontains=query.strip()[:100])
    return paginate(spaces.order_by("-member_count", "name"), page, per_page)


def spaces_joined(person, limit: int = 50) -> list[Space]:
    """The person's own spaces, for navigation and the feed's sidebar."""
    return list(Space.objects.visible_to(person).joined_by(person).order_by("name")[:limit])


def member_list(person, space: Space, *, page=1, per_page=None) -> Page:
    """Members of a space the person can see, owners and moderators first."""
    if not permissions.can_view_space(person, space):
        raise NotFound("No such space.")
    members = (
        Membership.objects.filter(space=space, person__is_active=True)
        .select_related("person", "person__org_unit")
        .order_by("-role", "person__display_name")
    )
    return paginate(members, page, per_page)

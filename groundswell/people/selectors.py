"""Reads of people. Profiles are visible to every colleague; their activity goes through the
thread visibility policy."""

from groundswell.errors import NotFound
from groundswell.pagination import Page, paginate
from groundswell.people.models import OrgUnit, Person


def person_get(viewer, username: str) -> Person:
    if viewer is None or not viewer.is_authenticated:
        raise NotFound("No such person.")
    person = (
        Person.objects.active()
        .select_related("org_unit", "manager")
        .prefetch_related("skills")
        .filter(username=username)
        .first()
    )
    if person is None:
        raise NotFound("No such person.")
    return person


def person_list(
    viewer, *, query: str = "", unit: OrgUnit | None = None, page=1, per_page=None
) -> Page:
    people = Person.objects.active().select_related("org_unit")
    if query:
        people = people.search_prefix(query[:100])
    if unit is not None:
        people = people.filter(org_unit__path__startswith=unit.path)
    return paginate(people.order_by("display_name", "username"), page, per_page)


def unit_get(code: str) -> OrgUnit:
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        raise NotFound("No such unit.")
    return unit


def unit_list(viewer, *, page=1, per_page=None) -> Page:
    """The org chart in tree order (a unit right before everything below it), for colleagues."""
    if viewer is None or not viewer.is_authenticated:
        raise NotFound("No such unit.")
    return paginate(OrgUnit.objects.select_related("parent").order_by("path", "id"), page, per_page)


def people_get_many(viewer, usernames: list[str]) -> list[Person]:
    """Active people by username, in the order given (duplicates dropped); NotFound naming
    every username that matches nobody, so a list is checked entry by entry."""
    if viewer is None or not viewer.is_authenticated:
        raise NotFound("No such person.")
    wanted = list(dict.fromkeys(usernames))
    found = {p.username: p for p in Person.objects.active().filter(username__in=wanted)}
    missing = [name for name in wanted if name not in found]
    if missing:
        raise NotFound(f"No such person: {', '.join(missing)}.", field="usernames")
    return [found[name] for name in wanted]

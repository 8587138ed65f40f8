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

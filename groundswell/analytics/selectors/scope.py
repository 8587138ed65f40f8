"""Filters resolved against what the viewer may see: unit inside their scope, topic and space
visible to them."""

from dataclasses import dataclass
from datetime import date

from groundswell.analytics.filters import Filters
from groundswell.analytics.permissions import Scope
from groundswell.errors import NotFound
from groundswell.people.selectors import unit_get
from groundswell.spaces.selectors import space_get
from groundswell.topics.selectors import topic_get_visible


@dataclass(frozen=True)
class Resolved:
    start: date
    end: date
    unit_path: str | None
    topic_id: int | None
    space_id: int | None
    scoped: bool  # restricted to a manager's units


def resolve_filters(viewer, scope: Scope, filters: Filters) -> Resolved:
    """NotFound for a unit outside the viewer's scope, or a topic/space they cannot see."""
    unit_path = scope.unit_path
    if filters.unit:
        unit = unit_get(filters.unit)
        if scope.unit_path and not unit.path.startswith(scope.unit_path):
            raise NotFound("No such unit.")
        unit_path = unit.path
    topic_id = topic_get_visible(viewer, filters.topic).pk if filters.topic else None
    space_id = space_get(viewer, filters.space).pk if filters.space else None
    return Resolved(
        start=filters.start,
        end=filters.end,
        unit_path=unit_path,
        topic_id=topic_id,
        space_id=space_id,
        scoped=scope.unit_path is not None,
    )

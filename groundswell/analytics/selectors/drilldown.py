from groundswell.analytics.filters import Filters
from groundswell.analytics.models import KnowledgeTransfer
from groundswell.analytics.permissions import can_drill_down, dashboard_scope
from groundswell.analytics.selectors.people_panels import top_connectors
from groundswell.analytics.selectors.scope import resolve_filters
from groundswell.errors import NotFound
from groundswell.pagination import Page, clamp_page, paginate


def drilldown_list(
    viewer, filters: Filters, *, source_level: int, learner_level: int, page=1
) -> Page:
    """Who learned from whom in one matrix cell (unit and space filters apply; the topic filter
    does not): administrators only, NotFound otherwise.
    The caller audits the view with `services.drilldown_record`."""
    if not can_drill_down(viewer):
        raise NotFound("No such page.")
    r = resolve_filters(viewer, dashboard_scope(viewer), filters)
    edges = KnowledgeTransfer.objects.filter(
        source_level=source_level,
        learner_level=learner_level,
        day__gte=r.start,
        day__lte=r.end,
    ).select_related("source", "learner")
    if r.unit_path:
        edges = edges.filter(learner_unit_path__startswith=r.unit_path)
    if r.space_id:
        edges = edges.filter(space_id_value=r.space_id)
    return paginate(edges, page, 50)


CONNECTORS_PER_PAGE = 25


def connectors_list(viewer, filters: Filters, page=1) -> Page:
    """The expert network by name: people whose transfers reached the most other units and
    people (unit filter applies; topic and space do not). Administrators only, NotFound
    otherwise; the caller audits the view with `services.connectors_open`."""
    if not can_drill_down(viewer):
        raise NotFound("No such page.")
    r = resolve_filters(viewer, dashboard_scope(viewer), filters)
    number, size = clamp_page(page, CONNECTORS_PER_PAGE)
    rows = top_connectors(r, offset=(number - 1) * size, limit=size + 1)
    return Page(items=rows[:size], number=number, per_page=size, has_next=len(rows) > size)

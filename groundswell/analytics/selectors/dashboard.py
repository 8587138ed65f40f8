"""The dashboard as a whole: scope check, filters, every panel's table and chart."""

from dataclasses import dataclass, field

from groundswell.analytics import charts
from groundswell.analytics.filters import Filters
from groundswell.analytics.permissions import Scope, dashboard_scope
from groundswell.analytics.selectors import panels, people_panels, questions
from groundswell.analytics.selectors.scope import Resolved, resolve_filters
from groundswell.analytics.tables import Table
from groundswell.errors import NotFound
from groundswell.people.models import OrgUnit
from groundswell.spaces.models import Space


@dataclass
class Panel:
    table: Table
    chart: object | None = None


@dataclass
class Dashboard:
    scope: Scope
    resolved: Resolved
    filters: Filters
    panels: list[Panel] = field(default_factory=list)
    choices: dict = field(default_factory=dict)


def _scope_or_404(viewer) -> Scope:
    scope = dashboard_scope(viewer)
    if scope is None:
        # A learner is not told the dashboard exists: 404, like any object they may not see.
        raise NotFound("No such page.")
    return scope


def _tables(viewer, r: Resolved) -> dict:
    return {
        "flow-matrix": lambda: panels.flow_matrix(r),
        "direction-shares": lambda: panels.direction_shares(r),
        "return-of-expertise": lambda: panels.return_of_expertise(r),
        "peer-support": lambda: questions.peer_support(r),
        "unanswered": lambda: questions.unanswered_by_topic(viewer, r),
        "topic-gaps": lambda: questions.topic_gaps(viewer, r),
        "formal-learning": lambda: panels.formal_learning(viewer, r),
        "engagement-units": lambda: people_panels.engagement_by_unit(r),
        "engagement-levels": lambda: people_panels.engagement_by_level(r),
        "expert-network": lambda: people_panels.expert_network(r),
    }


CHARTS = {
    "flow-matrix": charts.heatmap,
    "direction-shares": charts.stacked_bars,
    "unanswered": charts.bars,
    "topic-gaps": charts.bars,
    "formal-learning": charts.bars,
    "engagement-units": charts.split_bars,
    "engagement-levels": charts.split_bars,
    "expert-network": charts.bars,
}


def dashboard_get(viewer, filters: Filters) -> Dashboard:
    """Every panel for the viewer: NotFound unless they may open the dashboard, figures
    limited to their scope (a manager's units) and to what the filters name."""
    scope = _scope_or_404(viewer)
    resolved = resolve_filters(viewer, scope, filters)
    dashboard = Dashboard(
        scope=scope, resolved=resolved, filters=filters, choices=filter_choices(viewer)
    )
    for name, build in _tables(viewer, resolved).items():
        table = build()
        chart = CHARTS.get(name)
        dashboard.panels.append(Panel(table, chart(table) if chart else None))
    return dashboard


def dashboard_tables(viewer, filters: Filters) -> tuple[Scope, list[Table]]:
    """Every panel's table without charts or form choices (for the API)."""
    scope = _scope_or_404(viewer)
    builders = _tables(viewer, resolve_filters(viewer, scope, filters))
    return scope, [build() for build in builders.values()]


def dashboard_table(viewer, filters: Filters, name: str) -> Table:
    """One panel's table (for CSV export), under the same rules as the dashboard."""
    scope = _scope_or_404(viewer)
    builders = _tables(viewer, resolve_filters(viewer, scope, filters))
    if name not in builders:
        raise NotFound("No such table.")
    return builders[name]()


def filter_choices(viewer) -> dict:
    """Units in the viewer's scope and spaces they can see, for the filter form."""
    scope = _scope_or_404(viewer)
    units = OrgUnit.objects.all()
    if scope.unit_path:
        units = units.filter(path__startswith=scope.unit_path)
    return {
        "units": list(units.values_list("code", "name")[:500]),
        "spaces": list(
            Space.objects.visible_to(viewer).order_by("name").values_list("slug", "name")[:500]
        ),
    }

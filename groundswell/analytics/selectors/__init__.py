"""Reads for the dashboard. Each reads rollups only (never the event log or the edges), inside
the viewer's scope and filters, and suppresses cells describing too few people."""

from groundswell.analytics.selectors.dashboard import (  # noqa: F401
    dashboard_get,
    dashboard_table,
    dashboard_tables,
    filter_choices,
    resolve_filters,
)
from groundswell.analytics.selectors.drilldown import drilldown_list  # noqa: F401

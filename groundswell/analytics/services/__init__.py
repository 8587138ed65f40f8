"""Writes of derived analytics: edges from events, rollups from edges and events."""

from groundswell.analytics.services.audit import connectors_open, drilldown_open  # noqa: F401
from groundswell.analytics.services.groups import learning_group  # noqa: F401
from groundswell.analytics.services.rebuild import (  # noqa: F401
    analytics_apply_event,
    analytics_rebuild,
)

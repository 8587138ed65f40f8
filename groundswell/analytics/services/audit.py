from django.db import transaction

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.analytics.filters import Filters
from groundswell.analytics.selectors.drilldown import connectors_list, drilldown_list


@transaction.atomic
def drilldown_open(*, viewer, filters: Filters, source_level: int, learner_level: int, page=1):
    """Show an administrator who learned from whom in one cell, and audit that they looked."""
    result = drilldown_list(
        viewer, filters, source_level=source_level, learner_level=learner_level, page=page
    )
    event_record(
        actor=viewer,
        verb=Verb.VIEWED_DRILLDOWN,
        data={
            "source_level": source_level,
            "learner_level": learner_level,
            **filters.query(),
            "page": result.number,
        },
    )
    return result


@transaction.atomic
def connectors_open(*, viewer, filters: Filters, page=1):
    """Show an administrator the expert network by name, and audit that they looked."""
    result = connectors_list(viewer, filters, page=page)
    event_record(
        actor=viewer,
        verb=Verb.VIEWED_DRILLDOWN,
        data={"panel": "expert-network", **filters.query(), "page": result.number},
    )
    return result

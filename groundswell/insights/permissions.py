"""Who may do what with an insight. Used by services, views (booleans for templates) and API.

Each function assumes the person can already see the insight (selectors check that)."""

from groundswell.insights.models import TRANSITIONS, Insight
from groundswell.spaces.models import sees_everything


def is_admin(person) -> bool:
    """Administrators (superusers), as everywhere else: `spaces.models.sees_everything`."""
    return sees_everything(person)


def is_routed_manager(person, insight: Insight) -> bool:
    """One of the managers the insight was routed to. Uses the prefetched list when there."""
    cache = getattr(insight, "_prefetched_objects_cache", {}).get("routed_managers")
    if cache is not None:
        return any(m.pk == person.pk for m in cache)
    return insight.routed_managers.filter(pk=person.pk).exists()


def can_triage(person, insight: Insight) -> bool:
    """Change status, respond, assign: the routed managers and administrators only."""
    return is_admin(person) or is_routed_manager(person, insight)


def can_change_status(person, insight: Insight) -> bool:
    return can_triage(person, insight) and bool(TRANSITIONS.get(insight.status))


def can_corroborate(person, insight: Insight) -> bool:
    """Anyone who sees it, except the reporter; merged duplicates are corroborated on the
    survivor."""
    return insight.reporter_id != person.pk and insight.merged_into_id is None


def can_merge(person, insight: Insight) -> bool:
    return can_triage(person, insight) and insight.merged_into_id is None


def can_see_reporter_of_corroborations(person, insight: Insight) -> bool:
    """Who corroborated is shown to those who triage and to the reporter; peers see counts."""
    return can_triage(person, insight) or insight.reporter_id == person.pk

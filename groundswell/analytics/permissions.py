"""Who may see learning analytics, and how much of the organisation."""

from dataclasses import dataclass

DASHBOARD_PERMISSION = "analytics.view_dashboard"
MANAGER_LEVEL = 3


def _active(person) -> bool:
    return bool(person and person.is_authenticated and person.is_active)


def is_manager(person) -> bool:
    """Level 3 or above with at least one direct report (one query)."""
    return (
        _active(person)
        and person.level >= MANAGER_LEVEL
        and person.org_unit_id is not None
        and person.reports.exists()
    )


def has_dashboard_permission(person) -> bool:
    """Learning professionals (the "Learning & development" group) and administrators."""
    return _active(person) and person.has_perm(DASHBOARD_PERMISSION)


def can_view_dashboard(person) -> bool:
    return has_dashboard_permission(person) or is_manager(person)


def can_drill_down(person) -> bool:
    """Only administrators see who learned from whom; each look is audited."""
    return _active(person) and person.is_superuser


@dataclass(frozen=True)
class Scope:
    """The part of the organisation a viewer's figures cover: `unit_path` None = all of it."""

    unit_path: str | None
    unit_name: str = ""


def dashboard_scope(person) -> Scope | None:
    """The viewer's scope, or None when they may not open the dashboard."""
    if has_dashboard_permission(person):
        return Scope(unit_path=None)
    if is_manager(person):
        return Scope(unit_path=person.org_unit.path, unit_name=person.org_unit.name)
    return None

"""`{% if user|can_open_analytics %}`: the nav link follows the dashboard's own permission."""

from django import template

from groundswell.analytics.permissions import can_view_dashboard

register = template.Library()


@register.filter
def can_open_analytics(person) -> bool:
    """Learning professionals, administrators and managers (for their units)."""
    return can_view_dashboard(person)

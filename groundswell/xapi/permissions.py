"""Who may read the xAPI export."""


def can_export_statements(person) -> bool:
    """Administrators and L&D staff (is_staff): statements name every colleague's actions."""
    return bool(
        person.is_authenticated and person.is_active and (person.is_staff or person.is_superuser)
    )

"""Who may look after the running system."""


def can_see_operations(person) -> bool:
    """Administrators (`is_staff`): failed tasks carry tracebacks and object ids."""
    return bool(person.is_authenticated and person.is_active and person.is_staff)

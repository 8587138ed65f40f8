"""Who may do what with people and the org chart. Used by services, views and templates."""


def can_import_people(actor) -> bool:
    """Provisioning is an administrator's job; `None` is the operator at the command line."""
    return actor is None or bool(actor.is_active and (actor.is_staff or actor.is_superuser))

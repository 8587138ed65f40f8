"""Who may endorse whom. Used by the service, the views and the profile template."""


def can_endorse(endorser, person) -> bool:
    """Any active colleague may vouch for another active colleague, never for themselves."""
    return bool(
        endorser is not None
        and endorser.is_authenticated
        and endorser.is_active
        and person.is_active
        and endorser.pk != person.pk
    )

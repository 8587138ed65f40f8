"""`check --deploy` warns when a rate limit is switched off."""

from django.conf import settings
from django.core import checks

from groundswell.ratelimits import scopes


@checks.register(checks.Tags.security, deploy=True)
def rate_limits_are_on(app_configs=None, **kwargs):
    groundswell = settings.GROUNDSWELL
    if not groundswell.get("RATE_LIMITS_ENABLED", True):
        return [
            checks.Warning(
                "Rate limits are switched off (GROUNDSWELL_RATE_LIMITS=0).",
                hint="Unset GROUNDSWELL_RATE_LIMITS: switching them off is for load tests.",
                id="groundswell.W001",
            )
        ]
    limits = groundswell.get("RATE_LIMITS", {})
    return [
        checks.Warning(
            f"The {scope!r} rate limit is switched off.",
            hint=f'Set GROUNDSWELL["RATE_LIMITS"][{scope!r}] to (count, seconds).',
            id="groundswell.W002",
        )
        for scope in scopes.ALL
        if limits.get(scope) is None
    ]

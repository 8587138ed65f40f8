"""Rate limits (TRUST 15): counters in Django's cache, shared by every worker process.

    from groundswell.ratelimits import check_rate, scopes
    check_rate(scopes.SEARCH, person.pk)   # raises groundswell.errors.RateLimited (429)

Limits are configured in `settings.GROUNDSWELL["RATE_LIMITS"]`. Where each is applied:
login (the authentication backend, `backends.py`), posting and invites (the services, with the
actor's id), password reset requests (the reset form), bad API tokens (the API's token auth);
search uses `scopes.SEARCH`.
"""

from groundswell.ratelimits import scopes
from groundswell.ratelimits.core import check_rate, ensure_allowed, record_failure, reset
from groundswell.ratelimits.network import client_address

SEARCH = scopes.SEARCH

__all__ = [
    "SEARCH",
    "check_rate",
    "client_address",
    "ensure_allowed",
    "record_failure",
    "reset",
    "scopes",
]

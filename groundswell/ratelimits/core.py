"""Counters in Django's cache, shared by every worker process (the database cache, or Redis).

Two kinds of limit, both keyed by (scope, key) where the key is a person's id, a username or a
client address:

- actions (posting, invites, reset requests, searches): a fixed-window counter. Each period
  is a window of its own key; the action that goes over the limit raises `RateLimited` with the
  seconds until the window ends. A burst across a window boundary can reach twice the limit,
  the price of one counter per window.
- failures (wrong passwords, bad tokens): `ensure_allowed` before the attempt and
  `record_failure` after a failed one. The failure that reaches the limit locks the key for a
  whole period from then on, so a lockout always lasts its full length.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from groundswell.errors import RateLimited
from groundswell.ratelimits import scopes

_MESSAGES = {
    scopes.LOGIN_USERNAME: "Too many sign-in attempts. Try again in {wait}.",
    scopes.LOGIN_ADDRESS: "Too many sign-in attempts. Try again in {wait}.",
    scopes.POSTING: "You are posting very quickly. Try again in {wait}.",
    scopes.INVITE: "You have invited many people in a short time. Try again in {wait}.",
    scopes.PASSWORD_RESET_ADDRESS: "Too many password reset requests. Try again in {wait}.",
    scopes.PASSWORD_RESET_EMAIL: "Too many password reset requests. Try again in {wait}.",
    scopes.TOKEN_FAILURE: "Too many invalid tokens from your address. Try again in {wait}.",
    scopes.SEARCH: "Too many searches in a short time. Try again in {wait}.",
    scopes.FLAGGING: "You have flagged many posts in a short time; moderators will review "
    "them. Try again in {wait}.",
}


def now() -> float:
    """The clock every limit reads; tests move it forward with monkeypatch."""
    return time.time()


@dataclass(frozen=True)
class Limit:
    count: int
    period: int  # seconds


def limit_for(scope: str) -> Limit | None:
    """The configured limit of a scope, or None when it is switched off."""
    if not settings.GROUNDSWELL.get("RATE_LIMITS_ENABLED", True):
        return None
    value = settings.GROUNDSWELL.get("RATE_LIMITS", {}).get(scope)
    if value is None:
        return None
    count, period = value
    return Limit(int(count), int(period))


def describe_wait(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _refuse(scope: str, retry_after: float) -> RateLimited:
    seconds = max(1, math.ceil(retry_after))
    message = _MESSAGES.get(scope, "Too many attempts. Try again in {wait}.")
    return RateLimited(message.format(wait=describe_wait(seconds)), retry_after=seconds)


def _digest(key) -> str:
    # Keys hold usernames and email addresses: hashed, they are short, safe for every cache
    # backend and not readable in the cache table.
    return hashlib.sha256(str(key).casefold().encode()).hexdigest()[:32]


def _window(scope: str, key, limit: Limit, at: float) -> tuple[str, float]:
    """The cache key of the window `at` falls in, and when that window ends."""
    index = int(at // limit.period)
    return f"ratelimit:{scope}:{_digest(key)}:{index}", (index + 1) * limit.period


def _lock_key(scope: str, key) -> str:
    return f"ratelimit:{scope}:{_digest(key)}:locked-until"


def _add(cache_key: str, amount: int, ttl: float) -> int:
    """Add to a counter that expires after `ttl` seconds; the new count."""
    timeout = math.ceil(ttl) + 1
    if cache.add(cache_key, amount, timeout):
        return amount
    try:
        count = cache.incr(cache_key, amount)  # atomic on Redis
    except ValueError:  # expired between add and incr
        cache.set(cache_key, amount, timeout)
        return amount
    cache.touch(cache_key, timeout)  # the database cache's incr resets the expiry
    return count


def check_rate(scope: str, key, *, cost: int = 1) -> None:
    """Count an action (`cost` of them) against the scope's limit for `key`; raise
    `RateLimited` if that goes over it."""
    limit = limit_for(scope)
    if limit is None or key is None:
        return
    at = now()
    cache_key, ends_at = _window(scope, key, limit, at)
    if _add(cache_key, cost, ends_at - at) > limit.count:
        raise _refuse(scope, ends_at - at)


def ensure_allowed(scope: str, key) -> None:
    """Raise `RateLimited` while `key` is locked out of the scope (see `record_failure`)."""
    if limit_for(scope) is None or key is None:
        return
    locked_until = cache.get(_lock_key(scope, key))
    at = now()
    if locked_until is not None and locked_until > at:
        raise _refuse(scope, locked_until - at)


def record_failure(scope: str, key) -> bool:
    """Count a failed attempt; the one that reaches the limit locks `key` out for a whole
    period. True when `key` is now locked."""
    limit = limit_for(scope)
    if limit is None or key is None:
        return False
    at = now()
    cache_key, ends_at = _window(scope, key, limit, at)
    if _add(cache_key, 1, ends_at - at) < limit.count:
        return False
    cache.set(_lock_key(scope, key), at + limit.period, limit.period + 1)
    return True


def reset(scope: str, key) -> None:
    """Forget the failures counted for `key` and lift its lock (after a success)."""
    limit = limit_for(scope)
    if limit is None or key is None:
        return
    cache_key, _ = _window(scope, key, limit, now())
    cache.delete_many([cache_key, _lock_key(scope, key)])

"""The sign-in lockout: after too many failed passwords for a username (default 10 in 15
minutes), that username is locked for the period, from any address, with the right password
too; a success resets the count. A second limit counts failures per client address, against
one address trying many usernames. Both answer with the same message, so a lock does not
tell whether the username exists."""

from groundswell.ratelimits import scopes
from groundswell.ratelimits.core import ensure_allowed, record_failure, reset


def _username_key(username: str) -> str:
    return username.strip()


def login_ensure_allowed(*, username: str, address: str | None) -> None:
    """Raise `RateLimited` when the username or the address is locked out."""
    ensure_allowed(scopes.LOGIN_USERNAME, _username_key(username))
    ensure_allowed(scopes.LOGIN_ADDRESS, address)


def login_failed(*, username: str, address: str | None) -> None:
    record_failure(scopes.LOGIN_USERNAME, _username_key(username))
    record_failure(scopes.LOGIN_ADDRESS, address)


def login_succeeded(*, username: str) -> None:
    reset(scopes.LOGIN_USERNAME, _username_key(username))


def login_unlock(*, username: str) -> None:
    """Lift a username's lock, e.g. once its owner proved their mailbox with a password
    reset: a lockout someone caused on purpose must not outlast that."""
    reset(scopes.LOGIN_USERNAME, _username_key(username))

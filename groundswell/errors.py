"""Domain errors raised by services and selectors, mapped to HTTP responses in one place
(`groundswell.web.errors` for pages, `groundswell.api` for the REST API)."""


class DomainError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, field: str | None = None, errors: dict | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.errors = errors or ({field: [message]} if field else {})


class InvalidInput(DomainError):
    """The request is understood but the values break a rule (empty title, too long…)."""

    status = 400
    code = "invalid"


class NotFound(DomainError):
    """Missing *or* not visible to this person: the two look the same so nothing leaks."""

    status = 404
    code = "not_found"

    def __init__(self, message: str = "Not found.", **kwargs):
        super().__init__(message, **kwargs)


class Forbidden(DomainError):
    """The person can see the object but may not do this to it."""

    status = 403
    code = "forbidden"


class Conflict(DomainError):
    """The action clashes with the current state (already voted, already a member…)."""

    status = 409
    code = "conflict"


class RateLimited(DomainError):
    """Too many attempts in a short time (TRUST 15); `retry_after` says when, in seconds.
    Answered with 429 and a `Retry-After` header."""

    status = 429
    code = "throttled"

    def __init__(self, message: str, *, retry_after: int, **kwargs):
        super().__init__(message, **kwargs)
        self.retry_after = max(1, int(retry_after))

"""Personal API tokens: create (shown once), list, revoke, and authenticate a presented token.

A token reads `gsw_<prefix>_<secret>`. Only the SHA-256 digest of the whole token is stored;
the prefix is stored in clear so a presented token is found by an indexed lookup and then
compared in constant time, and so people can tell their tokens apart in a list.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.errors import Conflict, InvalidInput, NotFound
from groundswell.pagination import Page, paginate
from groundswell.people.models import ApiToken, Person, TokenScope

TOKEN_MARK = "gsw"  # noqa: S105 - a public marker, not a secret
MAX_ACTIVE_TOKENS = 20
MAX_LIFETIME_DAYS = 366
# Writing last_used_at on every request would turn every read into a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)
_MAX_TOKEN_LENGTH = 100


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _split(raw: str) -> tuple[str, str] | None:
    """(prefix, secret) of a well-formed token, else None."""
    if not raw or len(raw) > _MAX_TOKEN_LENGTH:
        return None
    mark, _, rest = raw.partition("_")
    prefix, _, secret = rest.partition("_")
    if mark != TOKEN_MARK or not prefix or not secret or not prefix.isalnum():
        return None
    return prefix, secret


def _active(tokens):
    now = timezone.now()
    return tokens.filter(revoked_at__isnull=True).exclude(expires_at__lte=now)


@transaction.atomic
def api_token_create(
    *, person: Person, name: str, scope: str = TokenScope.READ, expires_in_days: int | None = None
) -> tuple[ApiToken, str]:
    """Create a personal token; returns the token row and the plaintext, which is never stored
    and cannot be shown again."""
    name = (name or "").strip()
    if not name:
        raise InvalidInput("Give the token a name, so you recognise it later.", field="name")
    if len(name) > 80:
        raise InvalidInput("A token name has at most 80 characters.", field="name")
    if scope not in TokenScope.values:
        raise InvalidInput(f"Unknown scope: {scope!r}.", field="scope")
    if expires_in_days is not None and not 1 <= expires_in_days <= MAX_LIFETIME_DAYS:
        raise InvalidInput(
            f"A token lives between 1 and {MAX_LIFETIME_DAYS} days.", field="expires_in_days"
        )
    # Lock the person's row so two concurrent requests cannot both pass the cap.
    Person.objects.select_for_update().filter(pk=person.pk).first()
    if _active(ApiToken.objects.filter(person=person)).count() >= MAX_ACTIVE_TOKENS:
        raise Conflict(f"You have {MAX_ACTIVE_TOKENS} active tokens: revoke one first.")
    prefix = secrets.token_hex(4)
    plaintext = f"{TOKEN_MARK}_{prefix}_{secrets.token_urlsafe(32)}"
    expires_at = (
        timezone.now() + timedelta(days=expires_in_days) if expires_in_days is not None else None
    )
    token = ApiToken.objects.create(
        person=person,
        name=name,
        prefix=prefix,
        digest=_digest(plaintext),
        scope=scope,
        expires_at=expires_at,
    )
    event_record(actor=person, verb=Verb.CREATED_TOKEN, target=token, data={"scope": scope})
    return token, plaintext


@transaction.atomic
def api_token_revoke(*, person: Person, token_id: int) -> ApiToken:
    """Revoke one of the person's own tokens; it stops working at once."""
    token = ApiToken.objects.select_for_update().filter(pk=token_id, person=person).first()
    if token is None:
        raise NotFound("No such token.")
    if token.revoked_at is not None:
        raise Conflict("This token is already revoked.")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    event_record(actor=person, verb=Verb.REVOKED_TOKEN, target=token)
    return token


def api_token_list(person: Person, *, page=1, per_page=None) -> Page:
    """The person's own tokens, newest first, revoked and expired ones included."""
    return paginate(
        ApiToken.objects.filter(person=person).order_by("-created_at", "-id"), page, per_page
    )


def api_token_status(token: ApiToken) -> str:
    """Whether the token works now: "revoked", "expired" or "active"."""
    if token.revoked_at is not None:
        return "revoked"
    if token.expires_at is not None and token.expires_at <= timezone.now():
        return "expired"
    return "active"


def api_token_authenticate(raw: str) -> Person | None:
    """The active person a presented token belongs to, or None.

    Revoked and expired tokens and deactivated people get None. The token used is attached as
    `person.api_token` so callers can check its scope.
    """
    parts = _split((raw or "").strip())
    if parts is None:
        return None
    prefix, _ = parts
    digest = _digest(raw.strip())
    now = timezone.now()
    candidates = ApiToken.objects.filter(prefix=prefix).select_related("person")
    token = next(
        (c for c in candidates if hmac.compare_digest(c.digest, digest)),
        None,
    )
    if token is None or token.revoked_at is not None:
        return None
    if token.expires_at is not None and token.expires_at <= now:
        return None
    if not token.person.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    person = token.person
    person.api_token = token
    return person

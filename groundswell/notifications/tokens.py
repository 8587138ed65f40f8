"""Signed unsubscribe tokens: a link in every email stops them without signing in.

The token names the person and is signed with SECRET_KEY (django.core.signing), so it cannot be
forged for someone else. It does not expire: an unsubscribe link in a year-old email must still
work. All it can do is turn emails off.
"""

from django.core import signing

SALT = "groundswell.notifications.unsubscribe"


def unsubscribe_token(person) -> str:
    return signing.dumps({"unsubscribe": person.pk}, salt=SALT)


def unsubscribe_person_id(token: str) -> int | None:
    """The id of the person a token was made for, or None when it is not a valid token."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    person_id = data.get("unsubscribe") if isinstance(data, dict) else None
    return person_id if isinstance(person_id, int) else None

"""Writes of single sign-on: a person created on first sign-in, and the sign-in event."""

import re

from django.db import transaction

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.people.models import Person
from groundswell.people.sso.config import sso_provider_name

USERNAME_MAX = Person._meta.get_field("username").max_length
DISPLAY_NAME_MAX = Person._meta.get_field("display_name").max_length
EMAIL_MAX = Person._meta.get_field("email").max_length


def _username_base(claims: dict) -> str:
    """A username from the provider's preferred username or the email's local part, in the
    characters Django allows (letters, digits and @.+-_)."""
    raw = claims.get("preferred_username") or claims.get("email") or "person"
    raw = str(raw).split("@", 1)[0]
    base = re.sub(r"[^\w.+-]", "", raw)[: USERNAME_MAX - 8]
    return base or "person"


def _free_username(base: str) -> str:
    username, n = base, 1
    while Person.objects.filter(username__iexact=username).exists():
        n += 1
        username = f"{base}{n}"
    return username


@transaction.atomic
def sso_person_create(*, claims: dict) -> Person:
    """Create the account of someone the provider vouches for but who is not in Groundswell
    yet (only with SSO_CREATE_PEOPLE). No usable password: they sign in through SSO. The org
    chart fields stay empty until the next `import_people`."""
    email = str(claims["email"]).strip()[:EMAIL_MAX]
    name = str(claims.get("name") or "").strip()[:DISPLAY_NAME_MAX]
    person = Person(username=_free_username(_username_base(claims)), email=email, display_name=name)
    person.set_unusable_password()
    person.save()
    return person


def sso_sign_in_record(*, person: Person, created: bool = False) -> None:
    """Record that someone signed in through the provider (an audit trail of SSO sign-ins)."""
    event_record(
        actor=person,
        verb=Verb.SIGNED_IN_SSO,
        target=person,
        data={"provider": sso_provider_name(), "created": created},
    )

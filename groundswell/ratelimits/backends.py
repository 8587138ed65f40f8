"""Django's ModelBackend behind the sign-in lockout. As an authentication backend it guards
every password check — the login page, the admin's login, `Client.login` — not only one form.

With single sign-on enforced (TRUST 18) it accepts no password at all, and sessions that were
opened with a password end at their next request: passwords are closed here, in the one place
every password check goes through, not form by form."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from groundswell.people.sso.config import sso_enforced
from groundswell.ratelimits.login import login_ensure_allowed, login_failed, login_succeeded
from groundswell.ratelimits.network import client_address


class LockoutModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if sso_enforced():
            return None
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        address = client_address(request)
        # Raises RateLimited (429) before the password is even checked.
        login_ensure_allowed(username=username, address=address)
        person = super().authenticate(request, username=username, password=password, **kwargs)
        if person is None:
            login_failed(username=username, address=address)
        else:
            login_succeeded(username=username)
        return person

    def get_user(self, user_id):
        # A session opened with a password before SSO was enforced would otherwise outlive
        # the switch: Django asks the backend that signed the session in for its person.
        if sso_enforced():
            return None
        return super().get_user(user_id)

"""Closes the Django admin's own password forms while SSO is enforced (TRUST 18).

The admin serves two password pages of its own: an administrator changing their password
(`/admin/password_change/`) and a user admin setting someone's password
(`/admin/<app>/<model>/<id>/password/`, for any user model registered now or later). Neither
is one of our views, so they are closed here, before the URL is resolved, like every other
password path."""

import re

from django.urls import reverse

from groundswell.people.sso.config import sso_enforced

# Under the admin's prefix: its password change (and "done") page, and a user admin's
# set-password form.
ADMIN_PASSWORD_PAGES = re.compile(r"^(?:password_change/|[^/]+/[^/]+/[^/]+/password/)")


class AdminPasswordsOffMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if sso_enforced() and self._is_admin_password_page(request.path_info):
            # Imported here: the account views import this package's config at load time.
            from groundswell.people.account_views import passwords_off

            return passwords_off(request)
        return self.get_response(request)

    @staticmethod
    def _is_admin_password_page(path: str) -> bool:
        prefix = reverse("admin:index")
        return path.startswith(prefix) and bool(ADMIN_PASSWORD_PAGES.match(path[len(prefix) :]))

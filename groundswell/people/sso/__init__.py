"""Single sign-on through OpenID Connect (TRUST 18), built on mozilla-django-oidc.

- `config`: whether SSO is on, enforced, and what the provider is called.
- `backend`: the authentication backend — ID token checks (signature, issuer, audience,
  expiry), matching people by email, refusing deactivated and unknown people.
- `views`: the start and callback pages, and the page that explains a refusal.
- `services`: creating a person on first sign-in (when allowed) and recording the sign-in.
- `checks`: system checks that refuse an incomplete configuration.
- `middleware`: closes the Django admin's own password forms while SSO is enforced.

Password paths closed by enforcement: the login form and its POST (`people.account_views`),
every `authenticate()` with a password (`ratelimits.backends`), sessions that were opened with a
password, the admin's login and its password forms (its own change, a user admin's
set-password), password reset and change. Personal API tokens keep working: they
are not passwords (see docs/security.md, "Single sign-on").
"""

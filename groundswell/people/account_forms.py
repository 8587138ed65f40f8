"""Forms of the account pages: password reset requests and personal API tokens."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm

from groundswell.people.models import TokenScope
from groundswell.people.tokens import MAX_LIFETIME_DAYS
from groundswell.ratelimits import check_rate, client_address, scopes


class PasswordResetRequestForm(PasswordResetForm):
    """Django's reset form, rate-limited per client address and per email address (TRUST 15)
    — counted whether or not an account has that address, so a refusal reveals nothing — and
    with links built from SITE_URL, never from the request's Host header, which a client
    chooses."""

    def save(self, *args, request=None, domain_override=None, use_https=False, **kwargs):
        check_rate(scopes.PASSWORD_RESET_ADDRESS, client_address(request))
        check_rate(scopes.PASSWORD_RESET_EMAIL, self.cleaned_data["email"])
        site = urlsplit(settings.SITE_URL)
        return super().save(
            *args,
            request=request,
            domain_override=site.netloc,
            use_https=site.scheme == "https",
            **kwargs,
        )


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=80,
        help_text="What the token is for, so you recognise it later, e.g. “weekly report script”.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    scope = forms.ChoiceField(
        label="Access",
        choices=[
            (TokenScope.READ, "Read only: the token can look, not change anything"),
            (TokenScope.WRITE, "Read and write: the token can post, vote and follow as you"),
        ],
        initial=TokenScope.READ,
        widget=forms.RadioSelect,
    )
    expires_in_days = forms.IntegerField(
        label="Expires after (days)",
        min_value=1,
        max_value=MAX_LIFETIME_DAYS,
        initial=90,
        required=False,
        help_text=f"From 1 to {MAX_LIFETIME_DAYS} days. Leave empty for a token that never "
        "expires.",
    )

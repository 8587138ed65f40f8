"""Signing in (password or SSO), your own account: password change and reset (Django's views
and token machinery, with our templates and limits), and personal API tokens."""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.messages.views import SuccessMessageMixin
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST

from groundswell.operations.permissions import can_see_operations
from groundswell.people import tokens
from groundswell.people.account_forms import PasswordResetRequestForm, TokenForm
from groundswell.people.sso.config import sso_enabled, sso_enforced, sso_provider_name
from groundswell.ratelimits.login import login_unlock
from groundswell.web.pages import form_view


def passwords_off(request):
    """The answer of every password page and form while SSO is enforced (TRUST 18)."""
    context = {"provider_name": sso_provider_name()}
    return render(request, "people/passwords_off.html", context, status=403)


class PasswordsInUse:
    """Closes a password page — its form and its POST — while SSO is enforced."""

    def dispatch(self, request, *args, **kwargs):
        if sso_enforced():
            return passwords_off(request)
        return super().dispatch(request, *args, **kwargs)


class SignIn(auth_views.LoginView):
    """The login page: "Sign in with <provider>" when SSO is on, and the username and
    password form unless SSO is enforced — then the form is not shown and its POST is
    refused before any password is looked at."""

    template_name = "web/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if sso_enforced():
            return passwords_off(request)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["passwords_allowed"] = not sso_enforced()
        if sso_enabled():
            start = reverse("people:sso_start")
            next_url = self.get_redirect_url()
            if next_url:
                start = f"{start}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"
            context.update(sso_start_url=start, sso_provider_name=sso_provider_name())
        return context


@login_not_required
def admin_sign_in(request):
    """The Django admin's login page, unless SSO is enforced: then administrators sign in
    through the provider like everyone else (the admin's own password form is never shown)."""
    if sso_enforced():
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
        return redirect(f"{reverse('login')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
    return admin.site.login(request)


def account(request):
    context = {
        "passwords_allowed": not sso_enforced(),
        "can_see_operations": can_see_operations(request.user),
    }
    return render(request, "people/account.html", context)


class PasswordChange(PasswordsInUse, SuccessMessageMixin, auth_views.PasswordChangeView):
    template_name = "people/password_change.html"
    success_url = reverse_lazy("people:account")
    success_message = "Your password is changed."


@method_decorator(login_not_required, name="dispatch")
class PasswordReset(PasswordsInUse, auth_views.PasswordResetView):
    """Ask for a reset link by email. The answer is the same whether or not an account has the
    address, so the form cannot be used to find out who works here."""

    form_class = PasswordResetRequestForm
    template_name = "people/password_reset.html"
    email_template_name = "people/password_reset_email.txt"
    subject_template_name = "people/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_sent")


@method_decorator(login_not_required, name="dispatch")
class PasswordResetSent(PasswordsInUse, auth_views.PasswordResetDoneView):
    template_name = "people/password_reset_sent.html"


@method_decorator(login_not_required, name="dispatch")
class PasswordResetConfirm(PasswordsInUse, auth_views.PasswordResetConfirmView):
    """The link from the email: Django's token is tied to the current password hash and last
    login, so it works once and dies with the password change."""

    template_name = "people/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever reset the password controls the mailbox: a lockout (perhaps caused by
        # someone else guessing) no longer keeps them out.
        login_unlock(username=form.user.get_username())
        return response


@method_decorator(login_not_required, name="dispatch")
class PasswordResetComplete(PasswordsInUse, auth_views.PasswordResetCompleteView):
    template_name = "people/password_reset_complete.html"


def _token_listing(person, page_number) -> dict:
    page = tokens.api_token_list(person, page=page_number)
    return {"tokens": page, "rows": [(t, tokens.api_token_status(t)) for t in page.items]}


@form_view("people/tokens.html")
def token_list(request, page):
    """Your personal API tokens, and a form to create one. A new token's secret is in this one
    response only: it is not stored, not put in the session or a message, and not cached."""
    person = request.user
    page.form = TokenForm(request.POST if request.method == "POST" else None)
    page.context.update(_token_listing(person, request.GET.get("page")))
    status = 400 if page.form.is_bound else 200
    if page.form.is_valid():
        data = page.form.cleaned_data
        token, plaintext = tokens.api_token_create(
            person=person,
            name=data["name"],
            scope=data["scope"],
            expires_in_days=data["expires_in_days"],
        )
        page.form = TokenForm()
        page.context.update(created=token, plaintext=plaintext)
        page.context.update(_token_listing(person, request.GET.get("page")))
        status = 201
    response = page.render(status=status)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def token_revoke(request, token_id: int):
    token = tokens.api_token_revoke(person=request.user, token_id=token_id)
    messages.success(request, f"The token “{token.name}” is revoked: it no longer works.")
    return redirect("people:tokens")

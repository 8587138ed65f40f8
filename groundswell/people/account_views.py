"""Your own account: password change and reset (Django's views and token machinery, with our
templates and limits), and personal API tokens."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.messages.views import SuccessMessageMixin
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from groundswell.people import tokens
from groundswell.people.account_forms import PasswordResetRequestForm, TokenForm
from groundswell.ratelimits.login import login_unlock
from groundswell.web.pages import form_view


def account(request):
    return render(request, "people/account.html")


class PasswordChange(SuccessMessageMixin, auth_views.PasswordChangeView):
    template_name = "people/password_change.html"
    success_url = reverse_lazy("people:account")
    success_message = "Your password is changed."


class PasswordReset(auth_views.PasswordResetView):
    """Ask for a reset link by email. The answer is the same whether or not an account has the
    address, so the form cannot be used to find out who works here."""

    form_class = PasswordResetRequestForm
    template_name = "people/password_reset.html"
    email_template_name = "people/password_reset_email.txt"
    subject_template_name = "people/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_sent")


class PasswordResetSent(auth_views.PasswordResetDoneView):
    template_name = "people/password_reset_sent.html"


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
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


class PasswordResetComplete(auth_views.PasswordResetCompleteView):
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

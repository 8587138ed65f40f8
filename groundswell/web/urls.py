"""Signing in and out, and the home page (its view lives with the threads it shows). Not
namespaced: settings name "login" and "home" as LOGIN_URL and LOGIN_REDIRECT_URL."""

from django.contrib.auth import views as auth_views
from django.urls import path

from groundswell.people import account_views
from groundswell.threads.views import pages as thread_pages

urlpatterns = [
    path("", thread_pages.home, name="home"),
    # Username and password, and "Sign in with <provider>" when SSO is on.
    path("login/", account_views.SignIn.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Password reset by email (Django's views and tokens; open to signed-out people). The
    # names are Django's own, which its views reverse.
    path("password-reset/", account_views.PasswordReset.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        account_views.PasswordResetSent.as_view(),
        name="password_reset_sent",
    ),
    path(
        "password-reset/done/",
        account_views.PasswordResetComplete.as_view(),
        name="password_reset_complete",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        account_views.PasswordResetConfirm.as_view(),
        name="password_reset_confirm",
    ),
]

"""Signing in and out, and the home page (its view lives with the threads it shows). Not
namespaced: settings name "login" and "home" as LOGIN_URL and LOGIN_REDIRECT_URL."""

from django.contrib.auth import views as auth_views
from django.urls import path

from groundswell.threads.views import pages as thread_pages

urlpatterns = [
    path("", thread_pages.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="web/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]

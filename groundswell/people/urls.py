from django.urls import path

from groundswell.people import account_views, views
from groundswell.people.sso import views as sso_views

app_name = "people"
urlpatterns = [
    path("people/", views.person_list, name="list"),
    path("people/<str:username>/", views.person_detail, name="detail"),
    path("people/<str:username>/follow/", views.person_follow, name="follow"),
    # Your own account: password and personal API tokens.
    path("account/", account_views.account, name="account"),
    # Single sign-on (OpenID Connect): 404 while SSO is off.
    path("sso/start/", sso_views.SignOnStart.as_view(), name="sso_start"),
    path("sso/callback/", sso_views.SignOnCallback.as_view(), name="sso_callback"),
    path("account/password/", account_views.PasswordChange.as_view(), name="password_change"),
    path("account/tokens/", account_views.token_list, name="tokens"),
    path(
        "account/tokens/<int:token_id>/revoke/",
        account_views.token_revoke,
        name="token_revoke",
    ),
]

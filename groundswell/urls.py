from django.contrib import admin
from django.urls import include, path, re_path

from groundswell.api import api, unknown_route
from groundswell.people.account_views import admin_sign_in

urlpatterns = [
    path("", include("groundswell.web.urls")),
    path("", include("groundswell.threads.urls")),
    path("", include("groundswell.people.urls")),
    path("spaces/", include("groundswell.spaces.urls")),
    path("topics/", include("groundswell.topics.urls")),
    path("search/", include("groundswell.search.urls")),
    path("notifications/", include("groundswell.notifications.urls")),
    path("experts/", include("groundswell.expertise.urls")),
    path("insights/", include("groundswell.insights.urls")),
    path("learning/", include("groundswell.learning.urls")),
    path("leadership/", include("groundswell.leadership.urls")),
    path("analytics/", include("groundswell.analytics.urls")),
    path("moderation/", include("groundswell.moderation.urls")),
    path("operations/", include("groundswell.operations.urls")),
    path("api/v1/", api.urls),
    re_path(r"^api/", unknown_route, name="api-unknown-route"),
    # Before the admin's own: with SSO enforced, administrators sign in through the provider.
    path("admin/login/", admin_sign_in, name="admin-sign-in"),
    path("admin/", admin.site.urls),
]

handler400 = "groundswell.web.errors.bad_request"
handler403 = "groundswell.web.errors.forbidden"
handler404 = "groundswell.web.errors.not_found"
handler500 = "groundswell.web.errors.server_error"

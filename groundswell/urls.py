from django.contrib import admin
from django.urls import include, path

from groundswell.api import api

urlpatterns = [
    path("", include("groundswell.web.urls")),
    path("", include("groundswell.threads.urls")),
    path("", include("groundswell.people.urls")),
    path("spaces/", include("groundswell.spaces.urls")),
    path("topics/", include("groundswell.topics.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

handler400 = "groundswell.web.errors.bad_request"
handler403 = "groundswell.web.errors.forbidden"
handler404 = "groundswell.web.errors.not_found"
handler500 = "groundswell.web.errors.server_error"

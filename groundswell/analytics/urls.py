from django.urls import path

from groundswell.analytics import views

app_name = "analytics"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export/<slug:table>.csv", views.export_csv, name="export"),
    path("drilldown/", views.drilldown, name="drilldown"),
    path("connectors/", views.connectors, name="connectors"),
]

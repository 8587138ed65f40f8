from django.urls import path

from groundswell.search import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="results"),
    path("similar/", views.similar, name="similar"),
]

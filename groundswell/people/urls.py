from django.urls import path

from groundswell.people import views

app_name = "people"
urlpatterns = [
    path("people/", views.person_list, name="list"),
    path("people/<str:username>/", views.person_detail, name="detail"),
    path("people/<str:username>/follow/", views.person_follow, name="follow"),
]

from django.urls import path

from groundswell.topics import views

app_name = "topics"
urlpatterns = [
    path("", views.topic_list, name="list"),
    path("<str:name>/", views.topic_detail, name="detail"),
    path("<str:name>/follow/", views.topic_follow, name="follow"),
]

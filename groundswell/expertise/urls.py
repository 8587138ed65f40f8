from django.urls import path

from groundswell.expertise import views

app_name = "expertise"
urlpatterns = [
    path("", views.expert_directory, name="directory"),
    path("for-you/", views.questions_for_you, name="for_you"),
    path("people/<str:username>/endorse/", views.endorse, name="endorse"),
]

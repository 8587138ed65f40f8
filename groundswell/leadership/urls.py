from django.urls import path

from groundswell.leadership import views

app_name = "leadership"
urlpatterns = [
    path("", views.index, name="index"),
    path("moderation/", views.moderation, name="moderation"),
    path("ama/", views.ama_list, name="ama_list"),
    path("ama/<int:session_id>/", views.ama_detail, name="ama_detail"),
    path("ama/<int:session_id>/register/", views.ama_register, name="ama_register"),
    path("ama/questions/<int:thread_id>/answer/", views.ama_answer, name="ama_answer"),
    path("questions/<int:thread_id>/answer/", views.answer, name="answer"),
    path("<slug:slug>/", views.space_detail, name="space"),
    path("<slug:slug>/ama/new/", views.ama_new, name="ama_new"),
]

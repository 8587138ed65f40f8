from django.urls import path

from groundswell.operations import views

app_name = "operations"
urlpatterns = [
    path("tasks/", views.failed_tasks, name="failed_tasks"),
    path("tasks/<uuid:task_id>/retry/", views.failed_task_retry, name="failed_task_retry"),
]

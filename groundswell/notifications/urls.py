from django.urls import path

from groundswell.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("unread-count/", views.unread_badge, name="unread_count"),
    path("read-all/", views.notifications_read_all, name="read_all"),
    path("settings/", views.preference_edit, name="settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<int:notification_id>/", views.notification_open, name="open"),
    path("<int:notification_id>/read/", views.notification_read, name="read"),
]

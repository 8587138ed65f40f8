from django.urls import path

from groundswell.moderation import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("hidden/", views.hidden, name="hidden"),
    path("nav/", views.nav_link, name="nav"),
    path("audit/", views.audit_log, name="audit"),
    path("audit/export.csv", views.audit_export, name="audit_export"),
    path("threads/<int:thread_id>/flag/", views.thread_flag, name="thread_flag"),
    path("threads/<int:thread_id>/resolve/", views.thread_resolve, name="thread_resolve"),
    path("threads/<int:thread_id>/hide/", views.thread_hide, name="thread_hide"),
    path("threads/<int:thread_id>/unhide/", views.thread_unhide, name="thread_unhide"),
    path("threads/<int:thread_id>/lock/", views.thread_lock, name="thread_lock"),
    path("threads/<int:thread_id>/unlock/", views.thread_unlock, name="thread_unlock"),
    path("replies/<int:reply_id>/flag/", views.reply_flag, name="reply_flag"),
    path("replies/<int:reply_id>/resolve/", views.reply_resolve, name="reply_resolve"),
    path("replies/<int:reply_id>/hide/", views.reply_hide, name="reply_hide"),
    path("replies/<int:reply_id>/unhide/", views.reply_unhide, name="reply_unhide"),
]

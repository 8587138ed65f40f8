from django.urls import path

from groundswell.threads.views import actions, history, pages

app_name = "threads"
urlpatterns = [
    path("bookmarks/", pages.bookmarks, name="bookmarks"),
    path("new/", pages.thread_new, name="new"),
    path("spaces/<slug:slug>/new/", pages.thread_new, name="new_in_space"),
    path("threads/<int:thread_id>/", pages.thread_detail, name="detail"),
    path("threads/<int:thread_id>/edit/", pages.thread_edit, name="edit"),
    path("threads/<int:thread_id>/reply/", pages.reply_create, name="reply"),
    path("threads/<int:thread_id>/vote/", actions.thread_vote, name="vote"),
    path("threads/<int:thread_id>/follow/", actions.thread_follow, name="follow"),
    path("threads/<int:thread_id>/bookmark/", actions.thread_bookmark, name="bookmark"),
    path("threads/<int:thread_id>/unaccept/", actions.reply_unaccept, name="unaccept"),
    path("replies/<int:reply_id>/edit/", pages.reply_edit, name="reply_edit"),
    path("replies/<int:reply_id>/vote/", actions.reply_vote, name="reply_vote"),
    path("replies/<int:reply_id>/accept/", actions.reply_accept, name="accept"),
    path("threads/<int:thread_id>/history/", history.thread_history, name="history"),
    path("replies/<int:reply_id>/history/", history.reply_history, name="reply_history"),
    path("revisions/<int:revision_id>/hide/", history.revision_hide, name="revision_hide"),
]

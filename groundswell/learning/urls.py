from django.urls import path

from groundswell.learning.views import articles, courses, wiki

app_name = "learning"
urlpatterns = [
    path("", courses.catalogue, name="catalogue"),
    path("import/", courses.course_import, name="import"),
    path("courses/<str:code>/", courses.course_detail, name="course"),
    path("cohorts/<int:cohort_id>/", courses.cohort_detail, name="cohort"),
    path("cohorts/<int:cohort_id>/events/new/", courses.cohort_event_new, name="cohort_event_new"),
    path("spaces/<slug:slug>/wiki/", wiki.wiki_index, name="wiki_index"),
    path("spaces/<slug:slug>/wiki/new/", wiki.wiki_new, name="wiki_new"),
    path("wiki/<int:page_id>/", wiki.wiki_page, name="wiki_page"),
    path("wiki/<int:page_id>/edit/", wiki.wiki_edit, name="wiki_edit"),
    path("wiki/<int:page_id>/history/", wiki.wiki_history, name="wiki_history"),
    path("wiki/<int:page_id>/diff/", wiki.wiki_diff, name="wiki_diff"),
    path("wiki/<int:page_id>/revert/<int:revision_id>/", wiki.wiki_revert, name="wiki_revert"),
    path("spaces/<slug:slug>/articles/new/", articles.article_new, name="article_new"),
    path("articles/<int:article_id>/", articles.article_detail, name="article"),
    path("articles/<int:article_id>/publish/", articles.article_publish, name="article_publish"),
    path("articles/<int:article_id>/helpful/", articles.article_helpful, name="article_helpful"),
    path("comments/<int:reply_id>/helpful/", articles.comment_helpful, name="comment_helpful"),
    path("blog/<str:username>/", articles.blog, name="blog"),
]

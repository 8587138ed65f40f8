from django.urls import path

from groundswell.insights.views import actions, pages

app_name = "insights"
urlpatterns = [
    path("", pages.mine, name="mine"),
    path("report/", pages.report, name="report"),
    path("inbox/", pages.inbox, name="inbox"),
    path("inbox/acknowledge/", actions.bulk_acknowledge, name="bulk_acknowledge"),
    path("trends/", pages.trends, name="trends"),
    path("trends/chart.svg", pages.trends_chart, name="trends_chart"),
    path("export.csv", pages.export, name="export"),
    path("<int:insight_id>/", pages.detail, name="detail"),
    path("<int:insight_id>/photo/", pages.photo, name="photo"),
    path("<int:insight_id>/status/", actions.change_status, name="status"),
    path("<int:insight_id>/respond/", actions.respond, name="respond"),
    path("<int:insight_id>/assign/", actions.assign, name="assign"),
    path("<int:insight_id>/corroborate/", actions.corroborate, name="corroborate"),
    path("<int:insight_id>/merge/", actions.merge, name="merge"),
]

from django.urls import path

from groundswell.spaces import views

app_name = "spaces"
urlpatterns = [
    path("", views.space_list, name="list"),
    path("new/", views.space_create, name="create"),
    path("<slug:slug>/", views.space_detail, name="detail"),
    path("<slug:slug>/join/", views.space_join, name="join"),
    path("<slug:slug>/leave/", views.space_leave, name="leave"),
    path("<slug:slug>/members/", views.space_members, name="members"),
    path("<slug:slug>/members/<str:username>/role/", views.member_role, name="role"),
]

"""TRUST 1: every page route and API operation, walked as anonymous, outsider, member,
moderator and administrator against a private space, answers as declared here.

A route that is not declared fails the walk: adding a route means deciding who may open it.
Missing and forbidden look the same (404) wherever a route names a private object.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from groundswell.insights import services as insights
from groundswell.notifications.models import Notification
from groundswell.notifications.tokens import unsubscribe_token
from groundswell.spaces.models import Role, Visibility
from groundswell.threads import services as threads
from tests.factories import MembershipFactory, PersonFactory, SpaceFactory
from tests.insights.samples import PNG as TINY_PNG
from tests.leadership.world import ama_in
from tests.learning.trust_world import learning_values
from tests.trust.routes import api_operations, fill_api_path, fill_page_route, page_routes

ROLES = ("anonymous", "outsider", "member", "moderator", "admin")
LOGIN = "login"  # a redirect to the login page
OK = 200
MISSING = 404
NOT_ALLOWED = 405
UNAUTHORISED = 401

# What each kind of route answers to a GET, per role.
RULES = {
    # Anyone, signed in or not (the login page sends signed-in people on).
    "public": dict.fromkeys(ROLES, "<400"),
    # Any signed-in colleague.
    "signed_in": {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], OK)},
    # Names an object in the private space: members only, 404 for everyone else.
    "private": {"anonymous": LOGIN, "outsider": MISSING, **dict.fromkeys(ROLES[2:], OK)},
    # Names something of the member's own (their notification): nobody else finds it.
    "own": {
        "anonymous": LOGIN,
        "outsider": MISSING,
        "member": "<400",
        "moderator": MISSING,
        "admin": MISSING,
    },
    # An insight the member reported: the reporter, their managers and administrators.
    "reporter": {
        "anonymous": LOGIN,
        "outsider": MISSING,
        "member": OK,
        "moderator": MISSING,
        "admin": OK,
    },
    # A form action that only takes POST.
    "action": {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], NOT_ALLOWED)},
    # A POST-only action on a private object: outsiders learn nothing, not even the method.
    # Learning analytics: L&D and administrators (and managers, for their units); 404 for others.
    "analytics": {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:4], MISSING), "admin": OK},
    # Learning & development staff (the course import): others are told they may not.
    "learning_staff": {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:4], 403), "admin": OK},
    # Administrators (is_staff) only, e.g. failed background tasks: others are told they may not.
    "staff_only": {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:4], 403), "admin": OK},
    # Administrators only (who asked an anonymous question): 404 for everyone else.
    "admin_only": {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:4], MISSING), "admin": OK},
    # Single sign-on pages: 404 for everyone while SSO is off, as it is by default.
    "sso_off": dict.fromkeys(ROLES, MISSING),
    # Moderation queue: people who moderate a space (the walk's member owns the private space,
    # so they moderate it too) and administrators; 404 for everyone else.
    "reviewers": {"anonymous": LOGIN, "outsider": MISSING, **dict.fromkeys(ROLES[2:], OK)},
    "private_action": {
        "anonymous": LOGIN,
        "outsider": (MISSING, NOT_ALLOWED),
        **dict.fromkeys(ROLES[2:], NOT_ALLOWED),
    },
}
API_RULES = {
    "signed_in": {"anonymous": UNAUTHORISED, **dict.fromkeys(ROLES[1:], OK)},
    "private": {"anonymous": UNAUTHORISED, "outsider": MISSING, **dict.fromkeys(ROLES[2:], OK)},
    "public": dict.fromkeys(ROLES, OK),
    # Moderation queue: space moderators (and owners) and administrators; 404 for others.
    "reviewers": {"anonymous": UNAUTHORISED, "outsider": MISSING, **dict.fromkeys(ROLES[2:], OK)},
    # Administrators only (the xAPI export): everyone else is told they may not.
    "staff_only": {"anonymous": UNAUTHORISED, **dict.fromkeys(ROLES[1:4], 403), "admin": OK},
    # Learning analytics, as on the pages: 404 for everyone who may not open the dashboard.
    "analytics": {"anonymous": UNAUTHORISED, **dict.fromkeys(ROLES[1:4], MISSING), "admin": OK},
    # An insight the member reported: the reporter, their managers and administrators.
    "reporter": {
        "anonymous": UNAUTHORISED,
        "outsider": MISSING,
        "member": OK,
        "moderator": MISSING,
        "admin": OK,
    },
}
# Every GET operation of the API. Writes are walked by the leak crawl (outsiders get 404 on
# private objects) and by each app's API tests (who may change what).
API_GETS = {
    "/api/v1/me": "signed_in",
    "/api/v1/learning/courses": "signed_in",
    "/api/v1/learning/courses/{code}": "signed_in",
    "/api/v1/learning/wiki/{page_id}/revisions": "private",
    "/api/v1/me/tokens": "signed_in",
    "/api/v1/people": "signed_in",
    "/api/v1/people/{username}": "signed_in",
    "/api/v1/people/{username}/threads": "signed_in",
    "/api/v1/people/{username}/expertise": "signed_in",
    "/api/v1/units": "signed_in",
    "/api/v1/spaces": "signed_in",
    "/api/v1/spaces/{slug}": "private",
    "/api/v1/spaces/{slug}/members": "private",
    "/api/v1/threads": "signed_in",
    "/api/v1/feed": "signed_in",
    "/api/v1/bookmarks": "signed_in",
    "/api/v1/threads/{thread_id}": "private",
    "/api/v1/threads/{thread_id}/replies": "private",
    "/api/v1/threads/{thread_id}/revisions": "private",
    "/api/v1/replies/{reply_id}/revisions": "private",
    "/api/v1/follows": "signed_in",
    "/api/v1/topics": "signed_in",
    "/api/v1/topics/{name}": "private",
    "/api/v1/topics/{name}/threads": "private",
    "/api/v1/search": "signed_in",
    "/api/v1/search/similar": "signed_in",
    "/api/v1/notifications": "signed_in",
    "/api/v1/notifications/unread-count": "signed_in",
    "/api/v1/notifications/settings": "signed_in",
    "/api/v1/experts?topic={name}": "private",
    "/api/v1/questions/for-you": "signed_in",
    "/api/v1/insights": "signed_in",
    "/api/v1/insights/inbox": "signed_in",
    "/api/v1/insights/{insight_id}": "reporter",
    "/api/v1/insights/{insight_id}/photo": "reporter",
    "/api/v1/xapi/statements": "staff_only",
    "/api/v1/operations/failed-tasks": "staff_only",
    "/api/v1/analytics/dashboard": "analytics",
    "/api/v1/analytics/tables/{table}": "analytics",
    "/api/v1/leadership/spaces": "signed_in",
    "/api/v1/leadership/spaces/{slug}/questions": "private",
    "/api/v1/ama": "signed_in",
    "/api/v1/ama/{session_id}": "private",
    "/api/v1/ama/{session_id}/questions": "private",
    "/api/v1/moderation/queue": "reviewers",
}

PAGES = {
    "": "signed_in",
    "login/": "public",
    "admin/login/": "public",
    "sso/start/": "sso_off",
    "sso/callback/": "sso_off",
    "logout/": "action",
    "new/": "signed_in",
    "bookmarks/": "signed_in",
    "account/": "signed_in",
    "account/password/": "signed_in",
    "account/tokens/": "signed_in",
    "account/tokens/<int:token_id>/revoke/": "action",
    "password-reset/": "public",
    "password-reset/sent/": "public",
    "password-reset/done/": "public",
    "password-reset/<uidb64>/<token>/": "public",
    "insights/": "signed_in",
    "insights/report/": "signed_in",
    "insights/inbox/": "signed_in",
    "insights/inbox/acknowledge/": "action",
    "insights/trends/": "signed_in",
    "insights/trends/chart.svg": "signed_in",
    "insights/export.csv": "signed_in",
    "insights/<int:insight_id>/": "reporter",
    "insights/<int:insight_id>/photo/": "reporter",
    "insights/<int:insight_id>/status/": "private_action",
    "insights/<int:insight_id>/respond/": "private_action",
    "insights/<int:insight_id>/assign/": "private_action",
    "insights/<int:insight_id>/corroborate/": "private_action",
    "insights/<int:insight_id>/merge/": "private_action",
    "experts/": "signed_in",
    "experts/for-you/": "signed_in",
    "experts/people/<str:username>/endorse/": "action",
    "notifications/": "signed_in",
    "notifications/<int:notification_id>/": "own",
    "notifications/<int:notification_id>/read/": "action",
    "notifications/read-all/": "action",
    "notifications/settings/": "signed_in",
    "notifications/unread-count/": "signed_in",
    "notifications/unsubscribe/<str:token>/": "public",
    "people/": "signed_in",
    "learning/": "signed_in",
    "learning/import/": "learning_staff",
    "operations/tasks/": "staff_only",
    "operations/tasks/<uuid:task_id>/retry/": "action",
    "learning/courses/<str:code>/": "signed_in",
    "learning/cohorts/<int:cohort_id>/": "private",
    "learning/cohorts/<int:cohort_id>/events/new/": "private",
    "learning/spaces/<slug:slug>/wiki/": "private",
    "learning/spaces/<slug:slug>/wiki/new/": "private",
    "learning/spaces/<slug:slug>/articles/new/": "private",
    "learning/wiki/<int:page_id>/": "private",
    "learning/wiki/<int:page_id>/edit/": "private",
    "learning/wiki/<int:page_id>/history/": "private",
    "learning/wiki/<int:page_id>/diff/": "private",
    "learning/wiki/<int:page_id>/revert/<int:revision_id>/": "private_action",
    "learning/articles/<int:article_id>/": "private",
    "learning/articles/<int:article_id>/publish/": "private_action",
    "learning/articles/<int:article_id>/helpful/": "private_action",
    "learning/comments/<int:reply_id>/helpful/": "private_action",
    "learning/blog/<str:username>/": "signed_in",
    "people/<str:username>/": "signed_in",
    "people/<str:username>/follow/": "action",
    "replies/<int:reply_id>/accept/": "private_action",
    "replies/<int:reply_id>/edit/": "private",
    "replies/<int:reply_id>/history/": "private",
    "revisions/<int:revision_id>/hide/": "private_action",
    "threads/<int:thread_id>/history/": "private",
    "replies/<int:reply_id>/vote/": "private_action",
    "search/": "signed_in",
    "search/similar/": "signed_in",
    "spaces/": "signed_in",
    "spaces/new/": "signed_in",
    "spaces/<slug:slug>/": "private",
    "spaces/<slug:slug>/join/": "private_action",
    "spaces/<slug:slug>/leave/": "private_action",
    "spaces/<slug:slug>/members/": "private",
    "spaces/<slug:slug>/members/<str:username>/role/": "private_action",
    "spaces/<slug:slug>/new/": "private",
    "threads/<int:thread_id>/": "private",
    "threads/<int:thread_id>/bookmark/": "private_action",
    "threads/<int:thread_id>/edit/": "private",
    "threads/<int:thread_id>/follow/": "private_action",
    "threads/<int:thread_id>/reply/": "private_action",
    "threads/<int:thread_id>/unaccept/": "private_action",
    "threads/<int:thread_id>/vote/": "private_action",
    "topics/": "signed_in",
    # The fixture's topic is used only in the private space: it is as hidden as the space.
    "topics/<str:name>/": "private",
    "topics/<str:name>/follow/": "private_action",
    "analytics/": "analytics",
    "analytics/export/<slug:table>.csv": "analytics",
    "analytics/drilldown/": "analytics",
    "analytics/connectors/": "analytics",
    "leadership/": "signed_in",
    "leadership/moderation/": "admin_only",
    "leadership/ama/": "signed_in",
    "leadership/ama/<int:session_id>/": "private",
    "leadership/ama/<int:session_id>/register/": "private_action",
    "leadership/ama/questions/<int:thread_id>/answer/": "private",
    "leadership/questions/<int:thread_id>/answer/": "private",
    "leadership/<slug:slug>/": "private",
    "leadership/<slug:slug>/ama/new/": "private",
    "moderation/": "reviewers",
    "moderation/hidden/": "reviewers",
    "moderation/nav/": "signed_in",
    "moderation/audit/": "admin_only",
    "moderation/audit/export.csv": "admin_only",
    "moderation/threads/<int:thread_id>/flag/": "private_action",
    "moderation/threads/<int:thread_id>/resolve/": "private_action",
    "moderation/threads/<int:thread_id>/hide/": "private_action",
    "moderation/threads/<int:thread_id>/unhide/": "private_action",
    "moderation/threads/<int:thread_id>/lock/": "private_action",
    "moderation/threads/<int:thread_id>/unlock/": "private_action",
    "moderation/replies/<int:reply_id>/flag/": "private_action",
    "moderation/replies/<int:reply_id>/resolve/": "private_action",
    "moderation/replies/<int:reply_id>/hide/": "private_action",
    "moderation/replies/<int:reply_id>/unhide/": "private_action",
}


@pytest.fixture
def world(db, django_capture_on_commit_callbacks, settings, tmp_path):
    private = SpaceFactory(name="Cohort B", slug="cohort-b", visibility=Visibility.PRIVATE)
    people = {
        "outsider": PersonFactory(username="walk-outsider"),
        "member": PersonFactory(username="walk-member"),
        "moderator": PersonFactory(username="walk-moderator"),
        "admin": PersonFactory(username="walk-admin", is_staff=True, is_superuser=True),
    }
    MembershipFactory(space=private, person=people["member"], role=Role.OWNER)
    MembershipFactory(space=private, person=people["moderator"], role=Role.MODERATOR)
    thread = threads.thread_create(
        author=people["member"],
        space=private,
        kind="question",
        title="Walk",
        body="b",
        topics=["walking"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        reply = threads.reply_create(author=people["moderator"], thread=thread, body="r")
    notification = Notification.objects.get(recipient=people["member"], reply=reply)
    settings.MEDIA_ROOT = tmp_path
    insight = insights.insight_report(
        reporter=people["member"],
        text="Walk insight",
        category="other",
        photo=SimpleUploadedFile("p.png", TINY_PNG, content_type="image/png"),
    )
    session = ama_in(private, people["member"], thread=thread)
    values = {
        "session_id": session.pk,
        "slug": private.slug,
        "thread_id": thread.pk,
        "reply_id": reply.pk,
        "name": "walking",
        "username": people["member"].username,
        "token_id": 1,
        "task_id": "00000000-0000-0000-0000-000000000001",
        "notification_id": notification.pk,
        "insight_id": insight.pk,
        "uidb64": "MQ",
        "table": "flow-matrix",
        "token": unsubscribe_token(people["member"]),
    }
    values.update(learning_values(space=private, author=people["member"]))
    return {"people": people, "values": values}


def _expected(rule: dict, role: str):
    return rule[role]


def _matches(response, expected) -> bool:
    if expected == LOGIN:
        return response.status_code == 302 and "/login/" in response["Location"]
    if expected == "<400":
        return response.status_code < 400
    if isinstance(expected, tuple):
        return response.status_code in expected
    return response.status_code == expected


def test_every_page_route_is_declared():
    undeclared = sorted(set(page_routes()) - set(PAGES))
    assert undeclared == [], f"declare who may open these routes: {undeclared}"
    gone = sorted(set(PAGES) - set(page_routes()))
    assert gone == [], f"declared routes that no longer exist: {gone}"


@pytest.mark.parametrize("role", ROLES)
def test_every_page_answers_each_role_as_declared(client, world, role):
    if role != "anonymous":
        client.force_login(world["people"][role])
    wrong = []
    for route, rule_name in PAGES.items():
        url = fill_page_route(route, world["values"])
        assert url is not None, f"cannot fill {route}"
        response = client.get(url)
        expected = _expected(RULES[rule_name], role)
        if not _matches(response, expected):
            wrong.append(f"GET /{route} as {role}: {response.status_code}, wanted {expected}")
    assert wrong == []


def test_every_api_read_is_declared(client):
    gets = {path for method, path in api_operations(client) if method == "GET"}
    declared = {path.split("?")[0] for path in API_GETS}
    assert sorted(gets - declared) == [], "declare who may read these API routes"
    assert sorted(declared - gets) == [], "declared API routes that no longer exist"


@pytest.mark.parametrize("role", ROLES)
def test_every_api_read_answers_each_role_as_declared(client, world, role):
    if role != "anonymous":
        client.force_login(world["people"][role])
    wrong = []
    for path, rule_name in API_GETS.items():
        url = fill_api_path(path, world["values"])
        assert url is not None, f"cannot fill {path}"
        response = client.get(url)
        expected = API_RULES[rule_name][role]
        if response.status_code != expected:
            wrong.append(f"GET {path} as {role}: {response.status_code}, wanted {expected}")
    assert wrong == []

"""TRUST 3: revocation is immediate. After every kind of role change, what the person could
read, write, download and be notified about stops at once — through the browser session and
the API token they already hold, with no new sign-in.

Each test first shows the access working (so it can fail), changes the role with the same
service the product uses, and checks again with the same session and token."""

import json

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from groundswell.insights import services as insights
from groundswell.learning import services as learning
from groundswell.learning.wiki import services as wiki
from groundswell.notifications.models import Notification
from groundswell.notifications.services.emails import digests_send
from groundswell.notifications.services.reading import preference_set
from groundswell.people.models import TokenScope
from groundswell.people.tokens import api_token_create
from groundswell.spaces import services as spaces
from groundswell.spaces.models import Role, Space, Visibility
from groundswell.threads import services as threads
from groundswell.threads.models import Follow, Revision, Thread
from tests.factories import MembershipFactory, OrgUnitFactory, PersonFactory, SpaceFactory
from tests.insights.samples import PNG

pytestmark = pytest.mark.django_db


class Access:
    """One person's open browser session and API token, created before any role change."""

    def __init__(self, person):
        self.person = person
        self.session = Client()
        self.session.force_login(person)
        _row, self.token = api_token_create(person=person, name="script", scope=TokenScope.WRITE)
        self.api_client = Client()

    def page(self, url, **kwargs):
        return self.session.get(url, **kwargs)

    def post(self, url, data=None):
        return self.session.post(url, data or {})

    def api(self, method, path, data=None):
        send = getattr(self.api_client, method)
        kwargs = {"HTTP_AUTHORIZATION": f"Bearer {self.token}"}
        if method == "get":
            return send(f"/api/v1{path}", **kwargs)
        body = "" if data is None else json.dumps(data)
        return send(f"/api/v1{path}", body, content_type="application/json", **kwargs)


def _statuses(access, reads):
    return {
        url: (
            access.api("get", url[4:]) if url.startswith("api:") else access.page(url)
        ).status_code
        for url in reads
    }


@pytest.fixture
def private_world(django_capture_on_commit_callbacks):
    space = SpaceFactory(name="Board", slug="board", visibility=Visibility.PRIVATE)
    owner = PersonFactory(username="owner")
    leaver = PersonFactory(username="leaver")
    MembershipFactory(space=space, person=owner, role=Role.OWNER)
    MembershipFactory(space=space, person=leaver)
    Space.objects.filter(pk=space.pk).update(member_count=2)  # the factory does not count
    thread = threads.thread_create(
        author=owner, space=space, kind="question", title="Budget plan", body="Numbers."
    )
    with django_capture_on_commit_callbacks(execute=True):
        reply = threads.reply_create(author=leaver, thread=thread, body="My figures.")
    Follow.objects.get_or_create(follower=leaver, thread=thread)
    threads.bookmark_add(person=leaver, thread=thread)
    page = wiki.wiki_page_create(author=owner, space=space, title="Board wiki", body="Agenda.")
    return {
        "space": space,
        "owner": owner,
        "leaver": leaver,
        "thread": thread,
        "reply": reply,
        "page": page,
    }


def _space_reads(w):
    t, p, s = w["thread"].pk, w["page"].pk, w["space"].slug
    return [
        f"/spaces/{s}/",
        f"/spaces/{s}/members/",
        f"/threads/{t}/",
        f"/threads/{t}/history/",
        f"/replies/{w['reply'].pk}/history/",
        f"/learning/wiki/{p}/",
        f"/learning/wiki/{p}/history/",
        f"/learning/spaces/{s}/wiki/",
        f"api:/spaces/{s}",
        f"api:/threads/{t}",
        f"api:/threads/{t}/replies",
        f"api:/threads/{t}/revisions",
        f"api:/threads?space={s}",
        f"api:/learning/wiki/{p}/revisions",
    ]


def _assert_space_closed(access, w, django_capture_on_commit_callbacks):
    """Reads, writes, lists, search and notifications of the space are gone for `access`."""
    assert set(_statuses(access, _space_reads(w)).values()) == {404}
    t, reply = w["thread"], w["reply"]
    # Writes, even on their own reply.
    assert access.post(f"/threads/{t.pk}/reply/", {"body": "still here?"}).status_code == 404
    assert access.api("post", f"/threads/{t.pk}/replies", {"body": "x"}).status_code == 404
    assert access.api("patch", f"/replies/{reply.pk}", {"body": "edited"}).status_code == 404
    assert access.api("post", f"/threads/{t.pk}/vote", {"value": 1}).status_code == 404
    assert access.post(f"/learning/wiki/{w['page'].pk}/edit/", {"body": "x"}).status_code == 404
    # Lists that held it: bookmarks, feed, search, the person's follows.
    for path in ("/bookmarks", "/feed", "/search?q=Budget", "/follows"):
        response = access.api("get", path)
        assert response.status_code == 200, path
        assert "Budget plan" not in response.content.decode(), path
    # A new answer in the thread they still follow notifies them of nothing, by no channel.
    mail.outbox.clear()
    before = Notification.objects.filter(recipient=access.person).count()
    with django_capture_on_commit_callbacks(execute=True):
        threads.reply_create(author=w["owner"], thread=t, body="Final figures.")
    assert Notification.objects.filter(recipient=access.person).count() == before
    assert all(access.person.email not in m.to for m in mail.outbox)
    # Old notifications about the space no longer open.
    for notification in Notification.objects.filter(recipient=access.person):
        assert access.page(f"/notifications/{notification.pk}/").status_code == 404


def test_leaving_a_private_space_closes_it_at_once(
    private_world, django_capture_on_commit_callbacks
):
    w = private_world
    leaver = Access(w["leaver"])
    assert set(_statuses(leaver, _space_reads(w)).values()) == {200}
    for path in ("/bookmarks", "/feed", "/search?q=Budget", "/follows"):
        assert "Budget plan" in leaver.api("get", path).content.decode(), path
    # While a member, a new answer in the thread they follow reaches them.
    with django_capture_on_commit_callbacks(execute=True):
        threads.reply_create(author=w["owner"], thread=w["thread"], body="Draft figures.")
    assert Notification.objects.filter(recipient=w["leaver"]).count() == 1
    spaces.space_leave(person=w["leaver"], space=w["space"])
    _assert_space_closed(leaver, w, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(recipient=w["leaver"]).count() == 1


def test_cohort_unenrollment_closes_the_cohort_at_once(django_capture_on_commit_callbacks):
    owner, learner = PersonFactory(username="coach"), PersonFactory(username="learner")
    programme = learning.programme_create(actor=None, name="Leaders")
    cohort = learning.cohort_create(actor=None, programme=programme, name="Spring")
    learning.enroll(actor=None, person=owner, cohort=cohort, role="staff")
    learning.enroll(actor=None, person=learner, cohort=cohort)
    space = cohort.space
    thread = threads.thread_create(
        author=owner, space=space, kind="question", title="Budget plan", body="Numbers."
    )
    with django_capture_on_commit_callbacks(execute=True):
        reply = threads.reply_create(author=learner, thread=thread, body="Mine.")
    threads.bookmark_add(person=learner, thread=thread)
    page = wiki.wiki_page_create(author=owner, space=space, title="Notes", body="Week 1.")
    w = {
        "space": space,
        "owner": owner,
        "thread": thread,
        "reply": reply,
        "page": page,
    }
    access = Access(learner)
    cohort_page = f"/learning/cohorts/{cohort.pk}/"
    assert access.page(cohort_page).status_code == 200
    assert set(_statuses(access, _space_reads(w)).values()) == {200}
    learning.unenroll(actor=None, person=learner, cohort=cohort)
    assert access.page(cohort_page).status_code == 404
    assert access.page(f"/learning/cohorts/{cohort.pk}/events/new/").status_code == 404
    _assert_space_closed(access, w, django_capture_on_commit_callbacks)


def test_course_unenrollment_hides_the_course_space(django_capture_on_commit_callbacks):
    learner = PersonFactory(username="course-learner")
    course = learning.course_create(actor=None, code="SAFE-1", title="Safety", description="")
    learning.enroll(actor=None, person=learner, course=course)
    access = Access(learner)
    assert access.api("get", "/learning/courses/SAFE-1").json()["space"] is not None
    assert access.page(course.space.get_absolute_url()).status_code == 200
    learning.unenroll(actor=None, person=learner, course=course)
    # The catalogue entry stays open to every colleague; its space does not.
    response = access.api("get", "/learning/courses/SAFE-1")
    assert response.status_code == 200 and response.json()["space"] is None
    assert access.page(course.space.get_absolute_url()).status_code == 404
    assert access.api("get", f"/spaces/{course.space.slug}").status_code == 404


@pytest.fixture
def moderated(private_world):
    w = private_world
    moderator = PersonFactory(username="mod")
    MembershipFactory(space=w["space"], person=moderator, role=Role.MODERATOR)
    newcomer = PersonFactory(username="newcomer")
    return {**w, "moderator": moderator, "newcomer": newcomer}


def test_a_demoted_moderator_loses_moderation_at_once(moderated):
    w = moderated
    t, reply, s = w["thread"], w["reply"], w["space"]
    access = Access(w["moderator"])
    # Moderating works: editing others' posts, hiding a revision, inviting, locked threads.
    assert access.page(f"/threads/{t.pk}/edit/").status_code == 200
    assert access.api("patch", f"/threads/{t.pk}", {"body": "Numbers, tidied."}).status_code == 200
    assert access.api("patch", f"/replies/{reply.pk}", {"body": "Tidied."}).status_code == 200
    old_revision = Revision.objects.filter(thread=t).order_by("id").first()
    hide = access.api("post", f"/revisions/{old_revision.pk}/hide")
    assert hide.status_code == 200
    reply_revision = Revision.objects.filter(reply=reply).order_by("id").first()
    assert access.page(f"/replies/{reply.pk}/history/").content.count(b"/hide/") == 1
    assert access.page("/moderation/").status_code == 200  # the review queue
    assert access.page("/moderation/hidden/").status_code == 200

    spaces.membership_set_role(actor=w["owner"], space=s, member=w["moderator"], role=Role.MEMBER)

    assert access.page(f"/threads/{t.pk}/edit/").status_code == 403
    assert access.post(f"/threads/{t.pk}/edit/", {"title": "x", "body": "y"}).status_code == 403
    assert access.api("patch", f"/threads/{t.pk}", {"body": "Mine now."}).status_code == 403
    assert access.api("patch", f"/replies/{reply.pk}", {"body": "Mine now."}).status_code == 403
    assert access.post(f"/revisions/{reply_revision.pk}/hide/").status_code == 403
    assert access.api("post", f"/revisions/{reply_revision.pk}/hide").status_code == 403
    assert b"/hide/" not in access.page(f"/replies/{reply.pk}/history/").content
    invite = access.api("post", f"/spaces/{s.slug}/invite", {"usernames": ["newcomer"]})
    assert invite.status_code == 403
    assert access.page("/moderation/").status_code in (403, 404)
    assert access.page("/moderation/hidden/").status_code in (403, 404)
    for action in ("lock", "hide"):
        response = access.post(f"/moderation/threads/{t.pk}/{action}/", {"reason": "x"})
        assert response.status_code in (403, 404), action
    assert access.post(f"/moderation/replies/{reply.pk}/hide/").status_code in (403, 404)
    t.refresh_from_db()
    assert not (t.is_locked or t.is_hidden)
    Thread.objects.filter(pk=t.pk).update(is_locked=True)
    assert access.api("post", f"/threads/{t.pk}/replies", {"body": "Late."}).status_code == 403
    t.refresh_from_db()
    assert t.body == "Numbers, tidied."
    assert not Revision.objects.get(pk=reply_revision.pk).is_hidden
    # Reading as a member goes on.
    assert access.page(f"/threads/{t.pk}/").status_code == 200


def test_a_demoted_owner_can_no_longer_change_roles(moderated):
    w = moderated
    s = w["space"]
    second_owner = PersonFactory(username="second-owner")
    MembershipFactory(space=s, person=second_owner, role=Role.OWNER)
    access = Access(second_owner)
    role_url = f"/spaces/{s.slug}/members/leaver"
    assert access.api("put", role_url, {"role": "moderator"}).status_code == 200
    spaces.membership_set_role(actor=w["owner"], space=s, member=second_owner, role=Role.MEMBER)
    assert access.api("put", role_url, {"role": "owner"}).status_code == 403
    page = access.post(f"/spaces/{s.slug}/members/leaver/role/", {"role": "owner"})
    assert page.status_code == 403
    assert s.memberships.get(person=w["leaver"]).role == Role.MODERATOR


def test_deactivation_ends_the_session_the_token_and_every_email(
    private_world, django_capture_on_commit_callbacks
):
    w = private_world
    access = Access(w["leaver"])
    assert access.page(f"/threads/{w['thread'].pk}/").status_code == 200
    assert access.api("get", "/me").status_code == 200
    # A notification from before is waiting for tonight's digest.
    person = w["leaver"]
    preference_set(person=person, email="daily")
    with django_capture_on_commit_callbacks(execute=True):
        threads.reply_create(author=w["owner"], thread=w["thread"], body="Before.")
    assert Notification.objects.filter(recipient=person).exists()

    person.is_active = False
    person.save(update_fields=["is_active"])

    page = access.page(f"/threads/{w['thread'].pk}/")
    assert page.status_code == 302 and "/login/" in page["Location"]
    assert access.page("/account/tokens/").status_code == 302
    assert access.api("get", "/me").status_code == 401
    assert access.api("get", f"/threads/{w['thread'].pk}").status_code == 401
    assert access.api("post", "/spaces", {"name": "Ghost space"}).status_code == 401
    session_api = access.session.get("/api/v1/me")
    assert session_api.status_code == 401
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        threads.reply_create(author=w["owner"], thread=w["thread"], body="After.")
    assert not Notification.objects.filter(recipient=person, reply__body="After.").exists()
    run = digests_send(period="daily")
    assert run.sent == 0
    assert all(person.email not in m.to for m in mail.outbox)


def test_an_administrator_losing_superuser_loses_everything_it_gave(private_world):
    w = private_world
    admin = PersonFactory(username="former-admin", is_staff=True, is_superuser=True)
    access = Access(admin)
    reads = [
        f"/spaces/{w['space'].slug}/",
        f"/threads/{w['thread'].pk}/",
        f"/learning/wiki/{w['page'].pk}/history/",
        "/analytics/drilldown/",
        "/leadership/moderation/",
        "/analytics/",
        "/analytics/export/flow-matrix.csv",
        "/moderation/audit/",
        f"api:/threads/{w['thread'].pk}",
        f"api:/spaces/{w['space'].slug}",
    ]
    before = _statuses(access, reads)
    assert set(before.values()) == {200}, before
    assert access.page("/admin/xapi/statementoutbox/").status_code == 200

    admin.is_superuser = False
    admin.save(update_fields=["is_superuser"])

    after = _statuses(access, reads)
    assert set(after.values()) <= {403, 404}, after
    # Still staff, but the admin site's pages came from being a superuser.
    assert access.page("/admin/xapi/statementoutbox/").status_code == 403
    revision = Revision.objects.filter(thread=w["thread"]).first()
    assert access.api("post", f"/revisions/{revision.pk}/hide").status_code == 404


@pytest.fixture
def depot(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    depot = OrgUnitFactory(name="North depot", code="north")
    elsewhere = OrgUnitFactory(name="Head office", code="head-office")
    manager = PersonFactory(username="old-manager", org_unit=depot, level=3)
    successor = PersonFactory(username="new-manager", org_unit=depot, level=3)
    reporter = PersonFactory(username="driver", org_unit=depot, manager=manager)
    colleague = PersonFactory(username="driver2", org_unit=depot, manager=successor)
    routed = insights.insight_report(
        reporter=reporter,
        text="Routed: the loading bay light is out",
        category="safety",
        confidential=True,
        photo=SimpleUploadedFile("bay.png", PNG, content_type="image/png"),
    )
    by_unit = insights.insight_report(
        reporter=colleague,
        text="Unit: forklift brakes squeal",
        category="safety",
        photo=SimpleUploadedFile("brakes.png", PNG, content_type="image/png"),
    )
    return {
        "depot": depot,
        "elsewhere": elsewhere,
        "manager": manager,
        "successor": successor,
        "reporter": reporter,
        "routed": routed,
        "by_unit": by_unit,
    }


def test_a_manager_moved_away_keeps_only_what_was_routed_to_them(depot):
    """The decision (docs/security.md, TRUST 3): an insight is routed when it is reported, like
    a letter delivered; the manager it reached keeps it (they may have acted on it). What came
    only from their place in the organisation — their unit's insights, new reports of their
    former team, the manager dashboard — stops at once."""
    d = depot
    access = Access(d["manager"])
    routed, by_unit = d["routed"].pk, d["by_unit"].pk
    assert access.page(f"/insights/{by_unit}/").status_code == 200
    assert access.page(f"/insights/{by_unit}/photo/").status_code == 200
    assert access.page(f"/insights/{routed}/").status_code == 200
    assert access.page("/analytics/").status_code == 200
    assert "forklift" in access.page("/insights/export.csv").content.decode()

    manager, reporter = d["manager"], d["reporter"]
    manager.org_unit = d["elsewhere"]
    manager.save(update_fields=["org_unit"])
    reporter.manager = d["successor"]
    reporter.save(update_fields=["manager"])

    # What their unit gave them is gone.
    assert access.page(f"/insights/{by_unit}/").status_code == 404
    assert access.page(f"/insights/{by_unit}/photo/").status_code == 404
    assert access.api("get", f"/insights/{by_unit}").status_code == 404
    assert access.page("/analytics/").status_code == 404
    export = access.page("/insights/export.csv")
    assert export.status_code == 200 and "forklift" not in export.content.decode()
    # New reports from the former team go to the successor only.
    new = insights.insight_report(
        reporter=reporter, text="New: gate sticks", category="safety", confidential=True
    )
    assert access.page(f"/insights/{new.pk}/").status_code == 404
    assert "gate sticks" not in access.api("get", "/insights/inbox").content.decode()
    successor = Access(d["successor"])
    assert successor.page(f"/insights/{new.pk}/").status_code == 200
    # What was routed to them stays theirs (documented decision).
    assert access.page(f"/insights/{routed}/").status_code == 200
    assert access.page(f"/insights/{routed}/photo/").status_code == 200
    # Deactivation ends even that.
    manager.is_active = False
    manager.save(update_fields=["is_active"])
    assert access.api("get", f"/insights/{routed}").status_code == 401
    assert access.page(f"/insights/{routed}/photo/").status_code == 302


def test_ama_reminders_stop_for_someone_who_left_the_space(private_world):
    """A reminder names the session and the space: it must not reach a former member."""
    from datetime import timedelta

    from groundswell.leadership.services import ama_register, ama_reminders_send
    from tests.leadership.world import ama_in

    w = private_world
    session = ama_in(w["space"], w["owner"], title="Budget AMA")
    stayer = PersonFactory(username="stayer")
    MembershipFactory(space=w["space"], person=stayer)
    for person in (w["leaver"], stayer):
        ama_register(person=person, session=session)
    spaces.space_leave(person=w["leaver"], space=w["space"])
    mail.outbox.clear()
    sent = ama_reminders_send(now=session.starts_at - timedelta(minutes=30))
    assert sent == 1
    assert [m.to for m in mail.outbox] == [[stayer.email]]

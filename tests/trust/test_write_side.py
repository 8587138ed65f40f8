"""TRUST 8 to 10, write side, through the page forms (the API's closed request bodies are in
tests/api/test_bad_input.py):

- 8 mass assignment: every page route that takes a POST gets, next to fields that make its form
  valid, privileged ones (author, space, status, pinned, superuser, role, confidential…). They
  are ignored: no existing row's privileged fields change unless the route's own rule allows
  it, and what is created belongs to the poster, in the place the URL names.
- 9 indirect writes re-check the destination: merging into an insight, inviting into a space,
  reverting a wiki page to another page's revision, starting a thread in a space.
- 10 lists of ids: every id is authorised, wherever it sits in the list.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from groundswell.errors import Forbidden, NotFound
from groundswell.insights import services as insights
from groundswell.insights.models import Insight
from groundswell.learning.wiki import services as wiki
from groundswell.people.models import Person
from groundswell.spaces.models import Membership, Role, Space, Visibility
from groundswell.threads.models import Reply, Revision, Thread
from tests.factories import MembershipFactory, OrgUnitFactory, PersonFactory, SpaceFactory
from tests.insights.samples import PNG
from tests.trust.routes import fill_page_route, page_routes
from tests.trust.test_private_leaks import private_world  # noqa: F401 (a fixture)

# Routes whose POST ends the session or goes through account recovery: not form writes.
SKIPPED = {
    "logout/",
    "login/",
    "password-reset/",
    "password-reset/<uidb64>/<token>/",
    # Leaving takes the poster out of the space the rest of the walk writes in.
    "spaces/<slug:slug>/leave/",
}


def _privileged_extras(world) -> dict:
    other = world["author"]
    return {
        "author": other.pk,
        "author_id": other.pk,
        "reporter": other.pk,
        "editor": other.pk,
        "person": other.username,
        "user": other.pk,
        "space": "board-room",
        "space_id": world["thread"].space_id,
        "status": "closed",
        "is_pinned": "1",
        "pinned": "1",
        "is_superuser": "1",
        "is_staff": "1",
        "is_active": "1",
        "is_locked": "1",
        "is_hidden": "1",
        "is_anonymous": "1",
        "role": "owner",
        "confidential": "0",
        "visibility": "open",
        "score": "999",
        "accepted_reply": world["values"]["reply_id"],
        "merged_into": world["insight"].pk,
        "assignee": other.username,
        "level": "5",
        "manager": other.pk,
    }


def _form_fields() -> dict:
    """Fields that make most forms valid, so the extras reach a form that saves."""
    return {
        "title": "Mass assignment probe",
        "body": "Probe body.",
        "text": "Probe insight text.",
        "message": "probe",
        "name": "Probe space",
        "description": "Probe.",
        "kind": "discussion",
        "topics": "probe",
        "category": "safety",
        "usernames": "outsider",
        "value": "1",
        "location": "Dock",
        "detail": "Seen it too.",
        "starts_at": "2030-01-01T10:00",
        "email": "immediately",
    }


def _snapshot() -> dict:
    return {
        "people": dict(
            (row[0], row[1:])
            for row in Person.objects.values_list(
                "pk", "is_superuser", "is_staff", "is_active", "org_unit_id", "manager_id", "level"
            )
        ),
        "memberships": dict(
            (row[0], row[1:])
            for row in Membership.objects.values_list("pk", "space_id", "person_id", "role")
        ),
        "threads": dict(
            (row[0], row[1:])
            for row in Thread.objects.values_list(
                "pk", "author_id", "space_id", "kind", "is_locked", "is_hidden", "is_anonymous"
            )
        ),
        "replies": dict(
            (row[0], row[1:])
            for row in Reply.objects.values_list("pk", "author_id", "thread_id", "is_hidden")
        ),
        "revisions": dict(
            (row[0], row[1:])
            for row in Revision.objects.values_list("pk", "editor_id", "is_hidden")
        ),
        "insights": dict(
            (row[0], row[1:])
            for row in Insight.objects.values_list(
                "pk", "reporter_id", "confidential", "status", "assignee_id", "merged_into_id"
            )
        ),
        "spaces": dict(
            (row[0], row[1:])
            for row in Space.objects.values_list("pk", "visibility", "kind", "created_by_id")
        ),
    }


def _changes(before: dict, after: dict) -> list[str]:
    changed = []
    for table, rows in before.items():
        for pk, values in rows.items():
            if pk in after[table] and after[table][pk] != values:
                changed.append(f"{table} {pk}: {values} -> {after[table][pk]}")
    return changed


def _new(before: dict, after: dict, table: str) -> dict:
    return {pk: v for pk, v in after[table].items() if pk not in before[table]}


def test_no_form_assigns_a_privileged_field(client, private_world):  # noqa: F811
    """As an ordinary member of the private space (insider2), POST every page route."""
    w = private_world
    actor = Person.objects.get(username="insider2")
    client.force_login(actor)
    payload = {**_form_fields(), **_privileged_extras(w)}
    posted, problems = 0, []
    for route in page_routes():
        if route in SKIPPED or route.startswith("admin/"):
            continue
        url = fill_page_route(route, w["values"])
        if url is None:
            continue  # a new parameter: the leak crawl fails until it has a value
        before = _snapshot()
        response = client.post(url, payload)
        posted += 1
        after = _snapshot()
        assert response.status_code < 500, f"POST {url}: {response.status_code}"
        problems += [f"POST {url}: {c}" for c in _changes(before, after)]
        for pk, (author_id, space_id, _kind, locked, hidden, _anon) in _new(
            before, after, "threads"
        ).items():
            if author_id != actor.pk or locked or hidden:
                problems.append(f"POST {url}: new thread {pk} {author_id=} {locked=} {hidden=}")
            if "<slug:slug>" in route and space_id != Space.objects.get(slug="board-room").pk:
                problems.append(f"POST {url}: thread {pk} went to space {space_id}")
        for pk, (author_id, _thread, hidden) in _new(before, after, "replies").items():
            if author_id != actor.pk or hidden:
                problems.append(f"POST {url}: new reply {pk} by {author_id}")
        for pk, (editor_id, hidden) in _new(before, after, "revisions").items():
            if editor_id != actor.pk or hidden:
                problems.append(f"POST {url}: new revision {pk} by {editor_id}")
        for pk, (reporter_id, _conf, status, assignee, merged) in _new(
            before, after, "insights"
        ).items():
            if reporter_id != actor.pk or status != "new" or assignee or merged:
                problems.append(f"POST {url}: new insight {pk} {reporter_id=} {status=}")
        new_spaces = _new(before, after, "spaces")
        for pk, (space_id, person_id, role) in _new(before, after, "memberships").items():
            created_it = space_id in new_spaces and person_id == actor.pk
            if role != Role.MEMBER and not (created_it and role == Role.OWNER):
                problems.append(f"POST {url}: membership {pk} as {role}")
    assert posted > 50
    assert problems == []
    # The forms did write (so the extras met forms that save).
    assert Thread.objects.filter(author=actor, title="Mass assignment probe").exists()
    assert Reply.objects.filter(author=actor, body="Probe body.").exists()


# TRUST 9: indirect writes re-check the destination.


@pytest.fixture
def triage(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    north, south = OrgUnitFactory(code="north"), OrgUnitFactory(code="south")
    manager = PersonFactory(username="north-manager", org_unit=north, level=3)
    peer = PersonFactory(username="north-peer", org_unit=north)
    driver = PersonFactory(username="north-driver", org_unit=north, manager=manager)
    south_driver = PersonFactory(username="south-driver", org_unit=south)
    mine = insights.insight_report(reporter=driver, text="Gate sticks", category="safety")
    mine_too = insights.insight_report(reporter=driver, text="Gate sticks again", category="safety")
    hidden = insights.insight_report(
        reporter=south_driver,
        text="South only",
        category="safety",
        confidential=True,
        photo=SimpleUploadedFile("s.png", PNG, content_type="image/png"),
    )
    return {
        "manager": manager,
        "peer": peer,
        "mine": mine,
        "mine_too": mine_too,
        "hidden": hidden,
    }


def test_merge_into_an_insight_you_cannot_see_is_refused(client, triage):
    t = triage
    client.force_login(t["manager"])
    response = client.post(f"/insights/{t['mine'].pk}/merge/", {"into": t["hidden"].pk})
    assert response.status_code in (400, 404)
    api = client.post(
        f"/api/v1/insights/{t['mine'].pk}/merge",
        {"into": t["hidden"].pk},
        content_type="application/json",
    )
    assert api.status_code in (404, 422)
    t["mine"].refresh_from_db()
    assert t["mine"].merged_into_id is None
    # Into one they can see but may not triage (a peer's view of their unit): refused too.
    client.force_login(t["peer"])
    response = client.post(f"/insights/{t['mine'].pk}/merge/", {"into": t["mine_too"].pk})
    assert response.status_code in (403, 404)
    t["mine"].refresh_from_db()
    assert t["mine"].merged_into_id is None


def test_inviting_into_a_space_you_cannot_manage_is_refused(client, db):
    open_space = SpaceFactory(slug="yard")
    managed = SpaceFactory(slug="managed", visibility=Visibility.PRIVATE)
    other = SpaceFactory(slug="other-private", visibility=Visibility.PRIVATE)
    unseen = SpaceFactory(slug="unseen-private", visibility=Visibility.PRIVATE)
    moderator, invitee = PersonFactory(username="yard-mod"), PersonFactory(username="invitee")
    MembershipFactory(space=managed, person=moderator, role=Role.MODERATOR)
    MembershipFactory(space=other, person=moderator, role=Role.MEMBER)
    MembershipFactory(space=open_space, person=moderator)
    client.force_login(moderator)
    for slug, expected in (("other-private", 403), ("unseen-private", 404)):
        page = client.post(f"/spaces/{slug}/members/", {"usernames": "invitee"})
        api = client.post(
            f"/api/v1/spaces/{slug}/invite",
            {"usernames": ["invitee"]},
            content_type="application/json",
        )
        assert (page.status_code, api.status_code) == (expected, expected), slug
    assert not Membership.objects.filter(person=invitee).exists()
    assert client.post("/spaces/managed/members/", {"usernames": "invitee"}).status_code == 302
    assert unseen.memberships.count() == 0


def test_wiki_revert_to_another_pages_revision_is_refused(client, db):
    space = SpaceFactory(slug="wiki-space")
    hidden_space = SpaceFactory(slug="wiki-private", visibility=Visibility.PRIVATE)
    editor, insider = PersonFactory(username="wiki-editor"), PersonFactory(username="wiki-in")
    MembershipFactory(space=space, person=editor)
    MembershipFactory(space=hidden_space, person=insider)
    mine = wiki.wiki_page_create(author=editor, space=space, title="Mine", body="Mine.")
    theirs = wiki.wiki_page_create(
        author=insider, space=hidden_space, title="Theirs", body="Secret plans."
    )
    other = wiki.wiki_page_create(author=editor, space=space, title="Other", body="Other.")
    client.force_login(editor)
    for page in (theirs, other):
        revision = Revision.objects.filter(thread=page).first()
        response = client.post(f"/learning/wiki/{mine.pk}/revert/{revision.pk}/")
        assert response.status_code == 404
        with pytest.raises(NotFound):
            wiki.wiki_page_revert(editor=editor, page=mine, revision=revision)
    mine.refresh_from_db()
    assert mine.body == "Mine."


def test_starting_a_thread_goes_only_where_you_may_post(client, db):
    joined = SpaceFactory(slug="joined")
    closed = SpaceFactory(slug="closed-private", visibility=Visibility.PRIVATE)
    person = PersonFactory(username="poster")
    MembershipFactory(space=joined, person=person)
    client.force_login(person)
    form = {"kind": "discussion", "title": "Where?", "body": "Here.", "space": "closed-private"}
    response = client.post("/new/", form)
    assert response.status_code in (400, 404)
    response = client.post("/spaces/joined/new/", form)
    assert response.status_code == 302
    assert Thread.objects.get(title="Where?").space == joined
    assert not closed.threads.exists()


# TRUST 10: every id in a list is authorised.


@pytest.mark.parametrize("hidden_first", [True, False])
def test_bulk_acknowledge_checks_every_id(client, triage, hidden_first):
    t = triage
    ids = [t["mine"].pk, t["hidden"].pk]
    if hidden_first:
        ids.reverse()
    client.force_login(t["manager"])
    page = client.post("/insights/inbox/acknowledge/", {"insights": ids})
    assert page.status_code in (400, 404)
    api = client.post(
        "/api/v1/insights/acknowledge", {"insights": ids}, content_type="application/json"
    )
    assert api.status_code in (404, 422)
    for insight in (t["mine"], t["hidden"]):
        insight.refresh_from_db()
        assert insight.status == "new"
    with pytest.raises(NotFound):
        insights.insights_bulk_acknowledge(person=t["manager"], insight_ids=ids)


def test_bulk_acknowledge_of_visible_but_untriageable_ids_is_refused(triage):
    t = triage
    ids = [t["mine"].pk, t["mine_too"].pk]
    with pytest.raises(Forbidden):
        insights.insights_bulk_acknowledge(person=t["peer"], insight_ids=ids)
    assert insights.insights_bulk_acknowledge(person=t["manager"], insight_ids=ids) == 2


@pytest.mark.parametrize("bad_first", [True, False])
def test_invite_lists_check_every_name(client, db, bad_first):
    space = SpaceFactory(slug="invites", visibility=Visibility.PRIVATE)
    moderator = PersonFactory(username="inv-mod")
    MembershipFactory(space=space, person=moderator, role=Role.MODERATOR)
    PersonFactory(username="good-colleague")
    gone = PersonFactory(username="gone-colleague")
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    for bad in ("gone-colleague", "no-such-colleague"):
        names = [bad, "good-colleague"] if bad_first else ["good-colleague", bad]
        client.force_login(moderator)
        api = client.post(
            "/api/v1/spaces/invites/invite", {"usernames": names}, content_type="application/json"
        )
        page = client.post("/spaces/invites/members/", {"usernames": " ".join(names)})
        assert api.status_code in (400, 404), (bad, api.status_code)
        assert page.status_code in (400, 404), (bad, page.status_code)
    assert set(space.memberships.values_list("person__username", flat=True)) == {"inv-mod"}


def test_marking_read_takes_only_your_own_notification(client, private_world):  # noqa: F811
    from groundswell.notifications.models import Notification

    w = private_world
    theirs = Notification.objects.get(recipient=w["outsider"])
    client.force_login(w["author"])
    assert client.post(f"/notifications/{theirs.pk}/read/").status_code == 404
    assert client.post("/notifications/read-all/").status_code in (200, 302)
    theirs.refresh_from_db()
    assert theirs.read_at is None

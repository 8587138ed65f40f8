"""TRUST 5: a hidden revision of a wiki page, thread or reply cannot be recovered — not from a
history page or API, a diff, a revert, search, xAPI or any other route — by anyone."""

import pytest

from groundswell.activity.models import Event, Verb
from groundswell.errors import Conflict, Forbidden, NotFound
from groundswell.learning.wiki import selectors as wiki_selectors
from groundswell.learning.wiki import services as wiki
from groundswell.spaces.models import Role, Space
from groundswell.threads import history
from groundswell.threads import services as threads
from groundswell.threads.models import Revision
from groundswell.xapi.services import outbox_build
from tests.factories import MembershipFactory, PersonFactory
from tests.trust.routes import api_operations, fill_api_path, fill_page_route, page_routes
from tests.trust.test_private_leaks import private_world  # noqa: F401 (a fixture)

CANARY = "HIDDENCANARY5f1e"
# Only the hidden revisions hold this word too: the crawl searches for it (a query is echoed on
# the page, so it cannot be the canary itself) and a leaked hit would show the canary.
SEARCH_WORD = "quokkavault"
ALLOWED = {200, 302, 400, 401, 403, 404, 405, 409, 422}


def _edit_wiki(page, editor, title, body, message=""):
    return wiki.wiki_page_edit(
        editor=editor,
        page=page,
        title=title,
        body=body,
        message=message,
        base_revision_id=wiki.latest_revision(page).pk,
    )


def _latest(**target):
    return Revision.objects.filter(**target).order_by("-id").first()


@pytest.fixture
def secrets(private_world):  # noqa: F811
    """In an open space everybody reads: a wiki page, a thread and a reply, each edited once
    with the canary (a pasted safe code) and once more to take it out again."""
    space = Space.objects.get(slug="canteen")
    author = private_world["author"]
    moderator = PersonFactory(username="canteen-mod")
    MembershipFactory(space=space, person=moderator, role=Role.MODERATOR)
    page = wiki.wiki_page_create(
        author=author, space=space, title="Handover", body="Count the cash."
    )
    wiki_first = _latest(thread=page)
    wiki_secret = _edit_wiki(
        page,
        author,
        f"Handover {CANARY}",
        f"Count the cash. {SEARCH_WORD} code {CANARY}.",
        CANARY,
    )
    thread = threads.thread_create(
        author=author, space=space, kind="discussion", title="Till", body="Close the till."
    )
    thread_first = _latest(thread=thread)
    threads.thread_edit(
        editor=author,
        thread=thread,
        title=f"Till {CANARY}",
        body=f"Close the till. {SEARCH_WORD} {CANARY}.",
        message=CANARY,
    )
    thread_secret = _latest(thread=thread)
    reply = threads.reply_create(author=author, thread=thread, body="Use the blue key.")
    threads.reply_edit(editor=author, reply=reply, body=f"Blue key, {SEARCH_WORD} {CANARY}.")
    reply_secret = _latest(reply=reply)
    # Statements built while the canary was the current title.
    outbox_build()
    wiki_last = _edit_wiki(page, author, "Handover", "Count the cash. Ask for the code.", "out")
    thread.refresh_from_db()
    threads.thread_edit(
        editor=author, thread=thread, title="Till", body="Close the till. Ask for the code."
    )
    reply.refresh_from_db()
    threads.reply_edit(editor=author, reply=reply, body="Blue key; ask for the code.")
    return {
        "world": private_world,
        "space": space,
        "author": author,
        "moderator": moderator,
        "page": page,
        "thread": thread,
        "reply": reply,
        "wiki_first": wiki_first,
        "wiki_secret": wiki_secret,
        "wiki_last": wiki_last,
        "thread_first": thread_first,
        "thread_secret": thread_secret,
        "reply_secret": reply_secret,
    }


def _hide_all(secrets):
    for name in ("wiki_secret", "thread_secret", "reply_secret"):
        threads.revision_hide(person=secrets["moderator"], revision=secrets[name])


def _history_urls(secrets):
    page, thread, reply = secrets["page"], secrets["thread"], secrets["reply"]
    return [
        f"/learning/wiki/{page.pk}/history/",
        f"/api/v1/learning/wiki/{page.pk}/revisions",
        f"/threads/{thread.pk}/history/",
        f"/api/v1/threads/{thread.pk}/revisions",
        f"/replies/{reply.pk}/history/",
        f"/api/v1/replies/{reply.pk}/revisions",
        f"/learning/wiki/{page.pk}/diff/?old={secrets['wiki_first'].pk}"
        f"&new={secrets['wiki_secret'].pk}",
    ]


def test_before_hiding_the_canary_is_in_the_history_so_the_crawl_can_fail(
    client, secrets, admin_person
):
    client.force_login(secrets["author"])
    for url in _history_urls(secrets):
        response = client.get(url)
        assert response.status_code == 200, url
        assert CANARY in response.content.decode(), url
    # The xAPI outbox was built while the canary was the wiki page's title.
    client.force_login(admin_person)
    assert CANARY in client.get("/api/v1/xapi/statements?per_page=100").content.decode()


def test_hiding_refreshes_the_stored_xapi_statements(client, secrets, admin_person):
    _hide_all(secrets)
    client.force_login(admin_person)
    response = client.get("/api/v1/xapi/statements?per_page=100")
    assert response.status_code == 200
    assert "Handover" in response.content.decode()
    assert CANARY not in response.content.decode()


def test_after_hiding_no_history_or_diff_shows_it(client, secrets):
    _hide_all(secrets)
    client.force_login(secrets["moderator"])
    *histories, diff = _history_urls(secrets)
    for url in histories:
        response = client.get(url)
        assert response.status_code == 200, url
        assert CANARY not in response.content.decode(), url
        assert b"hidden" in response.content.lower(), url
    assert client.get(diff).status_code == 404


def test_hidden_entries_keep_their_place_without_words(secrets):
    _hide_all(secrets)
    _thread, page = history.thread_history(secrets["author"], secrets["thread"].pk)
    hidden = [entry for entry in page.items if entry.id == secrets["thread_secret"].pk]
    assert len(hidden) == 1 and hidden[0].is_hidden
    assert (hidden[0].title, hidden[0].body, hidden[0].message) == ("", "", "")
    assert not hidden[0].can_hide


def test_diff_with_a_hidden_revision_answers_404_either_way(client, secrets):
    _hide_all(secrets)
    page, first, secret, last = (
        secrets["page"],
        secrets["wiki_first"],
        secrets["wiki_secret"],
        secrets["wiki_last"],
    )
    client.force_login(secrets["author"])
    for old, new in ((first, secret), (secret, last), (secret, secret)):
        url = f"/learning/wiki/{page.pk}/diff/?old={old.pk}&new={new.pk}"
        assert client.get(url).status_code == 404, url
    with pytest.raises(NotFound):
        wiki_selectors.wiki_diff(secrets["author"], page.pk, secret.pk, last.pk)
    # The neighbours compare: neither holds the hidden words.
    response = client.get(f"/learning/wiki/{page.pk}/diff/?old={first.pk}&new={last.pk}")
    assert response.status_code == 200
    assert CANARY not in response.content.decode()


def test_default_diff_skips_a_hidden_revision(client, secrets):
    page = secrets["page"]
    after = _edit_wiki(page, secrets["author"], "Handover", "Count it twice.", "twice")
    threads.revision_hide(person=secrets["moderator"], revision=secrets["wiki_last"])
    diff = wiki_selectors.wiki_diff(secrets["author"], page.pk, None, None)
    assert (diff.old.pk, diff.new.pk) == (secrets["wiki_secret"].pk, after.pk)


def test_nobody_reverts_to_a_hidden_revision(client, secrets):
    _hide_all(secrets)
    page, secret = secrets["page"], secrets["wiki_secret"]
    for who in (secrets["author"], secrets["moderator"]):
        client.force_login(who)
        response = client.post(f"/learning/wiki/{page.pk}/revert/{secret.pk}/")
        assert response.status_code == 404
    with pytest.raises(NotFound):
        wiki.wiki_page_revert(editor=secrets["moderator"], page=page, revision=secret)
    page.refresh_from_db()
    assert CANARY not in page.body and CANARY not in page.title


def test_the_current_revision_cannot_be_hidden(client, secrets):
    current = _latest(thread=secrets["thread"])
    with pytest.raises(Conflict, match="edit it first"):
        threads.revision_hide(person=secrets["moderator"], revision=current)
    client.force_login(secrets["moderator"])
    response = client.post(f"/api/v1/revisions/{secrets['wiki_last'].pk}/hide")
    assert response.status_code == 409
    assert "edit it first" in response.json()["detail"]
    assert not Revision.objects.filter(is_hidden=True).exists()


def test_only_moderators_and_administrators_hide(client, secrets, admin_person):
    secret = secrets["thread_secret"]
    with pytest.raises(Forbidden):
        threads.revision_hide(person=secrets["author"], revision=secret)
    client.force_login(secrets["author"])
    assert client.post(f"/revisions/{secret.pk}/hide/").status_code == 403
    assert client.post(f"/api/v1/revisions/{secret.pk}/hide").status_code == 403
    secret.refresh_from_db()
    assert not secret.is_hidden
    client.force_login(admin_person)
    assert client.post(f"/api/v1/revisions/{secret.pk}/hide").status_code == 200
    client.force_login(secrets["moderator"])
    response = client.post(f"/revisions/{secrets['reply_secret'].pk}/hide/")
    assert response.status_code == 302
    assert response["Location"] == f"/replies/{secrets['reply'].pk}/history/"
    assert client.post(f"/api/v1/revisions/{secret.pk}/hide").status_code == 409
    response = client.post(f"/revisions/{secrets['wiki_secret'].pk}/hide/")
    assert response["Location"] == f"/learning/wiki/{secrets['page'].pk}/history/"
    response = client.post(f"/revisions/{secrets['thread_first'].pk}/hide/")
    assert response["Location"] == f"/threads/{secrets['thread'].pk}/history/"
    assert Revision.objects.filter(is_hidden=True).count() == 4


def test_a_revision_in_a_private_space_is_missing_for_outsiders(client, secrets):
    outsider = secrets["world"]["outsider"]
    private_revision = _latest(thread=secrets["world"]["thread"])
    client.force_login(outsider)
    assert client.post(f"/revisions/{private_revision.pk}/hide/").status_code == 404
    assert client.post(f"/api/v1/revisions/{private_revision.pk}/hide").status_code == 404


def test_hiding_records_an_event_without_the_words(secrets):
    _hide_all(secrets)
    events = Event.objects.filter(verb=Verb.HID_REVISION)
    assert events.count() == 3
    assert {e.actor_id for e in events} == {secrets["moderator"].pk}
    assert {e.object_id for e in events} == {
        secrets[name].pk for name in ("wiki_secret", "thread_secret", "reply_secret")
    }
    assert all(CANARY not in str(e.data) for e in events)


def test_history_buttons_show_for_moderators_only(client, secrets):
    page = secrets["page"]
    client.force_login(secrets["author"])
    assert b"/hide/" not in client.get(f"/learning/wiki/{page.pk}/history/").content
    assert b"/hide/" not in client.get(f"/threads/{secrets['thread'].pk}/history/").content
    client.force_login(secrets["moderator"])
    body = client.get(f"/learning/wiki/{page.pk}/history/").content.decode()
    assert f"/revisions/{secrets['wiki_secret'].pk}/hide/" in body
    assert f"/revisions/{secrets['wiki_last'].pk}/hide/" not in body  # the current one


def test_an_anonymous_askers_own_revision_does_not_name_them(secrets):
    thread = secrets["thread"]
    type(thread).objects.filter(pk=thread.pk).update(is_anonymous=True)
    _thread, page = history.thread_history(secrets["moderator"], thread.pk)
    assert all(entry.editor is None for entry in page.items)


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx-partial"])
@pytest.mark.parametrize("role", ["member", "outsider", "moderator", "admin"])
def test_the_hidden_canary_is_on_no_route(client, secrets, role, admin_person, htmx):
    """The crawl of the leak test, with every route's revision, page, thread and reply set to
    the hidden ones and search asked for the canary."""
    _hide_all(secrets)
    who = {
        "member": secrets["author"],
        "outsider": PersonFactory(username="canteen-stranger"),
        "moderator": secrets["moderator"],
        "admin": admin_person,
    }[role]
    client.force_login(who)
    values = {
        **secrets["world"]["values"],
        "thread_id": secrets["thread"].pk,
        "pk": secrets["thread"].pk,
        "id": secrets["thread"].pk,
        "reply_id": secrets["reply"].pk,
        "page_id": secrets["page"].pk,
        "revision_id": secrets["wiki_secret"].pk,
        "slug": "canteen",
        "space_slug": "canteen",
        "username": secrets["author"].username,
    }
    query = (
        f"?q={SEARCH_WORD}&old={secrets['wiki_first'].pk}&new={secrets['wiki_last'].pk}"
        f"&space=canteen"
    )
    checked = 0
    for route in page_routes():
        url = fill_page_route(route, values)
        if url is None:
            continue  # a new parameter: the leak crawl fails until it has a value
        for target in (url, url + query):
            response = client.get(target, headers={"HX-Request": "true"} if htmx else {})
            assert response.status_code in ALLOWED, f"GET {target}: {response.status_code}"
            assert CANARY not in response.content.decode(errors="replace"), f"GET {target}"
            checked += 1
    for method, path in api_operations(client):
        if method != "GET":
            continue
        url = fill_api_path(path, values)
        for target in (url, url + query):
            response = client.get(target)
            assert CANARY not in response.content.decode(errors="replace"), f"GET {target}"
            checked += 1
    assert checked > 100


def test_history_pages_cost_the_same_with_many_revisions(
    client, secrets, django_assert_max_num_queries
):
    _hide_all(secrets)
    thread, page = secrets["thread"], secrets["page"]
    client.force_login(secrets["moderator"])
    urls = [f"/threads/{thread.pk}/history/", f"/learning/wiki/{page.pk}/history/"]
    with django_assert_max_num_queries(20):
        for url in urls:
            client.get(url)
    for n in range(30):
        thread.refresh_from_db()
        threads.thread_edit(editor=secrets["author"], thread=thread, title="Till", body=f"v{n}")
        _edit_wiki(page, secrets["author"], "Handover", f"v{n}", "again")
    with django_assert_max_num_queries(20):
        for url in urls:
            assert client.get(url).status_code == 200


def test_an_edited_thread_and_reply_link_to_their_history(client, secrets):
    client.force_login(secrets["author"])
    body = client.get(f"/threads/{secrets['thread'].pk}/").content.decode()
    assert f"/threads/{secrets['thread'].pk}/history/" in body
    assert f"/replies/{secrets['reply'].pk}/history/" in body

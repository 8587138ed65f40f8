import pytest

from groundswell.activity.models import Event, Verb
from groundswell.errors import Forbidden, NotFound
from groundswell.learning.wiki import selectors, services
from groundswell.learning.wiki.diff import word_diff_html
from groundswell.spaces.models import Visibility
from groundswell.threads.models import Revision
from tests.factories import MembershipFactory, PersonFactory, SpaceFactory

XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture
def space(db):
    return SpaceFactory(slug="course-space", visibility=Visibility.PRIVATE)


@pytest.fixture
def ann(space):
    return MembershipFactory(space=space, person=PersonFactory(username="ann")).person


@pytest.fixture
def bob(space):
    return MembershipFactory(space=space, person=PersonFactory(username="bob")).person


@pytest.fixture
def wiki(ann, space):
    return services.wiki_page_create(author=ann, space=space, title="Loading", body="Load the van.")


def test_create_edit_history_and_events(wiki, ann, bob):
    first = services.latest_revision(wiki)
    revision = services.wiki_page_edit(
        editor=bob,
        page=wiki,
        title="Loading",
        body="Load the van carefully.",
        base_revision_id=first.pk,
        message="careful",
    )
    _page, history = selectors.wiki_history(bob, wiki.pk)
    assert [r.pk for r in history.items] == [revision.pk, first.pk]
    assert [r.editor.username for r in history.items] == ["bob", "ann"]
    assert history.items[0].message == "careful"
    assert Event.objects.filter(verb=Verb.CREATED_WIKI, thread=wiki, actor=ann).exists()
    edited = Event.objects.get(verb=Verb.EDITED_WIKI, thread=wiki)
    assert edited.data == {"base_revision": first.pk, "base_editor": ann.pk}
    assert edited.subject == ann


def test_two_people_edit_from_the_same_base_the_second_gets_a_conflict(wiki, ann, bob):
    base = services.latest_revision(wiki).pk
    services.wiki_page_edit(
        editor=ann, page=wiki, title="Loading", body="Ann's text", base_revision_id=base
    )
    with pytest.raises(services.WikiConflict) as caught:
        services.wiki_page_edit(
            editor=bob, page=wiki, title="Loading", body="Bob's text", base_revision_id=base
        )
    assert caught.value.status == 409
    assert caught.value.current.body == "Ann's text"
    wiki.refresh_from_db()
    assert wiki.body == "Ann's text"
    assert Revision.objects.filter(thread=wiki).count() == 2


def test_conflict_page_answers_409_and_shows_both_texts(client, wiki, ann, bob):
    base = services.latest_revision(wiki).pk
    services.wiki_page_edit(
        editor=ann, page=wiki, title="Loading", body="Ann's new text", base_revision_id=base
    )
    client.force_login(bob)
    response = client.post(
        f"/learning/wiki/{wiki.pk}/edit/",
        {"title": "Loading", "body": "Bob's own text", "base_revision": base, "message": ""},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Ann&#x27;s new text" in html and "Bob&#x27;s own text" in html
    wiki.refresh_from_db()
    assert wiki.body == "Ann's new text"
    # Having seen the current text, saving again (now on the latest base) goes through.
    latest = services.latest_revision(wiki).pk
    assert f'value="{latest}"' in html
    response = client.post(
        f"/learning/wiki/{wiki.pk}/edit/",
        {"title": "Loading", "body": "Merged text", "base_revision": latest, "message": "merge"},
    )
    assert response.status_code == 302
    wiki.refresh_from_db()
    assert wiki.body == "Merged text"


def test_diff_between_any_two_revisions_is_word_level(wiki, ann):
    r1 = services.latest_revision(wiki)
    r2 = services.wiki_page_edit(
        editor=ann, page=wiki, title="Loading", body="Load the red van.", base_revision_id=r1.pk
    )
    r3 = services.wiki_page_edit(
        editor=ann, page=wiki, title="Loading", body="Load the red truck.", base_revision_id=r2.pk
    )
    diff = selectors.wiki_diff(ann, wiki.pk, r3.pk, r1.pk)  # any order
    assert diff.old == r1 and diff.new == r3
    assert diff.diff_html == "Load the <del>van.</del><ins>red truck.</ins>"
    assert word_diff_html("a b c", "a x c") == "a <del>b</del><ins>x</ins> c"


def test_diff_escapes_revision_text(wiki, ann, client):
    base = services.latest_revision(wiki)
    services.wiki_page_edit(
        editor=ann, page=wiki, title="Loading", body=f"Load {XSS}", base_revision_id=base.pk
    )
    html = word_diff_html("Load", f"Load {XSS}")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    client.force_login(ann)
    response = client.get(f"/learning/wiki/{wiki.pk}/diff/")
    assert response.status_code == 200
    assert b"<script>alert(1)" not in response.content
    assert b"<img src=x" not in response.content
    assert b"<ins>" in response.content


def test_revert_is_a_new_revision_equal_to_the_old_one(wiki, ann, bob):
    r1 = services.latest_revision(wiki)
    services.wiki_page_edit(
        editor=bob, page=wiki, title="Loading!", body="Vandalised", base_revision_id=r1.pk
    )
    new = services.wiki_page_revert(editor=ann, page=wiki, revision=r1)
    wiki.refresh_from_db()
    assert (wiki.title, wiki.body) == ("Loading", "Load the van.")
    assert (new.title, new.body) == ("Loading", "Load the van.")
    assert Revision.objects.filter(thread=wiki).count() == 3
    assert Event.objects.filter(verb=Verb.REVERTED_WIKI, thread=wiki).exists()


def test_internal_links_resolve_to_visible_pages_only(space, ann, wiki):
    other = SpaceFactory(slug="elsewhere", visibility=Visibility.PRIVATE)
    MembershipFactory(space=other, person=ann)
    services.wiki_page_create(author=ann, space=other, title="Secret plan", body="x")
    hidden = services.wiki_page_create(author=ann, space=space, title="Removed", body="x")
    hidden.is_hidden = True
    hidden.save()
    page = services.wiki_page_create(
        author=ann,
        space=space,
        title="Index",
        body="See [[Loading]], [[Secret plan]], [[Removed]] and [[<b>x</b>]].",
    )
    view = selectors.wiki_page_view(ann, page.pk)
    assert f'href="/learning/wiki/{wiki.pk}/"' in view.body_html
    assert ">Loading</a>" in view.body_html
    assert "Secret plan" in view.body_html and "Secret plan</a>" not in view.body_html
    assert "Removed" in view.body_html and f"/learning/wiki/{hidden.pk}/" not in view.body_html
    assert "<b>" not in view.body_html


def test_outsiders_cannot_read_or_edit(wiki):
    outsider = PersonFactory()
    with pytest.raises(NotFound):
        selectors.wiki_page_view(outsider, wiki.pk)
    with pytest.raises(NotFound):
        services.wiki_page_edit(
            editor=outsider,
            page=wiki,
            title="x",
            body="y",
            base_revision_id=services.latest_revision(wiki).pk,
        )
    with pytest.raises(NotFound):
        services.wiki_page_create(author=outsider, space=wiki.space, title="x", body="y")


def test_non_members_of_open_space_may_edit_but_locked_pages_refuse(db, ann):
    open_space = SpaceFactory(slug="open")
    page = services.wiki_page_create(author=ann, space=open_space, title="Open", body="x")
    page.is_locked = True
    page.save()
    with pytest.raises(Forbidden):
        services.wiki_page_edit(
            editor=PersonFactory(),
            page=page,
            title="Open",
            body="y",
            base_revision_id=services.latest_revision(page).pk,
        )


def test_history_query_budget(wiki, ann, django_assert_max_num_queries, client):
    base = services.latest_revision(wiki).pk
    for n in range(15):
        base = services.wiki_page_edit(
            editor=ann, page=wiki, title="Loading", body=f"v{n}", base_revision_id=base
        ).pk
    client.force_login(ann)
    with django_assert_max_num_queries(12):
        response = client.get(f"/learning/wiki/{wiki.pk}/history/")
    assert response.status_code == 200 and response.content.count(b'name="old"') == 16


def test_wiki_pages_cannot_be_edited_around_the_conflict_check(wiki, ann):
    from groundswell.threads import services as threads

    with pytest.raises(Forbidden):
        threads.thread_edit(editor=ann, thread=wiki, title="Loading", body="overwrite")

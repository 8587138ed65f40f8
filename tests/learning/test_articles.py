import pytest

from groundswell.activity.models import Event, Verb
from groundswell.errors import Forbidden, InvalidInput, NotFound
from groundswell.learning.articles import selectors, services
from groundswell.search.selectors import search_threads
from groundswell.threads import services as threads
from tests.factories import MembershipFactory, PersonFactory, SpaceFactory

SECRET = "Draftwordzq"  # in the body: searched for
TITLE = "Hiddentitlexv"  # in the title: must show nowhere


@pytest.fixture
def space(db):
    return SpaceFactory(slug="community")


@pytest.fixture
def writer(space):
    return MembershipFactory(space=space, person=PersonFactory(username="writer")).person


@pytest.fixture
def reader(space):
    return MembershipFactory(space=space, person=PersonFactory(username="reader")).person


@pytest.fixture
def draft(writer, space):
    return services.article_create(
        author=writer, space=space, title=f"{TITLE} title", body=f"{SECRET} body"
    )


def test_drafts_are_invisible_to_others_everywhere(client, draft, writer, reader, space):
    with pytest.raises(NotFound):
        selectors.article_get(reader, draft.pk)
    assert selectors.blog(reader, "writer")[1].items == []
    assert [a.pk for a in selectors.blog(writer, "writer")[1].items] == [draft.pk]
    client.force_login(reader)
    for url in (
        f"/learning/articles/{draft.pk}/",
        "/learning/blog/writer/",
        f"/threads/{draft.pk}/",
        "/people/writer/",
        f"/spaces/{space.slug}/",
        f"/search/?q={SECRET}",
        f"/api/v1/threads/{draft.pk}",
        f"/api/v1/search?q={SECRET}",
    ):
        response = client.get(url)
        assert TITLE.encode() not in response.content, url
    assert not search_threads(reader, SECRET).items
    assert search_threads(writer, SECRET).items
    client.force_login(writer)
    assert TITLE.encode() in client.get(f"/learning/articles/{draft.pk}/").content
    assert TITLE.encode() in client.get("/learning/blog/writer/").content


def test_publish_makes_it_visible_and_records_the_event(draft, writer, reader):
    with pytest.raises(NotFound):
        services.article_publish(author=reader, article=draft)
    draft = services.article_publish(author=writer, article=draft)
    assert selectors.article_get(reader, draft.pk) == draft
    assert Event.objects.filter(verb=Verb.PUBLISHED_ARTICLE, thread=draft).exists()
    assert [a.pk for a in selectors.blog(reader, "writer")[1].items] == [draft.pk]


def test_helpful_rules(draft, writer, reader):
    with pytest.raises(NotFound):  # someone else's draft does not exist for them
        services.helpful_toggle(person=reader, thread=draft)
    with pytest.raises(InvalidInput):
        services.helpful_toggle(person=writer, thread=draft)
    draft = services.article_publish(author=writer, article=draft)
    with pytest.raises(Forbidden):
        services.helpful_toggle(person=writer, thread=draft)
    assert services.helpful_toggle(person=reader, thread=draft) is True
    event = Event.objects.get(verb=Verb.MARKED_HELPFUL)
    assert event.subject == writer and event.actor == reader
    page = selectors.article_page(reader, draft.pk)
    assert page.helpful_count == 1 and page.marked
    assert services.helpful_toggle(person=reader, thread=draft) is False
    assert selectors.article_page(reader, draft.pk).helpful_count == 0
    comment = threads.reply_create(author=reader, thread=draft, body="Nice")
    with pytest.raises(Forbidden):
        services.helpful_toggle(person=reader, reply=comment)
    assert services.helpful_toggle(person=writer, reply=comment) is True
    view = selectors.article_page(writer, draft.pk)
    assert view.comments.items[0].helpful_count == 1 and view.comments.items[0].marked


def test_helpful_needs_to_see_the_space(db, writer):
    private = SpaceFactory(slug="private-ish", visibility="private")
    MembershipFactory(space=private, person=writer)
    article = services.article_create(
        author=writer, space=private, title="t", body="b", publish=True
    )
    with pytest.raises(NotFound):
        services.helpful_toggle(person=PersonFactory(), thread=article)


def test_article_pages(client, writer, reader, space, django_assert_max_num_queries):
    client.force_login(writer)
    response = client.post(
        f"/learning/spaces/{space.slug}/articles/new/",
        {"title": "On loading", "body": "Long form.", "publish": ""},
    )
    assert response.status_code == 302
    article_url = response["Location"]
    assert b"Publish" in client.get(article_url).content
    article_id = int(article_url.rstrip("/").split("/")[-1])
    assert client.post(f"/learning/articles/{article_id}/publish/").status_code == 302
    for n in range(10):
        threads.reply_create(
            author=reader, thread=selectors.article_get(writer, article_id), body=f"c{n}"
        )
    client.force_login(reader)
    with django_assert_max_num_queries(14):
        response = client.get(article_url)
    assert response.status_code == 200 and response.content.count(b"found this helpful") == 11
    assert client.post(f"/learning/articles/{article_id}/helpful/").status_code == 302
    assert b"1 found this helpful" in client.get(article_url).content

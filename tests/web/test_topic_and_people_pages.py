"""Topics and people: directories, pages, follows, and nothing private leaking through them."""

import pytest

from groundswell.people.models import OrgUnit
from groundswell.threads import services as threads
from groundswell.threads.models import Follow
from tests.factories import PersonFactory, TopicFactory
from tests.web.conftest import HTMX

pytestmark = pytest.mark.django_db


def test_topic_directory_and_search(login, member, question):
    client = login(member)
    html = client.get("/topics/").content.decode()
    assert 'href="/topics/hazmat/"' in html and 'href="/topics/labels/"' in html
    found = client.get("/topics/?q=haz").content.decode()
    assert "#hazmat" in found and "#labels" not in found
    assert b"No topic starts with" in client.get("/topics/?q=zzz").content


def test_topic_directory_hides_topics_of_private_spaces(login, outsider, private_thread):
    assert b"restructure" not in login(outsider).get("/topics/").content


def test_topic_page_lists_visible_threads_and_a_follow_button(login, member, question):
    html = login(member).get("/topics/hazmat/").content.decode()
    assert question.title in html
    assert 'action="/topics/hazmat/follow/"' in html


def test_a_topic_used_only_in_private_spaces_is_not_found_for_outsiders(
    login, outsider, private_thread
):
    client = login(outsider)
    assert client.get("/topics/restructure/").status_code == 404
    assert client.get("/topics/no-such-topic/").status_code == 404


def test_a_shared_topic_shows_only_the_visible_threads(login, outsider, asker, private_space):
    threads.thread_create(
        author=asker, space=private_space, title="PRIVATE-CANARY hazmat", body="b", topics="hazmat"
    )
    threads.thread_create(
        author=asker,
        space=asker.memberships.exclude(space=private_space).get().space,
        title="Open hazmat tips",
        body="b",
        topics="hazmat",
    )
    html = login(outsider).get("/topics/hazmat/").content.decode()
    assert "Open hazmat tips" in html
    assert "PRIVATE-CANARY" not in html


def test_following_a_topic_with_htmx(login, member, question):
    client = login(member)
    response = client.post("/topics/hazmat/follow/", {"action": "follow"}, headers=HTMX)
    assert response.status_code == 200
    assert b"Unfollow" in response.content
    assert b"You follow #hazmat." in response.content
    assert Follow.objects.filter(follower=member, topic__name="hazmat").exists()
    assert b"Unfollow" in client.get("/topics/hazmat/").content


def test_people_directory_search_and_unit_filter(login, member):
    north = OrgUnit.objects.create(name="North", code="north")
    leeds = OrgUnit.objects.create(name="Leeds depot", code="leeds", parent=north)
    PersonFactory(username="lee", display_name="Lee Loader", org_unit=leeds)
    PersonFactory(username="sam", display_name="Sam South")
    client = login(member)
    html = client.get("/people/?unit=north").content.decode()
    assert "Lee Loader" in html and "Sam South" not in html
    assert '<option value="leeds"' in html
    found = client.get("/people/?q=sam").content.decode()
    assert "Sam South" in found and "Lee Loader" not in found
    assert b"Nobody matches." in client.get("/people/?q=zzzz").content


def test_profile_shows_the_person_and_their_visible_threads(
    login, outsider, asker, question, private_thread
):
    manager = PersonFactory(username="boss", display_name="Bea Boss")
    asker.manager = manager
    asker.job_title = "Delivery driver"
    asker.location = "Leeds"
    asker.save()
    asker.skills.add(TopicFactory(name="forklift"))
    html = login(outsider).get("/people/asker/").content.decode()
    assert "<h1>Dana Driver</h1>" in html
    assert "Delivery driver" in html and "Bea Boss" in html and "Leeds" in html
    assert "#forklift" in html
    assert question.title in html
    assert "PRIVATE-CANARY" not in html


def test_profile_replies_tab(login, member, answerer, answer):
    html = login(member).get("/people/answerer/?show=replies").content.decode()
    assert "The UN3481 label." in html


def test_profile_replies_tab_hides_private_replies(login, outsider, answerer, private_thread):
    from groundswell.spaces.models import Membership

    Membership.objects.create(space=private_thread.space, person=answerer)
    threads.reply_create(author=answerer, thread=private_thread, body="PRIVATE-CANARY reply")
    html = login(outsider).get("/people/answerer/?show=replies").content.decode()
    assert "PRIVATE-CANARY" not in html
    assert "No replies you can see." in html


def test_following_a_person(login, member, asker):
    client = login(member)
    response = client.post("/people/asker/follow/", {"action": "follow"})
    assert response.status_code == 302
    assert Follow.objects.filter(follower=member, person=asker).exists()


def test_no_follow_button_on_ones_own_profile(login, member):
    assert b"/people/member/follow/" not in login(member).get("/people/member/").content


def test_unknown_person_is_not_found(login, member):
    assert login(member).get("/people/nobody/").status_code == 404


def test_topics_with_url_characters_have_working_pages(login, member, open_space):
    threads.thread_create(author=member, space=open_space, title="Sharp", body="b", topics="c# c++")
    client = login(member)
    listing = client.get("/topics/").content.decode()
    assert 'href="/topics/c%23/"' in listing and 'href="/topics/c++/"' in listing
    assert b"Sharp" in client.get("/topics/c%23/").content
    assert b"Sharp" in client.get("/topics/c++/").content

"""Expert directory, questions for you, and the Expertise section of a profile with its endorse
form (htmx and plain posts)."""

import pytest

from groundswell.expertise.models import Endorsement
from groundswell.expertise.services import expertise_rebuild
from groundswell.threads.models import Follow
from tests.expertise.conftest import HTMX
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence(expert, asker, hazmat, ask, answer, now):
    """The expert has two answers on hazmat, one accepted."""
    answer(ask(asker, [hazmat], at=now), expert, score=3, accepted=True, at=now)
    answer(ask(asker, [hazmat], at=now), expert, at=now)
    expertise_rebuild()


def test_directory_ranks_people_on_a_topic_with_explanations(client, member, evidence):
    client.force_login(member)
    response = client.get("/experts/", {"topic": "Hazmat"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Who knows about #hazmat?" in text
    assert "Erin Expert" in text
    assert "1 accepted answer, 2 answers, 3 upvotes on #hazmat" in text


def test_directory_suggests_topics_for_an_unknown_name(client, member, evidence):
    client.force_login(member)
    text = client.get("/experts/", {"topic": "haz"}).content.decode()
    assert "No topic is called “haz”" in text
    assert "?topic=hazmat" in text
    assert "Erin Expert" not in text
    assert "?topic=hazmat" in client.get("/experts/").content.decode()


def test_directory_does_not_reveal_a_private_topic(
    client, outsider, asker, member, private_space, ask, answer, now
):
    secret = TopicFactory(name="merger-talks")
    answer(ask(asker, [secret], space=private_space, at=now), member, accepted=True, at=now)
    expertise_rebuild()
    client.force_login(outsider)
    text = client.get("/experts/", {"topic": "merger-talks"}).content.decode()
    assert "Mia Member" not in text
    assert "?topic=merger-talks" not in text
    client.force_login(member)
    assert "Mia Member" in client.get("/experts/", {"topic": "merger-talks"}).content.decode()


def test_questions_for_you_lists_unanswered_questions_on_your_topics(
    client, expert, asker, hazmat, forklifts, ask, answer, now, evidence
):
    open_hazmat = ask(asker, [hazmat], title="Lithium labels?")
    ask(asker, [forklifts], title="Forklift licence?")
    answered = ask(asker, [hazmat], title="Already answered")
    answer(answered, asker)
    ask(expert, [hazmat], title="My own question")
    client.force_login(expert)
    text = client.get("/experts/for-you/").content.decode()
    assert open_hazmat.title in text
    assert "Forklift licence?" not in text
    assert "Already answered" not in text
    assert "My own question" not in text
    Follow.objects.create(follower=expert, topic=forklifts)
    assert "Forklift licence?" in client.get("/experts/for-you/").content.decode()


def test_for_you_leaves_out_private_questions(client, outsider, asker, hazmat, private_space, ask):
    Follow.objects.create(follower=outsider, topic=hazmat)
    ask(asker, [hazmat], space=private_space, title="PRIVATE question")
    client.force_login(outsider)
    response = client.get("/experts/for-you/")
    assert response.status_code == 200
    assert b"PRIVATE question" not in response.content


def test_profile_shows_expertise_and_an_endorse_form(client, member, expert, evidence):
    client.force_login(member)
    text = client.get("/people/expert/").content.decode()
    assert 'id="expertise"' in text
    assert "1 accepted answer, 2 answers, 3 upvotes on #hazmat" in text
    assert "/experts/people/expert/endorse/" in text
    client.force_login(expert)
    own = client.get("/people/expert/").content.decode()
    assert "1 accepted answer" in own
    assert "/experts/people/expert/endorse/" not in own  # no endorsing yourself


def test_endorsing_from_a_profile_with_htmx(client, member, expert, hazmat, evidence):
    client.force_login(member)
    url = "/experts/people/expert/endorse/"
    response = client.post(url, {"topic": "hazmat"}, headers=HTMX)
    assert response.status_code == 200
    text = response.content.decode()
    assert text.lstrip().startswith('<section id="expertise"')
    assert "endorsed by 1" in text
    assert "Withdraw endorsement" in text
    assert "You endorsed Erin Expert on #hazmat." in text
    response = client.post(url, {"topic": "hazmat", "action": "remove"})
    assert response.status_code == 302
    assert response["Location"] == "/people/expert/"
    assert not Endorsement.objects.exists()


def test_endorse_errors(client, member, expert, hazmat):
    client.force_login(expert)
    assert client.post("/experts/people/expert/endorse/", {"topic": "hazmat"}).status_code == 400
    client.force_login(member)
    url = "/experts/people/expert/endorse/"
    assert client.post(url, {"topic": "no-such-topic"}).status_code == 404
    assert client.post(url, {"topic": ""}).status_code == 400
    assert client.get(url).status_code == 405
    assert client.post("/experts/people/nobody/endorse/", {"topic": "hazmat"}).status_code == 404
    assert client.post(url, {"topic": "hazmat"}).status_code == 302
    assert client.post(url, {"topic": "hazmat"}).status_code == 409


def test_pages_need_a_login(client):
    for url in ("/experts/", "/experts/for-you/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login" in response["Location"]


def _page_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_page_queries_do_not_grow(client, member, expert, asker, hazmat, ask, answer, now):
    from tests.factories import PersonFactory

    Follow.objects.create(follower=member, topic=hazmat)
    urls = ["/experts/?topic=hazmat", "/experts/", "/experts/for-you/", "/people/expert/"]
    counts = []
    for size in (2, 20):
        for _ in range(size):
            other = PersonFactory()
            answer(ask(asker, [hazmat], at=now), other, at=now)
            ask(asker, [hazmat])
            Endorsement.objects.create(endorser=other, person=expert, topic=hazmat)
            expert.skills.add(TopicFactory())
        expertise_rebuild()
        client.force_login(member)
        counts.append([_page_queries(client, url) for url in urls])
    assert counts[0] == counts[1]

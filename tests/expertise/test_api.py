"""The expertise API: experts on a topic, a person's expertise, endorsements, questions for you;
and what an outsider may learn through it."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from groundswell.activity.models import Event, Verb
from groundswell.expertise.models import Endorsement
from groundswell.expertise.services import endorsement_create, expertise_rebuild
from groundswell.threads.models import Follow
from tests.api.conftest import Api
from tests.factories import PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _api(person) -> Api:
    client = Client()
    client.force_login(person)
    return Api(client)


@pytest.fixture
def evidence(expert, asker, member, hazmat, private_space, ask, answer, now):
    """Open: one accepted answer on hazmat. Private: three more answers on hazmat and one on a
    topic used only there. Endorsed on that private topic by a member."""
    answer(ask(asker, [hazmat], at=now), expert, score=2, accepted=True, at=now)
    private_space.memberships.create(person=expert)
    secret = TopicFactory(name="merger-talks")
    for _ in range(3):
        answer(ask(asker, [hazmat], space=private_space, at=now), expert, at=now)
    answer(ask(asker, [secret], space=private_space, at=now), expert, at=now)
    endorsement_create(endorser=member, person=expert, topic=secret)
    expertise_rebuild()
    return secret


def test_experts_on_a_topic(member, evidence):
    response = _api(member).get("/experts", {"topic": "hazmat"})
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["person"]["username"] == "expert"
    assert item["evidence"]["accepted_answers"] == 1
    assert item["evidence"]["answers"] == 4
    assert item["explanation"] == "1 accepted answer, 4 answers, 2 upvotes on #hazmat"


def test_outsiders_see_only_open_evidence(outsider, evidence):
    api = _api(outsider)
    (item,) = api.get("/experts", {"topic": "hazmat"}).json()["items"]
    assert item["explanation"] == "1 accepted answer, 1 answer, 2 upvotes on #hazmat"
    assert api.get("/experts", {"topic": "merger-talks"}).status_code == 404
    topics = api.get("/people/expert/expertise").json()["items"]
    assert [t["topic"] for t in topics] == ["hazmat"]
    assert "merger-talks" not in api.get("/people/expert/expertise").content.decode()


def test_members_see_everything_they_can_see(member, evidence):
    items = _api(member).get("/people/expert/expertise").json()["items"]
    by_topic = {item["topic"]: item for item in items}
    assert by_topic["merger-talks"]["evidence"]["endorsements"] == 1
    assert by_topic["merger-talks"]["endorsed_by_you"] is True
    assert by_topic["hazmat"]["endorsed_by_you"] is False
    assert by_topic["merger-talks"]["explanation"] == "1 answer on #merger-talks · endorsed by 1"


def test_endorse_and_withdraw(member, expert, hazmat):
    api = _api(member)
    response = api.post("/people/expert/endorsements", {"topic": "Hazmat"})
    assert response.status_code == 201
    assert response.json()["topic"] == "hazmat"
    assert response.json()["person"]["username"] == "expert"
    assert api.post("/people/expert/endorsements", {"topic": "hazmat"}).status_code == 409
    items = api.get("/people/expert/expertise").json()["items"]
    assert items[0]["evidence"]["endorsements"] == 1
    assert api.delete("/people/expert/endorsements", {"topic": "hazmat"}).status_code == 204
    assert api.delete("/people/expert/endorsements", {"topic": "hazmat"}).status_code == 409
    assert not Endorsement.objects.exists()
    verbs = list(Event.objects.order_by("id").values_list("verb", flat=True))
    assert verbs == [Verb.ENDORSED, Verb.UNENDORSED]


def test_endorsement_errors(member, expert, hazmat, outsider, evidence):
    api = _api(expert)
    response = api.post("/people/expert/endorsements", {"topic": "hazmat"})
    assert response.status_code == 400
    assert response.json()["errors"] == {"topic": ["You cannot endorse yourself."]}
    api = _api(outsider)
    assert api.post("/people/nobody/endorsements", {"topic": "hazmat"}).status_code == 404
    assert api.post("/people/expert/endorsements", {"topic": "merger-talks"}).status_code == 404
    assert api.post("/people/expert/endorsements", {"topic": "x", "score": 9}).status_code == 422
    assert Client().get("/api/v1/people/expert/expertise").status_code == 401


def test_questions_for_you(expert, asker, hazmat, ask, evidence):
    ask(asker, [hazmat], title="Which label for lithium?")
    titles = [t["title"] for t in _api(expert).get("/questions/for-you").json()["items"]]
    assert titles == ["Which label for lithium?"]


@pytest.mark.parametrize("size", [3, 25])
def test_query_budgets_do_not_grow(size, member, expert, asker, hazmat, ask, answer, now):
    for _ in range(size):
        other = PersonFactory()
        answer(ask(asker, [hazmat], at=now), other, at=now)
        ask(asker, [hazmat])
        Endorsement.objects.create(endorser=other, person=expert, topic=hazmat)
        expert.skills.add(TopicFactory())
    expertise_rebuild()
    Follow.objects.create(follower=member, topic=hazmat)
    api = _api(member)
    # Measured; they include the session and user lookups, and topic visibility checks.
    budgets = {"/experts?topic=hazmat": 7, "/people/expert/expertise": 7, "/questions/for-you": 4}
    for url, budget in budgets.items():
        with CaptureQueriesContext(connection) as queries:
            response = api.get(url, {"per_page": 100} if "?" not in url else None)
        assert response.status_code == 200, url
        assert len(response.json()["items"]) >= 3, url
        assert len(queries) <= budget, (url, len(queries), [q["sql"] for q in queries])

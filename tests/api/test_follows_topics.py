"""Follows of threads, spaces, topics and people; topics."""

import pytest

from groundswell.spaces.models import Membership
from groundswell.threads.models import Follow
from tests.factories import PersonFactory, ThreadFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_follow_each_kind_and_list(member_api, member, open_thread, open_space):
    PersonFactory(username="mentor", display_name="Meg Mentor")
    targets = [
        ("thread", str(open_thread.pk), "Loading the van"),
        ("space", "drivers-lounge", "Drivers' lounge"),
        ("topic", "Loading", "loading"),
        ("person", "mentor", "Meg Mentor"),
    ]
    for kind, target, _ in targets:
        response = member_api.post("/follows", {"kind": kind, "target": target})
        assert response.status_code == 201, response.json()
    assert (
        member_api.post("/follows", {"kind": "space", "target": "drivers-lounge"}).status_code
        == 409
    )

    listed = member_api.get("/follows").json()["items"]
    assert {(f["kind"], f["target"], f["label"]) for f in listed} == {
        ("thread", str(open_thread.pk), "Loading the van"),
        ("space", "drivers-lounge", "Drivers' lounge"),
        ("topic", "loading", "loading"),
        ("person", "mentor", "Meg Mentor"),
    }
    assert member_api.get(f"/threads/{open_thread.pk}").json()["viewer"]["following"] is True

    assert member_api.delete("/follows", {"kind": "person", "target": "mentor"}).status_code == 204
    assert member_api.delete("/follows", {"kind": "person", "target": "mentor"}).status_code == 409
    assert Follow.objects.filter(follower=member).count() == 3


def test_follow_errors(member_api, private_thread, outsider_api):
    assert member_api.post("/follows", {"kind": "person", "target": "member"}).status_code == 400
    assert member_api.post("/follows", {"kind": "group", "target": "x"}).status_code == 422
    for target in ("abc", "99999999999999999999999", "²", "-1", ""):
        response = member_api.post("/follows", {"kind": "thread", "target": target})
        assert response.status_code == 404, target
    for kind, target in (
        ("thread", str(private_thread.pk)),
        ("space", "cohort-a"),
        ("topic", "canary-topic"),
    ):
        response = outsider_api.post("/follows", {"kind": kind, "target": target})
        assert response.status_code == 404, kind
    assert member_api.post("/follows", {"kind": "topic", "target": "x" * 151}).status_code == 422


def test_follows_of_spaces_you_left_disappear(member_api, member, private_thread, private_space):
    member_api.post("/follows", {"kind": "thread", "target": str(private_thread.pk)})
    member_api.post("/follows", {"kind": "space", "target": "cohort-a"})
    assert len(member_api.get("/follows").json()["items"]) == 2
    Membership.objects.filter(person=member, space=private_space).delete()
    assert member_api.get("/follows").json()["items"] == []


def test_topics_list_and_detail(member_api, open_thread, open_space, member):
    busy = TopicFactory(name="busy")
    for _ in range(2):
        ThreadFactory(space=open_space, author=member).topics.add(busy)
    body = member_api.get("/topics").json()
    assert [(t["name"], t["thread_total"]) for t in body["items"]] == [("busy", 2), ("loading", 1)]
    assert [t["name"] for t in member_api.get("/topics", {"q": "Lo"}).json()["items"]] == [
        "loading"
    ]

    detail = member_api.get("/topics/loading").json()
    assert detail["name"] == "loading"
    threads = member_api.get("/topics/Loading/threads").json()["items"]
    assert [t["id"] for t in threads] == [open_thread.pk]
    assert member_api.get("/topics/never-used-anywhere").status_code == 404


def test_unused_topic_and_skill_topics_are_visible(member_api):
    TopicFactory(name="fresh")
    skill = TopicFactory(name="forklifts")
    PersonFactory().skills.add(skill)
    assert member_api.get("/topics/fresh").status_code == 200
    assert member_api.get("/topics/forklifts/threads").json()["items"] == []

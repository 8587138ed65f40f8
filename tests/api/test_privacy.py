"""Private-space content is invisible to outsiders on every read endpoint: single objects answer
404 exactly like missing ones, and lists leave them out."""

import pytest

from groundswell.spaces.models import Membership
from tests.api.conftest import CANARY
from tests.factories import ThreadFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _detail_paths(thread):
    return [
        "/spaces/cohort-a",
        "/spaces/cohort-a/members",
        f"/threads/{thread.pk}",
        f"/threads/{thread.pk}/replies",
        "/topics/canary-topic",
        "/topics/canary-topic/threads",
    ]


def _write_paths(thread, reply):
    return [
        ("post", f"/threads/{thread.pk}/replies", {"body": "hello"}),
        ("patch", f"/threads/{thread.pk}", {"title": "mine"}),
        ("post", f"/threads/{thread.pk}/vote", {"value": 1}),
        ("delete", f"/threads/{thread.pk}/vote", None),
        ("post", f"/threads/{thread.pk}/bookmark", None),
        ("delete", f"/threads/{thread.pk}/accepted", None),
        ("patch", f"/replies/{reply.pk}", {"body": "mine"}),
        ("post", f"/replies/{reply.pk}/accept", None),
        ("post", f"/replies/{reply.pk}/vote", {"value": 1}),
        ("post", "/spaces/cohort-a/join", None),
        ("post", "/spaces/cohort-a/leave", None),
        ("post", "/spaces/cohort-a/invite", {"usernames": ["outsider"]}),
        ("put", "/spaces/cohort-a/members/member", {"role": "member"}),
        ("post", "/threads", {"space": "cohort-a", "title": "t", "body": "b"}),
    ]


LIST_PATHS = [
    "/threads",
    "/threads?unanswered=true",
    "/threads?kind=question",
    "/threads?author=member",
    "/feed",
    "/bookmarks",
    "/follows",
    "/spaces",
    "/topics",
    "/topics?q=canary",
    "/people/member/threads",
]


def test_outsider_gets_404_on_every_private_read(
    outsider_api, member_api, private_thread, private_reply
):
    for path in _detail_paths(private_thread):
        assert member_api.get(path).status_code == 200, path
        response = outsider_api.get(path)
        assert response.status_code == 404, path
        assert CANARY not in response.content.decode()


def test_private_404_looks_like_missing_404(outsider_api, private_thread):
    hidden = outsider_api.get(f"/threads/{private_thread.pk}").json()
    missing = outsider_api.get("/threads/987654").json()
    assert hidden == missing
    assert outsider_api.get("/spaces/cohort-a").json() == outsider_api.get("/spaces/nope").json()
    assert (
        outsider_api.get("/threads", {"topic": "canary-topic"}).json()
        == outsider_api.get("/threads", {"topic": "no-topic"}).json()
    )
    assert (
        outsider_api.get("/threads", {"space": "cohort-a"}).json()
        == outsider_api.get("/threads", {"space": "nope"}).json()
    )


def test_outsider_gets_404_on_every_private_write(outsider_api, private_thread, private_reply):
    for method, path, data in _write_paths(private_thread, private_reply):
        response = getattr(outsider_api, method)(path, data)
        assert response.status_code == 404, (method, path, response.json())


def test_lists_leave_private_content_out(outsider_api, member_api, private_thread, outsider):
    # The member sees the canary in the lists (so the check below can fail) …
    seen = [
        path
        for path in LIST_PATHS
        if CANARY in member_api.get(path).content.decode()
        or "cohort-a" in member_api.get(path).content.decode()
    ]
    assert len(seen) >= 6
    # … the outsider in none of them.
    for path in LIST_PATHS:
        response = outsider_api.get(path)
        assert response.status_code == 200, path
        content = response.content.decode()
        assert CANARY not in content, path
        assert "canary-topic" not in content, path
        assert "cohort-a" not in content, path


def test_shared_topic_counts_only_visible_threads(outsider_api, private_thread, open_space):
    shared = TopicFactory(name="shared")
    private_thread.topics.add(shared)
    ThreadFactory(space=open_space).topics.add(shared)
    items = outsider_api.get("/topics").json()["items"]
    assert [(t["name"], t["thread_total"]) for t in items] == [("shared", 1)]
    threads = outsider_api.get("/topics/shared/threads").json()["items"]
    assert CANARY not in str(threads) and len(threads) == 1


def test_removed_member_loses_access_at_once(member_api, member, private_thread, private_space):
    assert member_api.get(f"/threads/{private_thread.pk}").status_code == 200
    Membership.objects.filter(person=member, space=private_space).delete()
    assert member_api.get(f"/threads/{private_thread.pk}").status_code == 404
    assert CANARY not in member_api.get("/threads").content.decode()

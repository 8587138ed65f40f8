"""Bad input never causes a 500 and never saves anything; errors share one body shape."""

import json

import pytest

from groundswell.threads.models import Reply, Thread

pytestmark = pytest.mark.django_db


def _assert_error(response, status):
    assert response.status_code == status, response.content[:300]
    body = response.json()
    assert set(body) == {"detail", "code", "errors"}
    assert isinstance(body["detail"], str) and body["detail"]
    return body


def test_invalid_json(member_api, open_space):
    for raw in (b"{not json", b"", b"null", b"[1, 2]", b'"title"', b'{"title": }'):
        response = member_api.post("/threads", raw=raw)
        assert 400 <= response.status_code < 500, raw
        _assert_error(response, response.status_code)
    assert Thread.objects.count() == 0


def test_invalid_utf8(member_api, open_space):
    raw = b'{"space": "drivers-lounge", "title": "\xff\xfe", "body": "x"}'
    body = _assert_error(member_api.post("/threads", raw=raw), 400)
    assert body["code"] == "bad_request"
    assert Thread.objects.count() == 0


def test_one_megabyte_body_is_refused_and_nothing_saved(member_api, open_thread):
    big = json.dumps({"space": "drivers-lounge", "title": "Big", "body": "x" * 1_000_000})
    body = _assert_error(member_api.post("/threads", raw=big), 413)
    assert body["code"] == "too_large"
    reply = json.dumps({"body": "y" * 1_000_000})
    _assert_error(member_api.post(f"/threads/{open_thread.pk}/replies", raw=reply), 413)
    assert Thread.objects.count() == 1 and Reply.objects.count() == 0


def test_wrong_types_and_missing_fields(member_api, open_space):
    cases = [
        {"space": "drivers-lounge", "title": ["a"], "body": "b"},
        {"space": "drivers-lounge", "title": "t", "body": {"a": 1}},
        {"space": 7, "title": "t"},
        {"space": "drivers-lounge", "title": "t", "topics": "a b"},
        {"space": "drivers-lounge", "title": "t", "topics": [1, 2]},
        {"title": "no space"},
        {"space": "drivers-lounge"},
    ]
    for data in cases:
        body = _assert_error(member_api.post("/threads", data), 422)
        assert body["code"] == "validation" and body["errors"], data
    assert Thread.objects.count() == 0


def test_nul_and_lone_surrogates_are_refused(member_api, open_space):
    for title in ("a\x00b", "a\ud800b"):
        raw = json.dumps({"space": "drivers-lounge", "title": title, "body": "x"})
        body = _assert_error(member_api.post("/threads", raw=raw), 422)
        assert list(body["errors"]) == ["title"]
    raw = json.dumps({"space": "drivers-lounge", "title": "t", "topics": ["\ud800"]})
    _assert_error(member_api.post("/threads", raw=raw), 422)
    assert _assert_error(member_api.get("/spaces", {"q": "a\x00"}), 422)
    assert Thread.objects.count() == 0


@pytest.mark.parametrize(
    "path",
    [
        "/threads/0",
        "/threads/-1",
        "/threads/abc",
        "/threads/99999999999999999999999999",
        "/threads/1.5",
        "/spaces/" + "s" * 200,
        "/spaces/%00",
        "/spaces/a%20b",
        "/people/a%00b",
        "/people/" + "p" * 300,
        "/topics/" + "t" * 300,
        "/threads?space=%00",
        "/threads?unanswered=maybe",
        "/threads?page=abc",
        "/threads?page=" + "9" * 5000,
        "/spaces?per_page=x",
    ],
)
def test_bad_path_and_query_values_are_4xx(member_api, path):
    response = member_api.client.get("/api/v1" + path)
    assert 400 <= response.status_code < 500, response.content[:300]


@pytest.mark.parametrize(
    ("page", "per_page", "expected_page", "expected_size"),
    [
        (-5, 10, 1, 10),
        (0, 0, 1, 1),
        (10**12, 10**12, 10_000, 100),
        (2, -3, 2, 1),
        (1, None, 1, 20),
    ],
)
def test_page_numbers_are_clamped(
    member_api, open_thread, page, per_page, expected_page, expected_size
):
    params = {"page": page} | ({"per_page": per_page} if per_page is not None else {})
    body = member_api.get("/threads", params).json()
    assert (body["page"], body["per_page"]) == (expected_page, expected_size)
    assert body["has_next"] is False


def test_pagination_pages_through(member_api, member, open_space):
    from tests.factories import ThreadFactory

    ThreadFactory.create_batch(5, space=open_space, author=member)
    first = member_api.get("/threads", {"per_page": 2}).json()
    assert len(first["items"]) == 2 and first["has_next"] is True
    last = member_api.get("/threads", {"per_page": 2, "page": 3}).json()
    assert len(last["items"]) == 1 and last["has_next"] is False
    seen = {
        t["id"]
        for p in (1, 2, 3)
        for t in member_api.get("/threads", {"per_page": 2, "page": p}).json()["items"]
    }
    assert len(seen) == 5


def test_unknown_ids_are_404(member_api, open_space):
    for path in (
        "/threads/424242",
        "/threads/424242/replies",
        "/spaces/nope",
        "/people/nope",
        "/topics/nope",
    ):
        body = _assert_error(member_api.get(path), 404)
        assert body["code"] == "not_found"
    for path in ("/replies/424242/accept", "/replies/424242/vote"):
        _assert_error(member_api.post(path, {"value": 1} if "vote" in path else None), 404)


def test_wrong_method_is_405(member_api):
    assert member_api.client.put("/api/v1/threads").status_code == 405


def test_unknown_api_address_answers_json_404(client, member):
    client.force_login(member)
    for url in ("/api/v1/nope", "/api/v2/threads", "/api/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["code"] == "not_found"

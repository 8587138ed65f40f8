"""TRUST 14: pages have a maximum size and request bodies a maximum length, on every route —
every paginated API list (from the OpenAPI document) clamps or refuses a `per_page` above the
maximum; every API body and every page form post above DATA_UPLOAD_MAX_MEMORY_SIZE is refused
(400/413, never a 500, nothing saved); uploads above their cap are refused."""

import copy
import json

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from groundswell.activity.models import Event
from groundswell.insights.models import Insight, InsightCategory
from groundswell.insights.photos import MAX_PHOTO_BYTES
from groundswell.learning.forms import IMPORT_MAX_BYTES
from groundswell.learning.models import Course
from groundswell.threads.models import Thread
from tests.factories import ReplyFactory, ThreadFactory
from tests.trust.routes import api_operations, fill_api_path, fill_page_route, page_routes
from tests.trust.test_private_leaks import private_world  # noqa: F401 (a fixture)

MAX = 2  # a small maximum page size, so a clamp shows with a few objects
TOO_BIG = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1
REFUSED = {400, 413}
MAX_PAGE_SIZE = settings.GROUNDSWELL["MAX_PAGE_SIZE"]


@pytest.fixture
def small_pages(settings):
    groundswell = copy.deepcopy(settings.GROUNDSWELL)
    groundswell.update(PAGE_SIZE=MAX, MAX_PAGE_SIZE=MAX)
    settings.GROUNDSWELL = groundswell


@pytest.fixture
def world(request, db):
    """The canary crawl's world (tests/trust/test_private_leaks.py): every route parameter has a
    value there."""
    return request.getfixturevalue("private_world")


@pytest.fixture
def insider(client, world):
    """The member who wrote everything in the world, made an administrator so that every list
    (moderation, operations, statements) answers."""
    author = world["author"]
    author.is_staff = author.is_superuser = True
    author.save()
    for n in range(3):
        ThreadFactory(space=world["thread"].space, author=author, title=f"More {n}")
        ReplyFactory(thread=world["thread"], author=author, body=f"More {n}")
    client.force_login(author)
    return client


def _list_operations(document) -> list[tuple[str, dict]]:
    return [
        (path, operation)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if method == "get" and any(p["name"] == "per_page" for p in operation.get("parameters", []))
    ]


def _returns_a_page(operation, document) -> bool:
    schema = operation["responses"].get("200", {}).get("content", {})
    schema = schema.get("application/json", {}).get("schema", {})
    ref = schema.get("$ref", "").rsplit("/", 1)[-1]
    return "items" in document["components"]["schemas"].get(ref, {}).get("properties", {})


def test_every_api_list_is_paginated(client, db):
    """A GET that answers a list of items takes `page` and `per_page` — or a `limit` with a
    maximum, for short suggestion lists — and no GET answers a bare array (an unbounded
    list)."""
    document = client.get("/api/v1/openapi.json").json()
    for path, operations in document["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        content = operation["responses"].get("200", {}).get("content", {})
        schema = content.get("application/json", {}).get("schema", {})
        assert schema.get("type") != "array", f"GET {path} answers an unpaginated list"
        if _returns_a_page(operation, document):
            parameters = {p["name"]: p["schema"] for p in operation.get("parameters", [])}
            if "limit" in parameters:
                assert parameters["limit"].get("maximum", 10**9) <= MAX_PAGE_SIZE, path
            else:
                assert {"page", "per_page"} <= set(parameters), f"GET {path}: no page parameters"


@pytest.mark.parametrize("per_page", [MAX + 1, 10**9], ids=["one-over", "huge"])
def test_every_api_list_clamps_or_refuses_a_page_size_above_the_maximum(
    insider, world, small_pages, per_page
):
    document = insider.get("/api/v1/openapi.json").json()
    lists = _list_operations(document)
    assert len(lists) >= 25
    values = {**world["values"], "q": "more"}
    clamped, full = [], []
    for path, operation in lists:
        url = "/api/v1" + fill_api_path(path.removeprefix("/api/v1"), values)
        query = {"per_page": per_page}
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "query" and parameter.get("required"):
                query[parameter["name"]] = values[parameter["name"]]
        response = insider.get(url, query)
        if response.status_code in {400, 422}:
            continue  # refused
        assert response.status_code == 200, f"GET {url}: {response.status_code}"
        body = response.json()
        assert body["per_page"] <= MAX, f"GET {url} answered per_page={body['per_page']}"
        assert len(body["items"]) <= MAX, f"GET {url} answered {len(body['items'])} items"
        clamped.append(path)
        if len(body["items"]) == MAX and body["has_next"]:
            full.append(path)
    # The check can fail: most lists answer, and several have more than a page to show.
    assert len(clamped) >= 20
    assert {"/api/v1/threads", "/api/v1/threads/{thread_id}/replies"} <= set(full)


def test_every_api_body_above_the_limit_is_refused(insider, world):
    values = world["values"]
    document = insider.get("/api/v1/openapi.json").json()
    big = json.dumps({"body": "x" * TOO_BIG, "title": "t", "text": "t"})
    events, threads = Event.objects.count(), Thread.objects.count()
    checked = 0
    for method, path in api_operations(insider):
        operation = document["paths"][path][method.lower()]
        content = operation.get("requestBody", {}).get("content", {})
        if "application/json" not in content:
            continue
        url = "/api/v1" + fill_api_path(path.removeprefix("/api/v1"), values)
        response = insider.generic(method, url, data=big, content_type="application/json")
        assert response.status_code == 413, f"{method} {url}: {response.status_code}"
        assert response.json()["code"] == "too_large"
        checked += 1
    assert checked >= 25
    assert (Event.objects.count(), Thread.objects.count()) == (events, threads)


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_every_page_post_above_the_limit_is_refused(insider, world, htmx):
    """Every page and partial, posted a form bigger than the limit: refused before any view
    reads it, never a server error, nothing written."""
    headers = {"HX-Request": "true"} if htmx else {}
    values = world["values"]
    body = "title=t&body=" + "x" * TOO_BIG
    events, threads = Event.objects.count(), Thread.objects.count()
    answers = {}
    for route in page_routes():
        url = fill_page_route(route, values)
        response = insider.post(
            url, body, content_type="application/x-www-form-urlencoded", headers=headers
        )
        answers[url] = response.status_code
    wrong = {url: status for url, status in answers.items() if status not in REFUSED | {405}}
    assert wrong == {}
    assert len([s for s in answers.values() if s in REFUSED]) >= 40
    assert (Event.objects.count(), Thread.objects.count()) == (events, threads)


def test_every_page_post_with_too_many_fields_is_refused(insider, world):
    """DATA_UPLOAD_MAX_NUMBER_FIELDS: a form of thousands of fields is refused, never parsed."""
    body = "&".join(f"f{n}=x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    threads = Thread.objects.count()
    wrong = {}
    for route in page_routes():
        url = fill_page_route(route, world["values"])
        response = insider.post(url, body, content_type="application/x-www-form-urlencoded")
        if response.status_code not in {400, 405}:
            wrong[url] = response.status_code
    assert wrong == {}
    assert Thread.objects.count() == threads


def _png(size: int) -> bytes:
    header = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
    return header + b"\x00" * (size - len(header))


def _photo(size: int) -> SimpleUploadedFile:
    return SimpleUploadedFile("big.png", _png(size), content_type="image/png")


def test_an_oversized_insight_photo_is_refused_by_page_and_api(insider, world):
    insight = world["insight"]
    too_big = MAX_PHOTO_BYTES + 1
    api = insider.post(f"/api/v1/insights/{insight.pk}/photo", {"photo": _photo(too_big)})
    assert api.status_code in REFUSED, api.status_code
    insight.refresh_from_db()
    assert not insight.photo

    reported = Insight.objects.count()
    category = InsightCategory.objects.first()
    page = insider.post(
        "/insights/report/",
        {"text": "A pallet blocks the exit", "category": category.slug, "photo": _photo(too_big)},
    )
    assert page.status_code in REFUSED, page.status_code
    assert Insight.objects.count() == reported


def test_an_oversized_course_import_is_refused(insider):
    """The CSV import is the other upload: a file over its cap is refused, nothing imported."""
    line = b"C-1,Title,,,,,,,\n"
    rows = b"code,title,description,owner_username,lms_url,lms_id,topics,username,role\n"
    rows += line * (IMPORT_MAX_BYTES // len(line) + 1)
    courses = Course.objects.count()
    upload = SimpleUploadedFile("courses.csv", rows, content_type="text/csv")
    response = insider.post("/learning/import/", {"file": upload})
    assert response.status_code in REFUSED, response.status_code
    assert "larger than 5 MB" in response.content.decode()
    assert Course.objects.count() == courses

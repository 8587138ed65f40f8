"""Security headers on every kind of response (TRUST 13): pages, htmx partials, redirects,
errors from 400 to 500, 429, the API's JSON and its docs page, and static files all carry a
Content-Security-Policy with a fresh nonce and no 'unsafe-inline', nosniff, a referrer policy
and a refusal to be framed."""

import re

import pytest
from django.test import Client

from groundswell.threads import services as threads
from tests.trust.limits import Clock, set_limits

HTMX = {"HX-Request": "true"}


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_secure_headers(response, where: str) -> str:
    """Checks one response; returns its nonce."""
    assert "Content-Security-Policy" in response, f"{where}: no CSP"
    csp = csp_directives(response)
    script_src = csp["script-src"]
    nonces = [value for value in script_src if value.startswith("'nonce-")]
    assert len(nonces) == 1, f"{where}: script-src {script_src}"
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src, where
    assert "'unsafe-inline'" not in csp["style-src"], where
    assert csp["default-src"] == ["'self'"], where
    assert csp["object-src"] == ["'none'"], where
    assert csp["base-uri"] == ["'none'"], where
    assert csp["frame-ancestors"] == ["'none'"], where
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "same-origin", where
    assert response["X-Frame-Options"] == "DENY", where
    nonce = nonces[0].removeprefix("'nonce-").removesuffix("'")
    if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
        _assert_no_inline_code(response.content.decode(), nonce, where)
    return nonce


def _assert_no_inline_code(html: str, nonce: str, where: str) -> None:
    """What the CSP would block anyway, caught before a browser has to: inline scripts
    without this response's nonce, event-handler attributes and style attributes."""
    for tag in re.findall(r"<script\b[^>]*>", html):
        executable = 'type="application/json"' not in tag
        if executable and "src=" not in tag:
            assert f'nonce="{nonce}"' in tag, f"{where}: inline script without nonce: {tag}"
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), f"{where}: inline event handler"
    assert not re.search(r"<[^>]+\sstyle\s*=", html), f"{where}: style attribute"


@pytest.fixture
def discussion(member, open_space):
    return threads.thread_create(author=member, space=open_space, title="Route 9", body="Go.")


def test_every_kind_of_response_carries_the_headers(
    settings, monkeypatch, client, member, password, open_space, discussion
):
    responses = {}
    responses["login page (anonymous)"] = client.get("/login/")
    responses["redirect to login"] = client.get("/bookmarks/")
    responses["static file"] = client.get("/static/web/groundswell.css")
    responses["API 401"] = client.get("/api/v1/me")
    responses["API docs"] = client.get("/api/v1/docs")
    responses["API unknown route"] = client.get("/api/v1/nothing-here")

    client.force_login(member)
    responses["page"] = client.get(discussion.get_absolute_url())
    responses["htmx partial"] = client.post(f"/threads/{discussion.pk}/follow/", headers=HTMX)
    responses["404"] = client.get("/no-such-page/")
    responses["404 of a domain error"] = client.get("/threads/999999/")
    responses["400 bad form"] = client.post(
        f"/spaces/{open_space.slug}/new/", {"kind": "discussion", "title": "", "body": ""}
    )
    responses["htmx 400"] = client.post(
        f"/threads/{discussion.pk}/reply/", {"body": ""}, headers=HTMX
    )
    responses["API JSON"] = client.get("/api/v1/me")
    responses["API 404"] = client.get("/api/v1/threads/999999")

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    responses["403 CSRF"] = strict.post(f"/threads/{discussion.pk}/reply/", {"body": "x"})

    Clock(monkeypatch)
    set_limits(settings, posting=(1, 600))
    assert client.post(f"/threads/{discussion.pk}/reply/", {"body": "once"}).status_code == 302
    responses["429"] = client.post(f"/threads/{discussion.pk}/reply/", {"body": "again"})

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("groundswell.threads.selectors.home_feed", broken)
    client.raise_request_exception = False
    responses["500"] = client.get("/")

    expected = {
        "login page (anonymous)": 200,
        "redirect to login": 302,
        "static file": 200,
        "API 401": 401,
        "API docs": 200,
        "API unknown route": 404,
        "page": 200,
        "htmx partial": 200,
        "404": 404,
        "404 of a domain error": 404,
        "400 bad form": 400,
        "htmx 400": 400,
        "API JSON": 200,
        "API 404": 404,
        "403 CSRF": 403,
        "429": 429,
        "500": 500,
    }
    assert {name: r.status_code for name, r in responses.items()} == expected
    nonces = [assert_secure_headers(r, name) for name, r in responses.items()]
    assert len(set(nonces)) == len(nonces), "a nonce was used twice"


def test_the_nonce_in_a_page_is_the_one_in_its_header(member_client):
    first = member_client.get("/")
    second = member_client.get("/")
    nonce = assert_secure_headers(first, "home")
    assert nonce != assert_secure_headers(second, "home again")
    assert len(nonce) >= 16
    # Any nonce attribute in the page is this response's nonce, never an older one.
    for found in re.findall(r'nonce="([^"]+)"', first.content.decode()):
        assert found == nonce


def test_the_header_check_can_fail():
    """The assertions above catch a weak policy."""
    from django.http import HttpResponse

    weak = HttpResponse("<p>hi</p>")
    weak["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'nonce-abc'; style-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
    weak["X-Content-Type-Options"] = "nosniff"
    weak["Referrer-Policy"] = "same-origin"
    weak["X-Frame-Options"] = "DENY"
    with pytest.raises(AssertionError):
        assert_secure_headers(weak, "weak")
    inline = HttpResponse('<button onclick="x()">x</button>', content_type="text/html")
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        inline[name] = weak[name]
    inline["Content-Security-Policy"] = weak["Content-Security-Policy"].replace(
        " 'unsafe-inline'", ""
    )
    inline["X-Frame-Options"] = "DENY"
    with pytest.raises(AssertionError, match="inline event handler"):
        assert_secure_headers(inline, "inline")

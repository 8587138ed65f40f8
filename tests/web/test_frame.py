"""What every page shares: sign-in, the layout, security headers, and error pages."""

import pytest
from django.test import Client

from groundswell.threads.models import Thread

pytestmark = pytest.mark.django_db


def test_pages_redirect_anonymous_people_to_the_login_page(client):
    for url in ("/", "/spaces/", "/topics/", "/people/", "/bookmarks/", "/threads/1/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/login/?next="), url


def test_the_api_is_not_redirected_to_the_login_page(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    # Protected API routes answer 401 themselves; unknown ones 404. Never a login redirect.
    assert client.get("/api/v1/spaces").status_code == 401
    assert client.get("/api/v1/no-such-route").status_code == 404


def test_an_htmx_request_without_a_session_is_sent_to_login_by_the_client(client):
    response = client.post("/threads/1/vote/", {"value": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/login/?next=")


def test_htmx_and_the_stylesheet_are_served_without_a_cdn(client):
    for url in ("/static/django_htmx/htmx-2.min.js", "/static/web/groundswell.css"):
        response = client.get(url)
        assert response.status_code == 200, url
        b"".join(response.streaming_content)


def test_logging_in_with_the_real_form(client, member, password):
    page = client.get("/login/")
    assert page.status_code == 200
    assert b'<label for="id_username">Username</label>' in page.content
    response = client.post("/login/", {"username": "member", "password": password})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_a_wrong_password_shows_an_error(client, member):
    response = client.post("/login/", {"username": "member", "password": "nope"})
    assert response.status_code == 200
    assert b"didn't match" in response.content


def test_logout_is_a_post(member_client):
    assert member_client.get("/logout/").status_code == 405
    response = member_client.post("/logout/")
    assert response.status_code == 302
    assert member_client.get("/").status_code == 302


def test_the_layout_has_landmarks_skip_link_htmx_config_and_csrf_header(member_client):
    response = member_client.get("/")
    html = response.content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert '<nav class="main-nav" aria-label="Main">' in html
    assert 'aria-live="polite"' in html
    assert '"allowEval":false' in html
    assert "django_htmx/htmx-2.min.js" in html
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert "style=" not in html  # the CSP forbids inline styles
    assert "onclick" not in html


def test_every_page_carries_the_content_security_policy(member_client):
    for url in ("/", "/no-such-page/"):
        policy = member_client.get(url)["Content-Security-Policy"]
        assert "script-src 'self' 'nonce-" in policy
        assert "unsafe-inline" not in policy


def test_unknown_url_renders_the_not_found_page(member_client):
    response = member_client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"There is nothing here, or you cannot see it." in response.content
    assert b'<main id="main"' in response.content


def test_csrf_failure_renders_our_page(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post("/spaces/new/", {"name": "Forged"})
    assert response.status_code == 403
    assert b"Please try again" in response.content


def test_a_form_post_that_is_not_utf8_is_refused(member_client, open_space):
    response = member_client.post(
        f"/spaces/{open_space.slug}/new/",
        data=b"kind=discussion&title=%FF%FEbad&body=text",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert b"not sent as valid UTF-8" in response.content
    assert not Thread.objects.exists()


def test_raw_invalid_utf8_bytes_are_refused_too(member_client, open_space):
    response = member_client.post(
        f"/spaces/{open_space.slug}/new/",
        data=b"kind=discussion&title=caf\xe9&body=text",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert not Thread.objects.exists()


def test_a_one_megabyte_body_is_refused_before_any_view(member_client, open_space):
    response = member_client.post(
        f"/spaces/{open_space.slug}/new/",
        {"kind": "discussion", "title": "Big", "body": "x" * 1_000_000},
    )
    assert response.status_code == 400
    assert b"Bad request" in response.content
    assert not Thread.objects.exists()


def test_the_server_error_page_needs_no_database(rf):
    from groundswell.web.errors import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


def test_a_bad_form_over_htmx_answers_with_a_message_for_the_live_region(member_client):
    response = member_client.post(
        "/spaces/new/",
        data=b"name=%FF",
        content_type="application/x-www-form-urlencoded",
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400
    assert response["HX-Retarget"] == "#toast"
    assert b"<html" not in response.content

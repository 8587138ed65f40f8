"""The notification pages: the list, opening one, marking read, the header badge, settings,
and revocation — someone removed from a private space no longer sees its notifications."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.notifications.models import EmailFrequency, Notification, NotificationPreference
from groundswell.spaces.models import Membership
from groundswell.threads import services as threads
from tests.notifications.conftest import make_notifications, notified
from tests.web.test_accessibility import _check

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.fixture
def answered(depot, question, committed):
    """The lead answered the driver's question: the driver has one unread notification."""
    with committed():
        threads.reply_create(author=depot["lead"], thread=question, body="The UN3481 label.")
    [notification] = notified(depot["driver"])
    return notification


def test_the_list_shows_unread_first_then_newest(client, depot, question, answered):
    older, newer = make_notifications(depot["driver"], question, 2)
    Notification.objects.filter(pk=newer.pk).update(read_at=newer.created_at)
    client.force_login(depot["driver"])
    response = client.get("/notifications/")
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(f'id="notification-{n.pk}"') for n in (older, answered, newer)]
    assert positions == sorted(positions)
    assert "Wes Warehouse answered your question" in html
    assert "How do I label lithium batteries?" in html
    assert html.count("notification--unread") == 2
    _check(html, "/notifications/")


def test_the_list_of_someone_without_notifications_says_so(client, depot):
    client.force_login(depot["loader"])
    html = client.get("/notifications/").content.decode()
    assert "Nothing yet." in html
    _check(html, "/notifications/ (empty)")


def test_opening_a_notification_marks_it_read_and_goes_to_the_answer(client, depot, answered):
    client.force_login(depot["driver"])
    response = client.get(answered.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == f"/threads/{answered.thread_id}/#reply-{answered.reply_id}"
    answered.refresh_from_db()
    assert answered.read_at is not None
    assert client.get(answered.get_absolute_url()).status_code == 302  # again: still fine


def test_nobody_else_can_open_or_mark_a_notification(client, depot, answered):
    client.force_login(depot["lead"])
    assert client.get(answered.get_absolute_url()).status_code == 404
    assert client.post(f"/notifications/{answered.pk}/read/").status_code == 404
    answered.refresh_from_db()
    assert answered.read_at is None


def test_marking_one_read_with_htmx_swaps_the_row_and_refreshes_the_badge(client, depot, answered):
    client.force_login(depot["driver"])
    response = client.post(f"/notifications/{answered.pk}/read/", headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="notification-{answered.pk}"' in html
    assert "notification--unread" not in html
    assert "Marked as read." in html
    assert response["HX-Trigger"] == '{"notifications-changed": {}}'
    answered.refresh_from_db()
    assert answered.is_read


def test_marking_one_read_without_javascript_goes_back_to_the_list(client, depot, answered):
    client.force_login(depot["driver"])
    response = client.post(f"/notifications/{answered.pk}/read/")
    assert (response.status_code, response["Location"]) == (302, "/notifications/")
    assert client.get(f"/notifications/{answered.pk}/read/").status_code == 405


def test_mark_all_read(client, depot, question, answered):
    make_notifications(depot["driver"], question, 3)
    mine_elsewhere = make_notifications(depot["lead"], question, 1)[0]
    client.force_login(depot["driver"])
    response = client.post("/notifications/read-all/", follow=True)
    assert b"All caught up." in response.content
    assert not Notification.objects.filter(recipient=depot["driver"], read_at__isnull=True)
    mine_elsewhere.refresh_from_db()
    assert mine_elsewhere.read_at is None


def test_the_header_loads_the_unread_count(client, depot, question, answered):
    client.force_login(depot["driver"])
    home = client.get("/").content.decode()
    assert 'hx-get="/notifications/unread-count/"' in home
    assert 'hx-trigger="load, every 60s, notifications-changed from:body"' in home
    badge = client.get("/notifications/unread-count/", headers=HTMX).content.decode()
    assert '<span class="notification-badge">1<span class="visually-hidden"> unread</span>' in badge
    make_notifications(depot["driver"], question, 120)
    assert "99+" in client.get("/notifications/unread-count/").content.decode()
    client.post("/notifications/read-all/")
    assert client.get("/notifications/unread-count/").content.decode().strip() == ""


def test_removal_from_a_private_space_hides_its_notifications(
    client, depot, private_question, committed
):
    with committed():
        threads.reply_create(author=depot["lead"], thread=private_question, body="Noted.")
    [notification] = notified(depot["driver"])
    client.force_login(depot["driver"])
    assert b"PRIVATE-CANARY" in client.get("/notifications/").content
    assert b">1<" in client.get("/notifications/unread-count/").content
    Membership.objects.filter(space=depot["cohort"], person=depot["driver"]).delete()
    assert b"PRIVATE-CANARY" not in client.get("/notifications/").content
    assert client.get(notification.get_absolute_url()).status_code == 404
    assert client.post(f"/notifications/{notification.pk}/read/").status_code == 404
    assert client.get("/notifications/unread-count/").content.decode().strip() == ""


def test_the_settings_page_saves_the_email_choice(client, depot):
    client.force_login(depot["driver"])
    page = client.get("/notifications/settings/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="immediately" id="id_email_0" required checked' in html
    _check(html, "/notifications/settings/")
    response = client.post("/notifications/settings/", {"email": "weekly"})
    assert (response.status_code, response["Location"]) == (302, "/notifications/settings/")
    assert NotificationPreference.objects.get(person=depot["driver"]).email == "weekly"
    invalid = client.post("/notifications/settings/", {"email": "hourly"})
    assert invalid.status_code == 400
    assert NotificationPreference.objects.get(person=depot["driver"]).email == "weekly"
    page = client.get("/notifications/settings/").content.decode()
    assert f'value="{EmailFrequency.WEEKLY}" id="id_email_2" required checked' in page


def test_pages_need_a_sign_in(client):
    for url in ("/notifications/", "/notifications/settings/", "/notifications/unread-count/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/login/"), url


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_list_and_badge_queries_do_not_grow_with_the_notifications(client, depot, question):
    client.force_login(depot["driver"])
    make_notifications(depot["driver"], question, 5)
    few = {
        url: _queries(client, url) for url in ("/notifications/", "/notifications/unread-count/")
    }
    make_notifications(depot["driver"], question, 45)
    many = {
        url: _queries(client, url) for url in ("/notifications/", "/notifications/unread-count/")
    }
    assert few == many
    assert many["/notifications/"] <= 6

"""The review queue page: contents, filters, pagination, empty state, query budget, and flag
details that stay inert text."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.moderation import services
from groundswell.moderation.models import Flag
from groundswell.threads import services as threads
from tests.factories import MembershipFactory, PersonFactory
from tests.trust.test_stored_xss import PAYLOAD, problems_in

pytestmark = pytest.mark.django_db


def _flag(person, thread, reply=None, reason="spam", detail=""):
    return services.flag_create(
        flagger=person, thread=thread, reply=reply, reason=reason, detail=detail
    )


def test_empty_queue_says_so(client_as, mod_a):
    response = client_as(mod_a).get("/moderation/")
    assert response.status_code == 200
    assert "Nothing to review" in response.content.decode()


def test_queue_lists_posts_with_their_flags_and_actions(
    client_as, thread_a, reply_a, flaggers, mod_a
):
    _flag(flaggers[0], thread_a, reply=reply_a, reason="offensive", detail="Name-calling")
    _flag(flaggers[1], thread_a, reply=reply_a, reason="spam")
    page = client_as(mod_a).get("/moderation/").content.decode()
    assert "Rude words here." in page
    assert "Offensive or abusive" in page and "Name-calling" in page
    assert "2 people flagged this" in page
    assert f"/moderation/replies/{reply_a.pk}/resolve/" in page


def test_resolving_from_the_queue(client_as, thread_a, reply_a, flaggers, mod_a):
    _flag(flaggers[0], thread_a, reply=reply_a)
    client = client_as(mod_a)
    response = client.post(
        f"/moderation/replies/{reply_a.pk}/resolve/", {"action": "hide", "note": "Abusive"}
    )
    assert response.status_code == 302 and response["Location"] == "/moderation/"
    assert not Flag.objects.open().exists()
    assert "Nothing to review" in client.get("/moderation/").content.decode()
    # A second resolution of the same flags is a conflict, shown as such.
    again = client.post(f"/moderation/replies/{reply_a.pk}/resolve/", {"action": "hide"})
    assert again.status_code == 409
    bad = client.post(f"/moderation/threads/{thread_a.pk}/resolve/", {"action": "explode"})
    assert bad.status_code == 400


def test_moderators_see_only_their_spaces_administrators_see_all(
    client_as, thread_a, thread_b, flaggers, mod_a, mod_b, admin
):
    _flag(flaggers[0], thread_a)
    _flag(flaggers[0], thread_b)
    a_page = client_as(mod_a).get("/moderation/").content.decode()
    assert "Forklift rota" in a_page and "Canteen hours" not in a_page
    b_page = client_as(mod_b).get("/moderation/").content.decode()
    assert "Canteen hours" in b_page and "Forklift rota" not in b_page
    admin_page = client_as(admin).get("/moderation/").content.decode()
    assert "Canteen hours" in admin_page and "Forklift rota" in admin_page


def test_filters_by_space_and_reason(client_as, thread_a, thread_b, flaggers, admin):
    _flag(flaggers[0], thread_a, reason="spam")
    _flag(flaggers[0], thread_b, reason="off_topic")
    client = client_as(admin)
    by_space = client.get("/moderation/", {"space": "depot-b"}).content.decode()
    assert "Canteen hours" in by_space and "Forklift rota" not in by_space
    by_reason = client.get("/moderation/", {"reason": "spam"}).content.decode()
    assert "Forklift rota" in by_reason and "Canteen hours" not in by_reason
    nothing = client.get("/moderation/", {"reason": "private_information"}).content.decode()
    assert "No flagged posts match these filters." in nothing


def test_filtering_on_a_space_you_do_not_moderate_is_like_one_that_does_not_exist(
    client_as, thread_b, flaggers, mod_a
):
    _flag(flaggers[0], thread_b)
    client = client_as(mod_a)
    theirs = client.get("/moderation/", {"space": "depot-b"})
    missing = client.get("/moderation/", {"space": "no-such-space"})
    assert theirs.status_code == missing.status_code == 200
    assert "Canteen hours" not in theirs.content.decode()
    assert "No flagged posts match" in theirs.content.decode()


@pytest.fixture
def no_flag_limit(settings):
    limits = {**settings.GROUNDSWELL["RATE_LIMITS"], "flagging": None}
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "RATE_LIMITS": limits, "FLAGS_TO_HIDE": 10}


def _many_flagged(space, author, flaggers, n):
    for i in range(n):
        thread = threads.thread_create(author=author, space=space, title=f"Post {i}", body="b")
        reply = threads.reply_create(author=author, thread=thread, body=f"reply {i}")
        for flagger in flaggers[:2]:
            _flag(flagger, thread, detail=f"detail {i}")
            _flag(flagger, thread, reply=reply, reason="other")


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_queue_queries_do_not_grow_with_the_items(
    no_flag_limit, client_as, space_a, author, flaggers, mod_a
):
    client = client_as(mod_a)
    _many_flagged(space_a, author, flaggers, 1)
    few = _queries(client, "/moderation/")
    _many_flagged(space_a, author, flaggers, 12)
    many = _queries(client, "/moderation/")
    assert many == few <= 12


def test_hidden_list_queries_do_not_grow_with_the_items(client_as, space_a, author, mod_a):
    client = client_as(mod_a)

    def hide(n):
        for i in range(n):
            thread = threads.thread_create(author=author, space=space_a, title=f"H{i}", body="b")
            reply = threads.reply_create(author=author, thread=thread, body=f"reply {i}")
            services.post_hide(moderator=mod_a, thread=thread, reply=reply)
            services.post_hide(moderator=mod_a, thread=thread)

    hide(1)
    few = _queries(client, "/moderation/hidden/")
    hide(8)
    page = client.get("/moderation/hidden/").content.decode()
    assert page.count('class="card review-item"') == 18
    assert _queries(client, "/moderation/hidden/") == few <= 10


def test_queue_paginates(no_flag_limit, settings, client_as, space_a, author, flaggers, mod_a):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "PAGE_SIZE": 5}
    _many_flagged(space_a, author, flaggers, 3)  # six flagged posts
    client = client_as(mod_a)
    first = client.get("/moderation/").content.decode()
    assert 'rel="next"' in first and first.count('class="card review-item"') == 5
    second = client.get("/moderation/", {"page": 2}).content.decode()
    assert second.count('class="card review-item"') == 1 and 'rel="prev"' in second


def test_flag_details_render_inert(client_as, thread_a, flaggers, mod_a, admin):
    _flag(flaggers[0], thread_a, reason="other", detail=PAYLOAD[:500])
    for person in (mod_a, admin):
        page = client_as(person).get("/moderation/").content.decode()
        assert "&lt;script&gt;" in page
        assert problems_in(page) == []


def test_nav_link_shows_reviewers_their_count(client_as, thread_a, flaggers, mod_a):
    assert client_as(flaggers[0]).get("/moderation/nav/").content.strip() == b""
    assert b"Moderation" in client_as(mod_a).get("/moderation/nav/").content
    _flag(flaggers[0], thread_a)
    assert b">1<" in client_as(mod_a).get("/moderation/nav/").content
    assert b"aria-current" not in client_as(mod_a).get("/moderation/nav/").content
    # On a moderation page the link is marked as the current one, like the others.
    queue = client_as(mod_a).get("/moderation/").content.decode()
    assert "/moderation/nav/?current=1" in queue
    assert b'aria-current="page"' in client_as(mod_a).get("/moderation/nav/?current=1").content


def test_flagging_from_the_thread_page(client_as, thread_a, reply_a, flaggers):
    client = client_as(flaggers[0])
    response = client.post(
        f"/moderation/replies/{reply_a.pk}/flag/", {"reason": "offensive", "detail": "Rude"}
    )
    assert response.status_code == 302
    assert Flag.objects.get().reply == reply_a
    page = client.get(thread_a.get_absolute_url()).content.decode()
    assert "You flagged this" in page
    again = client.post(f"/moderation/replies/{reply_a.pk}/flag/", {"reason": "spam"})
    assert again.status_code == 409
    invalid = client.post(f"/moderation/threads/{thread_a.pk}/flag/", {"reason": "nope"})
    assert invalid.status_code == 400
    assert client.get(f"/moderation/threads/{thread_a.pk}/flag/").status_code == 405


def test_a_moderator_without_flags_still_reaches_the_queue(client_as, db):
    from groundswell.spaces.models import Role
    from tests.factories import SpaceFactory

    someone = PersonFactory()
    MembershipFactory(space=SpaceFactory(), person=someone, role=Role.OWNER)
    assert client_as(someone).get("/moderation/").status_code == 200

"""Moderation in real Chromium: a member flags a rude reply from the thread page; the space's
moderator is notified and finds it through the navigation's count, hides it from the queue
with a reason, the member no longer sees it, and its author is told (by nobody's name)."""

import pytest
from playwright.sync_api import expect

from groundswell.moderation.models import Flag
from groundswell.spaces import services as spaces
from groundswell.spaces.models import Role
from groundswell.threads import services as threads
from tests.browser.conftest import log_in
from tests.factories import MembershipFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def rude_reply(db):
    owner = PersonFactory(username="olga", display_name="Olga Owner")
    lounge = spaces.space_create(creator=owner, name="Drivers' lounge")
    member = PersonFactory(username="dana", display_name="Dana Driver")
    spaces.space_join(person=member, space=lounge)
    moderator = PersonFactory(username="max", display_name="Max Moderator")
    MembershipFactory(space=lounge, person=moderator, role=Role.MODERATOR)
    troll = PersonFactory(username="troll", display_name="Tom Troll")
    spaces.space_join(person=troll, space=lounge)
    thread = threads.thread_create(
        author=member, space=lounge, title="Best route to the depot?", body="Avoiding the A1."
    )
    reply = threads.reply_create(author=troll, thread=thread, body="Only idiots ask this.")
    return {"thread": thread, "reply": reply}


def test_member_flags_a_reply_and_the_moderator_hides_it(open_quiet_phone, rude_reply):
    thread, reply = rude_reply["thread"], rude_reply["reply"]
    member_page = open_quiet_phone()
    log_in(member_page, "dana")
    member_page.goto(thread.get_absolute_url())
    reply_item = member_page.locator(f"#reply-{reply.pk}")
    reply_item.locator("summary", has_text="Flag").click()
    reply_item.get_by_label("Offensive or abusive").check()
    reply_item.get_by_label("Anything moderators should know (optional)").fill("Name-calling")
    reply_item.get_by_role("button", name="Send to moderators").click()
    expect(member_page.locator(".messages")).to_contain_text("moderators will review it")
    expect(member_page.locator(f"#reply-{reply.pk}")).to_contain_text("You flagged this")
    assert Flag.objects.get().reply_id == reply.pk

    # The moderator's navigation shows one post to review.
    moderator_page = open_quiet_phone()
    log_in(moderator_page, "max")
    nav = moderator_page.get_by_role("navigation", name="Main")
    # The first flag notified the space's moderators.
    expect(nav.get_by_role("link", name="Notifications 1 unread")).to_be_visible()
    nav.get_by_role("link", name="Moderation 1 to review").click()
    expect(moderator_page.get_by_role("heading", level=1)).to_have_text("Moderation")
    item = moderator_page.locator(f"#review-reply-{reply.pk}")
    expect(item).to_contain_text("Only idiots ask this.")
    expect(item).to_contain_text("Offensive or abusive")
    expect(item).to_contain_text("Name-calling")
    item.get_by_label("Note for the audit log (optional)").fill("Insulting a colleague")
    item.get_by_label("Reason the author is told, if you hide it (optional)").select_option(
        "offensive"
    )
    item.get_by_role("button", name="Hide post").click()
    expect(moderator_page.locator(".messages")).to_contain_text("The post is hidden (1 flag)")
    expect(moderator_page.locator(".empty")).to_contain_text("Nothing to review")

    # The member no longer sees the reply.
    member_page.reload()
    expect(member_page.get_by_role("heading", level=1)).to_have_text("Best route to the depot?")
    expect(member_page.locator(f"#reply-{reply.pk}")).to_have_count(0)
    expect(member_page.get_by_text("Only idiots ask this.")).to_have_count(0)

    # The reply's author is told why, not by whom, and sees their hidden reply.
    troll_page = open_quiet_phone()
    log_in(troll_page, "troll")
    troll_nav = troll_page.get_by_role("navigation", name="Main")
    troll_nav.get_by_role("link", name="Notifications 1 unread").click()
    notice = troll_page.get_by_role("link", name="Your reply was hidden by moderators")
    expect(notice).to_contain_text("(offensive or abusive)")
    expect(troll_page.locator("main")).not_to_contain_text("Dana")
    expect(troll_page.locator("main")).not_to_contain_text("Max")
    notice.click()
    expect(troll_page.locator("#my-hidden-replies")).to_contain_text("Moderators hid your reply")

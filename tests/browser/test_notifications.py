"""Notifications in real Chromium: a colleague answers the driver's question in their own
browser; the driver's header shows the unread badge, the list shows the notification, and
opening it goes to the answer and clears the badge."""

import pytest
from playwright.sync_api import expect

from groundswell.notifications.models import Notification
from groundswell.spaces import services as spaces
from groundswell.threads import services as threads
from tests.browser.conftest import log_in
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def asked(db):
    driver = PersonFactory(username="dana", display_name="Dana Driver")
    lead = PersonFactory(username="wes", display_name="Wes Warehouse")
    lounge = spaces.space_create(creator=lead, name="Drivers' lounge")
    spaces.space_join(person=driver, space=lounge)
    question = threads.thread_create(
        author=driver,
        space=lounge,
        kind="question",
        title="How do I label lithium batteries?",
        body="Which sticker goes where?",
    )
    return {"driver": driver, "lead": lead, "question": question}


def test_the_driver_sees_the_answer_as_a_notification_and_opens_it(open_quiet_phone, asked):
    question = asked["question"]
    driver_page = open_quiet_phone()
    log_in(driver_page, "dana")
    nav = driver_page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
    expect(driver_page.locator(".notification-badge")).to_have_count(0)

    # The warehouse lead answers in their own browser.
    lead_page = open_quiet_phone()
    log_in(lead_page, "wes")
    lead_page.goto(question.get_absolute_url())
    lead_page.get_by_label("Your answer").fill("The **UN3481** label, on the side.")
    lead_page.get_by_role("button", name="Post your answer").click()
    expect(lead_page.locator("#reply-list .reply")).to_have_count(1)
    notification = Notification.objects.get(recipient=asked["driver"])
    # A second colleague answers too.
    loader = PersonFactory(username="kim", display_name="Kim Loader")
    threads.reply_create(author=loader, thread=question, body="Ask at the depot desk.")
    other = Notification.objects.get(recipient=asked["driver"], actor=loader)

    # The driver's header loads the unread count.
    driver_page.reload()
    badge = driver_page.locator("#notification-badge .notification-badge")
    expect(badge).to_have_text("2 unread")

    # The list shows who answered what; marking one read updates the badge at once (htmx).
    nav.get_by_role("link", name="Notifications 2 unread").click()
    expect(driver_page.get_by_role("heading", level=1)).to_have_text("Notifications")
    expect(driver_page.locator(".notification--unread")).to_have_count(2)
    driver_page.get_by_role("button", name="Mark read Kim Loader answered your question").click()
    expect(driver_page.locator("#toast")).to_contain_text("Marked as read.")
    expect(driver_page.locator(f"#notification-{other.pk}")).to_have_class("notification")
    expect(badge).to_have_text("1 unread")

    # Opening a notification goes to the answer and marks it read.
    item = driver_page.locator(f"#notification-{notification.pk}")
    expect(item).to_contain_text("Wes Warehouse answered your question")
    expect(item).to_contain_text("How do I label lithium batteries?")
    expect(item).to_contain_text("You asked this question.")
    item.get_by_role("link").click()
    expect(driver_page.get_by_role("heading", level=1)).to_have_text(
        "How do I label lithium batteries?"
    )
    assert driver_page.url.endswith(f"/threads/{question.pk}/#reply-{notification.reply_id}")
    expect(driver_page.locator(f"#reply-{notification.reply_id}")).to_contain_text("UN3481")
    expect(driver_page.locator(".notification-badge")).to_have_count(0)
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_new_question_reaches_the_expert_with_the_reason(open_quiet_phone):
    """The driver asks in the browser; the colleague who answers hazmat questions is told."""
    driver = PersonFactory(username="dana", display_name="Dana Driver")
    expert = PersonFactory(username="wes", display_name="Wes Warehouse")
    loader = PersonFactory(username="kim", display_name="Kim Loader")
    lounge = spaces.space_create(creator=expert, name="Drivers' lounge")
    for person in (driver, loader):
        spaces.space_join(person=person, space=lounge)
    # Earlier evidence: Wes's answer on a hazmat question was accepted.
    earlier = threads.thread_create(
        author=loader,
        space=lounge,
        kind="question",
        title="Where do UN3481 labels go?",
        body="On the box?",
        topics=["hazmat"],
    )
    answer = threads.reply_create(author=expert, thread=earlier, body="Next to the address.")
    threads.reply_accept(person=loader, reply=answer)

    page = open_quiet_phone()
    log_in(page, "dana")
    page.goto(f"/spaces/{lounge.slug}/new/")
    page.get_by_label("Ask a question").check()
    page.get_by_label("Title").fill("Lithium batteries in a returned parcel: what now?")
    page.get_by_label("Topics").fill("hazmat")
    page.get_by_role("button", name="Post").click()
    expect(page.get_by_text("Your question is posted.")).to_be_visible()

    expert_page = open_quiet_phone()
    log_in(expert_page, "wes")
    nav = expert_page.get_by_role("navigation", name="Main")
    expect(expert_page.locator("#notification-badge .notification-badge")).to_be_visible()
    nav.get_by_role("link", name="Notifications", exact=False).click()
    routed = expert_page.locator(".notification--unread").filter(
        has_text="Lithium batteries in a returned parcel"
    )
    expect(routed).to_have_count(1)
    expect(routed).to_contain_text("hazmat")
    assert not Notification.objects.filter(recipient=driver, kind="routed").exists()

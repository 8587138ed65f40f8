"""Search in real Chromium on a phone: while a driver types a question's title, the form shows
a similar question that was already answered; they open it instead of asking again. Then the
header's search box finds it too."""

import pytest
from playwright.sync_api import expect

from groundswell.spaces import services as spaces
from groundswell.threads import services as threads
from tests.browser.conftest import log_in
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERED = "How do I label a parcel with lithium batteries?"


@pytest.fixture
def lounge(db):
    """The drivers' lounge with an answered question about lithium batteries."""
    driver = PersonFactory(username="dana", display_name="Dana Driver")
    lead = PersonFactory(username="wes", display_name="Wes Warehouse")
    space = spaces.space_create(creator=lead, name="Drivers' lounge", description="Tips.")
    spaces.space_join(person=driver, space=space)
    question = threads.thread_create(
        author=lead, space=space, kind="question", title=ANSWERED, body="For the air hub."
    )
    answer = threads.reply_create(author=driver, thread=question, body="The UN3481 label.")
    threads.reply_accept(person=lead, reply=answer)
    threads.thread_create(author=lead, space=space, title="Canteen menu", body="Soup.")
    return {"driver": driver, "space": space, "question": question}


def test_a_similar_question_appears_while_the_title_is_typed(open_phone, console, lounge):
    page = open_phone()
    log_in(page, "dana")
    page.goto(f"/spaces/{lounge['space'].slug}/new/")
    page.get_by_label("Title").press_sequentially("Which label for lithium batt", delay=20)

    similar = page.locator("#similar-threads")
    expect(similar.get_by_role("heading")).to_have_text("Already asked? Similar threads")
    link = similar.get_by_role("link", name=ANSWERED)
    expect(link).to_be_visible()
    expect(similar.locator(".similar__item")).to_have_count(1)
    expect(similar.locator(".similar__item").first).to_contain_text("✓ Answered")
    expect(similar.locator("mark").first).to_have_text("label")

    with page.expect_popup() as opened:
        link.click()
    thread_page = opened.value
    expect(thread_page.get_by_role("heading", level=1)).to_have_text(ANSWERED)
    expect(thread_page.locator(".reply--accepted")).to_contain_text("UN3481")
    # The draft is still there in the first tab.
    expect(page.get_by_label("Title")).to_have_value("Which label for lithium batt")

    # The header's search box finds the same thread, with the words highlighted.
    page.get_by_label("Search threads").fill("lithium")
    page.get_by_label("Search threads").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    result = page.locator(".search-result").first
    expect(result.get_by_role("link", name=ANSWERED)).to_be_visible()
    expect(result.locator("mark").first).to_have_text("lithium")

    assert console.csp_violations() == []
    assert console.errors() == []

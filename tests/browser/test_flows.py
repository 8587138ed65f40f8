"""The foundation flows in real Chromium on a phone (fixtures in conftest.py)."""

import pytest
from playwright.sync_api import expect

from groundswell.people.models import Level
from groundswell.spaces import services as spaces
from groundswell.spaces.models import Visibility
from groundswell.threads import services as threads
from groundswell.threads.models import Thread
from tests.browser.conftest import ARTIFACTS, log_in
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def depot(db):
    """A driver, a warehouse lead and a loader in the drivers' open space."""
    driver = PersonFactory(username="dana", display_name="Dana Driver", level=Level.FRONTLINE)
    lead = PersonFactory(
        username="wes",
        display_name="Wes Warehouse",
        job_title="Warehouse lead",
        level=Level.SPECIALIST,
    )
    loader = PersonFactory(username="kim", display_name="Kim Loader")
    lounge = spaces.space_create(creator=lead, name="Drivers' lounge", description="Road tips.")
    for person in (driver, loader):
        spaces.space_join(person=person, space=lounge)
    threads.thread_create(
        author=lead, space=lounge, title="Loading bay 3 is closed on Friday", body="Use bay 4."
    )
    return {"driver": driver, "lead": lead, "loader": loader, "space": lounge}


def test_a_question_is_asked_answered_and_accepted_on_a_phone(open_phone, console, depot):
    driver_page = open_phone()
    log_in(driver_page, "dana")

    # The home feed shows what happens in the driver's space.
    expect(
        driver_page.get_by_role("link", name="Loading bay 3 is closed on Friday")
    ).to_be_visible()

    # Open the space and ask a question with topics.
    driver_page.get_by_role("navigation", name="Main").get_by_role("link", name="Spaces").click()
    driver_page.get_by_role("link", name="Drivers' lounge").click()
    expect(driver_page.get_by_role("heading", level=1)).to_have_text("Drivers' lounge")
    driver_page.get_by_role("link", name="New thread").click()
    driver_page.get_by_label("Ask a question").check()
    driver_page.get_by_label("Title").fill("How do I label a parcel with lithium batteries?")
    driver_page.get_by_label("Details").fill("The hub keeps sending them **back**.")
    driver_page.get_by_label("Topics").fill("lithium, labels")
    driver_page.get_by_role("button", name="Post").click()
    expect(driver_page.get_by_role("heading", level=1)).to_have_text(
        "How do I label a parcel with lithium batteries?"
    )
    expect(driver_page.get_by_text("Your question is posted.")).to_be_visible()
    expect(driver_page.locator(".prose strong")).to_have_text("back")
    question = Thread.objects.get(title__startswith="How do I label")
    assert [t.name for t in question.topics.order_by("name")] == ["labels", "lithium"]

    # A colleague answers first; the driver votes that answer up (htmx, no reload).
    threads.reply_create(author=depot["loader"], thread=question, body="Ask at the depot desk.")
    driver_page.reload()
    first_answer = driver_page.locator(".reply").first
    first_answer.get_by_role("button", name="Vote up").click()
    expect(first_answer.locator(".vote__score")).to_have_text("1 vote")
    expect(first_answer.get_by_role("button", name="Vote up")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(driver_page.locator("#toast")).to_contain_text("You voted this up.")

    # Follow one of the question's topics (htmx).
    driver_page.get_by_role("link", name="#lithium").first.click()
    expect(driver_page.get_by_role("heading", level=1)).to_have_text("#lithium")
    driver_page.get_by_role("button", name="Follow #lithium").click()
    expect(driver_page.get_by_role("button", name="Unfollow #lithium")).to_be_visible()

    # The warehouse lead, in their own browser, answers.
    lead_page = open_phone()
    log_in(lead_page, "wes")
    lead_page.goto(question.get_absolute_url())
    lead_page.get_by_label("Your answer").fill("Use the **UN3481** label on the side.")
    lead_page.get_by_role("button", name="Post your answer").click()
    expect(lead_page.locator("#reply-list .reply")).to_have_count(2)
    expect(lead_page.locator("#reply-list .reply").last).to_contain_text("UN3481")
    expect(lead_page.get_by_label("Your answer")).to_have_value("")
    expect(lead_page.locator("#reply-count")).to_have_text("2 answers")

    # The driver accepts the lead's answer: it moves above the upvoted one.
    driver_page.goto(question.get_absolute_url())
    lead_answer = driver_page.locator(".reply", has_text="UN3481")
    lead_answer.get_by_role("button", name="Accept this answer").click()
    expect(driver_page.get_by_text("Answer accepted")).to_be_visible()
    first = driver_page.locator("#reply-list .reply").first
    expect(first).to_contain_text("✓ Accepted answer")
    expect(first).to_contain_text("UN3481")
    expect(first).to_contain_text("Wes Warehouse")
    expect(driver_page.locator(".reply--accepted")).to_have_count(1)

    ARTIFACTS.mkdir(exist_ok=True)
    driver_page.screenshot(path=str(ARTIFACTS / "thread-phone.png"), full_page=True)
    assert console.csp_violations() == []
    assert console.errors() == []


def test_a_private_space_stays_private_in_the_browser(open_phone, depot):
    lead, driver = depot["lead"], depot["driver"]
    board = spaces.space_create(
        creator=lead, name="Depot leads", visibility=Visibility.PRIVATE, description="Leads."
    )
    secret = threads.thread_create(
        author=lead,
        space=board,
        kind="question",
        title="CANARY restructure of the night shift",
        body="Not yet public.",
        topics="restructure, hazmat",
    )
    threads.thread_create(
        author=lead, space=depot["space"], title="Hazmat refresher", body="Friday.", topics="hazmat"
    )
    # The driver follows the lead: even so, nothing private may reach the feed.
    threads.follow_add(follower=driver, kind="person", target=lead)

    page = open_phone()
    log_in(page, "dana")
    expect(page.get_by_role("link", name="Hazmat refresher")).to_be_visible()
    expect(page.get_by_text("CANARY")).to_have_count(0)

    page.goto("/spaces/")
    expect(page.get_by_role("link", name="Drivers' lounge")).to_be_visible()
    expect(page.get_by_text("Depot leads")).to_have_count(0)

    for url in (board.get_absolute_url(), secret.get_absolute_url(), "/topics/restructure/"):
        response = page.goto(url)
        assert response.status == 404, url
        expect(page.get_by_role("heading", level=1)).to_have_text("Not found")
        expect(page.get_by_text("CANARY")).to_have_count(0)

    page.goto("/topics/hazmat/")
    expect(page.get_by_role("link", name="Hazmat refresher")).to_be_visible()
    expect(page.get_by_text("CANARY")).to_have_count(0)


def test_the_thread_page_runs_under_the_csp_without_violations(open_phone, console, depot):
    question = threads.thread_create(
        author=depot["lead"],
        space=depot["space"],
        kind="question",
        title="Which charger for the pallet jack?",
        body="| model | volts |\n|---|---|\n| A | 24 |\n\n`code` and [a link](https://example.com)",
        topics="equipment",
    )
    threads.reply_create(author=depot["loader"], thread=question, body="The *yellow* one.")
    ARTIFACTS.mkdir(exist_ok=True)
    page = open_phone()
    log_in(page, "dana")
    page.goto(question.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Which charger for the pallet jack?")
    # htmx must be running (no eval, no inline script) for these to swap in place.
    page.get_by_role("button", name="Vote up").first.click()
    expect(page.locator(".vote__score").first).to_have_text("1 vote")
    page.get_by_role("button", name="Bookmark").click()
    expect(page.get_by_role("button", name="Remove bookmark")).to_be_visible()
    # A screenshot leaves empty style="" attributes on inputs; htmx must not copy them onto
    # the fresh reply form it swaps in (that would be an inline style, refused by the CSP).
    page.screenshot(path=str(ARTIFACTS / "csp-thread-phone.png"))
    page.get_by_label("Your answer").fill("Check the label on the **base**.")
    page.get_by_role("button", name="Post your answer").click()
    expect(page.locator("#reply-list .reply")).to_have_count(2)
    expect(page.locator("#toast")).to_contain_text("Your reply is posted.")
    assert page.evaluate("typeof window.htmx") == "object"
    assert console.csp_violations() == []
    assert console.errors() == []

    # The check can fail: an inline script is refused and reported on the console.
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true;";
            document.head.appendChild(script);
        }"""
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.injected === undefined")
    assert console.csp_violations() != []

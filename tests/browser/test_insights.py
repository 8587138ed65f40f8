"""Field insights in real Chromium on a phone: a driver reports an insight with a photo; the
regional manager acknowledges it, then actions it with a response; the driver sees the outcome
in "My insights"."""

import os

# Playwright's sync API runs an event loop in this thread; see test_flows.py.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from groundswell.insights.models import Insight
from groundswell.people.models import Level
from tests.factories import PASSWORD, OrgUnitFactory, PersonFactory
from tests.insights.samples import PNG

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
PHONE = {"width": 390, "height": 844}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "install Debian's chromium package: the browser tests need it"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def open_phone(browser, live_server):
    contexts, problems = [], []

    def _open():
        context = browser.new_context(viewport=PHONE, base_url=live_server.url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        return page

    yield _open
    for context in contexts:
        context.close()
    assert problems == [], problems  # no script errors, no CSP violations


@pytest.fixture
def people(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    region = OrgUnitFactory(name="North region", code="north")
    depot = OrgUnitFactory(name="Leeds depot", code="leeds", parent=region)
    manager = PersonFactory(
        username="regional.manager", display_name="Rowan Reid", org_unit=region,
        level=Level.MANAGER,
    )  # fmt: skip
    driver = PersonFactory(
        username="driver", display_name="Dana Driver", org_unit=depot, manager=manager,
        location="Leeds",
    )  # fmt: skip
    return {"driver": driver, "manager": manager}


def log_in(page, username: str) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")


def test_the_loop_closes_on_a_phone(open_phone, people, tmp_path):
    photo = tmp_path / "promo.png"
    photo.write_bytes(PNG)

    driver = open_phone()
    log_in(driver, "driver")
    driver.get_by_role("link", name="Report an insight").first.click()
    driver.get_by_label("What did you see?").fill(
        "FastFreight are offering 20% off next-day delivery to shops on my round"
    )
    driver.get_by_label("Category").select_option("competitor")
    driver.get_by_label("Photo (optional)").set_input_files(str(photo))
    driver.get_by_role("button", name="Send to my managers").click()
    expect(driver.locator(".messages")).to_contain_text("on its way")
    insight = Insight.objects.get()
    assert insight.photo_type == "image/png"
    # The photo is served to the reporter through the checked view.
    expect(driver.locator("img.insight-photo")).to_be_visible()

    manager = open_phone()
    log_in(manager, "regional.manager")
    manager.goto("/insights/inbox/")
    manager.get_by_role("link", name="FastFreight").click()
    manager.get_by_label("New status").select_option("acknowledged")
    manager.get_by_label("Message to the reporter").fill("Thanks Dana, checking our prices.")
    manager.get_by_role("button", name="Change status").click()
    expect(manager.locator(".messages")).to_contain_text("Status changed")
    manager.get_by_label("New status").select_option("actioned")
    manager.get_by_label("Message to the reporter").fill("We matched the offer for your shops.")
    manager.get_by_role("button", name="Change status").click()
    expect(manager.locator(".byline").first).to_contain_text("Actioned")

    driver.goto("/insights/")
    expect(driver.get_by_text("We matched the offer for your shops.")).to_be_visible()
    expect(driver.get_by_text("Thanks Dana, checking our prices.")).to_be_visible()
    expect(driver.locator(".insight-status").first).to_have_text("Actioned")

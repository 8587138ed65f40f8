"""Field insights in real Chromium on a phone: a driver reports an insight with a photo; the
regional manager acknowledges it, then actions it with a response (htmx swaps the panel, no
page load); the driver sees the outcome in "My insights" and in their notifications."""

import re

import pytest
from playwright.sync_api import expect

from groundswell.insights.models import Insight
from groundswell.people.models import Level
from tests.browser.conftest import log_in
from tests.factories import OrgUnitFactory, PersonFactory
from tests.insights.samples import PNG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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


def test_the_loop_closes_on_a_phone(open_quiet_phone, people, tmp_path):
    photo = tmp_path / "promo.png"
    photo.write_bytes(PNG)

    driver = open_quiet_phone()
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

    manager = open_quiet_phone()
    log_in(manager, "regional.manager")
    manager.goto("/insights/inbox/")
    manager.get_by_role("link", name="FastFreight").click()
    manager.get_by_label("New status").select_option("acknowledged")
    manager.get_by_label("Message to the reporter").fill("Thanks Dana, checking our prices.")
    manager.get_by_role("button", name="Change status").click()
    expect(manager.locator("#toast")).to_contain_text("Status changed")
    # The panel was swapped in place: the form now offers the next steps from "acknowledged".
    expect(manager.locator(".byline").first).to_contain_text("Acknowledged")
    manager.get_by_label("New status").select_option("actioned")
    manager.get_by_label("Message to the reporter").fill("We matched the offer for your shops.")
    manager.get_by_role("button", name="Change status").click()
    expect(manager.locator(".byline").first).to_contain_text("Actioned")
    expect(manager.locator("#insight-panel")).to_contain_text("We matched the offer")

    driver.goto("/insights/")
    expect(driver.get_by_text("We matched the offer for your shops.")).to_be_visible()
    expect(driver.get_by_text("Thanks Dana, checking our prices.")).to_be_visible()
    expect(driver.locator(".insight-status").first).to_have_text("Actioned")

    # The closed loop reaches the driver as notifications, one per change, with the message.
    driver.goto("/notifications/")
    updates = driver.locator(".notification")
    expect(updates).to_have_count(2)
    expect(updates.first).to_contain_text("Rowan Reid marked your insight actioned")
    expect(updates.first).to_contain_text("We matched the offer for your shops.")
    expect(updates.nth(1)).to_contain_text("marked your insight acknowledged")
    updates.first.get_by_role("link").click()
    expect(driver).to_have_url(re.compile(rf"/insights/{insight.pk}/$"))

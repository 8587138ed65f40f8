"""Learning analytics in real Chromium on a phone: an L&D professional opens the dashboard,
filters it to one unit and downloads a table as CSV."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from groundswell.analytics.services import learning_group
from tests.analytics.conftest import DAY, org  # noqa: F401 (the known organisation)
from tests.browser.conftest import ARTIFACTS, log_in
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_learning_professional_filters_and_downloads(open_phone, console, org, tmp_path):  # noqa: F811
    pro = PersonFactory(username="learning", display_name="Lee Learning", level=2)
    pro.groups.add(learning_group())
    page = open_phone()
    log_in(page, "learning")
    page.get_by_role("link", name="Analytics").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Learning analytics")
    page.get_by_label("From", exact=True).fill(DAY.isoformat())
    page.get_by_label("To", exact=True).fill(DAY.isoformat())
    page.get_by_label("Unit", exact=True).select_option(label="Depot A")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"unit=depot-a"))
    matrix = page.locator("section[aria-labelledby=panel-flow-matrix]")
    expect(matrix.locator("svg")).to_be_visible()
    with page.expect_download() as download_info:
        matrix.get_by_role("link", name="Download CSV").click()
    saved = tmp_path / "matrix.csv"
    download_info.value.save_as(saved)
    lines = saved.read_text().splitlines()
    assert lines[0].startswith("Source level,To Frontline")
    assert len(lines) == 6
    engagement = page.locator("section[aria-labelledby=panel-engagement-units]")
    expect(engagement.locator("svg")).to_be_visible()
    expect(engagement).to_contain_text("Readers: active but not contributing")
    expect(page.locator("section[aria-labelledby=panel-expert-network]")).to_contain_text(
        "names are shown to administrators only"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "analytics-dashboard.png"), full_page=True)
    assert Path(ARTIFACTS / "analytics-dashboard.png").stat().st_size > 0
    assert console.errors() == [] and console.csp_violations() == []

"""Ask leadership in real Chromium on a phone: an employee asks their region's leadership a
question anonymously; the regional manager answers it in public; the employee sees the
leadership answer, and nobody sees who asked."""

import pytest
from playwright.sync_api import expect

from groundswell.people.models import Level
from groundswell.spaces.models import SpaceKind
from tests.browser.conftest import log_in
from tests.factories import OrgUnitFactory, PersonFactory, SpaceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "Why did the peak-season rota change without asking us?"


@pytest.fixture
def region(db):
    north = OrgUnitFactory(name="North region")
    depot = OrgUnitFactory(name="North depot", parent=north)
    PersonFactory(username="dana", display_name="Dana Driver", org_unit=depot)
    PersonFactory(
        username="rowan",
        display_name="Rowan Reid",
        job_title="Regional Operations Manager",
        org_unit=north,
        level=Level.MANAGER,
    )
    return SpaceFactory(
        name="Ask leadership — North", slug="ask-north", kind=SpaceKind.LEADERSHIP, org_unit=north
    )


def test_an_employee_asks_and_a_manager_answers(open_phone, console, region):
    employee = open_phone()
    log_in(employee, "dana")
    employee.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Ask leadership"
    ).click()
    employee.get_by_role("link", name="Ask leadership — North").click()
    employee.get_by_label("Your question").fill(QUESTION)
    employee.get_by_label("Details").fill("Nobody asked the drivers.")
    employee.get_by_label("Ask anonymously").check()
    employee.get_by_role("button", name="Ask", exact=True).click()
    expect(employee.get_by_text("Asked anonymously.")).to_be_visible()
    question = employee.locator(".leadership-question", has_text=QUESTION)
    expect(question).to_contain_text("Asked by Anonymous")
    expect(question).not_to_contain_text("Dana")

    manager = open_phone()
    log_in(manager, "rowan")
    manager.goto("/leadership/ask-north/")
    asked = manager.locator(".leadership-question", has_text=QUESTION)
    expect(asked).not_to_contain_text("Dana")
    asked.locator("summary", has_text="Answer").click()
    asked.get_by_label("Your answer").fill("Fair point: the next rota goes to the reps first.")
    asked.get_by_role("button", name="Post answer").click()
    expect(manager.get_by_text("Your answer is posted.")).to_be_visible()

    employee.reload()
    answered = employee.locator(".leadership-question", has_text=QUESTION)
    expect(answered.get_by_text("Leadership answer")).to_be_visible()
    expect(answered).to_contain_text("Rowan Reid")
    expect(answered).to_contain_text("the next rota goes to the reps first")
    assert console.csp_violations() == []
    assert console.errors() == []

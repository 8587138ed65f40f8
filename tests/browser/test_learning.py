"""Formal learning in real Chromium on a phone: an L&D staff member imports a course CSV
(enrolling a learner); the learner opens the course, its space and wiki, edits a page and
reads the word-level difference."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = (
    "code,title,description,owner_username,lms_url,lms_id,topics,username,role\n"
    "HAZ-201,Hazmat handling,Dangerous goods,lee,https://lms.example/haz,7,hazmat,dana,learner\n"
)


@pytest.fixture
def people(db):
    return {
        "lee": PersonFactory(username="lee", display_name="Lee Learning", is_staff=True),
        "dana": PersonFactory(username="dana", display_name="Dana Driver"),
    }


def test_staff_import_a_course_and_a_learner_edits_its_wiki(open_phone, console, people, tmp_path):
    csv_file = tmp_path / "courses.csv"
    csv_file.write_text(CSV)
    staff = open_phone()
    log_in(staff, "lee")
    staff.goto("/learning/")
    staff.get_by_role("link", name="Import courses (CSV)").click()
    staff.get_by_label("CSV file").set_input_files(str(csv_file))
    staff.get_by_role("button", name="Import").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text("Course catalogue")
    expect(staff.get_by_text("1 courses created")).to_be_visible()
    expect(staff.get_by_role("link", name="HAZ-201 Hazmat handling")).to_be_visible()

    learner = open_phone()
    log_in(learner, "dana")
    learner.goto("/learning/")
    learner.get_by_role("link", name="HAZ-201 Hazmat handling").click()
    expect(learner.get_by_role("heading", level=1)).to_have_text("Hazmat handling")
    learner.get_by_role("link", name="Course space").click()
    expect(learner.get_by_role("heading", level=1)).to_have_text("HAZ-201 Hazmat handling")
    learner.go_back()
    learner.get_by_role("link", name="Course wiki").click()
    learner.get_by_role("link", name="New page").click()
    learner.get_by_label("Title").fill("Acceptance checklist")
    learner.get_by_label("Text").fill("Check the label and the documents.")
    learner.get_by_role("button", name="Save page").click()
    expect(learner.get_by_role("heading", level=1)).to_have_text("Acceptance checklist")

    learner.get_by_role("link", name="Edit this page").click()
    learner.get_by_label("Text").fill("Check the label, the UN number and the documents.")
    learner.get_by_label("What did you change?").fill("UN number")
    learner.get_by_role("button", name="Save page").click()
    learner.get_by_role("link", name="History").click()
    learner.get_by_role("button", name="Compare selected").click()
    diff = learner.locator("#wiki-diff")
    expect(diff.locator("del")).to_have_text("label")
    expect(diff.locator("ins")).to_have_text("label, the UN number")

    assert console.csp_violations() == []
    assert console.errors() == []

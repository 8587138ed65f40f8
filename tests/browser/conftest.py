"""Shared by every browser test: Debian's chromium driven by Playwright against a live server,
phone-sized pages watched for console errors, and logging in through the real form.

Missing chromium or playwright fails these tests: they are part of the suite, not optional.
"""

import os

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run beside
# one unless told it is safe (it is: the loop only drives the browser).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.factories import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "install Debian's chromium package: the browser tests need it"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class Console:
    """Every console message and page error of the pages it watches."""

    def __init__(self):
        self.messages: list[str] = []

    def watch(self, page):
        page.on("console", lambda message: self.messages.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: self.messages.append(f"pageerror: {error}"))
        return page

    def csp_violations(self) -> list[str]:
        return [m for m in self.messages if "Content Security Policy" in m]

    def errors(self) -> list[str]:
        return [m for m in self.messages if m.startswith(("error:", "pageerror:"))]


@pytest.fixture
def console():
    return Console()


@pytest.fixture
def open_phone(browser, live_server, console):
    """A new phone-sized browser (its own cookies) with a page, watched for console errors."""
    contexts = []

    def _open():
        context = browser.new_context(viewport=PHONE, base_url=live_server.url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return console.watch(context.new_page())

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def open_quiet_phone(open_phone, console):
    """`open_phone`, and the test fails if any page logged an error (scripts, CSP)."""
    yield open_phone
    assert console.errors() == [], console.errors()


def log_in(page, username: str) -> None:
    """Through the real login form, as a person would."""
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")

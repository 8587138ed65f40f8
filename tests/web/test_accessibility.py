"""Structural accessibility of every page: landmarks, one h1, headings in order, a label for
every control, alt text on images, no empty buttons or links."""

from html.parser import HTMLParser

import pytest

from groundswell.threads import services as threads

pytestmark = pytest.mark.django_db

CONTROLS = {"input", "select", "textarea"}
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button"}


class PageStructure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.landmarks: set[str] = set()
        self.label_for: set[str] = set()
        self.controls: list[dict] = []
        self.images: list[dict] = []
        self.open_label = 0
        self.clickables: list[list] = []  # [tag, attrs, text]
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if tag in {"header", "nav", "main", "footer"}:
            self.landmarks.add(tag)
        if tag == "label":
            self.open_label += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        if tag in CONTROLS and attrs.get("type") not in UNLABELLED_INPUT_TYPES:
            self.controls.append({**attrs, "_tag": tag, "_wrapped": self.open_label > 0})
        if tag == "img":
            self.images.append(attrs)
        if tag in {"a", "button"}:
            self.clickables.append([tag, attrs, ""])

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_label -= 1

    def handle_data(self, data):
        for clickable in self.clickables:
            clickable[2] += data


def _check(html: str, url: str, *, landmarks=("header", "nav", "main", "footer")) -> None:
    page = PageStructure()
    page.feed(html)
    assert set(landmarks) <= page.landmarks, url
    assert page.headings.count(1) == 1, f"{url}: {page.headings}"
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, f"{url}: heading h{before} followed by h{after}"
    for control in page.controls:
        labelled = (
            control["_wrapped"]
            or control.get("id") in page.label_for
            or control.get("aria-label")
            or control.get("aria-labelledby")
        )
        assert labelled, f"{url}: unlabelled {control}"
    for image in page.images:
        assert "alt" in image, f"{url}: image without alt {image}"
    for tag, attrs, text in page.clickables:
        assert text.strip() or attrs.get("aria-label"), f"{url}: empty <{tag}> {attrs}"
    duplicates = {i for i in page.ids if page.ids.count(i) > 1}
    assert not duplicates, f"{url}: duplicate ids {duplicates}"


def test_pages_are_structurally_accessible(login, asker, answerer, question, open_space):
    reply = threads.reply_create(author=asker, thread=question, body="Own note.")
    accepted = threads.reply_create(author=answerer, thread=question, body="Answer.")
    threads.reply_accept(person=asker, reply=accepted)
    client = login(asker)
    urls = [
        "/",
        "/new/",
        question.get_absolute_url(),
        f"/threads/{question.pk}/edit/",
        f"/replies/{reply.pk}/edit/",
        "/spaces/",
        "/spaces/new/",
        f"/spaces/{open_space.slug}/",
        f"/spaces/{open_space.slug}/members/",
        f"/spaces/{open_space.slug}/new/",
        "/topics/",
        "/topics/hazmat/",
        "/people/",
        f"/people/{answerer.username}/",
        "/bookmarks/",
        "/no-such-page/",
    ]
    for url in urls:
        _check(client.get(url).content.decode(), url)
    invalid = client.post(f"/spaces/{open_space.slug}/new/", {"kind": "question", "title": ""})
    _check(invalid.content.decode(), "invalid new thread form")


def test_the_login_page_is_structurally_accessible(client):
    html = client.get("/login/").content.decode()
    _check(html, "/login/", landmarks=("header", "main", "footer"))


@pytest.mark.parametrize(
    "bad",
    [
        "<h1>A</h1><h1>B</h1>",
        "<h1>A</h1><h3>skipped a level</h3>",
        '<h1>A</h1><input type="text" name="q">',
        '<h1>A</h1><img src="/x.png">',
        "<h1>A</h1><button></button>",
        '<h1>A</h1><p id="x"></p><p id="x"></p>',
    ],
)
def test_the_checker_catches_what_it_looks_for(bad):
    html = f"<header></header><nav></nav><main>{bad}</main><footer></footer>"
    with pytest.raises(AssertionError):
        _check(html, "snippet")

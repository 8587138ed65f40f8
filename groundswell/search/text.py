"""Plain text for the index, and highlighted excerpts that are safe to put in a page.

The engines mark matches in an excerpt with two private-use characters instead of `<mark>`:
the excerpt is HTML-escaped as a whole, then the markers become tags. Whatever a person wrote,
the only tags in a `*_html` excerpt are `<mark>` and `</mark>`, and they are balanced.
"""

import html
import re

MARK_START = "\ue000"
MARK_END = "\ue001"
_MARKERS = str.maketrans({MARK_START: " ", MARK_END: " "})
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")

# A thread with thousands of replies still makes one bounded document (PostgreSQL refuses
# tsvectors over 1 MB); the thread's own text and the accepted answer come first.
MAX_BODY_CHARACTERS = 100_000


def plain_text(sanitised_html: str) -> str:
    """The words of sanitised HTML (a thread's or reply's `body_html`), tags and entities
    resolved, whitespace collapsed, and the excerpt markers removed."""
    text = html.unescape(_TAG.sub(" ", sanitised_html or ""))
    return _SPACE.sub(" ", text.translate(_MARKERS)).strip()


def index_title(title: str) -> str:
    return _SPACE.sub(" ", (title or "").translate(_MARKERS)).strip()


def document_body(parts) -> str:
    """The body of a document: texts joined, cut at MAX_BODY_CHARACTERS on a word boundary."""
    body = "\n".join(part for part in parts if part)
    if len(body) <= MAX_BODY_CHARACTERS:
        return body
    return body[:MAX_BODY_CHARACTERS].rsplit(" ", 1)[0]


def marked_html(excerpt: str | None) -> str:
    """An engine's excerpt as HTML: everything escaped, then the markers made `<mark>` tags.
    Markers are paired in order, so a lone or nested marker cannot leave a tag open."""
    escaped = html.escape(excerpt or "", quote=True)
    out, open_mark = [], False
    for piece in re.split(f"([{MARK_START}{MARK_END}])", escaped):
        if piece == MARK_START:
            if not open_mark:
                out.append("<mark>")
                open_mark = True
        elif piece == MARK_END:
            if open_mark:
                out.append("</mark>")
                open_mark = False
        else:
            out.append(piece)
    if open_mark:
        out.append("</mark>")
    return "".join(out)

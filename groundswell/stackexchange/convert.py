"""A dump's post bodies are HTML; ours are Markdown source (rendered and sanitised by
`render_markdown`). Conversion keeps structure — paragraphs, emphasis, links, lists, code,
quotes — and drops anything active."""

import re

import nh3
from markdownify import markdownify

_BLANK_LINES = re.compile(r"\n{3,}")


def html_to_markdown(html: str) -> str:
    """Markdown for a post's HTML body. nh3 first removes scripts and styles with their content
    (markdownify would keep the text of a `<script>`), then markdownify writes Markdown."""
    cleaned = nh3.clean(html or "")
    text = markdownify(cleaned, heading_style="ATX", bullets="-")
    return _BLANK_LINES.sub("\n\n", text).strip()


def attribution(
    *, site: str, post_id: int, is_question: bool, author_id, author_name: str, licence: str
) -> str:
    """The line CC BY-SA asks for under each imported post: author, source link, licence, and
    that the text was changed (converted)."""
    kind = "q" if is_question else "a"
    who = (
        f"[{_escape(author_name)}](https://{site}/users/{author_id})"
        if author_id is not None
        else _escape(author_name or "a deleted user")
    )
    licence = licence or "CC BY-SA 4.0"
    return (
        f"*From [{site}/{kind}/{post_id}](https://{site}/{kind}/{post_id}) by {who}, "
        f"licensed {licence}; converted from HTML.*"
    )


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", text)

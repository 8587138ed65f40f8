"""Markdown to safe HTML: markdown-it-py parses, nh3 (Ammonia) sanitises.

Raw HTML in the source is not rendered, and whatever the parser produces is sanitised again,
so a bug in one layer alone cannot let script through.
"""

import nh3
from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_parser.enable("table").enable("strikethrough")

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
# Only plain web and mail links: no javascript:, data:, vbscript: or anything new.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def _local_images_only(tag: str, attribute: str, value: str) -> str | None:
    """Images only from our own site: a remote image would track readers, and the CSP
    (img-src 'self') would block it anyway."""
    if (
        tag == "img"
        and attribute == "src"
        and not (value.startswith("/") and not value.startswith("//"))
    ):
        return None
    return value


def render_markdown(source: str) -> str:
    """Render user Markdown to HTML that is safe to put in a page as it is."""
    html = _parser.render(source or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        attribute_filter=_local_images_only,
    )

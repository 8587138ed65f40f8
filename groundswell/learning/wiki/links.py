"""`[[Page title]]` links between wiki pages of one space, turned into Markdown links before
`render_markdown` (which stays the only HTML producer)."""

import re

from django.urls import reverse

from groundswell.threads.markdown import render_markdown
from groundswell.threads.models import Thread, ThreadKind

LINK = re.compile(r"\[\[([^\[\]\n]{1,200})\]\]")
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~\"'&])")


def _escape_markdown(text: str) -> str:
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def linked_titles(body: str) -> set[str]:
    return {match.group(1).strip().casefold() for match in LINK.finditer(body or "")}


def page_ids_by_title(space, titles: set[str]) -> dict[str, int]:
    """Wiki pages of the space that anyone who sees the space sees (not hidden, not drafts),
    by case-folded title."""
    if not titles:
        return {}
    pages = Thread.objects.filter(
        space=space, kind=ThreadKind.WIKI, is_hidden=False, is_draft=False
    ).values_list("pk", "title")
    return {title.casefold(): pk for pk, title in pages if title.casefold() in titles}


def resolve_links(body: str, pages: dict[str, int]) -> str:
    """Each `[[Title]]` becomes a Markdown link to that page, or its plain (escaped) title
    when no such page is visible."""

    def replace(match: re.Match) -> str:
        title = match.group(1).strip()
        text = _escape_markdown(title)
        page_id = pages.get(title.casefold())
        if page_id is None:
            return text
        return f"[{text}]({reverse('learning:wiki_page', args=[page_id])})"

    return LINK.sub(replace, body or "")


def render_wiki(space, body: str) -> str:
    """Sanitised HTML of a wiki text, its internal links resolved against the space now."""
    return render_markdown(resolve_links(body, page_ids_by_title(space, linked_titles(body))))

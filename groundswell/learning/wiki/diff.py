"""Word-level differences between two revisions, as HTML built only from escaped text."""

import difflib
import re

from django.utils.html import escape

TOKENS = re.compile(r"\s+|[^\s]+")


def _tokens(text: str) -> list[str]:
    return TOKENS.findall(text or "")


def word_diff_html(old: str, new: str) -> str:
    """Unchanged words as they are, removed ones in <del>, added ones in <ins>; every piece of
    text is escaped before it is wrapped, so a revision's text can never become markup."""
    before, after = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    parts: list[str] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(before[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(before[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(after[b1:b2]))}</ins>")
    return "".join(parts)

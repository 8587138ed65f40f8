"""@mentions in Markdown text: `@username` outside code, the way people write them."""

import re

from django.conf import settings

# Usernames are Django's (`[\w.@+-]`); a mention ends on a word character so the full stop in
# "thanks @dana." is not part of it, and an email address (word character before "@") is not
# a mention.
_MENTION = re.compile(r"(?<![\w@/+.-])@([\w.+-]*\w)")
_FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.DOTALL | re.MULTILINE)
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def mentioned_usernames(text: str) -> list[str]:
    """Distinct usernames mentioned in the text, in order, at most MAX_MENTIONS."""
    text = _INLINE_CODE.sub(" ", _FENCED_CODE.sub(" ", text or ""))
    limit = settings.GROUNDSWELL["MAX_MENTIONS"]
    names = dict.fromkeys(match.group(1)[:150] for match in _MENTION.finditer(text))
    return list(names)[:limit]

"""What a person types, made into a query that cannot fail: words and quoted phrases only.

Every operator of the engines' query languages (FTS5's `AND`, `NEAR(`, `*`, `:`, `-`, `^`;
tsquery's `&`, `|`, `!`, `<->`) is either punctuation, which is dropped, or a word, which is
searched for as a word. The backends quote every term they are given, so nothing the person
types is ever parsed as syntax.
"""

import re
import unicodedata
from dataclasses import dataclass, field

MAX_QUERY_LENGTH = 200  # characters kept from what was typed
MAX_TERMS = 12  # words and phrases; more only slow the query down
MAX_PHRASE_WORDS = 8
MIN_PREFIX_LENGTH = 2  # "h*" would match half the index

# Letters and digits; everything else (punctuation, symbols, emoji, "_") separates words.
_WORD = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]*)"')

# The common English words both engines would otherwise treat differently (PostgreSQL's
# `english` configuration drops them, FTS5 keeps them): dropped from loose words everywhere,
# so both backends find the same threads. The list is PostgreSQL's english.stop.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can did do does doing don down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own s same she should so some such t than that the their theirs them
    themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with you your yours yourself yourselves
    """.split()  # noqa: SIM905 -- a word list reads better as text
)


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: loose words (all must match), quoted phrases, and a last word that is
    matched as a prefix because the person may still be typing it."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    prefix: str | None = None
    text: str = field(default="", compare=False)

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.phrases or self.prefix)

    @property
    def all_words(self) -> tuple[str, ...]:
        """Every word of the query, phrases included, for highlighting and OR-matching."""
        words = [*self.words, *(word for phrase in self.phrases for word in phrase)]
        if self.prefix:
            words.append(self.prefix)
        return tuple(dict.fromkeys(words))


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


def parse_query(text: str | None) -> SearchQuery:
    """Parse what someone typed. Never fails: anything that is not a letter or a digit is a
    separator, an unbalanced quote is ignored, and an empty or punctuation-only text gives an
    empty query (which finds nothing)."""
    text = unicodedata.normalize("NFKC", text or "")[:MAX_QUERY_LENGTH]
    phrases: list[tuple[str, ...]] = []
    for quoted in _PHRASE.findall(text):
        words = tuple(_words(quoted)[:MAX_PHRASE_WORDS])
        if len(words) > 1:
            phrases.append(words)
    # Outside balanced quotes; a quoted single word is an ordinary word, and a stray quote
    # is just punctuation.
    loose_text = _PHRASE.sub(
        lambda match: f" {match.group(1)} " if len(_words(match.group(1))) == 1 else " ", text
    )
    loose = _words(loose_text)
    prefix = None
    ends_in_word = bool(loose) and bool(re.search(r"[^\W_]$", text))
    if ends_in_word and len(loose[-1]) >= MIN_PREFIX_LENGTH and loose[-1] not in STOP_WORDS:
        prefix = loose.pop()
    words = [word for word in dict.fromkeys(loose) if word not in STOP_WORDS and word != prefix]
    budget = MAX_TERMS - (1 if prefix else 0)
    phrases = list(dict.fromkeys(phrases))[:budget]
    words = words[: max(0, budget - len(phrases))]
    return SearchQuery(words=tuple(words), phrases=tuple(phrases), prefix=prefix, text=text)

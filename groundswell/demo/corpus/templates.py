"""Templates with `{slots}`, and filling them fast.

Rendering Markdown costs ~150 µs a text, minutes at 100,000 threads. Slot values are plain
words, so each template's Markdown is rendered once with placeholders and the HTML-escaped
values are dropped in; tests check the result equals `render_markdown` of the filled text.
"""

import random
import re
import string
from dataclasses import dataclass

from groundswell.demo.corpus.slots import SLOTS
from groundswell.threads.markdown import render_markdown

Q = "question"
D = "discussion"
# Who would ask it: anyone, people on the front line (levels 1-2), or team leads and up;
# and, for first-hand questions, the roles whose work it is.
ANYONE, FRONTLINE, LEAD = "anyone", "frontline", "lead"
DRIVING = ("driver", "hgv-driver", "delivery-lead", "dispatcher", "ev-lead")
WAREHOUSE = ("warehouse-operative", "warehouse-lead", "sorter", "shift-lead", "hub-manager",
             "site-manager", "safety-advisor", "safety-manager")  # fmt: skip
CONTACT_CENTRE = ("cs-agent", "cs-lead", "cs-manager")
AIRPORT = ("freight-handler", "freight-lead", "customs-specialist", "airport-manager")
LEADERS = ("regional-manager", "site-manager", "director-operations", "ceo")
COURSE_TEAM = ("ld-manager", "ld-specialist", "customs-specialist")
TEAM_LEADS = ("delivery-lead", "warehouse-lead", "shift-lead", "freight-lead", "cs-lead")
LEARNERS = ("cs-agent", "cs-lead", "driver", "dispatcher")
_PLACEHOLDER = re.compile(r"gsslot(\d+)zz")


@dataclass(frozen=True)
class ThreadTemplate:
    domain: str
    kind: str
    title: str
    body: str
    topics: tuple[str, ...]
    key: str = ""
    by: str = ANYONE
    askers: tuple[str, ...] = ()

    def suits(self, level: int, role: str = "") -> bool:
        if self.askers and role not in self.askers:
            return False
        if self.by == FRONTLINE:
            return level <= 2
        if self.by == LEAD:
            return level >= 2
        return True


@dataclass(frozen=True)
class ReplyTemplate:
    """An answer or reply. `fits` names the thread templates (keys) it answers; an empty
    `fits` is a reply that suits any thread of its domain. `voices`, when given, are the roles
    that would say it ("Warehouse lead here - ...")."""

    domain: str
    fits: tuple[str, ...]
    body: str
    voices: tuple[str, ...] = ()


def _escape_text(value: str) -> str:
    # What the renderer and sanitiser leave of plain text: &, < and > escaped, quotes not.
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Compiled:
    """One template text, ready to fill: its slot names, and its Markdown rendered once."""

    def __init__(self, source: str, *, markdown: bool = True):
        self.source = source
        self.slots = [name for _, name, _, _ in string.Formatter().parse(source) if name]
        self._html_parts: list[str] = []
        self._is_slot: list[bool] = []
        if markdown:
            names = list(dict.fromkeys(self.slots))
            html = render_markdown(
                source.format_map({name: f"gsslot{i}zz" for i, name in enumerate(names)})
            )
            for index, piece in enumerate(_PLACEHOLDER.split(html)):
                self._html_parts.append(names[int(piece)] if index % 2 else piece)
            self._is_slot = [index % 2 == 1 for index in range(len(self._html_parts))]

    def text(self, values: dict[str, str]) -> str:
        return self.source.format_map(values)

    def html(self, values: dict[str, str]) -> str:
        return "".join(
            _escape_text(values[part]) if is_slot else part
            for part, is_slot in zip(self._html_parts, self._is_slot, strict=True)
        )


def choose_values(rng: random.Random, slots: list[str], known: dict[str, str]) -> dict[str, str]:
    """Values for `slots`: the known ones (the author's site, the thread's own choices) kept,
    the others drawn from the vocabularies in order, so a seed gives the same text."""
    values = dict(known)
    for name in slots:
        if name not in values:
            values[name] = rng.choice(SLOTS[name])
    return values

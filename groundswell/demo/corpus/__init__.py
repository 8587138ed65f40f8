"""The demo company's texts: thread and reply templates by domain, filled from vocabularies.

Domains: drivers, warehouse, scanners, ev, safety, airport, customer, leadership,
course_hazmat, course_customer, cohort. Each space of the demo talks about one or more of them.
"""

import random
from dataclasses import dataclass

from groundswell.demo.corpus.replies_field import FIELD_REPLIES
from groundswell.demo.corpus.replies_network import (
    ANYWHERE_REPLIES,
    NETWORK_REPLIES,
    THANKS_REPLIES,
)
from groundswell.demo.corpus.replies_second import SECOND_REPLIES
from groundswell.demo.corpus.templates import Compiled, ReplyTemplate, ThreadTemplate, choose_values
from groundswell.demo.corpus.threads_field import FIELD_THREADS
from groundswell.demo.corpus.threads_network import NETWORK_THREADS
from groundswell.demo.corpus.vocabulary import TOPICS

THREAD_TEMPLATES: list[ThreadTemplate] = FIELD_THREADS + NETWORK_THREADS
REPLY_TEMPLATES: list[ReplyTemplate] = FIELD_REPLIES + NETWORK_REPLIES + SECOND_REPLIES
DOMAINS = list(dict.fromkeys(template.domain for template in THREAD_TEMPLATES))

__all__ = ["DOMAINS", "REPLY_TEMPLATES", "THREAD_TEMPLATES", "TOPICS", "Corpus", "Text"]


@dataclass(frozen=True)
class Text:
    """A filled template: Markdown source, its sanitised HTML, and the slot values used."""

    body: str
    html: str
    values: dict[str, str]
    title: str = ""
    kind: str = ""
    domain: str = ""
    key: str = ""
    topics: tuple[str, ...] = ()
    tier: str = ""  # for replies: "fits" this question, "general" to its domain, "comment"


class _CompiledThread:
    def __init__(self, template: ThreadTemplate):
        self.template = template
        self.title = Compiled(template.title, markdown=False)
        self.body = Compiled(template.body)
        self.slots = self.title.slots + self.body.slots


class Corpus:
    """All templates compiled once; hands out filled threads and replies."""

    def __init__(self):
        self.threads: dict[str, list[_CompiledThread]] = {}
        for template in THREAD_TEMPLATES:
            self.threads.setdefault(template.domain, []).append(_CompiledThread(template))
        self.replies = [(template, Compiled(template.body)) for template in REPLY_TEMPLATES]
        self.anywhere = [Compiled(text) for text in ANYWHERE_REPLIES]
        self.thanks = [Compiled(text) for text in THANKS_REPLIES]
        self._suited: dict[tuple[str, int, str], list[_CompiledThread]] = {}
        self._fitting: dict[tuple[str, str], tuple[list[int], list[int]]] = {}

    def thread(
        self, rng: random.Random, domain: str, context: dict[str, str], level: int, role: str
    ) -> Text:
        """A thread of `domain` that someone of this level and role would start (falling back
        to what their level would start, then to any)."""
        key = (domain, level, role)
        if key not in self._suited:
            pool = self.threads[domain]
            self._suited[key] = (
                [t for t in pool if t.template.suits(level, role)]
                or [t for t in pool if t.template.suits(level) and not t.template.askers]
                or pool
            )
        compiled = rng.choice(self._suited[key])
        values = choose_values(rng, compiled.slots, context)
        return Text(
            title=compiled.title.text(values),
            body=compiled.body.text(values),
            html=compiled.body.html(values),
            values=values,
            kind=compiled.template.kind,
            domain=domain,
            key=compiled.template.key,
            topics=compiled.template.topics,
        )

    def reply(
        self, rng: random.Random, thread: Text, known: dict[str, str], used: set[int], role: str
    ) -> Text:
        """The next reply in a thread: an answer written for this question if one is left,
        else one that suits any thread of the domain, else a colleague's comment. `used`
        holds what the thread has had already, so no text repeats within a thread; `role` is
        the replier's, so "warehouse lead here" comes from a warehouse lead."""
        fitting, general = self._candidates(thread.domain, thread.key)
        for tier, candidates in (("fits", fitting), ("general", general)):
            fresh = [
                index
                for index in candidates
                if index not in used
                and (not self.replies[index][0].voices or role in self.replies[index][0].voices)
            ]
            if fresh and rng.random() < 0.9:
                index = rng.choice(fresh)
                used.add(index)
                return self._fill(rng, self.replies[index][1], known, tier)
        fresh = [i for i in range(len(self.anywhere)) if -1 - i not in used]
        index = rng.choice(fresh or range(len(self.anywhere)))
        used.add(-1 - index)
        return self._fill(rng, self.anywhere[index], known, "comment")

    def thanks_reply(self, rng: random.Random, known: dict[str, str]) -> Text:
        return self._fill(rng, rng.choice(self.thanks), known)

    def _candidates(self, domain: str, key: str) -> tuple[list[int], list[int]]:
        if (domain, key) not in self._fitting:
            ours = [i for i, (t, _) in enumerate(self.replies) if t.domain == domain]
            self._fitting[domain, key] = (
                [i for i in ours if key in self.replies[i][0].fits],
                [i for i in ours if not self.replies[i][0].fits],
            )
        return self._fitting[domain, key]

    @staticmethod
    def _fill(rng: random.Random, compiled: Compiled, known: dict[str, str], tier="") -> Text:
        values = choose_values(rng, compiled.slots, known)
        return Text(
            body=compiled.text(values), html=compiled.html(values), values=values, tier=tier
        )

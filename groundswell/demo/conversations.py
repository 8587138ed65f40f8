"""Threads, replies, votes and accepted answers, with their revisions and events.

Threads are drawn in date order (ids follow time, as in a real database, and the date indexes
grow at their end) with more of them in recent months, as the platform catches on. They are
written in batches, each in its own transaction with the space counters it changes, so memory
stays flat at any size and the database is consistent after every batch. Replies come after
their thread, votes after what they vote on, acceptances after the answer.
"""

import bisect
import math
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import F

from groundswell.activity.models import Event, Verb
from groundswell.demo.bulk import RowTable, next_id
from groundswell.demo.corpus import Corpus
from groundswell.demo.spaces import Actor, Pool
from groundswell.spaces.models import Space
from groundswell.threads.models import Reply, Revision, Thread, ThreadKind, Vote

THREADS_PER_BATCH = 1_000
PROGRESS_EVERY = 5_000
SQLITE_CACHE_KIB = 131_072  # the default 2 MB page cache makes big seeds disk-bound
# How many replies and votes a post gets, as (values, weights).
QUESTION_REPLIES = ([0, 1, 2, 3, 4, 5], [11, 30, 28, 17, 9, 5])
DISCUSSION_REPLIES = ([0, 1, 2, 3, 4, 5, 6], [12, 18, 24, 20, 13, 8, 5])
THREAD_VOTES = ([0, 1, 2, 3, 4, 5, 6, 8], [22, 22, 18, 13, 10, 7, 5, 3])
REPLY_VOTES = ([0, 1, 2, 3, 4, 5], [38, 28, 16, 10, 5, 3])
ACCEPTED_VOTES = ([2, 3, 4, 6], [3, 3, 2, 1])
ACCEPT_CHANCE = 0.7
THANKS_CHANCE = 0.35
DOWNVOTE_CHANCE = 0.06


@dataclass
class Counts:
    threads: int = 0
    replies: int = 0
    votes: int = 0
    accepted: int = 0
    unanswered: int = 0
    events: int = 0


class _Tables:
    def __init__(self):
        self.threads = RowTable(Thread, [
            "id", "space_id", "kind", "title", "body", "body_html", "author_id",
            "accepted_reply_id", "created_at", "updated_at", "last_activity_at", "reply_count",
            "score",
        ])  # fmt: skip
        self.thread_topics = RowTable(Thread.topics.through, ["thread_id", "topic_id"])
        self.replies = RowTable(Reply, [
            "id", "thread_id", "author_id", "body", "body_html", "created_at", "updated_at",
            "score",
        ])  # fmt: skip
        self.revisions = RowTable(
            Revision, ["thread_id", "reply_id", "editor_id", "title", "body", "created_at"]
        )
        self.votes = RowTable(Vote, ["person_id", "thread_id", "reply_id", "value", "created_at"])
        self.events = RowTable(Event, [
            "actor_id", "verb", "object_type", "object_id", "space_id", "thread_id",
            "subject_id", "topic_ids", "data", "created_at",
        ])  # fmt: skip


@dataclass
class _Batch:
    threads: list = field(default_factory=list)
    thread_topics: list = field(default_factory=list)
    replies: list = field(default_factory=list)
    revisions: list = field(default_factory=list)
    votes: list = field(default_factory=list)
    events: list = field(default_factory=list)
    per_space: Counter = field(default_factory=Counter)

    def write(self, tables: _Tables) -> None:
        # Replies first: a thread names its accepted reply.
        for name in ("replies", "threads", "thread_topics", "revisions", "votes", "events"):
            getattr(tables, name).insert(getattr(self, name))
        for space_id, added in sorted(self.per_space.items()):
            Space.objects.filter(pk=space_id).update(thread_count=F("thread_count") + added)

    def event(self, verb, actor, at, target, target_id, space_id, thread_id, *, subject=None,
              topic_ids=(), data=None) -> None:  # fmt: skip
        self.events.append((actor, verb, target, target_id, space_id, thread_id, subject,
                            list(topic_ids), data or {}, at))  # fmt: skip


@dataclass
class _Post:
    id: int
    author: Actor
    at: datetime
    body: str
    html: str
    tier: str = ""


class ConversationGenerator:
    """Draws threads for the pools' spaces and writes them; see the module docstring."""

    def __init__(self, rng: random.Random, pools: list[Pool], topics: dict[str, int],
                 sites: dict, now: datetime, say=None):  # fmt: skip
        self.rng = rng
        self.pools = sorted(pools, key=lambda pool: pool.created_at)
        self.opens = [pool.created_at + timedelta(days=1) for pool in self.pools]
        self.shares = [pool.spec.share for pool in self.pools]
        self.topics = topics
        self.sites = sites
        self.now = now
        self.say = say or (lambda message: None)
        self.corpus = Corpus()
        self.counts = Counts()

    def run(self, total: int) -> Counts:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        tables = _Tables()
        self.next_thread, self.next_reply = next_id(Thread), next_id(Reply)
        started = time.monotonic()
        dates = self._dates(total)
        for first in range(0, total, THREADS_PER_BATCH):
            batch = _Batch()
            for _ in range(min(THREADS_PER_BATCH, total - first)):
                self._thread(batch, next(dates))
            with transaction.atomic():
                batch.write(tables)
            done = min(total, first + THREADS_PER_BATCH)
            if done % PROGRESS_EVERY == 0 or done == total:
                self.say(f"threads: {done:,} / {total:,} ({time.monotonic() - started:.1f} s)")
        return self.counts

    def _dates(self, total: int):
        """`total` dates in increasing order, denser towards now (density grows linearly).

        Sorted uniforms are drawn one at a time (each the minimum of those left), so no list
        of a million dates is ever held."""
        start, end = self.opens[0], self.now - timedelta(hours=2)
        low = 0.0
        for left in range(total, 0, -1):
            low = 1 - (1 - low) * self.rng.random() ** (1 / left)
            yield start + (end - start) * math.sqrt(low)

    # one thread -------------------------------------------------------------------------------

    def _thread(self, batch: _Batch, at: datetime) -> None:
        rng, now = self.rng, self.now
        open_now = max(1, bisect.bisect_right(self.opens, at))
        pool = rng.choices(self.pools[:open_now], weights=self.shares[:open_now])[0]
        author = pool.pick(rng, pool.ask, at) or pool.members[0]
        domains = list(pool.spec.domains)
        domain = rng.choices(domains, weights=[pool.spec.domains[d] for d in domains])[0]
        region = pool.spec.region or author.region or rng.choice(self.sites["regions"])
        context = {"site": self._site(author), "region": region}
        text = self.corpus.thread(rng, domain, context, author.level, author.role)
        topic_ids = sorted(self.topics[name] for name in text.topics)
        topic_set = frozenset(text.topics)
        is_question = text.kind == ThreadKind.QUESTION
        thread_id, self.next_thread = self.next_thread, self.next_thread + 1

        replies = self._replies(pool, author, at, text, topic_set, is_question)
        accepted, accepted_at = None, None
        answers = [reply for reply in replies if reply.tier != "comment"]
        if is_question and answers and rng.random() < ACCEPT_CHANCE:
            best = max(
                answers,
                key=lambda r: len(r.author.skills & topic_set) + (r.tier == "fits") + rng.random(),
            )
            accepted_at = best.at + timedelta(hours=rng.expovariate(1 / 10))
            if accepted_at < now:
                accepted = best
                if rng.random() < THANKS_CHANCE:
                    replies.append(self._thanks(author, best, accepted_at, text.values))
            else:
                accepted_at = None
        replies.sort(key=lambda reply: reply.at)
        for reply in replies:
            reply.id, self.next_reply = self.next_reply, self.next_reply + 1

        where = (pool.space_id, thread_id)
        verb = Verb.ASKED if is_question else Verb.POSTED
        batch.event(verb, author.id, at, "threads.thread", thread_id, *where, topic_ids=topic_ids)
        batch.revisions.append((thread_id, None, author.id, text.title, text.body, at))
        thread_score = self._votes(batch, pool, "thread", thread_id, author, at, THREAD_VOTES,
                                   topic_ids, where)  # fmt: skip
        verb = Verb.ANSWERED if is_question else Verb.REPLIED
        for reply in replies:
            spread = ACCEPTED_VOTES if reply is accepted else REPLY_VOTES
            score = self._votes(batch, pool, "reply", reply.id, reply.author, reply.at, spread,
                                topic_ids, where)  # fmt: skip
            batch.replies.append((reply.id, thread_id, reply.author.id, reply.body, reply.html,
                                  reply.at, reply.at, score))  # fmt: skip
            batch.revisions.append((None, reply.id, reply.author.id, "", reply.body, reply.at))
            batch.event(verb, reply.author.id, reply.at, "threads.reply", reply.id, *where,
                        subject=author.id, topic_ids=topic_ids)  # fmt: skip
        if accepted is not None:
            batch.event(Verb.ACCEPTED, author.id, accepted_at, "threads.reply", accepted.id,
                        *where, subject=accepted.author.id, topic_ids=topic_ids)  # fmt: skip
        last = max([at, accepted_at or at, *(reply.at for reply in replies)])
        batch.threads.append((
            thread_id, pool.space_id, text.kind, text.title, text.body, text.html, author.id,
            accepted.id if accepted else None, at, at, last, len(replies), thread_score,
        ))  # fmt: skip
        batch.thread_topics += [(thread_id, topic_id) for topic_id in topic_ids]
        batch.per_space[pool.space_id] += 1
        counts = self.counts
        counts.threads += 1
        counts.replies += len(replies)
        counts.accepted += accepted is not None
        counts.unanswered += is_question and not replies
        counts.events += 1 + len(replies) + (accepted is not None)

    def _site(self, person: Actor) -> str:
        """Where the person works, or a depot or hub (of their region) for office staff."""
        if person.site in self.sites["operational"]:
            return person.site
        return self.rng.choice(self.sites.get(person.region) or self.sites["all"])

    def _replies(self, pool, author, at, text, topic_set, is_question) -> list[_Post]:
        rng, replies, when, used, repliers = self.rng, [], at, set(), {author.id}
        counts, weights = QUESTION_REPLIES if is_question else DISCUSSION_REPLIES
        for index in range(rng.choices(counts, weights=weights)[0]):
            when += timedelta(hours=rng.expovariate(1 / (5 if index == 0 else 14)))
            if when >= self.now:
                break  # the conversation has not got that far yet
            replier = self._answerer(pool, when, repliers, topic_set)
            if replier is None:
                continue
            repliers.add(replier.id)
            known = {**text.values, "site": self._site(replier), "asker": author.first_name}
            filled = self.corpus.reply(rng, text, known, used, replier.role)
            replies.append(_Post(0, replier, when, filled.body, filled.html, filled.tier))
        return replies

    def _answerer(self, pool: Pool, at, taken: set[int], topic_set) -> Actor | None:
        """Of three likely answerers who have not spoken in the thread yet, the one who knows
        most about its topics."""
        best, best_score = None, -1
        for _ in range(3):
            candidate = pool.pick(self.rng, pool.answer, at)
            if candidate is None or candidate.id in taken:
                continue
            score = len(candidate.skills & topic_set)
            if score > best_score:
                best, best_score = candidate, score
        return best

    def _thanks(self, author: Actor, best: _Post, accepted_at, values) -> _Post:
        at = accepted_at + timedelta(minutes=self.rng.uniform(1, 30))
        known = {**values, "site": self._site(author), "answerer": best.author.first_name}
        filled = self.corpus.thanks_reply(self.rng, known)
        return _Post(0, author, min(at, self.now - timedelta(minutes=1)), filled.body, filled.html)

    def _votes(self, batch, pool, kind, target_id, target_author, at, spread, topic_ids,
               where) -> int:  # fmt: skip
        """Votes on one thread or reply from distinct members who had joined by then."""
        rng, score, voters = self.rng, 0, {target_author.id}
        wanted = rng.choices(spread[0], weights=spread[1])[0]
        for _ in range(wanted * 2):
            if len(voters) > wanted:
                break
            voter = pool.pick_any(rng, at)
            if voter is None or voter.id in voters:
                continue
            voters.add(voter.id)
            when = at + timedelta(hours=rng.expovariate(1 / 20))
            if when >= self.now:
                continue
            value = -1 if kind == "thread" and rng.random() < DOWNVOTE_CHANCE else 1
            score += value
            on_thread = kind == "thread"
            batch.votes.append((voter.id, target_id if on_thread else None,
                                None if on_thread else target_id, value, when))  # fmt: skip
            batch.event(Verb.VOTED, voter.id, when, f"threads.{kind}", target_id, *where,
                        subject=target_author.id, topic_ids=topic_ids,
                        data={"value": value})  # fmt: skip
            self.counts.votes += 1
            self.counts.events += 1
        return score

"""Reading a Stack Exchange data dump (Users.xml, Posts.xml, Tags.xml, Votes.xml, Comments.xml)
as a stream: `iterparse` and clearing the root after each row keep memory flat however big the
file. Rows with missing or malformed fields are counted and skipped, never fatal.

Schema: https://meta.stackexchange.com/questions/2677
"""

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml.ElementTree import iterparse

from groundswell.topics.models import normalise_topic_name

QUESTION, ANSWER = "1", "2"
VOTE_ACCEPTED, VOTE_UP, VOTE_DOWN = "1", "2", "3"
MAX_TOPICS = 5
# Votes carry a date without a time: a vote of day D is taken to happen at the end of D, so a
# replay never lets a question see a vote that may have been cast after it.
VOTE_DAY = timedelta(days=1)

_ANGLE_TAGS = re.compile(r"<([^<>]+)>")


class DumpError(Exception):
    """The dump cannot be read at all (missing directory or file, broken XML)."""


def parse_date(raw: str | None) -> datetime:
    """`2014-01-21T20:26:05.383` (UTC, no zone) → an aware datetime."""
    if not raw:
        raise ValueError("no date")
    return datetime.fromisoformat(raw).replace(tzinfo=UTC)


def parse_tags(raw: str | None) -> list[str]:
    """Tags as dumps write them, `<beer><ipa>` (older dumps) or `|beer|ipa|` (newer ones),
    normalised to topic names, duplicates dropped, at most five (Stack Exchange's own limit)."""
    raw = (raw or "").strip()
    parts = _ANGLE_TAGS.findall(raw) if "<" in raw else raw.split("|")
    names: list[str] = []
    for part in parts:
        name = normalise_topic_name(part)
        if name and name not in names:
            names.append(name)
    return names[:MAX_TOPICS]


def _int(raw: str | None) -> int | None:
    if raw is None or raw == "":
        return None
    return int(raw)


@dataclass(frozen=True)
class User:
    id: int
    display_name: str
    created_at: datetime


@dataclass
class Post:
    """A question or an answer (other post types — tag wikis, moderator notes — are skipped)."""

    id: int
    is_question: bool
    created_at: datetime
    body_html: str
    owner_id: int | None
    owner_name: str = ""
    parent_id: int | None = None
    accepted_answer_id: int | None = None
    title: str = ""
    tags: list[str] = field(default_factory=list)
    last_activity_at: datetime | None = None
    edited_at: datetime | None = None
    licence: str = ""


@dataclass(frozen=True)
class Vote:
    post_id: int
    kind: str  # VOTE_ACCEPTED, VOTE_UP or VOTE_DOWN
    day: datetime

    @property
    def effective_at(self) -> datetime:
        """When the vote is certainly cast: the end of its day."""
        return self.day + VOTE_DAY


@dataclass
class Problems:
    """Rows skipped, per file, with the first few reasons for the report."""

    counts: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    keep: int = 20

    def add(self, file: str, row_id, reason: str) -> None:
        self.counts[file] += 1
        if len(self.examples) < self.keep:
            self.examples.append(f"{file} row {row_id or '?'}: {reason}")

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class Dump:
    """One site's dump directory. Each `read_*` method streams its file once."""

    def __init__(self, directory, problems: Problems | None = None):
        self.directory = Path(directory)
        if not self.directory.is_dir():
            raise DumpError(f"No such directory: {self.directory}")
        if not (self.directory / "Posts.xml").is_file():
            raise DumpError(f"{self.directory} has no Posts.xml: not a Stack Exchange dump.")
        self.problems = problems or Problems()
        self.other_posts = 0  # tag wikis, excerpts, moderator notes: not questions or answers

    @property
    def site(self) -> str:
        """The site's host name, from the directory name (`beer.stackexchange.com`)."""
        return self.directory.resolve().name

    def has(self, name: str) -> bool:
        return (self.directory / name).is_file()

    def rows(self, name: str) -> Iterator[dict]:
        """The attributes of each `<row>` of a file; an absent optional file yields nothing."""
        path = self.directory / name
        if not path.is_file():
            return
        try:
            # defusedxml: a dump is data from outside, so no DTD, entity or external reference.
            context = iterparse(path, events=("start", "end"), forbid_dtd=True)
            _, root = next(context)
            for event, element in context:
                if event == "end" and element.tag == "row":
                    yield dict(element.attrib)
                    root.clear()  # drop the finished rows: memory stays flat
        except ParseError as exc:
            raise DumpError(f"{name} is not well-formed XML: {exc}") from exc

    def read_users(self) -> Iterator[User]:
        for row in self.rows("Users.xml"):
            try:
                yield User(
                    id=int(row["Id"]),
                    display_name=(row.get("DisplayName") or "").strip()[:150],
                    created_at=parse_date(row.get("CreationDate")),
                )
            except (KeyError, ValueError) as exc:
                self.problems.add("Users.xml", row.get("Id"), f"unreadable ({exc})")

    def read_tags(self) -> Iterator[str]:
        for row in self.rows("Tags.xml"):
            name = normalise_topic_name(row.get("TagName", ""))
            if name:
                yield name
            else:
                self.problems.add("Tags.xml", row.get("Id"), "no usable tag name")

    def read_posts(self) -> Iterator[Post]:
        """Questions and answers; other post types are skipped silently (they are not content
        people wrote in answer to anyone), broken rows are counted."""
        for row in self.rows("Posts.xml"):
            kind = row.get("PostTypeId")
            if kind not in (QUESTION, ANSWER):
                self.other_posts += 1
                continue
            try:
                post = self._post(row, kind)
            except (KeyError, ValueError) as exc:
                self.problems.add("Posts.xml", row.get("Id"), f"unreadable ({exc})")
                continue
            if post.is_question and not post.title:
                self.problems.add("Posts.xml", post.id, "question without a title")
            elif not post.is_question and post.parent_id is None:
                self.problems.add("Posts.xml", post.id, "answer without a question")
            else:
                yield post

    @staticmethod
    def _post(row: dict, kind: str) -> Post:
        last = row.get("LastActivityDate")
        edited = row.get("LastEditDate")
        return Post(
            id=int(row["Id"]),
            is_question=kind == QUESTION,
            created_at=parse_date(row.get("CreationDate")),
            body_html=row.get("Body") or "",
            owner_id=_int(row.get("OwnerUserId")),
            owner_name=(row.get("OwnerDisplayName") or "").strip()[:150],
            parent_id=_int(row.get("ParentId")),
            accepted_answer_id=_int(row.get("AcceptedAnswerId")),
            title=(row.get("Title") or "").strip(),
            tags=parse_tags(row.get("Tags")),
            last_activity_at=parse_date(last) if last else None,
            edited_at=parse_date(edited) if edited else None,
            licence=(row.get("ContentLicense") or "").strip()[:40],
        )

    def read_votes(self) -> Iterator[Vote]:
        """Up, down and accepted-answer votes (the others — favourites, close, spam… — are not
        evidence of anything an answer taught)."""
        for row in self.rows("Votes.xml"):
            kind = row.get("VoteTypeId")
            if kind not in (VOTE_ACCEPTED, VOTE_UP, VOTE_DOWN):
                continue
            try:
                yield Vote(
                    post_id=int(row["PostId"]),
                    kind=kind,
                    day=parse_date(row.get("CreationDate")),
                )
            except (KeyError, ValueError) as exc:
                self.problems.add("Votes.xml", row.get("Id"), f"unreadable ({exc})")

    def count_rows(self, name: str) -> int:
        return sum(1 for _ in self.rows(name))

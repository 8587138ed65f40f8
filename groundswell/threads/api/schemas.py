"""Request and response shapes of the threads API. Inputs carry only what a person may set:
no author, score, accepted reply, lock or space counters."""

from datetime import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field, StringConstraints

from groundswell.api_common import InputSchema, PersonRef, SpaceRef, page_of
from groundswell.threads import permissions
from groundswell.threads.models import Follow

TopicList = Annotated[list[Annotated[str, StringConstraints(max_length=50)]], Field(max_length=5)]


class ThreadIn(InputSchema):
    space: str = Field(max_length=80, description="Slug of the space to post in.")
    kind: Literal["discussion", "question"] = "discussion"
    title: str = Field(max_length=200)
    body: str = Field("", max_length=50_000, description="Markdown; optional on a question.")
    topics: TopicList = []


class ThreadPatch(InputSchema):
    """Only the fields sent change; the previous text is kept as a revision."""

    title: str | None = Field(None, max_length=200)
    body: str | None = Field(None, max_length=50_000)
    topics: TopicList | None = None
    message: str = Field("", max_length=200, description="Why you edited (edit history).")


class ReplyIn(InputSchema):
    body: str = Field(max_length=50_000)


class ReplyPatch(InputSchema):
    body: str = Field(max_length=50_000)
    message: str = Field("", max_length=200)


class VoteIn(InputSchema):
    value: Literal[1, -1]


class FollowIn(InputSchema):
    kind: Literal["thread", "space", "topic", "person"]
    target: str = Field(
        max_length=150, description="Thread id, space slug, topic name or username."
    )


class ThreadSummaryOut(Schema):
    id: int
    kind: str
    title: str
    space: SpaceRef
    author: PersonRef | None = Field(
        description="null for an anonymous question: its asker is never shown."
    )
    topics: list[str]
    reply_count: int
    score: int
    has_accepted_answer: bool
    is_locked: bool
    created_at: datetime
    last_activity_at: datetime

    @staticmethod
    def resolve_author(obj):
        return obj.shown_author

    @staticmethod
    def resolve_topics(obj) -> list[str]:
        return [topic.name for topic in obj.topics.all()]

    @staticmethod
    def resolve_has_accepted_answer(obj) -> bool:
        return obj.accepted_reply_id is not None


class ThreadViewerOut(Schema):
    """The requesting person's relation to the thread and what they may do with it."""

    vote: int
    following: bool
    bookmarked: bool
    can_edit: bool
    can_reply: bool
    can_accept: bool
    can_vote: bool


class ThreadDetailOut(ThreadSummaryOut):
    body: str
    body_html: str
    updated_at: datetime
    accepted_reply_id: int | None
    viewer: ThreadViewerOut

    @staticmethod
    def resolve_viewer(obj, context) -> dict:
        person = context["request"].auth
        state = obj.viewer_state
        return {
            "vote": state["thread_vote"],
            "following": state["following"],
            "bookmarked": state["bookmarked"],
            "can_edit": permissions.can_edit_thread(person, obj),
            "can_reply": permissions.can_reply(person, obj),
            "can_accept": permissions.can_accept(person, obj),
            "can_vote": permissions.can_vote(person, obj),
        }


class ReplyOut(Schema):
    id: int
    thread_id: int
    author: PersonRef
    body: str
    body_html: str
    score: int
    is_accepted: bool
    my_vote: int
    can_edit: bool
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_is_accepted(obj) -> bool:
        return obj.thread.accepted_reply_id == obj.pk

    @staticmethod
    def resolve_my_vote(obj) -> int:
        return getattr(obj, "my_vote", 0)

    @staticmethod
    def resolve_can_edit(obj, context) -> bool:
        return permissions.can_edit_reply(context["request"].auth, obj)


class AcceptedOut(Schema):
    thread_id: int
    accepted_reply_id: int | None


class ScoreOut(Schema):
    score: int
    my_vote: int


class BookmarkOut(Schema):
    thread_id: int
    created_at: datetime


class FollowOut(Schema):
    kind: str
    target: str
    label: str
    created_at: datetime

    @staticmethod
    def _target(obj: Follow):
        for kind in ("thread", "space", "topic", "person"):
            if getattr(obj, f"{kind}_id") is not None:
                return kind, getattr(obj, kind)
        raise ValueError("A follow without a target.")  # excluded by a database constraint

    @staticmethod
    def resolve_kind(obj) -> str:
        return FollowOut._target(obj)[0]

    @staticmethod
    def resolve_target(obj) -> str:
        kind, target = FollowOut._target(obj)
        keys = {"thread": "pk", "space": "slug", "topic": "name", "person": "username"}
        return str(getattr(target, keys[kind]))

    @staticmethod
    def resolve_label(obj) -> str:
        kind, target = FollowOut._target(obj)
        return target.title if kind == "thread" else str(target)


ThreadPage = page_of(ThreadSummaryOut, "ThreadPage")
ReplyPage = page_of(ReplyOut, "ReplyPage")
FollowPage = page_of(FollowOut, "FollowPage")

"""Ask leadership and AMA sessions. Anonymous questions have `author: null` everywhere."""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from groundswell.api_common import (
    ERROR_CODES,
    ErrorOut,
    InputSchema,
    ObjectId,
    PersonRef,
    Slug,
    SpaceRef,
    page_of,
    page_out,
    viewer,
)
from groundswell.leadership import selectors, services
from groundswell.leadership.permissions import can_ask_leadership, is_leader
from groundswell.threads.selectors import thread_get

router = Router(tags=["leadership"])


class LeadershipSpaceOut(SpaceRef):
    org_unit: str | None = None
    can_ask: bool
    is_leader: bool

    @staticmethod
    def resolve_org_unit(obj) -> str | None:
        return obj.org_unit.name if obj.org_unit_id else None

    @staticmethod
    def resolve_can_ask(obj, context) -> bool:
        return can_ask_leadership(context["request"].auth, obj)

    @staticmethod
    def resolve_is_leader(obj, context) -> bool:
        return is_leader(context["request"].auth, obj)


class AnswerOut(Schema):
    id: int
    author: PersonRef
    body_html: str
    created_at: datetime


class QuestionOut(Schema):
    id: int
    title: str
    body_html: str
    author: PersonRef | None = Field(description="null when asked anonymously.")
    is_anonymous: bool
    score: int
    reply_count: int
    my_vote: int
    created_at: datetime
    leadership_answers: list[AnswerOut]

    @staticmethod
    def resolve_id(obj) -> int:
        return obj.thread.pk

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.thread.title

    @staticmethod
    def resolve_body_html(obj) -> str:
        return obj.thread.body_html

    @staticmethod
    def resolve_author(obj):
        return obj.thread.shown_author

    @staticmethod
    def resolve_is_anonymous(obj) -> bool:
        return obj.thread.is_anonymous

    @staticmethod
    def resolve_score(obj) -> int:
        return obj.thread.score

    @staticmethod
    def resolve_reply_count(obj) -> int:
        return obj.thread.reply_count

    @staticmethod
    def resolve_created_at(obj) -> datetime:
        return obj.thread.created_at


class SessionOut(Schema):
    id: int
    title: str
    description: str
    space: SpaceRef
    hosts: list[PersonRef]
    starts_at: datetime
    ends_at: datetime
    status: Literal["upcoming", "live", "archived"]

    @staticmethod
    def resolve_hosts(obj) -> list:
        return list(obj.hosts.all())


class QuestionIn(InputSchema):
    # The same caps as the thread it becomes (TRUST 14: model and API schema agree).
    title: str = Field(max_length=200)
    body: str = Field("", max_length=50000)
    anonymous: bool = False


class AnswerIn(InputSchema):
    body: str = Field(max_length=50000)


class SessionIn(InputSchema):
    space: Slug
    title: str = Field(max_length=200)
    description: str = Field("", max_length=5000)
    starts_at: datetime
    ends_at: datetime


class RegistrationOut(Schema):
    session_id: int
    registered_at: datetime = Field(alias="created_at")


LeadershipSpacePage = page_of(LeadershipSpaceOut, "LeadershipSpacePage")
QuestionPage = page_of(QuestionOut, "QuestionPage")
SessionPage = page_of(SessionOut, "SessionPage")


@router.get("/leadership/spaces", response={200: LeadershipSpacePage, ERROR_CODES: ErrorOut})
def leadership_spaces(request: HttpRequest, page: int = 1, per_page: int | None = None):
    """Leadership spaces you can see, with whether you may ask there and whether you lead."""
    return page_out(selectors.leadership_space_list(viewer(request), page=page, per_page=per_page))


@router.get(
    "/leadership/spaces/{slug}/questions", response={200: QuestionPage, ERROR_CODES: ErrorOut}
)
def leadership_questions(
    request: HttpRequest, slug: Slug, page: int = 1, per_page: int | None = None
):
    """A leadership space's questions, most upvoted first, with its leaders' answers."""
    person = viewer(request)
    space = selectors.leadership_space_get(person, slug)
    return page_out(selectors.leadership_questions(person, space, page=page, per_page=per_page))


@router.post(
    "/leadership/spaces/{slug}/questions", response={201: QuestionOut, ERROR_CODES: ErrorOut}
)
def leadership_ask(request: HttpRequest, slug: Slug, data: QuestionIn):
    """Ask the leadership of a unit you belong to; `anonymous` hides you from everyone but
    administrators (you then cannot reply to, edit or accept answers on it)."""
    person = viewer(request)
    thread = services.leadership_question_ask(
        author=person,
        space=selectors.leadership_space_get(person, slug),
        title=data.title,
        body=data.body,
        anonymous=data.anonymous,
    )
    return Status(201, selectors.question_row(person, thread))


@router.post(
    "/leadership/questions/{thread_id}/answers", response={201: AnswerOut, ERROR_CODES: ErrorOut}
)
def leadership_answer(request: HttpRequest, thread_id: ObjectId, data: AnswerIn):
    """A leader's public answer to a question in their leadership space."""
    person = viewer(request)
    reply = services.leadership_answer(
        leader=person, thread=thread_get(person, thread_id), body=data.body
    )
    return Status(201, reply)


@router.get("/ama", response={200: SessionPage, ERROR_CODES: ErrorOut})
def ama_list(
    request: HttpRequest,
    status: Literal["upcoming", "live", "archived"] | None = None,
    page: int = 1,
    per_page: int | None = None,
):
    """Ask-me-anything sessions in spaces you can see."""
    return page_out(
        selectors.ama_sessions(viewer(request), status=status, page=page, per_page=per_page)
    )


@router.post("/ama", response={201: SessionOut, ERROR_CODES: ErrorOut})
def ama_schedule(request: HttpRequest, data: SessionIn):
    """Schedule a session in a leadership space you lead."""
    person = viewer(request)
    session = services.ama_schedule(
        host=person,
        space=selectors.leadership_space_get(person, data.space),
        title=data.title,
        description=data.description,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
    )
    return Status(201, selectors.ama_get(person, session.pk))


@router.get("/ama/{session_id}", response={200: SessionOut, ERROR_CODES: ErrorOut})
def ama_detail(request: HttpRequest, session_id: ObjectId):
    return selectors.ama_get(viewer(request), session_id)


@router.get("/ama/{session_id}/questions", response={200: QuestionPage, ERROR_CODES: ErrorOut})
def ama_questions(
    request: HttpRequest, session_id: ObjectId, page: int = 1, per_page: int | None = None
):
    """A session's questions, most upvoted first, with the hosts' answers."""
    person = viewer(request)
    session = selectors.ama_get(person, session_id)
    return page_out(selectors.ama_questions(person, session, page=page, per_page=per_page))


@router.post("/ama/{session_id}/questions", response={201: QuestionOut, ERROR_CODES: ErrorOut})
def ama_ask(request: HttpRequest, session_id: ObjectId, data: QuestionIn):
    """Ask a question for an upcoming or live session."""
    person = viewer(request)
    thread = services.ama_question_ask(
        author=person,
        session=selectors.ama_get(person, session_id),
        title=data.title,
        body=data.body,
        anonymous=data.anonymous,
    )
    return Status(201, selectors.question_row(person, thread))


@router.post(
    "/ama/{session_id}/registration", response={201: RegistrationOut, ERROR_CODES: ErrorOut}
)
def ama_register(request: HttpRequest, session_id: ObjectId):
    """Register to attend; you are reminded about an hour before. Idempotent."""
    person = viewer(request)
    return Status(
        201,
        services.ama_register(person=person, session=selectors.ama_get(person, session_id)),
    )


@router.post("/ama/questions/{thread_id}/answers", response={201: AnswerOut, ERROR_CODES: ErrorOut})
def ama_answer(request: HttpRequest, thread_id: ObjectId, data: AnswerIn):
    """A host answers one of the session's questions."""
    person = viewer(request)
    reply = services.ama_answer(
        host=person, thread=selectors.ama_question_get(person, thread_id), body=data.body
    )
    return Status(201, reply)

"""Expertise API: experts on a topic, a person's expertise, endorsements, questions for you."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from groundswell.api_common import (
    ERROR_CODES,
    ErrorOut,
    InputSchema,
    PersonRef,
    TopicName,
    Username,
    page_of,
    page_out,
    viewer,
)
from groundswell.expertise import selectors, services
from groundswell.people.selectors import person_get
from groundswell.threads.api.schemas import ThreadPage
from groundswell.topics.selectors import topic_get_visible

router = Router(tags=["expertise"])


class EvidenceOut(Schema):
    """What a score rests on, counting only evidence from spaces you can see."""

    score: float
    accepted_answers: int
    answers: int
    upvotes: int
    endorsements: int
    is_declared: bool = Field(description="The person lists the topic among their skills.")
    last_evidence_at: datetime | None


class ExpertOut(Schema):
    person: PersonRef
    evidence: EvidenceOut
    explanation: str


class TopicExpertiseOut(Schema):
    topic: str
    evidence: EvidenceOut
    explanation: str
    endorsed_by_you: bool

    @staticmethod
    def resolve_topic(obj) -> str:
        return obj.topic.name

    @staticmethod
    def resolve_endorsed_by_you(obj) -> bool:
        return obj.endorsed_by_viewer


class EndorsementIn(InputSchema):
    topic: str = Field(max_length=50, description="The topic's name.")


class EndorsementOut(Schema):
    person: PersonRef
    topic: str
    created_at: datetime

    @staticmethod
    def resolve_topic(obj) -> str:
        return obj.topic.name


ExpertPage = page_of(ExpertOut, "ExpertPage")
TopicExpertisePage = page_of(TopicExpertiseOut, "TopicExpertisePage")


@router.get("/experts", response={200: ExpertPage, ERROR_CODES: ErrorOut})
def expert_list(request: HttpRequest, topic: TopicName, page: int = 1, per_page: int | None = None):
    """Who knows about a topic: colleagues ranked by decayed evidence (accepted answers, answers,
    upvotes in spaces you can see; endorsements; declared skills), with an explanation each.
    A topic you cannot see answers 404, like one that does not exist."""
    person = viewer(request)
    found = topic_get_visible(person, topic)
    return page_out(selectors.experts_for_topic(person, found, per_page, page=page))


@router.get(
    "/people/{username}/expertise", response={200: TopicExpertisePage, ERROR_CODES: ErrorOut}
)
def person_expertise(
    request: HttpRequest, username: Username, page: int = 1, per_page: int | None = None
):
    """A colleague's topics, strongest first, as you may see them."""
    person = viewer(request)
    subject = person_get(person, username)
    return page_out(selectors.expertise_for_person(person, subject, page=page, per_page=per_page))


@router.post(
    "/people/{username}/endorsements", response={201: EndorsementOut, ERROR_CODES: ErrorOut}
)
def endorsement_create(request: HttpRequest, username: Username, data: EndorsementIn):
    """Endorse a colleague on a topic (not yourself; once per topic, else 409)."""
    person = viewer(request)
    endorsement = services.endorsement_create(
        endorser=person,
        person=person_get(person, username),
        topic=topic_get_visible(person, data.topic),
    )
    return Status(201, endorsement)


@router.delete("/people/{username}/endorsements", response={204: None, ERROR_CODES: ErrorOut})
def endorsement_remove(request: HttpRequest, username: Username, data: EndorsementIn):
    """Withdraw your endorsement; the body names the topic as for POST."""
    person = viewer(request)
    services.endorsement_remove(
        endorser=person,
        person=person_get(person, username),
        topic=topic_get_visible(person, data.topic),
    )
    return Status(204, None)


@router.get("/questions/for-you", response={200: ThreadPage, ERROR_CODES: ErrorOut})
def questions_for_you(request: HttpRequest, page: int = 1, per_page: int | None = None):
    """Unanswered questions you can see, on topics you have expertise in or follow."""
    return page_out(selectors.questions_for_you(viewer(request), page=page, per_page=per_page))

"""Learning API: the course catalogue, a course, and a wiki page's revision history."""

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import StringConstraints

from groundswell.api_common import (
    ERROR_CODES,
    ErrorOut,
    ObjectId,
    PersonRef,
    SpaceRef,
    page_of,
    page_out,
    viewer,
)
from groundswell.learning import selectors
from groundswell.learning.wiki import selectors as wiki_selectors

router = Router(tags=["learning"])

CourseCode = Annotated[str, StringConstraints(min_length=1, max_length=40)]


class CourseOut(Schema):
    code: str
    title: str
    description: str
    lms_url: str
    lms_id: str
    owner: PersonRef | None
    topics: list[str]

    @staticmethod
    def resolve_topics(course) -> list[str]:
        return [topic.name for topic in course.topics.all()]


class CourseDetailOut(CourseOut):
    space: SpaceRef | None  # only for its learners and staff

    @staticmethod
    def resolve_space(course):
        return course.visible_space


class RevisionOut(Schema):
    """A revision; a hidden one has an empty title and message."""

    id: int
    editor: PersonRef | None
    title: str
    message: str
    created_at: datetime
    is_hidden: bool
    is_current: bool


CoursePage = page_of(CourseOut, "CoursePage")
RevisionPage = page_of(RevisionOut, "RevisionPage")


@router.get("/learning/courses", response={200: CoursePage, ERROR_CODES: ErrorOut})
def course_list(request: HttpRequest, q: str = "", page: int = 1, per_page: int | None = None):
    """The course catalogue (open to every colleague; course spaces are not)."""
    result = selectors.catalogue(viewer(request), query=q[:100], page=page, per_page=per_page)
    return page_out(result)


@router.get("/learning/courses/{code}", response={200: CourseDetailOut, ERROR_CODES: ErrorOut})
def course_detail(request: HttpRequest, code: CourseCode):
    """A course; `space` names its course space when you are enrolled (else null)."""
    return selectors.course_page(viewer(request), code).course


@router.get(
    "/learning/wiki/{page_id}/revisions", response={200: RevisionPage, ERROR_CODES: ErrorOut}
)
def wiki_revisions(
    request: HttpRequest, page_id: ObjectId, page: int = 1, per_page: int | None = None
):
    """Every revision of a wiki page you can see, newest first (hidden ones without their
    title and message)."""
    _wiki, revisions = wiki_selectors.wiki_history(
        viewer(request), page_id, page=page, per_page=per_page
    )
    return page_out(revisions)

"""Follows: hear about a thread, space, topic or person."""

from django.http import HttpRequest
from ninja import Router, Status

from groundswell.api_common import ERROR_CODES, ErrorOut, page_out, viewer
from groundswell.threads import selectors, services
from groundswell.threads.api.schemas import FollowIn, FollowOut, FollowPage

router = Router(tags=["follows"])


@router.get("/follows", response={200: FollowPage, ERROR_CODES: ErrorOut})
def follow_list(request: HttpRequest, page: int = 1, per_page: int | None = None):
    """What you follow (things you can no longer see are left out)."""
    return page_out(selectors.follow_list(viewer(request), page=page, per_page=per_page))


@router.post("/follows", response={201: FollowOut, ERROR_CODES: ErrorOut})
def follow_add(request: HttpRequest, data: FollowIn):
    """Follow a thread (id), space (slug), topic (name) or person (username)."""
    person = viewer(request)
    target = selectors.follow_target_get(person, kind=data.kind, target=data.target)
    return Status(201, services.follow_add(follower=person, kind=data.kind, target=target))


@router.delete("/follows", response={204: None, ERROR_CODES: ErrorOut})
def follow_remove(request: HttpRequest, data: FollowIn):
    """Stop following; the body names the target as for POST."""
    person = viewer(request)
    target = selectors.follow_target_get(person, kind=data.kind, target=data.target)
    services.follow_remove(follower=person, kind=data.kind, target=target)
    return Status(204, None)

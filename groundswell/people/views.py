"""People pages: the directory and a colleague's profile with what they posted."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from groundswell.expertise.views import profile_section
from groundswell.people import selectors
from groundswell.threads.selectors import is_following, replies_by, thread_list
from groundswell.threads.views.actions import follow_toggle

PROFILE_TABS = {"threads": "Threads", "replies": "Replies"}


def person_list(request):
    query = request.GET.get("q", "").strip()[:100]
    code = request.GET.get("unit", "")
    unit = selectors.unit_get(code) if code else None
    people = selectors.person_list(
        request.user, query=query, unit=unit, page=request.GET.get("page")
    )
    return render(
        request,
        "people/person_list.html",
        {
            "people": people,
            "query": query,
            "unit": unit,
            "units": selectors.unit_list(request.user, per_page=100),
        },
    )


def person_detail(request, username: str):
    viewer = request.user
    person = selectors.person_get(viewer, username)
    show = request.GET.get("show", "threads")
    show = show if show in PROFILE_TABS else "threads"
    number = request.GET.get("page")
    if show == "threads":
        items = thread_list(viewer, author=person, order="new", page=number)
    else:
        items = replies_by(viewer, person, page=number)
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "show": show,
            "tabs": PROFILE_TABS.items(),
            "items": items,
            "is_me": person.pk == viewer.pk,
            "following": is_following(viewer, kind="person", target=person),
            **profile_section(viewer, person),
        },
    )


@require_POST
def person_follow(request, username: str):
    person = selectors.person_get(request.user, username)
    return follow_toggle(
        request,
        kind="person",
        target=person,
        label=person.name,
        url=reverse("people:follow", args=[person.username]),
        redirect_to=person,
    )

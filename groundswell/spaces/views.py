"""Space pages: the directory, creating a space, a space with its threads, and its members."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from groundswell.errors import Forbidden
from groundswell.people.selectors import people_get_many, person_get
from groundswell.spaces import permissions, selectors, services
from groundswell.spaces.forms import InviteForm, SpaceForm
from groundswell.spaces.models import Role, SpaceKind
from groundswell.threads.models import ThreadKind
from groundswell.threads.selectors import thread_list
from groundswell.web.pages import form_view

# The thread filters a space page offers: label and thread_list arguments.
THREAD_FILTERS = {
    "all": ("All", {}),
    "questions": ("Questions", {"kind": ThreadKind.QUESTION}),
    "unanswered": ("Unanswered", {"unanswered": True}),
}


def space_list(request):
    kind = request.GET.get("kind", "")
    kind = kind if kind in SpaceKind.values else ""
    mine = request.GET.get("mine") == "1"
    query = request.GET.get("q", "").strip()[:100]
    spaces = selectors.space_list(
        request.user, kind=kind, joined=mine, query=query, page=request.GET.get("page")
    )
    return render(
        request,
        "spaces/space_list.html",
        {
            "spaces": spaces,
            "kinds": SpaceKind.choices,
            "kind": kind,
            "mine": mine,
            "query": query,
            "filtered": bool(kind or mine or query),
        },
    )


@form_view("spaces/space_form.html")
def space_create(request, page):
    page.form = SpaceForm(
        request.POST if request.method == "POST" else None,
        may_choose_kind=request.user.is_staff,
    )
    if page.form.is_valid():
        space = services.space_create(creator=request.user, **page.form.cleaned_data)
        messages.success(request, f"{space.name} is ready. Invite colleagues or post first.")
        return redirect(space)
    return page


def space_detail(request, slug: str):
    person = request.user
    space = selectors.space_get(person, slug)
    show = request.GET.get("show", "all")
    show = show if show in THREAD_FILTERS else "all"
    threads = thread_list(
        person, space=space, page=request.GET.get("page"), **THREAD_FILTERS[show][1]
    )
    return render(
        request,
        "spaces/space_detail.html",
        {
            "space": space,
            "threads": threads,
            "show": show,
            "filters": [(key, label) for key, (label, _) in THREAD_FILTERS.items()],
            "role": permissions.role_in(person, space),
            "can_join": permissions.can_join_space(person, space),
            "can_post": permissions.can_post_in_space(person, space),
            "can_invite": permissions.can_invite_to_space(person, space),
        },
    )


@require_POST
def space_join(request, slug: str):
    space = selectors.space_get(request.user, slug)
    services.space_join(person=request.user, space=space)
    messages.success(request, f"You joined {space.name}.")
    return redirect(space)


@require_POST
def space_leave(request, slug: str):
    space = selectors.space_get(request.user, slug)
    services.space_leave(person=request.user, space=space)
    messages.success(request, f"You left {space.name}.")
    return redirect("spaces:list" if space.is_private else space.get_absolute_url())


@form_view("spaces/members.html")
def space_members(request, page, slug: str):
    """The members, and (for those allowed) the invite form, which posts back here."""
    person = request.user
    space = selectors.space_get(person, slug)
    can_invite = permissions.can_invite_to_space(person, space)
    if request.method == "POST" and not can_invite:
        raise Forbidden("You may not invite people to this space.")
    page.form = InviteForm(request.POST if request.method == "POST" else None)
    page.context.update(
        space=space,
        members=selectors.member_list(person, space, page=request.GET.get("page")),
        roles=Role.choices,
        can_invite=can_invite,
        can_manage_roles=permissions.can_manage_roles(person, space),
    )
    if page.form.is_valid():
        invitees = people_get_many(person, page.form.cleaned_data["usernames"])
        added = services.space_invite(inviter=person, space=space, invitees=invitees)
        names = ", ".join(m.person.name for m in added)
        messages.success(request, f"Added to {space.name}: {names}.")
        return redirect("spaces:members", slug=space.slug)
    return page


@require_POST
def member_role(request, slug: str, username: str):
    person = request.user
    space = selectors.space_get(person, slug)
    member = person_get(person, username)
    role = request.POST.get("role", "")
    services.membership_set_role(actor=person, space=space, member=member, role=role)
    messages.success(request, f"{member.name} is now {Role(role).label.lower()} of {space.name}.")
    return redirect("spaces:members", slug=space.slug)

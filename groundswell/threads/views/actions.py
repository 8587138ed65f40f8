"""One-click actions on a thread page. Each is a POST that htmx sends in the background (and
swaps a partial) or a plain form sends (and is redirected back)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from groundswell.threads import selectors, services
from groundswell.threads.forms import parse_switch, parse_vote
from groundswell.web.htmx import partial_or_redirect

_VOTE_ANNOUNCEMENTS = {1: "You voted this up.", -1: "You voted this down.", 0: "Vote withdrawn."}


def _vote(request, *, target, key: str, url: str, redirect_to: str):
    value = parse_vote(request.POST)
    if value == 0:
        target = services.vote_withdraw(person=request.user, **{key: target})
    else:
        target = services.vote_cast(person=request.user, value=value, **{key: target})
    return partial_or_redirect(
        request,
        template="threads/_vote.html",
        context={"target": target, "my_vote": value, "can_vote": True, "vote_url": url},
        redirect_to=redirect_to,
        announce=_VOTE_ANNOUNCEMENTS[value],
    )


@require_POST
def thread_vote(request, thread_id: int):
    thread = selectors.thread_get(request.user, thread_id)
    url = reverse("threads:vote", args=[thread.pk])
    return _vote(request, target=thread, key="thread", url=url, redirect_to=thread)


@require_POST
def reply_vote(request, reply_id: int):
    reply = selectors.reply_get(request.user, reply_id)
    url = reverse("threads:reply_vote", args=[reply.pk])
    return _vote(request, target=reply, key="reply", url=url, redirect_to=reply.get_absolute_url())


def follow_toggle(request, *, kind: str, target, label: str, url: str, redirect_to):
    """Follow or stop following a thread, topic or person the caller fetched through a
    selector. Shared by the thread, topic and people pages."""
    following = parse_switch(request.POST, on="follow", off="unfollow")
    if following:
        services.follow_add(follower=request.user, kind=kind, target=target)
    else:
        services.follow_remove(follower=request.user, kind=kind, target=target)
    return partial_or_redirect(
        request,
        template="threads/_follow_button.html",
        context={"following": following, "follow_url": url, "label": label},
        redirect_to=redirect_to,
        announce=f"You follow {label}." if following else f"You no longer follow {label}.",
    )


@require_POST
def thread_follow(request, thread_id: int):
    thread = selectors.thread_get(request.user, thread_id)
    return follow_toggle(
        request,
        kind="thread",
        target=thread,
        label="this thread",
        url=reverse("threads:follow", args=[thread.pk]),
        redirect_to=thread,
    )


@require_POST
def thread_bookmark(request, thread_id: int):
    thread = selectors.thread_get(request.user, thread_id)
    bookmarked = parse_switch(request.POST, on="add", off="remove")
    if bookmarked:
        services.bookmark_add(person=request.user, thread=thread)
    else:
        services.bookmark_remove(person=request.user, thread=thread)
    return partial_or_redirect(
        request,
        template="threads/_bookmark_button.html",
        context={"thread": thread, "bookmarked": bookmarked},
        redirect_to=thread,
        announce="Bookmarked." if bookmarked else "Bookmark removed.",
    )


@require_POST
def reply_accept(request, reply_id: int):
    reply = selectors.reply_get(request.user, reply_id)
    thread = services.reply_accept(person=request.user, reply=reply)
    messages.success(request, "Answer accepted: it now shows first.")
    return redirect(thread)


@require_POST
def reply_unaccept(request, thread_id: int):
    thread = selectors.thread_get(request.user, thread_id)
    thread = services.reply_unaccept(person=request.user, thread=thread)
    messages.success(request, "The answer is no longer marked as accepted.")
    return redirect(thread)

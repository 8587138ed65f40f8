"""Pages: the home feed, bookmarks, a thread, and the forms that write threads and replies."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from groundswell.errors import Forbidden, NotFound
from groundswell.moderation.selectors import moderation_controls
from groundswell.moderation.views import hidden_thread_notice
from groundswell.search.selectors import related_threads
from groundswell.spaces.selectors import space_get, spaces_joined
from groundswell.threads import permissions, selectors, services
from groundswell.threads.forms import ReplyEditForm, ReplyForm, ThreadEditForm, ThreadForm
from groundswell.threads.models import ThreadKind
from groundswell.topics.selectors import topics_followed
from groundswell.web import htmx
from groundswell.web.pages import form_view


def _posted(request):
    return request.POST if request.method == "POST" else None


def home(request):
    """The person's feed: their spaces, the topics, people and threads they follow."""
    person = request.user
    return render(
        request,
        "threads/home.html",
        {
            "feed": selectors.home_feed(person, page=request.GET.get("page")),
            "my_spaces": spaces_joined(person, limit=20),
            "my_topics": topics_followed(person, limit=20),
        },
    )


def bookmarks(request):
    page = selectors.bookmarked_threads(request.user, page=request.GET.get("page"))
    return render(request, "threads/bookmarks.html", {"threads": page})


def thread_detail(request, thread_id: int):
    try:
        view = selectors.thread_page(request.user, thread_id, page=request.GET.get("page"))
    except NotFound:
        # Its author learns that moderators hid it; for everyone else it stays a 404.
        return hidden_thread_notice(request, thread_id)
    return render(
        request,
        "threads/thread_detail.html",
        {
            "view": view,
            "thread": view.thread,
            "reply_form": ReplyForm(),
            "related": related_threads(request.user, view.thread),
            # Flag and moderator buttons (booleans per post), and the viewer's hidden replies.
            "controls": moderation_controls(request.user, view.thread, view.replies.items),
        },
    )


@form_view("threads/thread_form.html")
def thread_new(request, page, slug: str | None = None):
    """Ask a question or start a discussion, in a given space or in one chosen on the form."""
    person = request.user
    space = space_get(person, slug) if slug else None
    choices = None if space else spaces_joined(person)
    kind = request.GET.get("kind")
    page.form = ThreadForm(
        _posted(request),
        spaces=choices,
        initial={"kind": kind if kind in ThreadKind.values else ThreadKind.QUESTION},
    )
    page.context.update(space=space, no_spaces=choices == [])
    if page.form.is_valid():
        data = page.form.cleaned_data
        thread = services.thread_create(
            author=person,
            space=space or space_get(person, data["space"]),
            kind=data["kind"],
            title=data["title"],
            body=data["body"],
            topics=data["topics"],
        )
        messages.success(request, "Your question is posted." if thread.is_question else "Posted.")
        return redirect(thread)
    return page


@form_view("threads/thread_edit.html")
def thread_edit(request, page, thread_id: int):
    thread = selectors.thread_get(request.user, thread_id)
    if not permissions.can_edit_thread(request.user, thread):
        raise Forbidden("Only the author or a moderator can edit this.")
    initial = {
        "title": thread.title,
        "body": thread.body,
        "topics": " ".join(t.name for t in thread.topics.all()),
    }
    page.form = ThreadEditForm(_posted(request), initial=initial)
    page.context["thread"] = thread
    if page.form.is_valid():
        services.thread_edit(editor=request.user, thread=thread, **page.form.cleaned_data)
        messages.success(request, "Your changes are saved.")
        return redirect(thread)
    return page


@form_view("threads/reply_edit.html")
def reply_edit(request, page, reply_id: int):
    reply = selectors.reply_get(request.user, reply_id)
    if not permissions.can_edit_reply(request.user, reply):
        raise Forbidden("Only the author or a moderator can edit this.")
    page.form = ReplyEditForm(_posted(request), initial={"body": reply.body})
    page.context.update(reply=reply, thread=reply.thread)
    if page.form.is_valid():
        services.reply_edit(editor=request.user, reply=reply, **page.form.cleaned_data)
        messages.success(request, "Your changes are saved.")
        return redirect(reply.get_absolute_url())
    return page


@require_POST
@form_view(
    "threads/reply_page.html", partial="threads/_reply_form.html", partial_target="#reply-form"
)
def reply_create(request, page, thread_id: int):
    """Post a reply. htmx appends it to the list and resets the form; without JavaScript the
    browser goes to the reply."""
    thread = selectors.thread_get(request.user, thread_id)
    page.form = ReplyForm(request.POST)
    page.context["thread"] = thread
    if page.form.is_valid():
        reply = services.reply_create(
            author=request.user, thread=thread, body=page.form.cleaned_data["body"]
        )
        return _reply_posted(request, thread, reply)
    return page


def _reply_posted(request, thread, reply):
    if not htmx.is_htmx(request):
        messages.success(request, "Your reply is posted.")
        return redirect(reply.get_absolute_url())
    return htmx.partial_response(
        request,
        "threads/_reply_posted.html",
        {
            "item": selectors.reply_view(request.user, reply.pk),
            "thread": thread,
            "reply_form": ReplyForm(),
        },
        announce="Your reply is posted.",
    )

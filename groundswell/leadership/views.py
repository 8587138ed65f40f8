"""Pages: ask-leadership spaces, anonymous-question moderation, AMA sessions."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from groundswell.leadership import selectors, services
from groundswell.leadership.forms import AnswerForm, QuestionForm, SessionForm
from groundswell.leadership.models import AmaStatus
from groundswell.leadership.permissions import (
    can_ask_leadership,
    can_create_leadership_space,
    can_schedule_ama,
    is_leader,
)
from groundswell.moderation.selectors import attach_moderation_controls
from groundswell.threads.selectors import thread_get
from groundswell.web.pages import form_view


def _posted(request):
    return request.POST if request.method == "POST" else None


def index(request):
    """Every leadership space the person may see, and the sessions coming up."""
    person = request.user
    return render(
        request,
        "leadership/index.html",
        {
            "spaces": selectors.leadership_spaces(person),
            "upcoming": selectors.ama_sessions(person, status=AmaStatus.UPCOMING, per_page=5),
            "can_create": can_create_leadership_space(person),
        },
    )


@form_view("leadership/space.html")
def space_detail(request, page, slug: str):
    """A unit's questions to its management, most upvoted first, and the form to ask one."""
    person = request.user
    space = selectors.leadership_space_get(person, slug)
    page.form = QuestionForm(_posted(request))
    questions = selectors.leadership_questions(person, space, page=request.GET.get("page"))
    # Flag buttons (anonymous questions too: flags never name the asker), moderators' buttons.
    attach_moderation_controls(person, questions.items, replies="leadership_answers")
    page.context.update(
        space=space,
        questions=questions,
        can_ask=can_ask_leadership(person, space),
        is_leader=is_leader(person, space),
        can_schedule=can_schedule_ama(person, space),
        answer_form=AnswerForm(),
    )
    if request.method == "POST" and page.form.is_valid():
        data = page.form.cleaned_data
        thread = services.leadership_question_ask(
            author=person,
            space=space,
            title=data["title"],
            body=data["body"],
            anonymous=data["anonymous"],
        )
        messages.success(
            request, "Asked anonymously." if thread.is_anonymous else "Your question is posted."
        )
        return redirect("leadership:space", slug=space.slug)
    return page


@form_view("leadership/answer.html")
def answer(request, page, thread_id: int):
    """A leader answers a question in public, from the leadership page; back there after."""
    thread = thread_get(request.user, thread_id)
    page.form = AnswerForm(_posted(request))
    page.context.update(thread=thread)
    if request.method == "POST" and page.form.is_valid():
        services.leadership_answer(
            leader=request.user, thread=thread, body=page.form.cleaned_data["body"]
        )
        messages.success(request, "Your answer is posted.")
        return redirect("leadership:space", slug=thread.space.slug)
    return page


def moderation(request):
    """Administrators only: who asked each anonymous question. Opening it is recorded."""
    page = selectors.anonymous_askers(request.user, page=request.GET.get("page"))
    services.anonymous_askers_viewed(admin=request.user, threads=page.items)
    return render(request, "leadership/moderation.html", {"threads": page})


def ama_list(request):
    person = request.user
    return render(
        request,
        "leadership/ama_list.html",
        {
            "live": selectors.ama_sessions(person, status=AmaStatus.LIVE, per_page=20),
            "upcoming": selectors.ama_sessions(person, status=AmaStatus.UPCOMING, per_page=20),
            "archived": selectors.ama_sessions(
                person, status=AmaStatus.ARCHIVED, page=request.GET.get("page")
            ),
        },
    )


@form_view("leadership/ama_new.html")
def ama_new(request, page, slug: str):
    """A leader schedules a session in a space they lead."""
    person = request.user
    space = selectors.leadership_space_get(person, slug)
    page.form = SessionForm(_posted(request))
    page.context.update(space=space, can_schedule=can_schedule_ama(person, space))
    if request.method == "POST" and page.form.is_valid():
        data = page.form.cleaned_data
        session = services.ama_schedule(
            host=person,
            space=space,
            title=data["title"],
            description=data["description"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
        )
        messages.success(request, "The session is scheduled.")
        return redirect(session)
    return page


@form_view("leadership/ama_detail.html")
def ama_detail(request, page, session_id: int):
    """A session: its questions by votes with the hosts' answers; ask, register, answer."""
    person = request.user
    view = selectors.ama_page(person, session_id, page=request.GET.get("page"))
    attach_moderation_controls(person, view.questions.items, replies="leadership_answers")
    page.form = QuestionForm(_posted(request))
    page.context.update(view=view, session=view.session, answer_form=AnswerForm())
    if request.method == "GET" and view.registered and view.session.status == AmaStatus.LIVE:
        # Opening a live session one signed up for is attending it (recorded once).
        services.ama_attend(person=person, session=view.session)
    if request.method == "POST" and page.form.is_valid():
        data = page.form.cleaned_data
        services.ama_question_ask(
            author=person,
            session=view.session,
            title=data["title"],
            body=data["body"],
            anonymous=data["anonymous"],
        )
        messages.success(request, "Your question is in.")
        return redirect(view.session)
    return page


@require_POST
def ama_register(request, session_id: int):
    session = selectors.ama_get(request.user, session_id)
    services.ama_register(person=request.user, session=session)
    messages.success(request, "You are registered: we will remind you an hour before.")
    return redirect(session)


@form_view("leadership/answer.html")
def ama_answer(request, page, thread_id: int):
    """A host answers a session's question."""
    thread = selectors.ama_question_get(request.user, thread_id)
    page.form = AnswerForm(_posted(request))
    page.context.update(thread=thread)
    if request.method == "POST" and page.form.is_valid():
        services.ama_answer(host=request.user, thread=thread, body=page.form.cleaned_data["body"])
        messages.success(request, "Your answer is posted.")
        return redirect(thread.ama_question.session)
    return page

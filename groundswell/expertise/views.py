"""Expertise pages: the expert directory, questions for you, and endorsing from a profile."""

from django.shortcuts import render
from django.views.decorators.http import require_POST

from groundswell.expertise import selectors, services
from groundswell.expertise.forms import parse_endorsement
from groundswell.expertise.permissions import can_endorse
from groundswell.people.selectors import person_get
from groundswell.topics.selectors import topic_get_visible
from groundswell.web.htmx import partial_or_redirect

PROFILE_TOPICS = 10


def expert_directory(request):
    """Who knows about X: a topic in, ranked colleagues with the evidence out."""
    search = selectors.expert_search(
        request.user, request.GET.get("topic", "")[:50], page=request.GET.get("page")
    )
    return render(request, "expertise/directory.html", {"search": search})


def questions_for_you(request):
    questions = selectors.questions_for_you(request.user, page=request.GET.get("page"))
    return render(request, "expertise/for_you.html", {"questions": questions})


def profile_section(viewer, person) -> dict:
    """The context of a profile's Expertise section (`expertise/_profile_section.html`)."""
    return {
        "person": person,
        "expertise": selectors.expertise_for_person(viewer, person, per_page=PROFILE_TOPICS),
        "can_endorse": can_endorse(viewer, person),
    }


@require_POST
def endorse(request, username: str):
    """Endorse a colleague on a topic, or withdraw the endorsement (`action=remove`)."""
    person = person_get(request.user, username)
    adding, name = parse_endorsement(request.POST)
    topic = topic_get_visible(request.user, name)
    if adding:
        services.endorsement_create(endorser=request.user, person=person, topic=topic)
        announce = f"You endorsed {person.name} on #{topic.name}."
    else:
        services.endorsement_remove(endorser=request.user, person=person, topic=topic)
        announce = f"You withdrew your endorsement of {person.name} on #{topic.name}."
    return partial_or_redirect(
        request,
        template="expertise/_profile_section.html",
        context=profile_section(request.user, person),
        redirect_to=person,
        announce=announce,
    )

"""Turning activity Events into xAPI 1.0.3 statements (the mapping is documented in
docs/xapi.md). Pure functions of an Event and settings: a rebuild gives the same statement."""

import uuid

from django.apps import apps
from django.conf import settings

from groundswell.activity.models import Event, Verb
from groundswell.spaces.models import SpaceKind
from groundswell.threads.models import ThreadKind

# A fixed namespace: statement ids are uuid5(namespace, "event:<id>") forever. Changing it
# would make every statement look new to the LRS.
STATEMENT_NAMESPACE = uuid.UUID("8f6a1f0e-54c1-4f8e-9a53-0c2b7d0e6a11")
VERSION = "1.0.3"
PLATFORM = "Groundswell"

ADL = "http://adlnet.gov/expapi/verbs/"
AS = "http://activitystrea.ms/schema/1.0/"
TINCAN = "http://id.tincanapi.com/verb/"

# Event verb → (verb IRI, display). Verbs not listed here (follows, bookmarks, admin actions)
# are not learning activity and are not exported.
VERBS: dict[str, tuple[str, str]] = {
    Verb.ASKED: (ADL + "asked", "asked"),
    Verb.ANSWERED: (ADL + "answered", "answered"),
    Verb.REPLIED: (ADL + "commented", "commented"),
    Verb.COMMENTED: (ADL + "commented", "commented"),
    Verb.POSTED: (AS + "post", "posted"),
    Verb.PUBLISHED_ARTICLE: (AS + "author", "authored"),
    Verb.ACCEPTED: (AS + "accept", "accepted"),
    Verb.VOTED: (TINCAN + "voted-up", "up voted"),
    Verb.MARKED_HELPFUL: (AS + "like", "liked"),
    Verb.CREATED_WIKI: (AS + "create", "created"),
    Verb.EDITED_WIKI: (AS + "update", "updated"),
    Verb.REPORTED_INSIGHT: (ADL + "shared", "shared"),
    Verb.ENDORSED: (TINCAN + "endorsed", "endorsed"),
    Verb.REGISTERED_AMA: (ADL + "registered", "registered"),
    Verb.ATTENDED_AMA: (ADL + "attended", "attended"),
    Verb.JOINED: (AS + "join", "joined"),
    Verb.ENROLLED: (ADL + "registered", "registered"),
}
VOTED_DOWN = (TINCAN + "voted-down", "down voted")

THREAD_TYPES = {
    ThreadKind.QUESTION: "http://adlnet.gov/expapi/activities/question",
    ThreadKind.DISCUSSION: "http://id.tincanapi.com/activitytype/discussion",
    ThreadKind.ARTICLE: AS + "article",
    ThreadKind.WIKI: AS + "page",
    ThreadKind.INSIGHT: AS + "note",
}
REPLY_TYPE = "http://id.tincanapi.com/activitytype/forum-reply"
SPACE_TYPES = {
    SpaceKind.COURSE: "http://adlnet.gov/expapi/activities/course",
}
COMMUNITY_TYPE = "http://id.tincanapi.com/activitytype/community-site"
# Objects that are neither threads nor spaces: "<app>.<model>" → activity type. The model
# needs `title` and `get_absolute_url()`.
OTHER_TYPES = {
    "leadership.amasession": "http://adlnet.gov/expapi/activities/meeting",
}
LANGUAGE = "en"


class Skip(Exception):
    """This event is deliberately not exported; the message says why."""


def statement_id_for(event_id: int) -> uuid.UUID:
    """The statement id of an event: the same on every build."""
    return uuid.uuid5(STATEMENT_NAMESPACE, f"event:{event_id}")


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _agent(person) -> dict:
    # An account, never an email: the LRS learns the username on this site and nothing more.
    return {
        "objectType": "Agent",
        "account": {"homePage": settings.XAPI_ACTOR_HOMEPAGE, "name": person.username},
    }


def _lang(text: str) -> dict:
    return {LANGUAGE: text}


def space_activity(space) -> dict:
    return {
        "objectType": "Activity",
        "id": _absolute(space.get_absolute_url()),
        "definition": {
            "type": SPACE_TYPES.get(space.kind, COMMUNITY_TYPE),
            "name": _lang(space.name),
        },
    }


def thread_activity(thread) -> dict:
    # Titles only, never bodies: an LRS is an organisational record, but text stays here.
    return {
        "objectType": "Activity",
        "id": _absolute(thread.get_absolute_url()),
        "definition": {
            "type": THREAD_TYPES.get(thread.kind, THREAD_TYPES[ThreadKind.DISCUSSION]),
            "name": _lang(thread.title),
        },
    }


def reply_activity(thread, reply_id: int) -> dict:
    return {
        "objectType": "Activity",
        "id": _absolute(f"{thread.get_absolute_url()}#reply-{reply_id}"),
        "definition": {"type": REPLY_TYPE, "name": _lang(f"Reply to: {thread.title}")},
    }


def _object_and_parents(event: Event) -> tuple[dict, list[dict]]:
    thread = event.thread
    if event.object_type == "threads.reply" and thread is not None:
        return reply_activity(thread, event.object_id), [thread_activity(thread)]
    if thread is not None:
        return thread_activity(thread), []
    if event.object_type in OTHER_TYPES:
        model = apps.get_model(event.object_type)
        target = model._default_manager.filter(pk=event.object_id).first()
        if target is None:
            raise Skip(f"{event.object_type} {event.object_id} no longer exists")
        activity = {
            "objectType": "Activity",
            "id": _absolute(target.get_absolute_url()),
            "definition": {"type": OTHER_TYPES[event.object_type], "name": _lang(target.title)},
        }
        return activity, []
    if event.verb == Verb.ENDORSED:
        if event.subject is None:
            raise Skip("the endorsed person no longer exists")
        return _agent(event.subject), []
    if event.space is not None:
        return space_activity(event.space), []
    raise Skip("the event names nothing that can be an xAPI object")


def _course(event: Event):
    space = event.space or (event.thread.space if event.thread is not None else None)
    if space is not None and space.kind == SpaceKind.COURSE:
        return space
    return None


def statement_for(event: Event) -> dict:
    """The xAPI statement for one Event; raises Skip when it must not be exported."""
    if event.verb not in VERBS:
        raise Skip(f"verb {event.verb!r} is not exported")
    if event.actor is None:
        raise Skip("the actor no longer exists")
    thread = event.thread
    # An anonymous question's author must not be identifiable from anything the thread's
    # author did on it (asking, editing, accepting): those events are not exported at all.
    if thread is not None and thread.is_anonymous and thread.author_id == event.actor_id:
        raise Skip("the actor is the anonymous author of the thread")
    verb_iri, display = VERBS[event.verb]
    if event.verb == Verb.VOTED and (event.data or {}).get("value", 1) < 0:
        verb_iri, display = VOTED_DOWN
    target, parents = _object_and_parents(event)
    course = _course(event)
    if course is not None:
        parent = space_activity(course)
        if parent["id"] != target.get("id"):
            parents.append(parent)
    context: dict = {"platform": PLATFORM, "language": LANGUAGE}
    if parents:
        context["contextActivities"] = {"parent": parents}
    return {
        "id": str(statement_id_for(event.pk)),
        "actor": _agent(event.actor),
        "verb": {"id": verb_iri, "display": {"en-US": display}},
        "object": target,
        "context": context,
        "timestamp": event.created_at.isoformat(),
        "version": VERSION,
    }

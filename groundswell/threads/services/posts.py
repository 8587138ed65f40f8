"""Writes on threads and replies. One function per user action, each atomic, each recording
an activity Event. Callers pass objects they fetched through the selectors (so the person can
see them); the services check what the person may *do*."""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.analytics.tasks import analytics_after_commit
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound
from groundswell.expertise.tasks import expertise_after_commit, route_after_commit
from groundswell.leadership.permissions import can_ask_leadership
from groundswell.notifications.services import notify_after_commit
from groundswell.ratelimits import check_rate, scopes
from groundswell.search.services import search_index_thread
from groundswell.spaces.models import Space, SpaceKind
from groundswell.spaces.permissions import can_post_in_space, can_view_space
from groundswell.threads import permissions
from groundswell.threads.markdown import render_markdown
from groundswell.threads.models import Reply, Revision, Thread, ThreadKind, Vote
from groundswell.topics.services import parse_topic_names, topics_resolve

# Kinds people start through this service; insights, articles and wiki pages have their own.
POSTABLE_KINDS = {ThreadKind.DISCUSSION, ThreadKind.QUESTION}


def clean_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise InvalidInput("A title is required.", field="title")
    limit = settings.GROUNDSWELL["MAX_TITLE_LENGTH"]
    if len(title) > limit:
        raise InvalidInput(f"A title has at most {limit} characters.", field="title")
    return title


def clean_body(body: str, *, required: bool = True) -> str:
    body = (body or "").strip()
    if required and not body:
        raise InvalidInput("Write something first.", field="body")
    limit = settings.GROUNDSWELL["MAX_BODY_LENGTH"]
    if len(body) > limit:
        raise InvalidInput(f"The text has at most {limit:,} characters.", field="body")
    if "\x00" in body:
        raise InvalidInput("The text contains a NUL character.", field="body")
    return body


def _ensure_can_see(person, space: Space) -> None:
    if not can_view_space(person, space):
        raise NotFound("No such space.")


@transaction.atomic
def thread_create(
    *,
    author,
    space: Space,
    kind: str = ThreadKind.DISCUSSION,
    title: str,
    body: str,
    topics=(),
) -> Thread:
    """Start a discussion or ask a question in a space."""
    _ensure_can_see(author, space)
    if not can_post_in_space(author, space):
        raise Forbidden("Join this space to post in it.")
    if space.kind == SpaceKind.LEADERSHIP and not can_ask_leadership(author, space):
        raise Forbidden("Only people in this unit can put questions to its leadership.")
    if kind not in POSTABLE_KINDS:
        raise InvalidInput(f"Cannot start a thread of kind {kind!r} here.", field="kind")
    title, body = clean_title(title), clean_body(body, required=kind != ThreadKind.QUESTION)
    # Here rather than in each view: pages, API and any later interface share one limit.
    check_rate(scopes.POSTING, author.pk)
    topic_objects = topics_resolve(person=author, names=parse_topic_names(topics))
    now = timezone.now()
    thread = Thread.objects.create(
        space=space,
        kind=kind,
        title=title,
        body=body,
        body_html=render_markdown(body),
        author=author,
        created_at=now,
        updated_at=now,
        last_activity_at=now,
    )
    thread.topics.set(topic_objects)
    Revision.objects.create(thread=thread, editor=author, title=title, body=body, created_at=now)
    Space.objects.filter(pk=space.pk).update(thread_count=F("thread_count") + 1)
    event = event_record(
        actor=author,
        verb=Verb.ASKED if kind == ThreadKind.QUESTION else Verb.POSTED,
        target=thread,
        space=space,
        thread=thread,
        topic_ids=[t.pk for t in topic_objects],
        at=now,
    )
    analytics_after_commit(event)
    notify_after_commit(event)
    search_index_thread(thread)
    if kind == ThreadKind.QUESTION:
        route_after_commit(thread)
    return thread


@transaction.atomic
def thread_edit(
    *, editor, thread: Thread, title: str, body: str, topics=None, message: str = ""
) -> Thread:
    """Edit a thread's text (and topics); the previous text stays in the revisions."""
    _ensure_can_see(editor, thread.space)
    if not permissions.can_edit_thread(editor, thread):
        raise Forbidden("Only the author or a moderator can edit this.")
    title = clean_title(title)
    body = clean_body(body, required=thread.kind != ThreadKind.QUESTION)
    topic_names = parse_topic_names(topics) if topics is not None else None
    unchanged_topics = topic_names is None or set(topic_names) == {
        t.name for t in thread.topics.all()
    }
    if title == thread.title and body == thread.body and unchanged_topics:
        return thread  # saving without a change is not an edit: no revision, no event
    now = timezone.now()
    thread.title, thread.body, thread.body_html = title, body, render_markdown(body)
    thread.updated_at = now
    thread.save(update_fields=["title", "body", "body_html", "updated_at"])
    if not unchanged_topics:
        old_topic_ids = [t.pk for t in thread.topics.all()]
        thread.topics.set(topics_resolve(person=editor, names=topic_names))
        expertise_after_commit(thread, extra_topic_ids=old_topic_ids)
    Revision.objects.create(
        thread=thread,
        editor=editor,
        title=title,
        body=body,
        message=message[:200],
        created_at=now,
    )
    event_record(
        actor=editor,
        verb=Verb.EDITED,
        target=thread,
        space=thread.space,
        thread=thread,
        subject=thread.author,
    )
    search_index_thread(thread)
    return thread


@transaction.atomic
def reply_create(*, author, thread: Thread, body: str) -> Reply:
    """Reply to a thread; on a question, this is an answer."""
    _ensure_can_see(author, thread.space)
    if not permissions.can_reply(author, thread):
        if thread.is_anonymous and thread.author_id == author.pk:
            raise Forbidden("You asked this anonymously: a reply would show your name.")
        if thread.is_locked:
            raise Forbidden("This thread is locked.")
        raise Forbidden("Join this space to reply.")
    body = clean_body(body)
    check_rate(scopes.POSTING, author.pk)
    now = timezone.now()
    reply = Reply.objects.create(
        thread=thread,
        author=author,
        body=body,
        body_html=render_markdown(body),
        created_at=now,
        updated_at=now,
    )
    Revision.objects.create(reply=reply, editor=author, body=body, created_at=now)
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=now
    )
    thread.reply_count += 1
    event = event_record(
        actor=author,
        verb=Verb.ANSWERED if thread.is_question else Verb.REPLIED,
        target=reply,
        space=thread.space,
        thread=thread,
        subject=thread.author,
        topic_ids=[t.pk for t in thread.topics.all()],
        at=now,
    )
    analytics_after_commit(event)
    notify_after_commit(event)
    search_index_thread(thread)
    expertise_after_commit(thread)
    return reply


@transaction.atomic
def reply_edit(*, editor, reply: Reply, body: str, message: str = "") -> Reply:
    _ensure_can_see(editor, reply.thread.space)
    if not permissions.can_edit_reply(editor, reply):
        raise Forbidden("Only the author or a moderator can edit this.")
    body = clean_body(body)
    if body == reply.body:
        return reply  # saving without a change is not an edit
    now = timezone.now()
    reply.body, reply.body_html, reply.updated_at = body, render_markdown(body), now
    reply.save(update_fields=["body", "body_html", "updated_at"])
    Revision.objects.create(
        reply=reply, editor=editor, body=body, message=message[:200], created_at=now
    )
    event_record(
        actor=editor,
        verb=Verb.EDITED,
        target=reply,
        space=reply.thread.space,
        thread=reply.thread,
        subject=reply.author,
    )
    search_index_thread(reply.thread)
    return reply


@transaction.atomic
def reply_accept(*, person, reply: Reply) -> Thread:
    """Mark the answer that solved the question; it then shows first for everyone."""
    thread = Thread.objects.select_for_update().select_related("space").get(pk=reply.thread_id)
    _ensure_can_see(person, thread.space)
    if thread.kind != ThreadKind.QUESTION:
        raise InvalidInput("Only answers to questions can be accepted.")
    if not permissions.can_accept(person, thread):
        raise Forbidden("Only the person who asked can accept an answer.")
    if thread.accepted_reply_id == reply.pk:
        raise Conflict("This answer is already accepted.")
    thread.accepted_reply = reply
    thread.last_activity_at = timezone.now()
    thread.save(update_fields=["accepted_reply", "last_activity_at"])
    event = event_record(
        actor=person,
        verb=Verb.ACCEPTED,
        target=reply,
        space=thread.space,
        thread=thread,
        subject=reply.author,
        topic_ids=[t.pk for t in thread.topics.all()],
    )
    analytics_after_commit(event)
    notify_after_commit(event)
    search_index_thread(thread)
    expertise_after_commit(thread)
    return thread


@transaction.atomic
def reply_unaccept(*, person, thread: Thread) -> Thread:
    thread = Thread.objects.select_for_update().select_related("space").get(pk=thread.pk)
    _ensure_can_see(person, thread.space)
    if not permissions.can_accept(person, thread):
        raise Forbidden("Only the person who asked can change the accepted answer.")
    if thread.accepted_reply_id is None:
        raise Conflict("No answer is accepted.")
    previous = thread.accepted_reply
    thread.accepted_reply = None
    thread.save(update_fields=["accepted_reply"])
    event_record(
        actor=person,
        verb=Verb.UNACCEPTED,
        target=previous,
        space=thread.space,
        thread=thread,
        subject=previous.author,
    )
    search_index_thread(thread)
    expertise_after_commit(thread)
    return thread


def _vote_target(thread: Thread | None, reply: Reply | None):
    if (thread is None) == (reply is None):
        raise InvalidInput("Vote on a thread or on a reply.")
    return thread if thread is not None else reply


@transaction.atomic
def vote_cast(*, person, value: int, thread: Thread | None = None, reply: Reply | None = None):
    """Vote +1 or -1. Voting the same way twice is refused; the other way switches the vote."""
    target = _vote_target(thread, reply)
    owner_thread = thread or reply.thread
    _ensure_can_see(person, owner_thread.space)
    if value not in (1, -1):
        raise InvalidInput("A vote is +1 or -1.", field="value")
    if not permissions.can_vote(person, target):
        raise Forbidden("You cannot vote on your own post.")
    key = {"thread": thread} if thread is not None else {"reply": reply}
    model = type(target)
    existing = Vote.objects.select_for_update().filter(person=person, **key).first()
    if existing is not None and existing.value == value:
        raise Conflict("You have already voted on this.")
    delta = value - (existing.value if existing else 0)
    if existing:
        existing.value = value
        existing.save(update_fields=["value"])
    else:
        Vote.objects.create(person=person, value=value, **key)
    model.objects.filter(pk=target.pk).update(score=F("score") + delta)
    target.score += delta
    event = event_record(
        actor=person,
        verb=Verb.VOTED,
        target=target,
        space=owner_thread.space,
        thread=owner_thread,
        subject=target.author,
        data={"value": value},
        topic_ids=[t.pk for t in owner_thread.topics.all()],
    )
    analytics_after_commit(event)
    expertise_after_commit(owner_thread)
    return target


@transaction.atomic
def vote_withdraw(*, person, thread: Thread | None = None, reply: Reply | None = None):
    target = _vote_target(thread, reply)
    owner_thread = thread or reply.thread
    _ensure_can_see(person, owner_thread.space)
    key = {"thread": thread} if thread is not None else {"reply": reply}
    existing = Vote.objects.select_for_update().filter(person=person, **key).first()
    if existing is None:
        raise Conflict("You have not voted on this.")
    existing.delete()
    type(target).objects.filter(pk=target.pk).update(score=F("score") - existing.value)
    target.score -= existing.value
    event_record(
        actor=person,
        verb=Verb.UNVOTED,
        target=target,
        space=owner_thread.space,
        thread=owner_thread,
        subject=target.author,
    )
    expertise_after_commit(owner_thread)
    return target

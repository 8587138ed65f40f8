"""Reads of threads and replies, always through `Thread.objects.visible_to(person)`."""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, Value, When

from groundswell.errors import InvalidInput, NotFound
from groundswell.pagination import Page, paginate
from groundswell.people.selectors import person_get
from groundswell.spaces.models import Space
from groundswell.spaces.selectors import space_get
from groundswell.threads import permissions
from groundswell.threads.models import (
    Bookmark,
    Follow,
    FollowTarget,
    Reply,
    Thread,
    ThreadKind,
    Vote,
)
from groundswell.topics.selectors import topic_get_visible

LISTABLE_KINDS = [ThreadKind.DISCUSSION, ThreadKind.QUESTION]


def thread_get(person, thread_id: int) -> Thread:
    """The thread if the person may see it; otherwise NotFound, whether or not it exists."""
    thread = (
        Thread.objects.visible_to(person)
        .select_related("space", "author", "author__org_unit", "accepted_reply")
        .prefetch_related("topics")
        .filter(pk=thread_id)
        .first()
    )
    if thread is None:
        raise NotFound("No such thread.")
    return thread


def reply_get(person, reply_id: int) -> Reply:
    reply = (
        Reply.objects.visible_to(person)
        .select_related("thread", "thread__space", "author")
        .filter(pk=reply_id)
        .first()
    )
    if reply is None:
        raise NotFound("No such reply.")
    return reply


def thread_list(
    person,
    *,
    space: Space | None = None,
    topic=None,
    author=None,
    kind: str | None = None,
    unanswered: bool = False,
    order: str = "activity",
    page=1,
    per_page=None,
) -> Page:
    """Threads the person may see, newest activity first, filtered."""
    threads = Thread.objects.visible_to(person).filter(kind__in=LISTABLE_KINDS)
    if space is not None:
        threads = threads.filter(space=space)
    if topic is not None:
        threads = threads.filter(topics=topic)
    if author is not None:
        # Anonymous questions never count as anyone's, not even on the asker's own profile.
        threads = threads.filter(author=author, is_anonymous=False)
    if kind:
        threads = threads.filter(kind=kind)
    if unanswered:
        threads = threads.filter(kind=ThreadKind.QUESTION, reply_count=0)
    ordering = {"activity": "-last_activity_at", "new": "-created_at", "top": "-score"}
    threads = threads.order_by(ordering.get(order, "-last_activity_at"), "-id")
    return paginate(threads.with_list_data(), page, per_page)


def home_feed(person, *, page=1, per_page=None) -> Page:
    """What a person's home shows: activity in their spaces, followed topics, people, threads."""
    follows = Follow.objects.filter(follower=person)
    interesting = (
        Q(space__memberships__person=person)
        | Q(topics__in=follows.filter(topic__isnull=False).values("topic"))
        # An anonymous question must not reach the asker's followers.
        | Q(author__in=follows.filter(person__isnull=False).values("person"), is_anonymous=False)
        | Q(pk__in=follows.filter(thread__isnull=False).values("thread"))
        | Q(space__in=follows.filter(space__isnull=False).values("space"))
    )
    ids = (
        Thread.objects.visible_to(person)
        .filter(kind__in=LISTABLE_KINDS)
        .filter(interesting)
        .values("pk")
    )
    threads = Thread.objects.filter(pk__in=ids).order_by("-last_activity_at", "-id")
    return paginate(threads.with_list_data(), page, per_page)


def reply_list(person, thread: Thread, *, page=1, per_page=None) -> Page:
    """Replies of a visible thread: the accepted answer first, then best answers (questions)
    or the conversation in order (discussions)."""
    replies = Reply.objects.filter(thread=thread, is_hidden=False).select_related(
        "author", "author__org_unit"
    )
    accepted_first = Case(
        When(pk=thread.accepted_reply_id or 0, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    if thread.kind == ThreadKind.QUESTION:
        replies = replies.order_by(accepted_first, "-score", "created_at", "id")
    else:
        replies = replies.order_by(accepted_first, "created_at", "id")
    return paginate(replies, page, per_page or 50)


def viewer_state(person, thread: Thread, replies) -> dict:
    """The viewer's own votes, follow and bookmark on a thread page, in three queries."""
    reply_ids = [r.pk for r in replies]
    votes = Vote.objects.filter(person=person).filter(Q(thread=thread) | Q(reply_id__in=reply_ids))
    thread_vote, reply_votes = 0, {}
    for vote in votes:
        if vote.thread_id:
            thread_vote = vote.value
        else:
            reply_votes[vote.reply_id] = vote.value
    return {
        "thread_vote": thread_vote,
        "reply_votes": reply_votes,
        "following": Follow.objects.filter(follower=person, thread=thread).exists(),
        "bookmarked": Bookmark.objects.filter(person=person, thread=thread).exists(),
    }


def is_following(person, *, kind: str, target) -> bool:
    return Follow.objects.filter(follower=person, **{kind: target}).exists()


def bookmarked_threads(person, *, page=1, per_page=None) -> Page:
    threads = Thread.objects.visible_to(person).filter(
        pk__in=Bookmark.objects.filter(person=person).values("thread")
    )
    return paginate(threads.with_list_data().order_by("-last_activity_at"), page, per_page)


def replies_by(person, author, *, page=1, per_page=None) -> Page:
    """A person's replies that the viewer may see, for their profile."""
    replies = (
        Reply.objects.visible_to(person)
        .filter(author=author)
        .select_related("thread", "thread__space")
        .order_by("-created_at")
    )
    return paginate(replies, page, per_page)


def thread_detail(person, thread_id: int) -> Thread:
    """`thread_get` plus the viewer's own vote, follow and bookmark, as `thread.viewer_state`."""
    thread = thread_get(person, thread_id)
    thread.viewer_state = viewer_state(person, thread, [])
    return thread


def reply_page(person, thread: Thread, *, page=1, per_page=None) -> Page:
    """`reply_list` of a thread fetched through `thread_get`, each reply carrying the viewer's
    vote as `my_vote` and its thread attached, so per-reply permission checks cost no query."""
    result = reply_list(person, thread, page=page, per_page=per_page)
    votes = dict(
        Vote.objects.filter(person=person, reply__in=[r.pk for r in result.items]).values_list(
            "reply_id", "value"
        )
    )
    for reply in result.items:
        reply.thread = thread
        reply.my_vote = votes.get(reply.pk, 0)
    return result


def follow_target_get(person, *, kind: str, target: str):
    """What a follow names, if the person may see it: a thread by id, a space by slug, a topic
    by name or a person by username. Anything else is NotFound."""
    target = str(target)
    if kind == FollowTarget.THREAD:
        if not (target.isascii() and target.isdigit()) or len(target) > 18:
            raise NotFound("No such thread.")
        return thread_get(person, int(target))
    if kind == FollowTarget.SPACE:
        return space_get(person, target)
    if kind == FollowTarget.TOPIC:
        return topic_get_visible(person, target)
    if kind == FollowTarget.PERSON:
        return person_get(person, target)
    raise InvalidInput(f"Cannot follow a {kind!r}.", field="kind")


def follow_list(person, *, page=1, per_page=None) -> Page:
    """What the person follows, newest first. Follows of threads or spaces they can no longer
    see are left out: access does not outlive a removal from a space."""
    follows = (
        Follow.objects.filter(follower=person)
        .filter(Q(thread__isnull=True) | Q(thread__in=Thread.objects.visible_to(person)))
        .filter(Q(space__isnull=True) | Q(space__in=Space.objects.visible_to(person)))
        .filter(Q(person__isnull=True) | Q(person__is_active=True))
        .select_related("thread", "space", "topic", "person")
        .order_by("-created_at", "-id")
    )
    return paginate(follows, page, per_page)


@dataclass
class ReplyView:
    """A reply as one viewer sees it: their vote, and what they may do with it."""

    reply: Reply
    my_vote: int
    is_accepted: bool
    can_edit: bool
    can_vote: bool
    can_accept: bool
    is_leadership: bool = False


@dataclass
class ThreadPage:
    """Everything a thread page shows to one viewer."""

    thread: Thread
    replies: Page  # of ReplyView, the accepted answer first
    my_vote: int
    following: bool
    bookmarked: bool
    can_edit: bool
    can_reply: bool
    can_vote: bool
    can_accept: bool
    # The viewer asked this anonymously: they may not reply (it would name them).
    asked_anonymously: bool = False


def thread_page(person, thread_id: int, *, page=1) -> ThreadPage:
    """A visible thread with one page of replies (`reply_page`), the viewer's votes, follow and
    bookmark, and the permission checks for every button, in a number of queries that does not
    grow with the replies."""
    thread = thread_get(person, thread_id)
    replies = reply_page(person, thread, page=page)
    state = viewer_state(person, thread, [])
    may_accept = permissions.can_accept(person, thread)
    leaders = _leader_ids(thread.space)
    replies.items = [
        ReplyView(
            reply=reply,
            my_vote=reply.my_vote,
            is_accepted=reply.pk == thread.accepted_reply_id,
            can_edit=permissions.can_edit_reply(person, reply),
            can_vote=permissions.can_vote(person, reply),
            can_accept=may_accept,
            is_leadership=reply.author_id in leaders,
        )
        for reply in replies.items
    ]
    return ThreadPage(
        thread=thread,
        replies=replies,
        my_vote=state["thread_vote"],
        following=state["following"],
        bookmarked=state["bookmarked"],
        can_edit=permissions.can_edit_thread(person, thread),
        can_reply=permissions.can_reply(person, thread),
        can_vote=permissions.can_vote(person, thread),
        can_accept=may_accept,
        asked_anonymously=thread.is_anonymous and thread.author_id == person.pk,
    )


def _leader_ids(space: Space) -> set[int]:
    """Who answers for leadership in this space (empty for other spaces): their answers are
    marked "Leadership answer"."""
    from groundswell.leadership.selectors import leader_ids  # leadership builds on threads

    return leader_ids(space)


def reply_view(person, reply_id: int) -> ReplyView:
    """One visible reply as the thread page shows it (for htmx partials)."""
    reply = reply_get(person, reply_id)
    my_vote = (
        Vote.objects.filter(person=person, reply=reply).values_list("value", flat=True).first()
    )
    return ReplyView(
        reply=reply,
        my_vote=my_vote or 0,
        is_accepted=reply.thread.accepted_reply_id == reply.pk,
        can_edit=permissions.can_edit_reply(person, reply),
        can_vote=permissions.can_vote(person, reply),
        can_accept=permissions.can_accept(person, reply.thread),
        is_leadership=reply.author_id in _leader_ids(reply.thread.space),
    )

"""Reads of threads and replies, always through `Thread.objects.visible_to(person)`."""

from django.db.models import Case, IntegerField, Q, Value, When

from groundswell.errors import NotFound
from groundswell.pagination import Page, paginate
from groundswell.spaces.models import Space
from groundswell.threads.models import Bookmark, Follow, Reply, Thread, ThreadKind, Vote

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
        threads = threads.filter(author=author)
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
        | Q(author__in=follows.filter(person__isnull=False).values("person"))
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

"""Moderation reads: the review queue, hidden posts, what a thread page offers a viewer, and
the posts moderators act on (hidden ones included, for them only).

Members never reach a hidden post through here: every read either goes through
`spaces_moderated_by(person)` or falls back to `Thread/Reply.objects.visible_to(person)`."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, Max, Q, Value

from groundswell.errors import Forbidden, NotFound
from groundswell.moderation import permissions
from groundswell.moderation.models import Flag, Reason, spaces_moderated_by
from groundswell.pagination import Page, paginate
from groundswell.spaces.models import Space
from groundswell.threads.models import Reply, Thread


def _readable_threads(person):
    """Threads in spaces the person can see, hidden or not (drafts only their author's)."""
    if person is None or not person.is_authenticated:
        return Thread.objects.none()
    return Thread.objects.filter(space__in=Space.objects.visible_to(person)).filter(
        Q(is_draft=False) | Q(author=person)
    )


def moderated_thread_get(person, thread_id: int) -> Thread:
    """A thread a moderator acts on, hidden or not. NotFound when the person cannot see it (a
    hidden thread is unseen unless they moderate its space); Forbidden when they can see it
    but do not moderate its space."""
    thread = (
        _readable_threads(person).select_related("space", "author").filter(pk=thread_id).first()
    )
    if thread is None:
        raise NotFound("No such thread.")
    if not permissions.can_moderate_post(person, thread):
        if thread.is_hidden:
            raise NotFound("No such thread.")
        raise Forbidden("Only this space's moderators can do that.")
    return thread


def moderated_reply_get(person, reply_id: int) -> Reply:
    """A reply a moderator acts on, hidden or not (its thread too); as `moderated_thread_get`."""
    reply = (
        Reply.objects.filter(thread__in=_readable_threads(person))
        .select_related("thread", "thread__space", "thread__author", "author")
        .filter(pk=reply_id)
        .first()
    )
    if reply is None:
        raise NotFound("No such reply.")
    if not permissions.can_moderate_post(person, reply.thread):
        if reply.is_hidden or reply.thread.is_hidden:
            raise NotFound("No such reply.")
        raise Forbidden("Only this space's moderators can do that.")
    return reply


@dataclass
class ModerationControls:
    """What the thread page offers one viewer: flag buttons, moderator buttons, and a notice
    about their own replies that moderators hid."""

    can_flag_thread: bool
    flagged_thread: bool
    can_moderate: bool
    flaggable_reply_ids: set[int]
    flagged_reply_ids: set[int]
    my_hidden_replies: list
    reasons: list = field(default_factory=lambda: Reason.choices)


def moderation_controls(person, thread: Thread, replies) -> ModerationControls:
    """For a thread page: which posts the viewer may flag (and already flagged), whether they
    moderate the space, and their own hidden replies on this thread. Two queries."""
    reply_list = [getattr(item, "reply", item) for item in replies]
    mine = Flag.objects.open().filter(flagger=person, thread=thread)
    flagged_thread = False
    flagged_replies = set()
    for reply_id in mine.values_list("reply_id", flat=True):
        if reply_id is None:
            flagged_thread = True
        else:
            flagged_replies.add(reply_id)
    return ModerationControls(
        can_flag_thread=permissions.can_flag(person, thread),
        flagged_thread=flagged_thread,
        can_moderate=permissions.can_moderate_post(person, thread),
        flaggable_reply_ids={r.pk for r in reply_list if permissions.can_flag(person, r)},
        flagged_reply_ids=flagged_replies,
        my_hidden_replies=list(
            Reply.objects.filter(thread=thread, author=person, is_hidden=True).order_by(
                "created_at"
            )[:20]
        ),
    )


def attach_moderation_controls(person, rows, *, replies: str = "") -> None:
    """For posts listed outside the thread page (leadership questions, AMA sessions): set
    `row.controls` (a ModerationControls, without hidden-reply notices) on each row that has a
    `.thread`, for the thread and the replies in its attribute named `replies`. One query for
    the viewer's flags, and the moderator check once per space, not per row."""
    rows = list(rows)
    if not rows:
        return
    mine = Flag.objects.open().filter(flagger=person, thread__in=[row.thread for row in rows])
    flagged = set(mine.values_list("thread_id", "reply_id"))
    # Asked once per space (a list is usually one space's), not once per row.
    one_per_space = {row.thread.space_id: row.thread for row in rows}
    moderated = {
        space_id: permissions.can_moderate_post(person, thread)
        for space_id, thread in one_per_space.items()
    }
    for row in rows:
        thread = row.thread
        listed = list(getattr(row, replies, [])) if replies else []
        row.controls = ModerationControls(
            can_flag_thread=permissions.can_flag(person, thread),
            flagged_thread=(thread.pk, None) in flagged,
            can_moderate=moderated[thread.space_id],
            flaggable_reply_ids={r.pk for r in listed if permissions.can_flag(person, r)},
            flagged_reply_ids={r.pk for r in listed if (thread.pk, r.pk) in flagged},
            my_hidden_replies=[],
        )


def hidden_thread_for_author(person, thread_id: int) -> Thread:
    """The person's own thread that moderators hid: they are told so rather than finding it
    gone. NotFound for anyone else, and for threads that are not hidden."""
    thread = (
        Thread.objects.filter(
            pk=thread_id,
            author=person,
            is_hidden=True,
            space__in=Space.objects.visible_to(person),
        )
        .select_related("space")
        .first()
    )
    if thread is None:
        raise NotFound("No such thread.")
    return thread


# ---------------------------------------------------------------------------------------------
# The review queue


@dataclass
class QueueItem:
    """One flagged post with its open flags (each with `shown_flagger`)."""

    thread: Thread
    reply: Reply | None
    flags: list
    flagger_count: int

    @property
    def post(self):
        return self.reply if self.reply is not None else self.thread

    @property
    def shown_author(self):
        return self.reply.author if self.reply is not None else self.thread.shown_author

    @property
    def reasons(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = defaultdict(int)
        for flag in self.flags:
            counts[flag.get_reason_display()] += 1
        return sorted(counts.items(), key=lambda pair: -pair[1])


@dataclass
class Queue:
    items: Page
    spaces: list
    reasons: list
    space: str
    reason: str


def _shown_flagger(flag: Flag, thread: Thread):
    # The asker of an anonymous question flagging a reply to it would be named next to their
    # own question: moderators see "the asker" instead.
    if thread.is_anonymous and flag.flagger_id == thread.author_id:
        return None
    return flag.flagger


def _ensure_reviewer(person) -> None:
    if not permissions.can_review_flags(person):
        raise NotFound("No such page.")


def review_queue(person, *, space: str = "", reason: str = "", page=1, per_page=None) -> Queue:
    """Posts with open flags in the spaces the person moderates (all, for administrators),
    most-flagged first, filtered by space slug and reason, with every open flag on each. A
    space the person does not moderate filters to nothing, like one that does not exist.
    The number of queries does not grow with the items."""
    _ensure_reviewer(person)
    space, reason = (space or "")[:80], (reason or "")[:30]
    flags = Flag.objects.open().reviewable_by(person)
    if space:
        flags = flags.filter(space__slug=space)
    if reason:
        flags = flags.filter(reason=reason)
    posts = (
        flags.values("thread_id", "reply_id")
        .annotate(flaggers=Count("flagger", distinct=True), latest=Max("created_at"))
        .order_by("-flaggers", "-latest", "thread_id", "reply_id")
    )
    result = paginate(posts, page, per_page)
    thread_ids = {row["thread_id"] for row in result.items}
    reply_ids = {row["reply_id"] for row in result.items if row["reply_id"]}
    threads = Thread.objects.select_related("space", "author").in_bulk(thread_ids)
    replies = Reply.objects.select_related("author").in_bulk(reply_ids)
    open_flags = defaultdict(list)
    for flag in (
        Flag.objects.open()
        .filter(Q(thread_id__in=thread_ids, reply__isnull=True) | Q(reply_id__in=reply_ids))
        .select_related("flagger")
        .order_by("created_at", "id")
    ):
        open_flags[(flag.thread_id, flag.reply_id)].append(flag)
    items = []
    for row in result.items:
        thread = threads[row["thread_id"]]
        post_flags = open_flags[(row["thread_id"], row["reply_id"])]
        for flag in post_flags:
            flag.shown_flagger = _shown_flagger(flag, thread)
        reply = replies.get(row["reply_id"]) if row["reply_id"] else None
        if reply is not None:
            reply.thread = thread  # its address needs it: no query per reply
        items.append(
            QueueItem(
                thread=thread,
                reply=reply,
                flags=post_flags,
                flagger_count=row["flaggers"],
            )
        )
    result.items = items
    return Queue(
        items=result,
        spaces=list(spaces_moderated_by(person).order_by("name").only("slug", "name")[:200]),
        reasons=Reason.choices,
        space=space,
        reason=reason,
    )


def open_flag_count(person) -> int | None:
    """How many posts await the person's review; None for people who review nothing."""
    if not permissions.can_review_flags(person):
        return None
    return (
        Flag.objects.open().reviewable_by(person).values("thread_id", "reply_id").distinct().count()
    )


@dataclass
class HiddenItem:
    thread: Thread
    reply: Reply | None

    @property
    def post(self):
        return self.reply if self.reply is not None else self.thread

    @property
    def shown_author(self):
        return self.reply.author if self.reply is not None else self.thread.shown_author


def hidden_posts(person, *, page=1, per_page=None) -> Page:
    """Hidden threads and replies in the spaces the person moderates, newest first, so a
    moderator can restore them."""
    _ensure_reviewer(person)
    spaces = spaces_moderated_by(person)
    hidden_threads = (
        Thread.objects.filter(space__in=spaces, is_hidden=True)
        .annotate(reply_pk=Value(None, output_field=IntegerField()))
        .values_list("pk", "reply_pk", "created_at")
        .order_by()
    )
    hidden_replies = (
        Reply.objects.filter(thread__space__in=spaces, is_hidden=True)
        .values_list("thread_id", "pk", "created_at")
        .order_by()
    )
    rows = hidden_threads.union(hidden_replies, all=True).order_by("-created_at")
    result = paginate(rows, page, per_page)
    threads = Thread.objects.select_related("space", "author").in_bulk(
        {thread_id for thread_id, _, _ in result.items}
    )
    replies = Reply.objects.select_related("author").in_bulk(
        {reply_id for _, reply_id, _ in result.items if reply_id}
    )
    items = []
    for thread_id, reply_id, _ in result.items:
        reply = replies.get(reply_id) if reply_id else None
        if reply is not None:
            reply.thread = threads[thread_id]
        items.append(HiddenItem(thread=threads[thread_id], reply=reply))
    result.items = items
    return result

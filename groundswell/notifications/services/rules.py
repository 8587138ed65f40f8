"""Who hears about an event: one rule per kind of event, each naming the candidates with the
kind of notification and the reason they get it. Visibility, the actor and the cap are checked
afterwards, in one place (`delivery`), for every rule alike."""

from dataclasses import dataclass, field

from django.conf import settings

from groundswell.activity.models import Event, Verb
from groundswell.insights.models import Insight, InsightUpdate
from groundswell.moderation.models import Flag
from groundswell.notifications.mentions import mentioned_usernames
from groundswell.notifications.models import KIND_PRIORITY, Kind
from groundswell.people.models import Person
from groundswell.spaces.models import Membership, Role, Space
from groundswell.threads.models import Follow, Reply, Thread


@dataclass
class Target:
    """What a notification is about: a thread (and one of its replies), a space, or a field
    insight (and the step of its timeline)."""

    thread: Thread | None = None
    reply: Reply | None = None
    space: Space | None = None
    insight: Insight | None = None
    insight_update: InsightUpdate | None = None


@dataclass
class Candidates:
    """People who may hear about an event, by id, each with the most specific kind that
    reached them and its reason."""

    entries: dict[int, tuple[str, str]] = field(default_factory=dict)

    def add(self, person_id: int | None, kind: str, reason: str) -> None:
        if person_id is None:
            return
        current = self.entries.get(person_id)
        if current is None or KIND_PRIORITY[kind] > KIND_PRIORITY[current[0]]:
            self.entries[person_id] = (kind, reason[:300])

    def ranked(self) -> list[tuple[int, str, str]]:
        """(person id, kind, reason): direct notifications first, then in the order found, so
        a capped fan-out drops followers before the people addressed."""
        items = [(pid, kind, reason) for pid, (kind, reason) in self.entries.items()]
        return [
            item
            for _, item in sorted(
                enumerate(items), key=lambda pair: (-KIND_PRIORITY[pair[1][1]], pair[0])
            )
        ]


MODERATING_ROLES = (Role.MODERATOR, Role.OWNER)


def _cap() -> int:
    return settings.GROUNDSWELL["MAX_NOTIFICATION_FANOUT"]


def _add_mentions(candidates: Candidates, text: str) -> None:
    names = mentioned_usernames(text)
    if not names:
        return
    mentioned = Person.objects.active().filter(username__in=names).values_list("pk", flat=True)
    for person_id in mentioned:
        candidates.add(person_id, Kind.MENTION, "You were mentioned by name.")


def _followers(**target) -> list:
    return list(
        Follow.objects.filter(**target)
        .order_by("created_at", "id")
        .values_list("follower_id", flat=True)[: _cap()]
    )


def reply_posted(event: Event) -> tuple[Target, Candidates] | None:
    """A reply or answer: the thread's author, people mentioned, the thread's followers."""
    reply = Reply.objects.select_related("thread", "thread__space").filter(pk=event.object_id)
    reply = reply.first()
    if reply is None:
        return None
    thread = reply.thread
    candidates = Candidates()
    if thread.is_question:
        candidates.add(thread.author_id, Kind.ANSWER, "You asked this question.")
    else:
        candidates.add(thread.author_id, Kind.REPLY, "You started this thread.")
    _add_mentions(candidates, reply.body)
    for follower_id in _followers(thread=thread):
        candidates.add(follower_id, Kind.FOLLOWED_REPLY, "You follow this thread.")
    return Target(thread=thread, reply=reply, space=thread.space), candidates


def thread_started(event: Event) -> tuple[Target, Candidates] | None:
    """A new question or discussion: people mentioned, and the followers of its author, its
    space and its topics."""
    thread = Thread.objects.select_related("space", "author").filter(pk=event.object_id).first()
    if thread is None:
        return None
    candidates = Candidates()
    _add_mentions(candidates, f"{thread.title}\n\n{thread.body}")
    # An anonymous question reaches no one through its asker: that would name them.
    author_followers = [] if thread.is_anonymous else _followers(person_id=thread.author_id)
    for follower_id in author_followers:
        candidates.add(follower_id, Kind.NEW_THREAD, f"You follow {thread.author.name}.")
    for follower_id in _followers(space=thread.space):
        candidates.add(follower_id, Kind.NEW_THREAD, f"You follow the space {thread.space.name}.")
    topic_follows = (
        Follow.objects.filter(topic_id__in=event.topic_ids)
        .order_by("created_at", "id")
        .values_list("follower_id", "topic__name")[: _cap()]
    )
    for follower_id, topic_name in topic_follows:
        candidates.add(follower_id, Kind.NEW_THREAD, f"You follow the topic {topic_name}.")
    return Target(thread=thread, space=thread.space), candidates


def answer_accepted(event: Event) -> tuple[Target, Candidates] | None:
    """An accepted answer: its author."""
    reply = Reply.objects.select_related("thread", "thread__space").filter(pk=event.object_id)
    reply = reply.first()
    if reply is None:
        return None
    candidates = Candidates()
    candidates.add(reply.author_id, Kind.ACCEPTED, "You answered this question.")
    return Target(thread=reply.thread, reply=reply, space=reply.thread.space), candidates


def member_invited(event: Event) -> tuple[Target, Candidates] | None:
    """Someone added to a space: the invitee."""
    if event.space is None:
        return None
    candidates = Candidates()
    candidates.add(event.subject_id, Kind.INVITED, "You are now a member of this space.")
    return Target(space=event.space), candidates


def _insight(event: Event) -> Insight | None:
    return Insight.objects.select_related("reporter").filter(pk=event.object_id).first()


def insight_reported(event: Event) -> tuple[Target, Candidates] | None:
    """A new field insight: the managers and unit leaders it was routed to (and no one else,
    so a confidential one reaches only them)."""
    insight = _insight(event)
    if insight is None:
        return None
    candidates = Candidates()
    reason = f"You are on {insight.reporter.name}'s reporting line or lead their unit."
    for manager_id in insight.routed_managers.order_by("pk").values_list("pk", flat=True):
        candidates.add(manager_id, Kind.INSIGHT_ROUTED, reason)
    return Target(insight=insight), candidates


def insight_updated(event: Event) -> tuple[Target, Candidates] | None:
    """A status change or a management response: the reporter, with the message."""
    insight = _insight(event)
    if insight is None:
        return None
    update = InsightUpdate.objects.filter(pk=event.data.get("update"), insight=insight).first()
    candidates = Candidates()
    candidates.add(insight.reporter_id, Kind.INSIGHT_UPDATE, "You reported this insight.")
    return Target(insight=insight, insight_update=update), candidates


def insight_assigned(event: Event) -> tuple[Target, Candidates] | None:
    """An insight assigned to someone: the assignee (nobody when it was unassigned)."""
    insight = _insight(event)
    if insight is None or event.subject_id is None:
        return None
    candidates = Candidates()
    candidates.add(event.subject_id, Kind.INSIGHT_ASSIGNED, "It was assigned to you.")
    return Target(insight=insight), candidates


def _moderated_post(event: Event) -> tuple[Thread, Reply | None] | None:
    """The thread, and reply, a moderation Event is about, hidden or not."""
    thread = Thread.objects.select_related("space").filter(pk=event.thread_id).first()
    if thread is None:
        return None
    if event.object_type != Reply._meta.label_lower:
        return thread, None
    reply = Reply.objects.filter(pk=event.object_id, thread=thread).first()
    if reply is None:
        return None
    reply.thread = thread
    return thread, reply


def _add_space_moderators(candidates, thread, reply, kind: str) -> None:
    """The moderators and owners of the post's space, by membership: administrators who do not
    moderate it are not told (every flag of the organisation would reach them; they have the
    review queue). Never the post's author, nor anyone who flagged it."""
    author_id = reply.author_id if reply is not None else thread.author_id
    flaggers = Flag.objects.open().of_post(thread=thread, reply=reply).values("flagger_id")
    moderators = (
        Membership.objects.filter(space_id=thread.space_id, role__in=MODERATING_ROLES)
        .exclude(person_id=author_id)
        .exclude(person_id__in=flaggers)
        .order_by("joined_at", "pk")
        .values_list("person_id", flat=True)[: _cap()]
    )
    for person_id in moderators:
        candidates.add(person_id, kind, f"You moderate {thread.space.name}.")


def post_flagged(event: Event) -> tuple[Target, Candidates] | None:
    """The first open flag on a post: the space's moderators (later flags join the same item
    of the review queue, which they already know about)."""
    found = _moderated_post(event)
    if found is None:
        return None
    thread, reply = found
    first = (
        Flag.objects.open()
        .of_post(thread=thread, reply=reply)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    if first is None or first != event.data.get("flag_id"):
        return None
    candidates = Candidates()
    _add_space_moderators(candidates, thread, reply, Kind.POST_FLAGGED)
    return Target(thread=thread, reply=reply, space=thread.space), candidates


def _author_reason(thread: Thread, reply: Reply | None) -> str:
    return "You wrote this reply." if reply is not None else "You started this thread."


def post_hidden(event: Event) -> tuple[Target, Candidates] | None:
    """A post hidden by a moderator, or by enough flags: its author; when flags hid it, the
    space's moderators too (it awaits their review)."""
    found = _moderated_post(event)
    if found is None:
        return None
    thread, reply = found
    candidates = Candidates()
    author_id = reply.author_id if reply is not None else thread.author_id
    candidates.add(author_id, Kind.POST_HIDDEN, _author_reason(thread, reply))
    if event.data.get("automatic"):
        _add_space_moderators(candidates, thread, reply, Kind.POST_AUTO_HIDDEN)
    return Target(thread=thread, reply=reply, space=thread.space), candidates


def post_restored(event: Event) -> tuple[Target, Candidates] | None:
    """A hidden post shown again: its author."""
    found = _moderated_post(event)
    if found is None:
        return None
    thread, reply = found
    candidates = Candidates()
    author_id = reply.author_id if reply is not None else thread.author_id
    candidates.add(author_id, Kind.POST_RESTORED, _author_reason(thread, reply))
    return Target(thread=thread, reply=reply, space=thread.space), candidates


RULES = {
    Verb.REPLIED: reply_posted,
    Verb.ANSWERED: reply_posted,
    Verb.ASKED: thread_started,
    Verb.POSTED: thread_started,
    Verb.ACCEPTED: answer_accepted,
    Verb.INVITED: member_invited,
    Verb.REPORTED_INSIGHT: insight_reported,
    Verb.INSIGHT_STATUS: insight_updated,
    Verb.RESPONDED_INSIGHT: insight_updated,
    Verb.ASSIGNED_INSIGHT: insight_assigned,
    Verb.FLAGGED: post_flagged,
    Verb.HID: post_hidden,
    Verb.UNHID: post_restored,
}

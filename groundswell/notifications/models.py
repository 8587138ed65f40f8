"""Notifications derived from the activity log, people's email preferences, and the digests
sent to them. Every read goes through `Notification.objects.visible_to(person)`: a notification
about something the person can no longer see is not shown, counted or emailed."""

from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from groundswell.insights.models import Insight, Status
from groundswell.moderation.models import Reason, spaces_moderated_by
from groundswell.spaces.models import Space
from groundswell.threads.models import Thread, ThreadKind


class Kind(models.TextChoices):
    ANSWER = "answer", "Answer to your question"
    REPLY = "reply", "Reply to your thread"
    ACCEPTED = "accepted", "Your answer was accepted"
    MENTION = "mention", "You were mentioned"
    INVITED = "invited", "You were added to a space"
    ROUTED = "routed", "A question you may be able to answer"
    FOLLOWED_REPLY = "followed_reply", "Reply in a thread you follow"
    NEW_THREAD = "new_thread", "New thread you follow"
    # Field insights: the closed loop with the reporter, and routing up the reporting line.
    INSIGHT_UPDATE = "insight_update", "Your insight was updated"
    INSIGHT_ROUTED = "insight_routed", "A field insight from your team"
    INSIGHT_ASSIGNED = "insight_assigned", "A field insight was assigned to you"
    # Moderation: flags reach the space's moderators; their decisions reach the post's author.
    POST_FLAGGED = "post_flagged", "A post in a space you moderate was flagged"
    POST_AUTO_HIDDEN = "post_auto_hidden", "A flagged post was hidden until reviewed"
    POST_HIDDEN = "post_hidden", "Your post was hidden by moderators"
    POST_RESTORED = "post_restored", "Your post was restored"


# Addressed to the person themselves: emailed at once to people who chose "immediately".
DIRECT_KINDS = frozenset(
    {
        Kind.ANSWER,
        Kind.REPLY,
        Kind.ACCEPTED,
        Kind.MENTION,
        Kind.INVITED,
        Kind.ROUTED,
        Kind.INSIGHT_UPDATE,
        Kind.INSIGHT_ROUTED,
        Kind.INSIGHT_ASSIGNED,
        Kind.POST_HIDDEN,
        Kind.POST_RESTORED,
    }
)
# For the moderators of the post's space (membership, not administration): shown while the
# person moderates the space, whether or not the post is hidden meanwhile. Not emailed at
# once (the Moderation link counts the queue); they reach people who chose a digest.
REVIEW_KINDS = frozenset({Kind.POST_FLAGGED, Kind.POST_AUTO_HIDDEN})
# For the author of a post moderators hid or restored: shown to them even while the post is
# hidden from everyone else, never to anyone else.
OWN_POST_KINDS = frozenset({Kind.POST_HIDDEN, Kind.POST_RESTORED})
# Nobody is named in these: not the flaggers (to the author or anyone), not the moderator.
MODERATION_KINDS = REVIEW_KINDS | OWN_POST_KINDS
# One notification per person and event: when several rules reach the same person, the most
# specific one wins (an expert who also follows the space hears "routed to you").
KIND_PRIORITY = {
    Kind.ROUTED: 50,
    Kind.ANSWER: 40,
    Kind.REPLY: 40,
    Kind.ACCEPTED: 40,
    Kind.INVITED: 40,
    Kind.MENTION: 30,
    Kind.FOLLOWED_REPLY: 10,
    Kind.NEW_THREAD: 10,
    Kind.INSIGHT_ASSIGNED: 45,
    Kind.INSIGHT_UPDATE: 40,
    Kind.INSIGHT_ROUTED: 40,
    Kind.POST_HIDDEN: 45,
    Kind.POST_RESTORED: 45,
    Kind.POST_AUTO_HIDDEN: 25,
    Kind.POST_FLAGGED: 20,
}
# How long the title of an insight notification (an excerpt of its text) may be.
INSIGHT_TITLE_LENGTH = 80


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, person):
        """The person's own notifications about threads, replies, spaces and field insights
        they can still see. Access does not outlive a removal from a space (or a change of
        routing): the same rows disappear from the list, the unread count and the emails."""
        if person is None or not person.is_authenticated or not person.is_active:
            return self.none()
        visible_space = Q(space__isnull=True) | Q(space__in=Space.objects.visible_to(person))
        about_visible = (
            Q(thread__isnull=True) | Q(thread__in=Thread.objects.visible_to(person)),
            Q(reply__isnull=True) | Q(reply__is_hidden=False),
            visible_space,
            # Per notification row, not "every insight the person may see" (which, for someone
            # in a busy depot, is a long list to build for each unread-count poll).
            Q(insight__isnull=True)
            | Exists(Insight.objects.visible_to(person).filter(pk=OuterRef("insight_id"))),
        )
        return self.filter(recipient=person).filter(
            Q(~Q(kind__in=MODERATION_KINDS), *about_visible)
            | Q(kind__in=REVIEW_KINDS, space__in=spaces_moderated_by(person))
            | Q(Q(kind__in=OWN_POST_KINDS) & visible_space & _own_post(person))
        )

    def unread(self):
        return self.filter(read_at__isnull=True)

    def with_list_data(self):
        """Everything a notification row shows, in the same query."""
        return self.select_related(
            "actor",
            "thread",
            "thread__space",
            "reply",
            "space",
            "insight",
            "insight_update",
            "event",
        )


def _own_post(person) -> Q:
    """The notification's post is the person's own, hidden or not, on a thread they can still
    open (their own hidden thread shows them the hidden-post notice)."""
    own_reply = Q(reply__author=person) & (
        Q(thread__in=Thread.objects.visible_to(person)) | Q(thread__author=person)
    )
    return Q(reply__isnull=True, thread__author=person) | Q(reply__isnull=False) & own_reply


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # The activity Event this was derived from: (recipient, event) is unique, so delivering
    # an event twice never notifies anyone twice.
    event = models.ForeignKey("activity.Event", on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reply = models.ForeignKey(
        "threads.Reply", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    space = models.ForeignKey(
        Space, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    insight = models.ForeignKey(
        Insight, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The step of the insight's timeline (status change and/or message) this one tells about:
    # its message is shown from there, never copied.
    insight_update = models.ForeignKey(
        "insights.InsightUpdate",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Why the person hears about it: "You follow hazmat", "You answered 12 questions on…".
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when an immediate email is claimed for sending (and cleared if sending fails), so a
    # task that runs twice sends one email.
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event"], name="one_notification_per_event"
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(fields=["recipient", "read_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id} (event {self.event_id})"

    def get_absolute_url(self) -> str:
        """Opening a notification marks it read, then goes to what it is about."""
        return reverse("notifications:open", args=[self.pk])

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def target_url(self) -> str:
        if self.kind in REVIEW_KINDS and self.space_id is not None:
            return f"{reverse('moderation:queue')}?{urlencode({'space': self.space.slug})}"
        if self.kind in OWN_POST_KINDS and self.reply_id is not None and self.reply.is_hidden:
            # The thread page tells its author about their hidden replies there.
            return f"{reverse('threads:detail', args=[self.thread_id])}#my-hidden-replies"
        if self.insight_id is not None:
            return reverse("insights:detail", args=[self.insight_id])
        if self.reply_id is not None:
            return f"{reverse('threads:detail', args=[self.thread_id])}#reply-{self.reply_id}"
        if self.thread_id is not None:
            return reverse("threads:detail", args=[self.thread_id])
        if self.space_id is not None:
            return self.space.get_absolute_url()
        return reverse("notifications:list")

    @property
    def title(self) -> str:
        """What the notification is about: the thread's title, the space's name or the start
        of the insight's text."""
        if self.insight_id is not None:
            return _excerpt(self.insight.text, INSIGHT_TITLE_LENGTH)
        if self.thread_id is not None:
            return self.thread.title
        if self.space_id is not None:
            return self.space.name
        return ""

    @property
    def summary(self) -> str:
        """One line, e.g. "Dana Driver answered your question" (escaped where it is shown)."""
        if self.kind in MODERATION_KINDS:
            return self._moderation_summary()
        who = self.actor.name if self.actor_id is not None else "Someone"
        if self.kind == Kind.NEW_THREAD:
            asked = self.thread_id is not None and self.thread.kind == ThreadKind.QUESTION
            where = f" in {self.thread.space.name}" if self.thread_id is not None else ""
            return f"{who} {'asked a question' if asked else 'posted'}{where}"
        if self.kind == Kind.INVITED:
            return f"{who} added you to {self.space.name if self.space_id else 'a space'}"
        if self.kind == Kind.INSIGHT_UPDATE:
            update = self.insight_update
            if update is not None and update.to_status:
                known = update.to_status in Status.values
                label = Status(update.to_status).label.lower() if known else update.to_status
                return f"{who} marked your insight {label}"
            return f"{who} responded to your insight"
        return f"{who} {_PHRASES[self.kind]}"

    def _moderation_summary(self) -> str:
        # Never names anyone: not who flagged, not which moderator, not an anonymous asker.
        space = self.space.name if self.space_id is not None else "a space"
        if self.kind == Kind.POST_FLAGGED:
            return f"A post in {space} was flagged for review"
        if self.kind == Kind.POST_AUTO_HIDDEN:
            return f"A post in {space} was hidden after several flags and awaits review"
        post = "reply" if self.reply_id is not None else "thread"
        if self.kind == Kind.POST_RESTORED:
            return f"Your {post} was restored by moderators"
        data = self.event.data if self.event_id is not None else {}
        if data.get("automatic"):
            return f"Your {post} was hidden after several flags until moderators review it"
        reason = data.get("reason", "")
        because = f" ({Reason(reason).label.lower()})" if reason in Reason.values else ""
        return f"Your {post} was hidden by moderators{because}"

    @property
    def message(self) -> str:
        """The manager's message to the reporter that came with an insight update ("")."""
        return self.insight_update.message if self.insight_update_id is not None else ""


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_PHRASES = {
    Kind.ANSWER: "answered your question",
    Kind.REPLY: "replied to your thread",
    Kind.ACCEPTED: "accepted your answer",
    Kind.MENTION: "mentioned you",
    Kind.ROUTED: "asked a question you may be able to answer",
    Kind.FOLLOWED_REPLY: "replied in a thread you follow",
    Kind.INSIGHT_ROUTED: "reported a field insight",
    Kind.INSIGHT_ASSIGNED: "assigned a field insight to you",
}


class EmailFrequency(models.TextChoices):
    IMMEDIATELY = (
        "immediately",
        "Right away, for what is addressed to me: answers and replies to my threads, my "
        "accepted answers, mentions, invitations, questions routed to me, news of field "
        "insights (mine, routed or assigned to me) and my posts hidden or restored by "
        "moderators",
    )
    DAILY = "daily", "A daily digest of everything new"
    WEEKLY = "weekly", "A weekly digest of everything new"
    NEVER = "never", "Never: I check Groundswell myself"


class NotificationPreference(models.Model):
    """How a person wants to hear by email. No row means the default (immediately)."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.CharField(
        max_length=12, choices=EmailFrequency.choices, default=EmailFrequency.IMMEDIATELY
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.person_id}: email {self.email}"


class DigestPeriod(models.TextChoices):
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"


class Digest(models.Model):
    """One digest email per person and period (a day, an ISO week): claimed before sending,
    so running `send_digests` twice sends it once. It covers the notifications created after
    the person's previous digest, so a missed day is caught up, never sent twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    period = models.CharField(max_length=10, choices=DigestPeriod.choices)
    period_key = models.CharField(max_length=10)  # "2025-01-31" or "2025-W05"
    covered_from = models.DateTimeField()
    covered_until = models.DateTimeField()
    notification_count = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-covered_until"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "period", "period_key"], name="one_digest_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} digest {self.period_key} for {self.recipient_id}"

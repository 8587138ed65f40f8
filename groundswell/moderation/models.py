"""Flags: a member tells the space's moderators that a post needs their attention.

A flag names a thread, or a reply (with its thread), and stays open until a moderator resolves
it by hiding the post or dismissing the flags. Hiding itself lives on the posts
(`Thread.is_hidden`, `Reply.is_hidden`), so every `visible_to` already keeps hidden posts out.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from groundswell.spaces.models import Role, Space, sees_everything

MAX_DETAIL_LENGTH = 500
MAX_NOTE_LENGTH = 500


class Reason(models.TextChoices):
    SPAM = "spam", "Spam or advertising"
    OFFENSIVE = "offensive", "Offensive or abusive"
    OFF_TOPIC = "off_topic", "Off-topic"
    PRIVATE_INFORMATION = "private_information", "Private information"
    OTHER = "other", "Something else"


class Resolution(models.TextChoices):
    HIDDEN = "hidden", "Post hidden"
    DISMISSED = "dismissed", "Flags dismissed"


def spaces_moderated_by(person):
    """Spaces whose flags the person reviews: all of them for administrators, otherwise those
    where they are a moderator or owner."""
    if person is None or not person.is_authenticated or not person.is_active:
        return Space.objects.none()
    if sees_everything(person):
        return Space.objects.all()
    return Space.objects.filter(
        memberships__person=person, memberships__role__in=[Role.MODERATOR, Role.OWNER]
    )


class FlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def reviewable_by(self, person):
        """Flags on posts in the spaces the person moderates (all, for administrators)."""
        return self.filter(space__in=spaces_moderated_by(person))

    def of_post(self, *, thread, reply=None):
        if reply is not None:
            return self.filter(reply=reply)
        return self.filter(thread=thread, reply__isnull=True)


class Flag(models.Model):
    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # The post's space and thread, set for a reply's flag too: the queue filters by space.
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey("threads.Thread", on_delete=models.CASCADE, related_name="flags")
    reply = models.ForeignKey(
        "threads.Reply", null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    detail = models.CharField(max_length=MAX_DETAIL_LENGTH, blank=True)
    created_at = models.DateTimeField(db_index=True)
    # This flag reached the threshold and hid the post: dismissing the flags restores it.
    hid_post = models.BooleanField(default=False)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolution = models.CharField(max_length=12, choices=Resolution.choices, blank=True)
    note = models.CharField(max_length=MAX_NOTE_LENGTH, blank=True)

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["space", "resolved_at"]),
            models.Index(fields=["thread", "reply", "resolved_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["flagger", "thread"],
                condition=Q(reply__isnull=True, resolved_at__isnull=True),
                name="one_open_flag_per_thread",
            ),
            models.UniqueConstraint(
                fields=["flagger", "reply"],
                condition=Q(reply__isnull=False, resolved_at__isnull=True),
                name="one_open_flag_per_reply",
            ),
        ]

    def __str__(self) -> str:
        target = f"reply {self.reply_id}" if self.reply_id else f"thread {self.thread_id}"
        return f"{self.flagger_id} flagged {target} ({self.reason})"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

"""The activity log: one Event per user action, written in the action's own transaction.

Analytics, expertise, notifications and xAPI are derived from these rows and can be rebuilt.
"""

from django.conf import settings
from django.db import models


class Verb(models.TextChoices):
    JOINED = "joined", "joined a space"
    LEFT = "left", "left a space"
    INVITED = "invited", "invited someone to a space"
    ROLE_CHANGED = "role_changed", "changed a member's role"
    CREATED_SPACE = "created_space", "created a space"
    POSTED = "posted", "started a discussion"
    ASKED = "asked", "asked a question"
    REPLIED = "replied", "replied"
    ANSWERED = "answered", "answered a question"
    EDITED = "edited", "edited"
    ACCEPTED = "accepted", "accepted an answer"
    UNACCEPTED = "unaccepted", "withdrew an accepted answer"
    VOTED = "voted", "voted"
    UNVOTED = "unvoted", "withdrew a vote"
    FOLLOWED = "followed", "followed"
    UNFOLLOWED = "unfollowed", "stopped following"
    BOOKMARKED = "bookmarked", "bookmarked"
    CREATED_TOPIC = "created_topic", "created a topic"
    IMPORTED_PEOPLE = "imported_people", "imported people"
    CREATED_TOKEN = "created_token", "created an API token"
    REVOKED_TOKEN = "revoked_token", "revoked an API token"


class Event(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="events"
    )
    verb = models.CharField(max_length=30, choices=Verb.choices)
    # What the action was done to, as "<app>.<model>" and its id, so any object can be named.
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.BigIntegerField(null=True, blank=True)
    space = models.ForeignKey(
        "spaces.Space", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    thread = models.ForeignKey(
        "threads.Thread", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The other person involved (whose answer was accepted, who was invited or followed).
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic_ids = models.JSONField(default=list, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["actor", "-created_at"]),
            models.Index(fields=["verb", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.verb} {self.object_type}:{self.object_id}"

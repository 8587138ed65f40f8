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
    ENDORSED = "endorsed", "endorsed a colleague on a topic"
    UNENDORSED = "unendorsed", "withdrew an endorsement"
    # Field insights (data carries {"from": status, "to": status} on status changes).
    REPORTED_INSIGHT = "reported_insight", "reported a field insight"
    INSIGHT_STATUS = "insight_status", "changed an insight's status"
    ASSIGNED_INSIGHT = "assigned_insight", "assigned an insight"
    RESPONDED_INSIGHT = "responded_insight", "responded to a field insight"
    ATTACHED_INSIGHT_PHOTO = "attached_insight_photo", "added a photo to a field insight"
    CORROBORATED = "corroborated", "corroborated an insight"
    MERGED_INSIGHT = "merged_insight", "merged duplicate insights"
    # Formal learning, wiki and articles.
    CREATED_COURSE = "created_course", "created a course"
    IMPORTED_COURSES = "imported_courses", "imported courses"
    ENROLLED = "enrolled", "enrolled in a course or cohort"
    CREATED_WIKI = "created_wiki", "created a wiki page"
    EDITED_WIKI = "edited_wiki", "edited a wiki page"
    REVERTED_WIKI = "reverted_wiki", "reverted a wiki page"
    PUBLISHED_ARTICLE = "published_article", "published an article"
    COMMENTED = "commented", "commented"
    MARKED_HELPFUL = "marked_helpful", "marked something helpful"
    # Conversations with leadership.
    SCHEDULED_AMA = "scheduled_ama", "scheduled an ask-me-anything session"
    REGISTERED_AMA = "registered_ama", "signed up for an ask-me-anything session"
    ATTENDED_AMA = "attended_ama", "attended an ask-me-anything session"
    # Administration.
    VIEWED_DRILLDOWN = "viewed_drilldown", "viewed individual-level analytics"
    # Moderation (the audit log lists these).
    FLAGGED = "flagged", "flagged a post for moderators"
    RESOLVED_FLAG = "resolved_flag", "resolved a flag"
    HID = "hid", "hid a post"
    UNHID = "unhid", "restored a hidden post"
    LOCKED = "locked", "locked a thread"
    UNLOCKED = "unlocked", "unlocked a thread"
    HID_REVISION = "hid_revision", "hid a revision"
    # Accounts.
    SIGNED_IN_SSO = "signed_in_sso", "signed in through single sign-on"
    DEACTIVATED = "deactivated", "deactivated an account"
    # Operations.
    RETRIED_TASK = "retried_task", "retried a failed background task"


class Event(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="events"
    )
    # No `choices` on the column: every app adds verbs, and a choices change would mean a
    # migration of this table each time. `event_record` accepts only members of `Verb`.
    verb = models.CharField(max_length=30)
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

"""Threads and replies, and what people do with them: vote, accept, follow, bookmark."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from groundswell.spaces.models import Space


class ThreadKind(models.TextChoices):
    DISCUSSION = "discussion", "Discussion"
    QUESTION = "question", "Question"
    INSIGHT = "insight", "Field insight"
    ARTICLE = "article", "Article"
    WIKI = "wiki", "Wiki page"


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, person):
        """Threads in spaces the person may see (the space policy decides), not hidden, and
        not someone else's unpublished draft."""
        threads = self.filter(space__in=Space.objects.visible_to(person), is_hidden=False)
        if person is None or not person.is_authenticated:
            return threads.none()
        return threads.filter(Q(is_draft=False) | Q(author=person))

    def with_list_data(self):
        """Everything a thread list row shows, in the same query."""
        return self.select_related("author", "space").prefetch_related("topics")


class Thread(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="threads")
    kind = models.CharField(
        max_length=12, choices=ThreadKind.choices, default=ThreadKind.DISCUSSION
    )
    title = models.CharField(max_length=200)
    body = models.TextField(max_length=50_000)
    body_html = models.TextField(editable=False, default="")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="threads"
    )
    topics = models.ManyToManyField("topics.Topic", blank=True, related_name="threads")
    accepted_reply = models.OneToOneField(
        "Reply", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField()
    last_activity_at = models.DateTimeField(db_index=True)
    # Denormalised counters, kept by the services so lists never count rows.
    reply_count = models.PositiveIntegerField(default=0)
    score = models.IntegerField(default=0)
    is_locked = models.BooleanField(default=False)
    is_hidden = models.BooleanField(default=False)
    # An article not yet published: only its author sees it.
    is_draft = models.BooleanField(default=False)
    # Asked anonymously (ask-leadership): `author` is kept for administrators' moderation only
    # and must never be shown; every output goes through `shown_author`.
    is_anonymous = models.BooleanField(default=False)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at"]
        indexes = [
            models.Index(fields=["space", "-last_activity_at"]),
            models.Index(fields=["author", "-created_at"]),
            models.Index(fields=["kind", "-created_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("threads:detail", args=[self.pk])

    @property
    def shown_author(self):
        """The author as everyone may see them: None for an anonymous question. Every page,
        partial, API schema, notification and list uses this, never `author`."""
        return None if self.is_anonymous else self.author

    @property
    def is_question(self) -> bool:
        return self.kind == ThreadKind.QUESTION

    @property
    def is_answered(self) -> bool:
        return self.reply_count > 0


class ReplyQuerySet(models.QuerySet):
    def visible_to(self, person):
        return self.filter(thread__in=Thread.objects.visible_to(person), is_hidden=False)


class Reply(models.Model):
    """A reply to a thread; on a question, an answer."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="replies"
    )
    body = models.TextField(max_length=50_000)
    body_html = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField()
    score = models.IntegerField(default=0)
    is_hidden = models.BooleanField(default=False)

    objects = ReplyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["thread", "created_at"])]
        verbose_name_plural = "replies"

    def __str__(self) -> str:
        return f"Reply {self.pk} on {self.thread_id}"

    def get_absolute_url(self) -> str:
        return f"{self.thread.get_absolute_url()}#reply-{self.pk}"


class Vote(models.Model):
    """+1 or -1 on a thread or a reply, one per person and target."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="votes"
    )
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="votes"
    )
    value = models.SmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(thread__isnull=False, reply__isnull=True)
                    | Q(thread__isnull=True, reply__isnull=False)
                ),
                name="vote_has_one_target",
            ),
            models.CheckConstraint(
                condition=Q(value__in=[-1, 1]), name="vote_is_plus_or_minus_one"
            ),
            models.UniqueConstraint(
                fields=["person", "thread"],
                condition=Q(thread__isnull=False),
                name="one_vote_per_thread",
            ),
            models.UniqueConstraint(
                fields=["person", "reply"],
                condition=Q(reply__isnull=False),
                name="one_vote_per_reply",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} voted {self.value:+d}"


class FollowTarget(models.TextChoices):
    THREAD = "thread", "Thread"
    SPACE = "space", "Space"
    TOPIC = "topic", "Topic"
    PERSON = "person", "Person"


class Follow(models.Model):
    """A person follows exactly one thread, space, topic or person."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    space = models.ForeignKey(
        Space, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(
        "topics.Topic", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        thread__isnull=False,
                        space__isnull=True,
                        topic__isnull=True,
                        person__isnull=True,
                    )
                    | Q(
                        thread__isnull=True,
                        space__isnull=False,
                        topic__isnull=True,
                        person__isnull=True,
                    )
                    | Q(
                        thread__isnull=True,
                        space__isnull=True,
                        topic__isnull=False,
                        person__isnull=True,
                    )
                    | Q(
                        thread__isnull=True,
                        space__isnull=True,
                        topic__isnull=True,
                        person__isnull=False,
                    )
                ),
                name="follow_has_one_target",
            ),
            models.UniqueConstraint(
                fields=["follower", "thread"],
                condition=Q(thread__isnull=False),
                name="one_follow_per_thread",
            ),
            models.UniqueConstraint(
                fields=["follower", "space"],
                condition=Q(space__isnull=False),
                name="one_follow_per_space",
            ),
            models.UniqueConstraint(
                fields=["follower", "topic"],
                condition=Q(topic__isnull=False),
                name="one_follow_per_topic",
            ),
            models.UniqueConstraint(
                fields=["follower", "person"],
                condition=Q(person__isnull=False),
                name="one_follow_per_person",
            ),
        ]

    def __str__(self) -> str:
        target = self.thread_id or self.space_id or self.topic_id or self.person_id
        return f"{self.follower_id} follows {target}"


class Bookmark(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "thread"], name="one_bookmark_per_thread")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} bookmarked {self.thread_id}"


class Revision(models.Model):
    """Every saved version of a thread's or reply's text, the first included: edit history."""

    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(max_length=50_000)
    message = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()
    # Hidden by a moderator (a password, personal data): its text, title and message are never
    # shown again, nor compared, nor reverted to. Only the current revision cannot be hidden.
    is_hidden = models.BooleanField(default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(thread__isnull=False, reply__isnull=True)
                    | Q(thread__isnull=True, reply__isnull=False)
                ),
                name="revision_has_one_target",
            ),
        ]

    def __str__(self) -> str:
        return f"Revision {self.pk} by {self.editor_id}"

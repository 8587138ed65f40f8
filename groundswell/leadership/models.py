"""Ask-me-anything sessions. Leadership questions themselves are ordinary question threads in
a leadership space (spaces.SpaceKind.LEADERSHIP); an AMA collects such threads in advance."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class AmaStatus(models.TextChoices):
    UPCOMING = "upcoming", "Upcoming"
    LIVE = "live", "Live"
    ARCHIVED = "archived", "Archive"


class AmaSessionQuerySet(models.QuerySet):
    def visible_to(self, person):
        """Sessions in spaces the person may see: the space policy decides."""
        from groundswell.spaces.models import Space

        return self.filter(space__in=Space.objects.visible_to(person))


class AmaSession(models.Model):
    space = models.ForeignKey("spaces.Space", on_delete=models.CASCADE, related_name="ama_sessions")
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=5000, blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    hosts = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="ama_sessions_hosted")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = AmaSessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("leadership:ama_detail", args=[self.pk])

    def status_at(self, now) -> str:
        if now < self.starts_at:
            return AmaStatus.UPCOMING
        if now < self.ends_at:
            return AmaStatus.LIVE
        return AmaStatus.ARCHIVED

    @property
    def status(self) -> str:
        """Derived from the clock, never stored: a session cannot be stuck "live"."""
        return self.status_at(timezone.now())

    @property
    def status_label(self) -> str:
        return AmaStatus(self.status).label


class AmaQuestion(models.Model):
    """A question thread asked for a session (in the session's space)."""

    session = models.ForeignKey(AmaSession, on_delete=models.CASCADE, related_name="questions")
    thread = models.OneToOneField(
        "threads.Thread", on_delete=models.CASCADE, related_name="ama_question"
    )

    def __str__(self) -> str:
        return f"{self.session_id}: {self.thread_id}"


class AmaRegistration(models.Model):
    """Someone who signed up to attend; `reminded_at` makes the reminder go out once."""

    session = models.ForeignKey(AmaSession, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ama_registrations"
    )
    created_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)
    attended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="ama_registration_once")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.session_id}"

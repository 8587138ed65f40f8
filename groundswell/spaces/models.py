"""Spaces, their members, and the one visibility policy every read goes through."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse


class SpaceKind(models.TextChoices):
    COMMUNITY = "community", "Community"
    COURSE = "course", "Course"
    COHORT = "cohort", "Cohort"
    LEADERSHIP = "leadership", "Ask leadership"


class Visibility(models.TextChoices):
    OPEN = "open", "Open: anyone in the organisation can read and join"
    PRIVATE = "private", "Private: members only"


class Role(models.TextChoices):
    MEMBER = "member", "Member"
    MODERATOR = "moderator", "Moderator"
    OWNER = "owner", "Owner"


def sees_everything(person) -> bool:
    """Administrators see every space (moderation, compliance); nobody else does."""
    return bool(person and person.is_authenticated and person.is_active and person.is_superuser)


class SpaceQuerySet(models.QuerySet):
    def visible_to(self, person):
        """THE visibility policy: open spaces, plus private spaces the person belongs to.

        Anonymous and deactivated people see nothing: Groundswell is an organisation's
        private network.
        """
        if person is None or not person.is_authenticated or not person.is_active:
            return self.none()
        if sees_everything(person):
            return self
        member = Membership.objects.filter(space=OuterRef("pk"), person=person)
        return self.filter(Q(visibility=Visibility.OPEN) | Q(Exists(member)))

    def joined_by(self, person):
        return self.filter(memberships__person=person)


class Space(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(max_length=2000, blank=True)
    kind = models.CharField(max_length=20, choices=SpaceKind.choices, default=SpaceKind.COMMUNITY)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.OPEN
    )
    org_unit = models.ForeignKey(
        "people.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="spaces"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    member_count = models.PositiveIntegerField(default=0)
    thread_count = models.PositiveIntegerField(default=0)

    objects = SpaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("spaces:detail", args=[self.slug])

    @property
    def is_private(self) -> bool:
        return self.visibility == Visibility.PRIVATE


class Membership(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["space", "person"], name="one_membership_per_space")
        ]
        indexes = [models.Index(fields=["person", "space"])]

    def __str__(self) -> str:
        return f"{self.person} in {self.space} ({self.role})"

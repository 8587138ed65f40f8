"""Field insights: what the front line sees, routed up the reporting line, with a closed loop.

Visibility is ONE policy, `Insight.objects.visible_to(person)`; every read goes through it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from groundswell.spaces.models import sees_everything


class Status(models.TextChoices):
    NEW = "new", "New"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    IN_PROGRESS = "in_progress", "In progress"
    ACTIONED = "actioned", "Actioned"
    DECLINED = "declined", "Declined"


# The whole workflow in one table: status -> statuses it may move to.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.DECLINED}),
    Status.ACKNOWLEDGED: frozenset({Status.IN_PROGRESS, Status.ACTIONED, Status.DECLINED}),
    Status.IN_PROGRESS: frozenset({Status.ACTIONED, Status.DECLINED}),
    Status.ACTIONED: frozenset(),
    Status.DECLINED: frozenset({Status.ACKNOWLEDGED}),
}
OPEN_STATUSES = (Status.NEW, Status.ACKNOWLEDGED, Status.IN_PROGRESS)


class InsightCategory(models.Model):
    """Administrators edit the list in the admin; `weight` raises an insight's priority."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=60)
    weight = models.PositiveSmallIntegerField(default=1)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "insight categories"

    def __str__(self) -> str:
        return self.name


class InsightCluster(models.Model):
    """A trend: similar insights of one category, seen as one by management."""

    category = models.ForeignKey(InsightCategory, on_delete=models.PROTECT, related_name="+")
    org_unit = models.ForeignKey(
        "people.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    representative_text = models.CharField(max_length=2000)
    # Normalised words of the representative text, compared with new insights.
    signature = models.TextField(blank=True)
    count = models.PositiveIntegerField(default=0)
    locations = models.JSONField(default=list, blank=True)
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-last_seen"]

    def __str__(self) -> str:
        return self.representative_text[:60]


class InsightTerm(models.Model):
    """How many non-confidential insights use a (normalised) word: the document frequencies
    behind the TF-IDF similarity of trends. The row with the empty word counts the insights.
    Statistics only, never shown; `cluster_insights` recounts them from scratch."""

    word = models.CharField(max_length=20, unique=True)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.word or '(all)'}: {self.documents}"


class InsightQuerySet(models.QuerySet):
    def visible_to(self, person):
        """Reporter, routed managers and administrators always; when not confidential, also
        people whose org unit lies in the reporter's unit subtree. Merged duplicates stay
        readable (their page points at the survivor)."""
        if person is None or not person.is_authenticated or not person.is_active:
            return self.none()
        if sees_everything(person):
            return self.all()
        routed = Insight.routed_managers.through.objects.filter(person=person)
        allowed = Q(reporter=person) | Q(pk__in=routed.values("insight_id"))
        unit = person.org_unit
        if unit is not None:
            ids = [str(i) for i in unit.ancestor_ids()]
            ancestors = ["/" + "/".join(ids[: n + 1]) + "/" for n in range(len(ids))]
            allowed |= Q(confidential=False, org_unit__path__in=ancestors)
        # Subqueries rather than a join on the managers, so no row is repeated.
        return self.filter(allowed)


class Insight(models.Model):
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="insights"
    )
    text = models.TextField(max_length=2000)
    category = models.ForeignKey(InsightCategory, on_delete=models.PROTECT, related_name="+")
    location = models.CharField(max_length=150, blank=True)
    photo = models.FileField(upload_to="insights/%Y/%m/", blank=True)
    photo_type = models.CharField(max_length=20, blank=True)
    topics = models.ManyToManyField("topics.Topic", blank=True, related_name="insights")
    # Routed at report time: the reporter's unit and their manager chain.
    org_unit = models.ForeignKey(
        "people.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    routed_managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="routed_insights"
    )
    confidential = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_insights",
    )
    corroboration_count = models.PositiveIntegerField(default=0)
    cluster = models.ForeignKey(
        InsightCluster, null=True, blank=True, on_delete=models.SET_NULL, related_name="insights"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    created_at = models.DateTimeField(db_index=True)
    status_changed_at = models.DateTimeField()

    objects = InsightQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-created_at"]),
            models.Index(fields=["org_unit", "-created_at"]),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return reverse("insights:detail", args=[self.pk])


class InsightUpdate(models.Model):
    """One step of the timeline the reporter sees: a status change and/or a message."""

    insight = models.ForeignKey(Insight, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    message = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} -> {self.to_status}"


class Corroboration(models.Model):
    """ "I've seen this too": once per person, never on one's own insight."""

    insight = models.ForeignKey(Insight, on_delete=models.CASCADE, related_name="corroborations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="corroborations"
    )
    detail = models.CharField(max_length=500, blank=True)
    location = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["insight", "person"], name="one_corroboration_each")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} on {self.insight_id}"

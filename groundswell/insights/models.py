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
CLOSED_STATUSES = (Status.ACTIONED, Status.DECLINED)


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
        indexes = [models.Index(fields=["org_unit", "last_seen"], name="cluster_unit_seen")]

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
            # By id, not path: the same units, without a join per insight.
            allowed |= Q(confidential=False, org_unit_id__in=unit.ancestor_ids())
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
    # The category's weight, copied so the inbox's priority order is one index
    # (kept current when an administrator changes a weight: `signals.py`).
    category_weight = models.PositiveSmallIntegerField(default=1)
    cluster = models.ForeignKey(
        InsightCluster, null=True, blank=True, on_delete=models.SET_NULL, related_name="insights"
    )
    # Indexed only where set (`insight_merged`): a full index invites SQLite to read "not
    # merged", nearly every insight, through it instead of along the inbox's order.
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        db_index=False,
    )
    created_at = models.DateTimeField(db_index=True)
    status_changed_at = models.DateTimeField()

    objects = InsightQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-created_at"]),
            models.Index(fields=["org_unit", "-created_at"]),
            # The inbox's priority order and its "longest without change" order.
            models.Index(
                fields=["corroboration_count", "category_weight", "created_at", "id"],
                name="insight_priority",
            ),
            models.Index(fields=["status_changed_at", "id"], name="insight_stale"),
            models.Index(
                fields=["merged_into"],
                condition=Q(merged_into__isnull=False),
                name="insight_merged",
            ),
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


class InsightWeek(models.Model):
    """Insights reported per week, kept current as they are reported (`rollups.py`), so the
    trends chart reads a few dozen rows instead of scanning weeks of insights.

    `viewer_id` 0 counts every insight of the unit (what administrators see, and what people
    of the unit's subtree see of the open ones); a person's rows count the insights they see
    whatever their unit: those they reported or had routed. Plain ids rather than foreign
    keys: 0 stands for "everyone" / "no unit", and a row of a deleted unit still counts its
    insights for the whole organisation, as the insights themselves do."""

    viewer_id = models.PositiveIntegerField()
    unit_id = models.PositiveIntegerField()
    week = models.DateField()  # Monday, in the site's time zone
    confidential = models.BooleanField()
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["viewer_id", "week", "unit_id", "confidential"], name="one_insight_week"
            )
        ]

    def __str__(self) -> str:
        return f"{self.viewer_id}/{self.unit_id} {self.week}: {self.count}"


class InsightClusterViewer(models.Model):
    """Who sees a trend through an insight they reported or had routed, and when the latest
    such insight was reported: the trends list's visibility without reading the insights."""

    cluster = models.ForeignKey(InsightCluster, on_delete=models.CASCADE, related_name="+")
    viewer_id = models.PositiveIntegerField()
    last_seen = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["viewer_id", "cluster"], name="one_cluster_viewer")
        ]
        indexes = [models.Index(fields=["viewer_id", "last_seen"], name="cluster_viewer_seen")]

    def __str__(self) -> str:
        return f"{self.viewer_id} sees {self.cluster_id}"


class InboxEntry(models.Model):
    """An insight in one routed manager's inbox, with the columns the inbox filters and sorts
    on copied from it (`inbox.py` keeps them current), so a page of any inbox is a walk along
    one index of that manager's entries instead of a sort of everything routed to them."""

    insight = models.ForeignKey(
        Insight, on_delete=models.CASCADE, related_name="inbox_entries", db_index=False
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    merged = models.BooleanField(default=False)
    corroboration_count = models.PositiveIntegerField(default=0)
    category_weight = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField()
    status_changed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["insight", "person"], name="one_inbox_entry")
        ]
        indexes = [
            models.Index(
                fields=[
                    "person",
                    "corroboration_count",
                    "category_weight",
                    "created_at",
                    "insight",
                ],
                name="inbox_priority",
            ),
            models.Index(fields=["person", "status_changed_at", "insight"], name="inbox_stale"),
            models.Index(fields=["person", "created_at", "insight"], name="inbox_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.insight_id} for {self.person_id}"

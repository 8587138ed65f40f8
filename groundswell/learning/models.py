"""Formal learning: courses, programmes and their cohorts, who is enrolled, cohort events, and
"helpful" marks on articles and comments. Each course and cohort has its own private space."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


class Course(models.Model):
    code = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=5000, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lms_url = models.URLField(max_length=500, blank=True)
    lms_id = models.CharField(max_length=100, blank=True)
    topics = models.ManyToManyField("topics.Topic", blank=True, related_name="courses")
    space = models.OneToOneField("spaces.Space", on_delete=models.PROTECT, related_name="course")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("learning:course", args=[self.code])


class Programme(models.Model):
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(max_length=5000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Cohort(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(max_length=200)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    space = models.OneToOneField("spaces.Space", on_delete=models.PROTECT, related_name="cohort")
    introductions = models.ForeignKey(
        "threads.Thread", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["programme__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="one_cohort_name")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("learning:cohort", args=[self.pk])


class EnrollmentRole(models.TextChoices):
    LEARNER = "learner", "Learner"
    STAFF = "staff", "Staff"


class Enrollment(models.Model):
    """A person on a course or in a cohort; their space membership follows it."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(
        Course, null=True, blank=True, on_delete=models.CASCADE, related_name="enrollments"
    )
    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.CASCADE, related_name="enrollments"
    )
    role = models.CharField(
        max_length=10, choices=EnrollmentRole.choices, default=EnrollmentRole.LEARNER
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(course__isnull=False, cohort__isnull=True)
                    | Q(course__isnull=True, cohort__isnull=False)
                ),
                name="enrollment_has_one_target",
            ),
            models.UniqueConstraint(
                fields=["person", "course"],
                condition=Q(course__isnull=False),
                name="one_enrollment_per_course",
            ),
            models.UniqueConstraint(
                fields=["person", "cohort"],
                condition=Q(cohort__isnull=False),
                name="one_enrollment_per_cohort",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} in {self.course_id or self.cohort_id} ({self.role})"


class CohortEvent(models.Model):
    """A session for one cohort (a workshop, a call); only its members see it."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    location = models.CharField(max_length=300, blank=True)
    description = models.TextField(max_length=5000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return self.title


class Helpful(models.Model):
    """Someone found an article or a comment helpful: one mark per person and target."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(
        "threads.Thread", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reply = models.ForeignKey(
        "threads.Reply", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(thread__isnull=False, reply__isnull=True)
                    | Q(thread__isnull=True, reply__isnull=False)
                ),
                name="helpful_has_one_target",
            ),
            models.UniqueConstraint(
                fields=["person", "thread"],
                condition=Q(thread__isnull=False),
                name="one_helpful_per_thread",
            ),
            models.UniqueConstraint(
                fields=["person", "reply"],
                condition=Q(reply__isnull=False),
                name="one_helpful_per_reply",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} found {self.thread_id or self.reply_id} helpful"

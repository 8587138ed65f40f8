"""People and the organisation they work in."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse


class Level(models.IntegerChoices):
    """Position in the hierarchy; the direction of a knowledge transfer comes from it."""

    FRONTLINE = 1, "Frontline"
    SPECIALIST = 2, "Specialist / team lead"
    MANAGER = 3, "Manager"
    DIRECTOR = 4, "Director"
    EXECUTIVE = 5, "Executive"


class OrgUnit(models.Model):
    """A node of the org chart (company, region, depot, team…).

    `path` is the chain of ancestor ids ("/1/4/9/"), so "this unit and everything below it"
    is one indexed prefix query on any database.
    """

    name = models.CharField(max_length=120)
    code = models.SlugField(max_length=60, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=500, db_index=True, editable=False, default="")
    # The unit's head: field insights from the unit are routed to them as well as up the
    # reporting line (a depot manager may not be everyone's line manager).
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_units",
    )

    class Meta:
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        path = f"{self.parent.path if self.parent else '/'}{self.pk}/"
        if path != self.path:
            self.path = path
            OrgUnit.objects.filter(pk=self.pk).update(path=path)

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]


class PersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def search_prefix(self, text: str):
        text = text.strip()
        return self.filter(
            Q(username__istartswith=text)
            | Q(display_name__icontains=text)
            | Q(job_title__icontains=text)
        )


class PersonManager(UserManager.from_queryset(PersonQuerySet)):
    pass


class Person(AbstractUser):
    """Everyone who uses Groundswell: a Django user with a place in the organisation."""

    display_name = models.CharField(max_length=150, blank=True)
    job_title = models.CharField(max_length=150, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    manager = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    level = models.PositiveSmallIntegerField(choices=Level.choices, default=Level.FRONTLINE)
    location = models.CharField(max_length=150, blank=True)
    bio = models.TextField(max_length=2000, blank=True)
    skills = models.ManyToManyField("topics.Topic", blank=True, related_name="skilled_people")

    objects = PersonManager()

    class Meta:
        ordering = ["display_name", "username"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    def get_absolute_url(self) -> str:
        return reverse("people:detail", args=[self.username])


class TokenScope(models.TextChoices):
    READ = "read", "Read only"
    WRITE = "write", "Read and write"


class ApiToken(models.Model):
    """A personal API token. Only a SHA-256 digest is stored; the token is shown once."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=12, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    scope = models.CharField(max_length=5, choices=TokenScope.choices, default=TokenScope.READ)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

"""Topics: free tags anyone may create, shared by threads, skills, courses and insights."""

import re
import unicodedata

from django.db import models
from django.urls import reverse

_SEPARATORS = re.compile(r"[\s_]+")
_NOT_ALLOWED = re.compile(r"[^a-z0-9+#.\-]")


def normalise_topic_name(raw: str) -> str:
    """The one spelling of a topic: "Hazmat", " hazmat " and "HAZMAT" are all "hazmat".

    Case and surrounding space are folded, inner spaces become hyphens, and only letters,
    digits and `+ # . -` remain (so "c++" and "c#" survive).
    """
    text = unicodedata.normalize("NFKC", raw or "").strip().lower()
    text = _SEPARATORS.sub("-", text)
    text = _NOT_ALLOWED.sub("", text)
    return text.strip("-.")[:50]


class Topic(models.Model):
    name = models.CharField(max_length=50, unique=True)
    description = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("topics:detail", args=[self.name])

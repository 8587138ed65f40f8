"""Expertise: what colleagues say about each other (endorsements) and the scores derived from
everything people did (rebuildable at any time with `groundswell rebuild_expertise`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Endorsement(models.Model):
    """A colleague vouches for a person on a topic: one per endorser, person and topic."""

    endorser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="endorsements_given"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="endorsements"
    )
    topic = models.ForeignKey("topics.Topic", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["endorser", "person", "topic"], name="one_endorsement_per_topic"
            ),
            models.CheckConstraint(
                condition=~Q(endorser=models.F("person")), name="no_self_endorsement"
            ),
        ]
        indexes = [models.Index(fields=["person", "topic"])]

    def __str__(self) -> str:
        return f"{self.endorser_id} endorses {self.person_id} on {self.topic_id}"


class ExpertiseScore(models.Model):
    """Derived: a person's evidence on a topic, split by where it happened.

    A row with a `space` holds the evidence from that space's threads (answers, accepted answers,
    net upvotes), so each viewer is shown only evidence from spaces they can see. The row
    without a space holds what belongs to no space: colleagues' endorsements and the
    self-declared skill. `score` is the weighted, decayed evidence as of `computed_at`
    (`expertise.scoring`); the counts beside it are raw, for explanations.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expertise_scores"
    )
    topic = models.ForeignKey("topics.Topic", on_delete=models.CASCADE, related_name="+")
    space = models.ForeignKey(
        "spaces.Space", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(default=0.0)
    accepted_answers = models.PositiveIntegerField(default=0)
    answers = models.PositiveIntegerField(default=0)
    upvotes = models.PositiveIntegerField(default=0)
    endorsements = models.PositiveIntegerField(default=0)
    is_declared = models.BooleanField(default=False)
    last_evidence_at = models.DateTimeField(null=True, blank=True)
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "topic", "space"],
                condition=Q(space__isnull=False),
                name="one_score_per_space",
            ),
            models.UniqueConstraint(
                fields=["person", "topic"],
                condition=Q(space__isnull=True),
                name="one_standing_score",
            ),
        ]
        indexes = [
            models.Index(fields=["topic", "person"]),
            models.Index(fields=["person", "topic"]),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} on {self.topic_id} in {self.space_id}: {self.score:.1f}"

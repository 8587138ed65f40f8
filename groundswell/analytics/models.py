"""Derived learning analytics: knowledge transfers and the rollups dashboards read.

Everything here is rebuilt from the event log (`groundswell rebuild_analytics`) and kept current
after each relevant action (`analytics.services.analytics_after_commit`).
"""

from django.conf import settings
from django.db import models


class Direction(models.TextChoices):
    UP = "up", "Up (to someone more senior)"
    DOWN = "down", "Down (to someone more junior)"
    ACROSS = "across", "Across (between peers)"


# Rollup rows with this topic id count every transfer once, whatever its topics; rows with a
# real topic id count it once per topic. A transfer with several topics is not double-counted
# in the unfiltered totals this way.
ALL_TOPICS = 0
NO_SPACE = 0


class KnowledgeTransfer(models.Model):
    """An edge source person → learner created by one signal Event.

    Levels and units are copied at the time the edge is derived, so a later promotion or move
    does not rewrite history.
    """

    event = models.OneToOneField("activity.Event", on_delete=models.CASCADE, related_name="+")
    signal = models.CharField(max_length=30)
    source = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_level = models.PositiveSmallIntegerField()
    learner_level = models.PositiveSmallIntegerField()
    source_unit_path = models.CharField(max_length=500, blank=True)
    learner_unit_path = models.CharField(max_length=500, blank=True)
    direction = models.CharField(max_length=6, choices=Direction.choices)
    crosses_units = models.BooleanField()
    space_id_value = models.BigIntegerField(default=NO_SPACE)
    topic_ids = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField()
    day = models.DateField(db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [("view_dashboard", "Can view the learning analytics dashboard")]

    def __str__(self) -> str:
        return f"{self.source_id}→{self.learner_id} {self.direction} ({self.signal})"


class FlowDaily(models.Model):
    """Transfers per day by learner unit by topic by space by signal by level pair."""

    day = models.DateField()
    unit_path = models.CharField(max_length=500, blank=True)
    topic_id = models.BigIntegerField(default=ALL_TOPICS)
    space_id_value = models.BigIntegerField(default=NO_SPACE)
    signal = models.CharField(max_length=30)
    source_level = models.PositiveSmallIntegerField()
    learner_level = models.PositiveSmallIntegerField()
    direction = models.CharField(max_length=6, choices=Direction.choices)
    crosses_units = models.BooleanField()
    transfers = models.PositiveIntegerField()
    # Distinct people (sources and learners) in this row on this day; over a date range the
    # dashboard uses the largest daily figure, a lower bound, so suppression errs on hiding.
    people = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["topic_id", "day"], name="analytics_flow_topic_day"),
            models.Index(fields=["day"], name="analytics_flow_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.direction} {self.transfers}"


class QuestionFact(models.Model):
    """One row per question (topic_id = ALL_TOPICS) and one per question by topic."""

    thread_id_value = models.BigIntegerField()
    topic_id = models.BigIntegerField(default=ALL_TOPICS)
    space_id_value = models.BigIntegerField(default=NO_SPACE)
    asker_id_value = models.BigIntegerField(null=True)
    unit_path = models.CharField(max_length=500, blank=True)
    asked_at = models.DateTimeField()
    day = models.DateField()
    first_answer_seconds = models.BigIntegerField(null=True)
    accepted_seconds = models.BigIntegerField(null=True)

    class Meta:
        indexes = [
            # Covers what the panels read over a range, so a unit filter (a LIKE on the path,
            # which no index can seek on SQLite) is checked in the index, not on table rows.
            models.Index(
                fields=[
                    "topic_id",
                    "day",
                    "unit_path",
                    "space_id_value",
                    "asker_id_value",
                    "first_answer_seconds",
                    "accepted_seconds",
                ],
                name="analytics_q_cover",
            ),
            models.Index(fields=["thread_id_value"], name="analytics_q_thread"),
            # Medians walk these in order, reading the day from the index (no sort, no table).
            models.Index(
                fields=["topic_id", "first_answer_seconds", "day"], name="analytics_q_first"
            ),
            models.Index(fields=["topic_id", "accepted_seconds", "day"], name="analytics_q_acc"),
            models.Index(fields=["space_id_value", "day"], name="analytics_q_space_day"),
            models.Index(fields=["day", "topic_id"], name="analytics_q_day_topic"),
        ]

    def __str__(self) -> str:
        return f"question {self.thread_id_value} topic {self.topic_id}"


class SpaceDaily(models.Model):
    """Activity per day by space: posts, replies, accepted answers, votes, active people."""

    day = models.DateField()
    space_id_value = models.BigIntegerField()
    posts = models.PositiveIntegerField(default=0)
    replies = models.PositiveIntegerField(default=0)
    accepted = models.PositiveIntegerField(default=0)
    votes = models.PositiveIntegerField(default=0)
    people = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["space_id_value", "day"], name="analytics_space_day")]
        constraints = [
            models.UniqueConstraint(fields=["day", "space_id_value"], name="analytics_space_day_u")
        ]

    def __str__(self) -> str:
        return f"{self.day} space {self.space_id_value}"


# Monthly flow rows with this space id count transfers in every space (and none).
ALL_SPACES = -1


class FlowMonthly(models.Model):
    """FlowDaily summed per month, for long ranges: far fewer rows.

    Only the combinations the dashboard filters by are kept: (all topics, all spaces),
    (one topic, all spaces) and (all topics, one space). `people` is the largest daily figure,
    so a long range reads exactly what the daily rows would give.
    """

    month = models.DateField()  # the first day of the month
    unit_path = models.CharField(max_length=500, blank=True)
    topic_id = models.BigIntegerField(default=ALL_TOPICS)
    space_id_value = models.BigIntegerField(default=ALL_SPACES)
    source_level = models.PositiveSmallIntegerField()
    learner_level = models.PositiveSmallIntegerField()
    direction = models.CharField(max_length=6, choices=Direction.choices)
    insight = models.BooleanField()  # the transfers came from insight acknowledgements
    transfers = models.PositiveIntegerField()
    people = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["topic_id", "space_id_value", "month"], name="analytics_fm_key"),
            models.Index(fields=["month"], name="analytics_fm_month"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.direction} {self.transfers}"


class EngagementDaily(models.Model):
    """One row per person per day they did anything: all their actions, and how many of those
    were contributions (posts, answers, replies, insights, articles, wiki edits)."""

    day = models.DateField()
    person_id_value = models.BigIntegerField()
    unit_path = models.CharField(max_length=500, blank=True)
    level = models.PositiveSmallIntegerField()
    actions = models.PositiveIntegerField()
    contributions = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["person_id_value", "day"], name="analytics_ed_person")]
        constraints = [
            models.UniqueConstraint(fields=["day", "person_id_value"], name="analytics_ed_u")
        ]

    def __str__(self) -> str:
        return f"{self.day} person {self.person_id_value}"


class EngagementMonthly(models.Model):
    """EngagementDaily summed per person per month (unit and level: the latest of the month)."""

    month = models.DateField()
    person_id_value = models.BigIntegerField()
    unit_path = models.CharField(max_length=500, blank=True)
    level = models.PositiveSmallIntegerField()
    actions = models.PositiveIntegerField()
    contributions = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["month", "person_id_value"], name="analytics_em_u")
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} person {self.person_id_value}"


class PairDaily(models.Model):
    """Transfers per day from one source to one learner, with both units: the expert network."""

    day = models.DateField()
    source_id_value = models.BigIntegerField()
    learner_id_value = models.BigIntegerField()
    source_unit_path = models.CharField(max_length=500, blank=True)
    learner_unit_path = models.CharField(max_length=500, blank=True)
    transfers = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["day"], name="analytics_pd_day")]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "source_id_value", "learner_id_value"], name="analytics_pd_u"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.source_id_value}→{self.learner_id_value}"


class PairMonthly(models.Model):
    """PairDaily summed per month."""

    month = models.DateField()
    source_id_value = models.BigIntegerField()
    learner_id_value = models.BigIntegerField()
    source_unit_path = models.CharField(max_length=500, blank=True)
    learner_unit_path = models.CharField(max_length=500, blank=True)
    transfers = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "source_id_value", "learner_id_value"], name="analytics_pm_u"
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.source_id_value}→{self.learner_id_value}"


class InsightFact(models.Model):
    """One row per reported insight (topic_id = ALL_TOPICS) and one per insight by topic: when
    it was reported and how long until it was first acknowledged (or taken further)."""

    insight_id_value = models.BigIntegerField()
    topic_id = models.BigIntegerField(default=ALL_TOPICS)
    reporter_id_value = models.BigIntegerField(null=True)
    unit_path = models.CharField(max_length=500, blank=True)
    reported_at = models.DateTimeField()
    day = models.DateField()
    acknowledged_seconds = models.BigIntegerField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["topic_id", "day"], name="analytics_if_topic_day"),
            models.Index(fields=["insight_id_value"], name="analytics_if_insight"),
        ]

    def __str__(self) -> str:
        return f"insight {self.insight_id_value} topic {self.topic_id}"


class QuestionMonthly(models.Model):
    """Questions asked per month by the asker's unit, with how many of them have been answered
    and have an accepted answer (as of now, like `QuestionFact`).

    Kept, like `FlowMonthly`, only for the combinations the dashboard filters by: (all topics or
    one topic, all spaces) and (all topics, one space). The days around whole months are read
    from `QuestionFact`, which is the daily level: a day x unit x space x topic rollup would hold
    about one row per question. Distinct askers and medians are not additive: they come from the
    facts (see `selectors/questions.py`).
    """

    month = models.DateField()  # the first day of the month
    unit_path = models.CharField(max_length=500, blank=True)
    topic_id = models.BigIntegerField(default=ALL_TOPICS)
    space_id_value = models.BigIntegerField(default=ALL_SPACES)
    asked = models.PositiveIntegerField()
    answered = models.PositiveIntegerField()
    accepted = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["topic_id", "space_id_value", "month"], name="analytics_qm_key"),
            models.Index(fields=["month", "unit_path"], name="analytics_qm_month_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} topic {self.topic_id}: {self.asked} asked"


class NetworkMonthly(models.Model):
    """Per month and source unit, the transfers that crossed out of the unit, with the sets the
    expert network counts: its connectors, the people and the units they reached.

    Distinct people do not add up across months, sets do: people are stored as compressed
    bitmaps of their ids (`services/network.py`), so a year is the union of twelve rows per unit
    and every figure stays exact.
    """

    month = models.DateField()  # the first day of the month
    source_unit_path = models.CharField(max_length=500, blank=True)
    transfers = models.PositiveIntegerField()
    connectors = models.BinaryField()
    learners = models.BinaryField()
    learner_units = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["month", "source_unit_path"], name="analytics_nm_u")
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.source_unit_path}: {self.transfers} out"

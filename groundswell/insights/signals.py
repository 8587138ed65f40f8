"""Keep what the insights' rollups copy in step with the rows they copy from, whoever
changes them (the admin edits category weights; deleting a person deletes their insights)."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from groundswell.insights.inbox import entries_category_weight
from groundswell.insights.models import Insight, InsightCategory
from groundswell.insights.rollups import insight_uncounted, insight_viewer_ids


@receiver(post_save, sender=InsightCategory)
def category_weight_copied(sender, instance: InsightCategory, **kwargs) -> None:
    """The inbox sorts by the weight copied onto each insight: copy the new one."""
    Insight.objects.filter(category=instance).exclude(category_weight=instance.weight).update(
        category_weight=instance.weight
    )
    entries_category_weight(instance)


@receiver(pre_delete, sender=Insight)
def insight_deleted(sender, instance: Insight, **kwargs) -> None:
    """Before the routing rows go too: take the insight out of the weekly counts."""
    insight_uncounted(instance, insight_viewer_ids(instance))

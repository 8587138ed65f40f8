"""The managers' inbox entries (`InboxEntry`): one per routed manager and insight, carrying
copies of what the inbox filters and sorts on. Services call these in their transaction
whenever a copied column changes (report, status, corroboration, merge, category weight)."""

from django.db.models import F

from groundswell.insights.models import InboxEntry, Insight


def entries_create(insight: Insight, managers) -> None:
    """The insight arrives in each routed manager's inbox."""
    InboxEntry.objects.bulk_create(
        [
            InboxEntry(
                insight=insight,
                person=manager,
                status=insight.status,
                merged=insight.merged_into_id is not None,
                corroboration_count=insight.corroboration_count,
                category_weight=insight.category_weight,
                created_at=insight.created_at,
                status_changed_at=insight.status_changed_at,
            )
            for manager in managers
        ]
    )


def entries_status(insight: Insight) -> None:
    InboxEntry.objects.filter(insight_id=insight.pk).update(
        status=insight.status, status_changed_at=insight.status_changed_at
    )


def entries_corroborated(insight_id: int, added: int) -> None:
    InboxEntry.objects.filter(insight_id=insight_id).update(
        corroboration_count=F("corroboration_count") + added
    )


def entries_merged(insight_id: int) -> None:
    """A merged duplicate leaves the inbox (its survivor stays)."""
    InboxEntry.objects.filter(insight_id=insight_id).update(merged=True)


def entries_category_weight(category) -> None:
    InboxEntry.objects.filter(insight__category=category).exclude(
        category_weight=category.weight
    ).update(category_weight=category.weight)


def entries_rebuild() -> int:
    """Recreate every entry from the routing and the insights (after a bulk load that
    bypassed `insight_report`, such as the demo data). Returns how many."""
    InboxEntry.objects.all().delete()
    routes = Insight.routed_managers.through.objects.values_list(
        "person_id",
        "insight_id",
        "insight__status",
        "insight__merged_into_id",
        "insight__corroboration_count",
        "insight__category_weight",
        "insight__created_at",
        "insight__status_changed_at",
    )
    entries = [
        InboxEntry(
            person_id=person_id,
            insight_id=insight_id,
            status=status,
            merged=merged_into_id is not None,
            corroboration_count=corroborations,
            category_weight=weight,
            created_at=created_at,
            status_changed_at=changed_at,
        )
        for (
            person_id,
            insight_id,
            status,
            merged_into_id,
            corroborations,
            weight,
            created_at,
            changed_at,
        ) in routes.iterator(chunk_size=2000)
    ]
    InboxEntry.objects.bulk_create(entries, batch_size=1000)
    return len(entries)

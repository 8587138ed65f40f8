"""The monthly expert-network rollup, recomputed from the monthly pair rows: for every month by
the full rebuild, for the (month, source unit) an edge touches after each signal event. Both go
through `network_months`, so an incremental update equals a rebuild."""

from collections.abc import Iterable

from django.db.models import F

from groundswell.analytics.bitmaps import bitmap_dump, bitmap_of
from groundswell.analytics.models import NetworkMonthly, PairMonthly
from groundswell.analytics.months import month_of

BATCH = 5000


def crossing_pairs(rows):
    """Pair rows whose source and learner were in different units."""
    return rows.exclude(source_unit_path=F("learner_unit_path"))


def network_months(months, unit_paths: Iterable[str] | None = None) -> int:
    """Replace the network rows of these months (of these source units, if given)."""
    written = 0
    for month in sorted(set(months)):
        pairs = crossing_pairs(PairMonthly.objects.filter(month=month))
        old = NetworkMonthly.objects.filter(month=month)
        if unit_paths is not None:
            pairs = pairs.filter(source_unit_path__in=list(unit_paths))
            old = old.filter(source_unit_path__in=list(unit_paths))
        old.delete()
        units: dict[str, list] = {}
        for source, learner, path, learner_unit, n in pairs.values_list(
            "source_id_value",
            "learner_id_value",
            "source_unit_path",
            "learner_unit_path",
            "transfers",
        ).order_by():
            unit = units.setdefault(path, [set(), set(), set(), 0])
            unit[0].add(source)
            unit[1].add(learner)
            unit[2].add(learner_unit)
            unit[3] += n
        written += len(
            NetworkMonthly.objects.bulk_create(
                [
                    NetworkMonthly(
                        month=month,
                        source_unit_path=path,
                        transfers=n,
                        connectors=bitmap_dump(bitmap_of(sources)),
                        learners=bitmap_dump(bitmap_of(learners)),
                        learner_units=sorted(learner_units),
                    )
                    for path, (sources, learners, learner_units, n) in units.items()
                ],
                batch_size=BATCH,
            )
        )
    return written


def network_rebuild() -> int:
    NetworkMonthly.objects.all().delete()
    months = PairMonthly.objects.values_list("month", flat=True).distinct()
    return network_months({month_of(month) for month in months})

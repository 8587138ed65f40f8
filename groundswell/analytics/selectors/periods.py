"""Splitting a date range into whole months (read from the monthly rollups) and the days left
at either end (read from the daily ones): a long range reads a few thousand rows, not millions."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q

from groundswell.analytics.months import month_of, next_month


@dataclass(frozen=True)
class Periods:
    months: tuple[date, date] | None  # first and last whole month (their first days)
    days: tuple[tuple[date, date], ...]  # inclusive day ranges outside the whole months

    def day_filter(self, field: str = "day") -> Q | None:
        """Q for the days outside whole months, or None when there are none."""
        parts = [Q(**{f"{field}__gte": a, f"{field}__lte": b}) for a, b in self.days]
        if not parts:
            return None
        q = parts[0]
        for part in parts[1:]:
            q |= part
        return q

    def month_filter(self, field: str = "month") -> Q | None:
        if self.months is None:
            return None
        return Q(**{f"{field}__gte": self.months[0], f"{field}__lte": self.months[1]})


def periods_of(start: date, end: date) -> Periods:
    """Whole calendar months inside [start, end] and the leftover days before and after.
    ANALYTICS_MONTHLY_ROLLUPS = False reads every day from the daily rollups (the benchmark
    compares both)."""
    if not getattr(settings, "ANALYTICS_MONTHLY_ROLLUPS", True):
        return Periods(months=None, days=((start, end),))
    first = start if start.day == 1 else next_month(month_of(start))
    after = next_month(month_of(end))
    last_end = end if end + timedelta(days=1) == after else month_of(end) - timedelta(days=1)
    if first > last_end:
        return Periods(months=None, days=((start, end),))
    days = []
    if start < first:
        days.append((start, first - timedelta(days=1)))
    if last_end < end:
        days.append((last_end + timedelta(days=1), end))
    return Periods(months=(first, month_of(last_end)), days=tuple(days))

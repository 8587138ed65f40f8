"""Calendar months as their first day: the key of the monthly rollups."""

from datetime import date, timedelta


def month_of(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)

"""The dashboard's filters, parsed from a query string into checked values."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from django.utils import timezone

DEFAULT_DAYS = 90
MAX_DAYS = 3 * 366


@dataclass
class Filters:
    start: date
    end: date
    unit: str = ""  # OrgUnit code
    topic: str = ""  # Topic name
    space: str = ""  # Space slug
    errors: list[str] = field(default_factory=list)

    def query(self) -> dict:
        """The filters as query parameters (for export links)."""
        values = {"from": self.start.isoformat(), "to": self.end.isoformat()}
        values.update(
            {
                k: v
                for k, v in (("unit", self.unit), ("topic", self.topic), ("space", self.space))
                if v
            }
        )
        return values

    @property
    def querystring(self) -> str:
        return urlencode(self.query())


def _date(text: str, default: date, errors: list[str], label: str) -> date:
    if not text:
        return default
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        errors.append(f"{label} is not a date (YYYY-MM-DD); using {default.isoformat()}.")
        return default


def parse_filters(params, *, today: date | None = None) -> Filters:
    """Read from/to/unit/topic/space; bad dates fall back to the last 90 days with a message."""
    today = today or timezone.localdate()
    errors: list[str] = []
    end = _date(params.get("to", ""), today, errors, "To")
    start = _date(params.get("from", ""), end - timedelta(days=DEFAULT_DAYS - 1), errors, "From")
    if start > end:
        start, end = end, start
    if (end - start).days > MAX_DAYS:
        start = end - timedelta(days=MAX_DAYS)
        errors.append("The range is limited to three years.")
    return Filters(
        start=start,
        end=end,
        unit=params.get("unit", "").strip()[:60],
        topic=params.get("topic", "").strip()[:50],
        space=params.get("space", "").strip()[:80],
        errors=errors,
    )

"""Offset pagination that never counts rows: fetch one extra item to know if more follow."""

from dataclasses import dataclass, field

from django.conf import settings


@dataclass
class Page:
    items: list
    number: int
    per_page: int
    has_next: bool
    extra: dict = field(default_factory=dict)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_number(self) -> int:
        return self.number + 1

    @property
    def previous_number(self) -> int:
        return self.number - 1

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def clamp_page(page, per_page=None) -> tuple[int, int]:
    """Parse page numbers from users: garbage becomes page 1, sizes are capped."""
    limits = settings.GROUNDSWELL
    try:
        number = max(1, min(int(page), 10_000))
    except (TypeError, ValueError):
        number = 1
    try:
        size = int(per_page) if per_page is not None else limits["PAGE_SIZE"]
    except (TypeError, ValueError):
        size = limits["PAGE_SIZE"]
    return number, max(1, min(size, limits["MAX_PAGE_SIZE"]))


def paginate(queryset, page=1, per_page=None) -> Page:
    """One page of a queryset (or list) in a single query."""
    number, size = clamp_page(page, per_page)
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    return Page(items=rows[:size], number=number, per_page=size, has_next=len(rows) > size)

"""Table, Cell: what a panel shows, exported as CSV and described in words."""

from dataclasses import dataclass, field

from django.conf import settings

SUPPRESSED = "<5"


def min_people() -> int:
    """Cells describing fewer people than this are shown as "<N" (ANALYTICS_MIN_PEOPLE)."""
    return int(getattr(settings, "ANALYTICS_MIN_PEOPLE", 5))


@dataclass(frozen=True)
class Cell:
    value: object
    people: int | None = None  # None: the figure describes no particular people

    @property
    def suppressed(self) -> bool:
        return self.people is not None and self.people < min_people()

    def __str__(self) -> str:
        if self.suppressed:
            return f"<{min_people()}"
        if isinstance(self.value, float):
            return f"{self.value:.1f}"
        return "" if self.value is None else str(self.value)

    @property
    def number(self) -> float:
        """The value to chart: 0 when suppressed or missing."""
        if self.suppressed or not isinstance(self.value, int | float):
            return 0
        return self.value


@dataclass
class Table:
    name: str  # used in the export URL
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    summary: str = ""
    note: str = ""  # how the figures are defined, shown under the title

    def csv_rows(self) -> list[list[str]]:
        return [self.headers, *[[str(c) for c in row] for row in self.rows]]

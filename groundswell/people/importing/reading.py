"""Reading an org-chart file into numbered rows; file-level problems become row errors."""

import csv
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field

COLUMNS = (
    "username", "email", "display_name", "job_title", "unit_code", "unit_name",
    "parent_unit_code", "manager_username", "level", "location", "skills",
    "unit_leader_username",
)  # fmt: skip
REQUIRED_COLUMNS = ("username", "email", "display_name")
MAX_ROWS = 200_000
MAX_ERRORS_KEPT = 1_000
PROGRESS_EVERY = 500

Progress = Callable[[str], None]


@dataclass
class ImportResult:
    """What an import did or, with errors, why it did nothing."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    units_created: int = 0
    units_updated: int = 0
    topics_created: int = 0
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def add_error(self, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(f"row {line}: {message}")

    def counts(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "units_created": self.units_created,
            "units_updated": self.units_updated,
            "topics_created": self.topics_created,
        }


@dataclass
class Row:
    """One person's line: cleaned cell values by column, parsed level and skills."""

    line: int
    values: dict[str, str]
    level: int | None = None
    skills: list[str] = field(default_factory=list)

    def get(self, column: str) -> str:
        return self.values.get(column, "")


def read_rows(
    source,
    result: ImportResult,
    say: Progress,
    *,
    columns: tuple[str, ...] = COLUMNS,
    required: tuple[str, ...] = REQUIRED_COLUMNS,
    noun: str = "people",
) -> tuple[list[str], list[Row]]:
    """The header and the non-blank rows, each with the line it starts on. A bad header stops
    here: without it the rows cannot be understood. Other imports (courses) pass their own
    `columns`, `required` columns and the `noun` their rows describe."""
    if _is_row_dicts(source):
        return _rows_from_dicts(list(source), result, columns, required, noun)
    text = _decode(source, result)
    if text is None:
        return [], []
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] = []
    rows: list[Row] = []
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        if not check_header(header, result, columns, required):
            return header, []
        while True:
            line = reader.line_num + 1  # where the record starts, even if a field spans lines
            cells = next(reader, None)
            if cells is None:
                break
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                result.add_error(
                    line, f"has {len(cells)} values but the header has {len(header)} columns"
                )
                continue
            values = dict(zip(header, (cell.strip() for cell in cells), strict=True))
            rows.append(Row(line=line, values=values))
            if len(rows) > MAX_ROWS:
                result.add_error(line, f"a file holds at most {MAX_ROWS:,} {noun}")
                return header, []
            if len(rows) % PROGRESS_EVERY == 0:
                say(f"read {len(rows):,} rows")
    except csv.Error as exc:
        result.add_error(reader.line_num, f"this is not valid CSV ({exc})")
    result.rows = len(rows)
    if not rows and result.ok:
        result.add_error(2, f"the file has a header but no {noun}")
    return header, rows


def check_header(
    header: list[str],
    result: ImportResult,
    columns: tuple[str, ...] = COLUMNS,
    required: tuple[str, ...] = REQUIRED_COLUMNS,
) -> bool:
    before = result.error_count
    if header:
        header[0] = header[0].removeprefix("\ufeff")
    missing = [column for column in required if column not in header]
    if missing:
        result.add_error(1, f"missing required column(s): {', '.join(missing)}")
    unknown = [column for column in header if column not in columns]
    if unknown:
        result.add_error(
            1, f"unknown column(s): {', '.join(unknown)} (expected: {', '.join(columns)})"
        )
    repeated = sorted({column for column in header if header.count(column) > 1})
    if repeated:
        result.add_error(1, f"column(s) given twice: {', '.join(repeated)}")
    return result.error_count == before


def _is_row_dicts(source) -> bool:
    return not isinstance(source, str | bytes | os.PathLike) and not hasattr(source, "read")


def _rows_from_dicts(
    dicts: list[dict], result: ImportResult, columns, required, noun
) -> tuple[list[str], list[Row]]:
    """Rows given as dicts (from code): numbered as if they were a file under a header."""
    header = [str(key).strip().lower() for key in (dicts[0] if dicts else {})]
    if not check_header(header, result, columns, required):
        return header, []
    rows = []
    for line, raw in enumerate(dicts, start=2):
        values = {
            str(key).strip().lower(): "" if value is None else str(value).strip()
            for key, value in raw.items()
        }
        rows.append(Row(line=line, values={column: values.get(column, "") for column in header}))
    result.rows = len(rows)
    if len(rows) > MAX_ROWS:
        result.add_error(MAX_ROWS + 2, f"a file holds at most {MAX_ROWS:,} {noun}")
        return header, []
    return header, rows


def _decode(source, result: ImportResult) -> str | None:
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            data = handle.read()
    elif isinstance(source, bytes):
        data = source
    else:
        data = source.read()
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        result.add_error(
            line,
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02x} cannot be read); "
            'save it as "CSV UTF-8" and import it again',
        )
        return None

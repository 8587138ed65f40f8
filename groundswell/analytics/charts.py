"""Server-side SVG charts: geometry computed here, drawn by templates/analytics/charts/*.html.

No JavaScript and no network: each chart is an <svg> with a viewBox (it scales to a phone's
width), colours come from CSS classes, and the panel's table is its text alternative.
"""

from dataclasses import dataclass, field

from groundswell.analytics.tables import Cell, Table

SHADES = 5  # heat-0 … heat-5


@dataclass
class Shape:
    x: float
    y: float
    width: float
    height: float
    css: str
    label: str = ""


@dataclass
class Text:
    x: float
    y: float
    text: str
    anchor: str = "start"


@dataclass
class Chart:
    kind: str
    title: str
    width: int
    height: int
    shapes: list[Shape] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)


def _shade(value: float, top: float) -> int:
    return 0 if not top or not value else max(1, round(SHADES * value / top))


def heatmap(table: Table) -> Chart:
    """Rows by columns of Cells; suppressed cells are hatched grey."""
    cell_w, cell_h, left, top = 56, 34, 120, 28
    columns = len(table.headers) - 1
    chart = Chart(
        "heatmap", table.title, left + cell_w * columns + 4, top + cell_h * len(table.rows) + 4
    )
    values = [c.number for row in table.rows for c in row[1:] if isinstance(c, Cell)]
    peak = max(values, default=0)
    for j, header in enumerate(table.headers[1:]):
        chart.texts.append(
            Text(left + cell_w * j + cell_w / 2, top - 10, header.replace("To ", "")[:9], "middle")
        )
    for i, row in enumerate(table.rows):
        y = top + cell_h * i
        chart.texts.append(Text(left - 6, y + cell_h / 2 + 4, str(row[0])[:18], "end"))
        for j, cell in enumerate(row[1:]):
            css = "heat-suppressed" if cell.suppressed else f"heat-{_shade(cell.number, peak)}"
            chart.shapes.append(
                Shape(
                    left + cell_w * j,
                    y,
                    cell_w - 2,
                    cell_h - 2,
                    css,
                    f"{row[0]} to {table.headers[j + 1]}: {cell}",
                )
            )
            chart.texts.append(
                Text(left + cell_w * j + cell_w / 2 - 1, y + cell_h / 2 + 4, str(cell), "middle")
            )
    return chart


def stacked_bars(table: Table) -> Chart:
    """One column per row (week), stacked from the numeric cells before the last column."""
    bar_w, height, left, base = 28, 160, 36, 170
    series = table.headers[1:-1]
    chart = Chart("stacked", table.title, max(300, left + bar_w * len(table.rows) + 8), base + 40)
    totals = [sum(c.number for c in row[1:-1]) for row in table.rows]
    peak = max(totals, default=0) or 1
    for i, row in enumerate(table.rows):
        x, y = left + bar_w * i, base
        for k, cell in enumerate(row[1:-1]):
            h = height * cell.number / peak
            y -= h
            chart.shapes.append(
                Shape(x, y, bar_w - 4, h, f"series-{k}", f"{row[0]} {series[k]}: {cell}")
            )
        if i % 4 == 0:
            chart.texts.append(Text(x, base + 14, str(row[0])[5:]))
    chart.texts.append(Text(0, 12, str(peak)))
    for k, name in enumerate(series):
        chart.shapes.append(Shape(left + 90 * k, base + 24, 10, 10, f"series-{k}", name))
        chart.texts.append(Text(left + 90 * k + 14, base + 33, name))
    return chart


def bars(table: Table) -> Chart:
    """Horizontal bars of the first numeric column, labelled by the first column."""
    bar_h, left, width = 22, 150, 200
    chart = Chart("bars", table.title, left + width + 50, bar_h * max(len(table.rows), 1) + 4)
    peak = max((row[1].number for row in table.rows), default=0) or 1
    for i, row in enumerate(table.rows):
        y = bar_h * i
        cell = row[1]
        w = width * cell.number / peak
        chart.texts.append(Text(left - 6, y + 15, str(row[0])[:22], "end"))
        chart.shapes.append(Shape(left, y + 3, w, bar_h - 6, "series-0", f"{row[0]}: {cell}"))
        chart.texts.append(Text(left + w + 4, y + 15, str(cell)))
    return chart


def split_bars(table: Table) -> Chart:
    """Horizontal bars split in two series: the third and fourth columns (contributors and
    readers), labelled by the first column; suppressed rows draw nothing."""
    bar_h, left, width, legend = 22, 150, 200, 24
    rows = table.rows
    chart = Chart("bars", table.title, left + width + 60, bar_h * max(len(rows), 1) + legend + 4)
    peak = max((row[2].number + row[3].number for row in rows), default=0) or 1
    for i, row in enumerate(rows):
        y, x = bar_h * i, left
        chart.texts.append(Text(left - 6, y + 15, str(row[0])[:22], "end"))
        for k, cell in enumerate(row[2:4]):
            w = width * cell.number / peak
            label = f"{row[0]} {table.headers[k + 2]}: {cell}"
            chart.shapes.append(Shape(x, y + 3, w, bar_h - 6, f"series-{k}", label))
            x += w
        chart.texts.append(Text(x + 4, y + 15, f"{row[2]} / {row[3]}"))
    base = bar_h * max(len(rows), 1) + 6
    for k, name in enumerate(table.headers[2:4]):
        chart.shapes.append(Shape(left + 110 * k, base, 10, 10, f"series-{k}", name))
        chart.texts.append(Text(left + 110 * k + 14, base + 9, name))
    return chart

"""A bar chart of insights per week, as geometry for a server-rendered SVG template (no
JavaScript library; the same numbers are shown as a table beside it)."""

from dataclasses import dataclass

WIDTH, HEIGHT, TOP, BOTTOM = 360, 180, 16, 28


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


def weekly_chart_svg(weeks: list) -> dict:
    """Bars scaled to the busiest week; labels every other week to stay readable on phones."""
    peak = max((n for _, n in weeks), default=0) or 1
    slot = WIDTH / max(len(weeks), 1)
    plot = HEIGHT - TOP - BOTTOM
    bars = []
    for i, (start, count) in enumerate(weeks):
        height = plot * count / peak
        bars.append(
            Bar(
                x=round(i * slot + slot * 0.15, 1),
                y=round(TOP + plot - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                label=start.strftime("%d %b") if i % 2 == 0 else "",
                count=count,
            )
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "baseline": HEIGHT - BOTTOM,
        "label_y": HEIGHT - 8,
        "bars": bars,
        "peak": peak,
        "total": sum(n for _, n in weeks),
    }

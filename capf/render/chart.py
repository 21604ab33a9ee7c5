"""Inline SVG pictures for the HTML report: the plan's emission pathway and the element scorecard.

Plain SVG text (no scripts, no fonts, no links), so the report stays one self-contained file that
a strict Content-Security-Policy allows. Every piece of text is escaped here; numbers are
formatted by capf.text.formatting. Missing data is said in words, never drawn as zeros.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

from capf.engine.emissions import BAU, INVENTORY, PATHWAY, items, milestone_years, required_level, total_of
from capf.model.verdict import ElementResult
from capf.text.formatting import number, percent, tonnes
from capf.text.labels import label

Point = tuple[float, float]
WIDTH, HEIGHT = 720, 380
LEFT, RIGHT, TOP, BOTTOM = 84, 24, 34, 88
COLOURS = {"inventory": "#1d2327", "bau": "#8a8f94", "pathway": "#1565c0", "target": "#2e7d32",
           "manko": "#c62828"}
STATUS_COLOURS = {"met": "#2e7d32", "met_with_observations": "#689f38",
                  "partially_met": "#b26a00", "not_met": "#c62828", "not_assessed": "#9e9e9e"}
_FONT = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"'


def svg(width: int, height: int, title: str, body: list[str]) -> Markup:
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" {_FONT} font-size="12">'
            f"<title>{escape(title)}</title>")
    return Markup(head + "".join(body) + "</svg>")  # noqa: S704 - every text part is escaped


def text_at(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {extra}>'
            f"{escape(text)}</text>")


def series(data: Any, pointer: str) -> list[Point]:
    """(year, total) of a plan's year records, first record per year, in year order."""
    found: dict[int, float] = {}
    for _, record in items(data, pointer):
        year, total = record.get("year"), total_of(record)
        if isinstance(year, int) and not isinstance(year, bool) and total is not None:
            found.setdefault(year, total)
    return sorted((float(y), v) for y, v in found.items())


def targets(data: Any) -> list[Point]:
    """The level each milestone year's targets allow (total, t CO2e); uncomputable ones left out."""
    found = []
    for year in milestone_years(data):
        level = required_level(data, year).tonnes
        if level is not None:
            found.append((float(year), level))
    return found


def interpolate(points: Sequence[Point], x: float) -> float | None:
    """Straight lines between known points; None outside them (no extrapolation)."""
    for (x0, y0), (x1, y1) in pairwise(points):
        if x0 <= x <= x1:
            return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    if len(points) == 1 and points[0][0] == x:
        return points[0][1]
    return None


def manko_areas(pathway: Sequence[Point], target: Sequence[Point]) -> list[list[Point]]:
    """Polygons where the pathway lies above the target path, crossings included."""
    if not pathway or not target:
        return []
    lo, hi = max(pathway[0][0], target[0][0]), min(pathway[-1][0], target[-1][0])
    xs = sorted({x for x, _ in (*pathway, *target) if lo <= x <= hi})
    gap: list[tuple[float, float, float]] = []  # x, pathway, target
    for x in xs:
        p, t = interpolate(pathway, x), interpolate(target, x)
        if p is not None and t is not None:
            gap.append((x, p, t))
    areas: list[list[Point]] = []
    upper: list[Point] = []
    lower: list[Point] = []
    for i, (x, p, t) in enumerate(gap):
        if i and (p - t) * (gap[i - 1][1] - gap[i - 1][2]) < 0:  # lines cross between samples
            x0, p0, t0 = gap[i - 1]
            cx = x0 + (x - x0) * (p0 - t0) / ((p0 - t0) - (p - t))
            cy = p0 + (p - p0) * (cx - x0) / (x - x0)
            upper.append((cx, cy))
            lower.append((cx, cy))
        if p > t:
            upper.append((x, p))
            lower.append((x, t))
        elif upper:
            if len(upper) > 1:
                areas.append(upper + lower[::-1])
            upper, lower = [], []
    if len(upper) > 1:
        areas.append(upper + lower[::-1])
    return areas


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2, 5 × 10^k) covering lo..hi."""
    span = hi - lo or abs(hi) or 1.0
    if span / count < sys.float_info.min:  # 5e-324 t: its fifth is 0.0, which has no logarithm
        span = 1.0
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(lo / step) * step
    digits = max(6, 3 - math.floor(math.log10(step)))  # rounds float noise away, never the step itself
    ticks: list[float] = []
    value = first
    while value < hi + step * 0.999 or len(ticks) < 2:  # two ticks at least: all-zero pathways
        ticks.append(round(value, digits))
        value += step
    if len(ticks) < 2:  # all values equal (e.g. all zero): still an axis with a height
        ticks.append(round(first + step, digits))
    return ticks


@dataclass(frozen=True)
class Frame:
    """The plot area of a year × t CO2e chart: data ranges mapped onto the SVG's pixels."""

    x0: float
    x1: float
    y0: float
    y1: float

    def sx(self, x: float) -> float:
        return LEFT + (x - self.x0) / (self.x1 - self.x0) * PLOT_W

    def sy(self, y: float) -> float:
        return TOP + (self.y1 - y) / (self.y1 - self.y0) * PLOT_H

    def path(self, pts: Sequence[Point]) -> str:
        return " ".join(f"{self.sx(x):.1f},{self.sy(y):.1f}" for x, y in pts)


PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
STYLES = {"inventory": 'stroke-width="2" stroke-dasharray="2 3"', "bau": 'stroke-width="2"',
          "pathway": 'stroke-width="2.5"', "target": 'stroke-width="2" stroke-dasharray="7 4"'}


def axes(points: Sequence[Point], lang: str) -> tuple[Frame, list[str]]:
    """A frame holding every point (and zero), with its grid, tonne ticks, unit and year ticks."""
    years = [x for x, _ in points]
    values = [y for _, y in points]
    x0, x1 = min(years), max(years)
    if x0 == x1:
        x0, x1 = x0 - 1, x1 + 1
    ticks = nice_ticks(min(0.0, *values), max(values))
    frame = Frame(x0, x1, ticks[0], ticks[-1])
    body: list[str] = []
    for tick in ticks:
        body.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{frame.sy(tick):.1f}" '
                    f'y2="{frame.sy(tick):.1f}" stroke="#e3e6e8"/>')
        body.append(text_at(LEFT - 6, frame.sy(tick) + 4, number(tick, lang), "end"))
    body.append(text_at(4, TOP - 14, label("chart_unit", lang)))
    for year in _year_ticks(int(x0), int(x1)):
        body.append(f'<line x1="{frame.sx(year):.1f}" x2="{frame.sx(year):.1f}" '
                    f'y1="{TOP + PLOT_H}" y2="{TOP + PLOT_H + 4}" stroke="#1d2327"/>')
        body.append(text_at(frame.sx(year), TOP + PLOT_H + 17, str(year), "middle"))
    body.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + PLOT_H}" '
                f'y2="{TOP + PLOT_H}" stroke="#1d2327"/>')
    return frame, body


def areas(frame: Frame, above: Sequence[Point], below: Sequence[Point]) -> list[str]:
    """The manko shading: where the `above` line lies over the `below` line."""
    return [f'<polygon points="{frame.path(area)}" fill="{COLOURS["manko"]}" '
            'fill-opacity="0.22" stroke="none"/>' for area in manko_areas(above, below)]


def line(frame: Frame, pts: Sequence[Point], colour: str, style: str, *,
         diamonds: bool = False, radius: float = 3) -> list[str]:
    """A polyline through the points (when there are two) and a marker on each point."""
    body = [f'<polyline points="{frame.path(pts)}" fill="none" stroke="{colour}" {style}/>'] \
        if len(pts) > 1 else []
    for x, y in pts:
        sx, sy = frame.sx(x), frame.sy(y)
        body.append(f'<rect x="{sx - 4:.1f}" y="{sy - 4:.1f}" width="8" height="8" '
                    f'fill="{colour}" transform="rotate(45 {sx:.1f} {sy:.1f})"/>' if diamonds else
                    f'<circle cx="{sx:.1f}" cy="{sy:.1f}" r="{radius:g}" fill="{colour}"/>')
    return body


def gap_mark(frame: Frame, x: float, top: float, bottom: float, text: str, *,
             right: bool = False) -> list[str]:
    """A red bar from `top` down to `bottom` in year `x`, its size written beside it."""
    middle = frame.sy((top + bottom) / 2)
    width = 7.2 * len(text) + 6
    box = frame.sx(x) + 4 if right else frame.sx(x) - 4 - width
    return [f'<line x1="{frame.sx(x):.1f}" x2="{frame.sx(x):.1f}" y1="{frame.sy(top):.1f}" '
            f'y2="{frame.sy(bottom):.1f}" stroke="{COLOURS["manko"]}" stroke-width="2"/>',
            f'<rect x="{box:.1f}" y="{middle - 9:.1f}" '
            f'width="{width:.1f}" height="17" fill="#fff" fill-opacity="0.85"/>',
            text_at(frame.sx(x) + 7 if right else frame.sx(x) - 7, middle + 4, text,
                    "start" if right else "end", f'fill="{COLOURS["manko"]}" font-weight="bold"')]


def pathway(data: Any, lang: str) -> Markup:
    """Inventory, BAU, action pathway and target levels (t CO2e/yr), manko shaded."""
    lines = {"inventory": series(data, INVENTORY), "bau": series(data, BAU),
             "pathway": series(data, PATHWAY), "target": targets(data)}
    title = label("pathway_title", lang)
    points = [p for pts in lines.values() for p in pts]
    if not points:
        return svg(WIDTH, 60, title, [text_at(10, 34, label("chart_no_data", lang))])
    frame, body = axes(points, lang)
    body += areas(frame, lines["pathway"], lines["target"])
    for name, pts in lines.items():
        body += line(frame, pts, COLOURS[name], STYLES[name], diamonds=name == "target")
    for x, t in lines["target"]:
        p = interpolate(lines["pathway"], x)
        if p is not None and p > t:
            body += gap_mark(frame, x, p, t, tonnes(p - t, lang))
    keys = {"inventory": "chart_inventory", "bau": "chart_bau", "pathway": "chart_pathway",
            "target": "chart_target", "manko": "chart_manko"}
    missing = [label(keys[n], lang) if n != "target" else label("chart_targets", lang)
               for n in ("inventory", "bau", "pathway", "target") if not lines[n]]
    body += legend([(COLOURS[n], label(k, lang), n == "manko") for n, k in keys.items()],
                   label("chart_missing", lang).format(what=", ".join(missing)) if missing
                   else None)
    return svg(WIDTH, HEIGHT, title, body)


def _year_ticks(first: int, last: int) -> list[int]:
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50) if (last - first) / s <= 10)
    return [y for y in range(first, last + 1) if y % step == 0] or [first, last]


def legend(entries: Sequence[tuple[str, str, bool]], warning: str | None = None) -> list[str]:
    """(colour, text, is an area) keys under the plot, wrapped; a warning line below them."""
    body, x, y = [], float(LEFT), HEIGHT - 52
    for colour, text, area in entries:
        width = 38 + 7.2 * len(text)
        if x + width > WIDTH - RIGHT:
            x, y = float(LEFT), y + 18
        body.append(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="18" height="10" fill="{colour}" '
                    'fill-opacity="0.22"/>' if area else
                    f'<line x1="{x:.1f}" x2="{x + 18:.1f}" y1="{y - 4:.1f}" y2="{y - 4:.1f}" '
                    f'stroke="{colour}" stroke-width="2.5"/>')
        body.append(text_at(x + 24, y, text))
        x += width
    if warning:
        body.append(text_at(LEFT, HEIGHT - 12, warning, extra=f'fill="{COLOURS["manko"]}"'))
    return body


def scorecard(elements: Sequence[ElementResult], lang: str) -> Markup:
    """One bar per element: its score (0-100 %) in its status colour, the status in words too."""
    row, bar_x, bar_w = 34, 250, 300
    body: list[str] = []
    for i, element in enumerate(elements):
        y = 10 + i * row
        colour = STATUS_COLOURS.get(element.status, STATUS_COLOURS["not_assessed"])
        body.append(text_at(0, y + 16, label(element.id, lang)))
        body.append(f'<rect x="{bar_x}" y="{y + 4}" width="{bar_w}" height="16" fill="#eef0f1"/>')
        score = element.score
        if score is not None:
            body.append(f'<rect x="{bar_x}" y="{y + 4}" width="{bar_w * score:.1f}" height="16" '
                        f'fill="{colour}"/>')
        shown = percent(score, lang) if score is not None else "–"
        status = label(element.status, lang)
        if score is None and element.status != "not_assessed":
            status += f" ({label('no_score', lang)})"
        body.append(text_at(bar_x + bar_w + 8, y + 16, f"{shown} · {status}",
                          extra=f'fill="{colour}"' if score is not None else 'fill="#5b6770"'))
    return svg(WIDTH, 10 + len(elements) * row, label("scorecard_chart", lang), body)

"""The portfolio's inline SVG: summed inventory, BAU, pathway and target against the 70 % line.

A sum over fewer plans than the portfolio holds would dip for no reason but a missing figure,
so lines join only complete sums and a partial one is a hollow dot. Plain escaped SVG, no
scripts or fonts, as capf.render.chart does for a single plan.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from capf.portfolio.model import Figure, Portfolio
from capf.portfolio.treatment import NATIONAL
from capf.render.chart import COLOURS
from capf.text.formatting import number

WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 90, 24, 24, 78
SERIES = ("inventory", "bau", "pathway", "target")
NATIONAL_COLOUR = "#6a1b9a"
REALISED_COLOUR = "#e65100"  # apart from the inventory's black: both are measured figures


def _nice_top(value: float) -> float:
    """A round upper bound for the y axis (1 to 10 times a power of ten, in small steps)."""
    if value <= 0:
        return 1.0
    step = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * step >= value:
            return float(factor * step)
    return float(10 * step)


def portfolio_chart(portfolio: Portfolio, words: dict[str, str], lang: str) -> Markup:
    """The chart, or an empty Markup when no plan was added up."""
    included = len(portfolio.municipalities)
    points: dict[str, list[tuple[int, Figure]]] = {
        s: [(t.year, getattr(t, s)) for t in portfolio.years
                  if getattr(t, s).tonnes is not None] for s in SERIES}
    # Realised sums nearly always cover only the plans with a report: drawn only when complete
    # (a partial one would read as a fall in emissions); the page's table gives every year.
    realised = [(r.year, r.realised) for r in portfolio.realised
                if r.realised.tonnes is not None and r.realised.plans == included]
    values: list[float] = [f.tonnes for pts in [*points.values(), realised] for _, f in pts
                           if f.tonnes is not None]
    if not included or not values:
        return Markup("")
    years = [t.year for t in portfolio.years]
    lo, hi = min(years), max(*years, 2050)
    top = _nice_top(max(values))
    bottom: float = min(0.0, *values)

    def x(year: float) -> float:
        return LEFT + (year - lo) / max(hi - lo, 1) * (WIDTH - LEFT - RIGHT)

    def y(tonnes: float) -> float:
        return TOP + (top - tonnes) / (top - bottom) * (HEIGHT - TOP - BOTTOM)

    body: list[str] = []
    for i in range(6):  # grid and y labels, in kt
        tonnes = bottom + (top - bottom) * i / 5
        body.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tonnes):.1f}" '
                    f'y2="{y(tonnes):.1f}" stroke="#e3e6e8"/>')
        body.append(_text(LEFT - 6, y(tonnes) + 4, f"{number(tonnes / 1000, lang)} kt", "end"))
    for year in sorted({lo, *range((lo // 10 + 1) * 10, hi + 1, 10), hi}):
        body.append(_text(x(year), HEIGHT - BOTTOM + 16, str(year), "middle"))
    base = portfolio.years[0].inventory if portfolio.years[0].year == 1990 else None
    if base is not None and base.tonnes is not None and 2030 in NATIONAL:
        line = (1 - NATIONAL[2030]) * base.tonnes
        body.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(line):.1f}" y2="{y(line):.1f}" '
                    f'stroke="{NATIONAL_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>')
        body.append(_text(WIDTH - RIGHT, y(line) - 5, words["national_line"], "end",
                          f'fill="{NATIONAL_COLOUR}"'))
    for series in SERIES:
        body += _series(points[series], included, COLOURS[series], x, y)
    body += _series(realised, included, REALISED_COLOUR, x, y)
    legend_y, lx = HEIGHT - 30, float(LEFT)
    keys = [(COLOURS[s], words[s]) for s in SERIES] + ([(REALISED_COLOUR, words["realised"])]
                                                       if realised else [])
    for colour, text in keys:  # each label as wide as its text (about 7 px a character at 12 px)
        if lx + 19 + 7 * len(text) > WIDTH - RIGHT:  # wrap to a second line
            legend_y, lx = legend_y + 17, float(LEFT)
        body.append(f'<rect x="{lx:.0f}" y="{legend_y - 9}" width="14" height="10" '
                    f'fill="{colour}"/>')
        body.append(_text(lx + 19, legend_y, text))
        lx += 19 + 7 * len(text) + 24
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'width="{WIDTH}" height="{HEIGHT}" role="img" font-size="12" '
            'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">'
            f"<title>{escape(words['chart'])}</title>")
    return Markup(head + "".join(body) + "</svg>")  # noqa: S704 - every text part is escaped


Scale = Callable[[float], float]


def _series(points: Sequence[tuple[int, Figure]], included: int, colour: str,
            fx: Scale, fy: Scale) -> list[str]:
    complete = [(yr, f.tonnes) for yr, f in points if f.plans == included and f.tonnes is not None]
    out: list[str] = []
    if len(complete) > 1:
        path = " ".join(f"{fx(yr):.1f},{fy(t):.1f}" for yr, t in complete)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
    for yr, f in points:
        if f.tonnes is None:
            continue
        fill = colour if f.plans == included else "#fff"
        out.append(f'<circle cx="{fx(yr):.1f}" cy="{fy(f.tonnes):.1f}" r="4" fill="{fill}" '
                   f'stroke="{colour}" stroke-width="2"/>')
    return out


def _text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {extra}>'
            f"{escape(text)}</text>")

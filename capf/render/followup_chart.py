"""The follow-up report's one chart: realised emissions over the years against pathway and target.

Drawn with the gap report's pieces (capf.render.chart): the same frame, line styles, manko
shading and legend, so the two reports read alike. The realised line is the municipality's
reported totals; a red bar at the latest realised year shows the excess over the pathway there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from capf.engine import emissions as em
from capf.read.status import StatusReport
from capf.render.chart import (
    COLOURS,
    HEIGHT,
    STYLES,
    WIDTH,
    areas,
    axes,
    gap_mark,
    interpolate,
    legend,
    line,
    svg,
    targets,
    text_at,
)
from capf.render.followup_figures import latest, pathway_line, realised_line
from capf.text.followup_words import followup_words
from capf.text.formatting import signed
from capf.text.labels import label

REALISED = COLOURS["inventory"]


def follow_up_chart(plan: Any, reports: Sequence[StatusReport], lang: str) -> Markup:
    """Realised totals, the action pathway, the target levels and the manko, in t CO2e a year."""
    w = followup_words(lang)
    done = realised_line(plan, reports)
    path, aims = pathway_line(plan), targets(plan)
    points = [*done, *path, *aims]
    if not points:
        return svg(WIDTH, 60, w["chart"], [text_at(10, 34, label("chart_no_data", lang))])
    frame, body = axes(points, lang)
    body += areas(frame, path, aims)
    body += line(frame, path, COLOURS["pathway"], STYLES["pathway"])
    body += line(frame, aims, COLOURS["target"], STYLES["target"], diamonds=True)
    body += line(frame, done, REALISED, 'stroke-width="3"', radius=4.5)
    record = latest(reports)
    if record is not None:
        year, made = float(record["year"]), em.total_of(record) or 0.0
        planned = interpolate(path, year)
        if planned is not None and round(made - planned) > 0:
            body += gap_mark(frame, year, made, planned, f"{signed(made - planned, lang)} t",
                             right=True)
    body += legend([(REALISED, w["chart_realised"], False),
                    (COLOURS["pathway"], label("chart_pathway", lang), False),
                    (COLOURS["target"], label("chart_target", lang), False),
                    (COLOURS["manko"], label("chart_manko", lang), True)],
                   None if latest(reports) else w["no_realised"])
    return svg(WIDTH, HEIGHT, w["chart"], body)

"""The plan's emission pathway as a table: one row per year, the figures the chart draws.

The Markdown report has no picture, so it carries this table instead, and the HTML report shows
it under the chart for readers who want the numbers. Every figure comes from
capf.engine.emissions (the same levels and manko the rules judge), only formatted here.
"""

from __future__ import annotations

from typing import Any

from capf.engine.emissions import BAU, INVENTORY, PATHWAY, items, manko_gaps, required_level, scenario_level
from capf.text.formatting import number

COLUMNS = ("inventory", "bau", "pathway", "target", "manko")


def _years(data: Any) -> list[int]:
    found = {record.get("year") for pointer in (INVENTORY, BAU, PATHWAY)
             for _, record in items(data, pointer)}
    found |= {gap.year for gap in manko_gaps(data)}
    return sorted(y for y in found if isinstance(y, int) and not isinstance(y, bool))


def pathway_rows(data: Any, lang: str) -> list[dict[str, str]]:
    """Per year: klimaregnskab, BAU, reduktionssti, målniveau and manko in t CO2e ('–' = none).

    The manko is the action pathway's distance above the target level in a milestone year, as
    `emissions.Gap.expected` computes it for the manko rule.
    """
    gaps = {gap.year: gap for gap in manko_gaps(data)}
    rows = []
    for year in _years(data):
        gap = gaps.get(year)
        figures = {
            "inventory": scenario_level(data, INVENTORY, year).tonnes,
            "bau": scenario_level(data, BAU, year).tonnes,
            "pathway": scenario_level(data, PATHWAY, year).tonnes,
            "target": required_level(data, year).tonnes,
            "manko": gap.expected if gap is not None else None,
        }
        rows.append({"year": str(year), **{k: "–" if v is None else number(v, lang)
                                           for k, v in figures.items()}})
    return rows

"""portfolio.html: the plans added up, on one self-contained page (Danish or English, A4 print).

The page shows what portfolio.json holds, in words: the headline cuts against the national
target, the chart, sums per year (partial sums marked n/N), manko by sector, the regional
breakdown, each municipality, the plans left out and the stated treatments.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

from capf.portfolio.model import Portfolio
from capf.portfolio.treatment import NATIONAL, treatment
from capf.render.crosslinks import dormant_link
from capf.render.page import check_format, environment
from capf.render.portfolio_chart import portfolio_chart
from capf.text.formatting import day, number, percent, signed
from capf.text.portfolio_words import portfolio_words

Y = TypeVar("Y")
DASH = "–"


def portfolio_html(portfolio: Portfolio, lang: str = "da") -> str:
    check_format("html", ("html",), lang)
    words = portfolio_words(lang)
    key_years = [y for y in sorted(NATIONAL) if any(t.year == y for t in portfolio.years)]

    def tn(value: float | None) -> str:
        return DASH if value is None else number(round(value), lang)

    def pct(value: float | None) -> str:
        return DASH if value is None else percent(round(value, 3), lang)

    def difference(value: float | None) -> str:
        return DASH if value is None else signed(value, lang)

    def year_map(years: Sequence[Y]) -> dict[int, Y]:
        return {getattr(y, "year"): y for y in years}  # noqa: B009 - plan and total years alike

    manko_years = [t for t in portfolio.years
                   if t.manko_declared.plans or t.manko_computed.plans]
    return environment().get_template("portfolio.html.j2").render(
        p=portfolio, w=words, lang=lang, n=len(portfolio.municipalities), tn=tn, pct=pct,
        year_map=year_map, key_years=key_years, manko_years=manko_years, signed=difference,
        names={m.code: m.name for m in portfolio.municipalities},
        realised_rule=treatment("no_status_report").text.da if lang == "da"
        else treatment("no_status_report").text.en,
        chart=portfolio_chart(portfolio, words, lang),
        as_of=day(date.fromisoformat(portfolio.as_of), lang), footer=None,
        overview_link=dormant_link("overview.html", words["overview"]))

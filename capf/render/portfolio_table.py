"""The portfolio as one long table (a row per scope and year), and that table as CSV and .xlsx.

Long rows (national, region, municipality × year) filter and pivot in a spreadsheet without
reshaping. The last two columns hold the realised emissions from status reports and the same
plans' pathway in that year (national and municipality rows; a realised year the plans give no
other figure for gets a row of its own). Danish CSV is `;`-separated with decimal commas
(Danish Excel splits on `;`), English `,` with points; both UTF-8 with a BOM and CRLF, every
text cell neutralised against formulas.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from capf.portfolio.model import Figure, PlanRealised, Portfolio, RealisedYear, YearTotal
from capf.text.formatting import csv_delimiter, csv_text
from capf.text.portfolio_words import portfolio_words

FIGURES = ("inventory", "bau", "pathway", "target", "manko_declared", "manko_computed")
# Headers in words, as a person reads them in Excel (and as a note names a figure: "Målniveau
# 1/3"); figures in t CO2e per year, cuts and shares as fractions (the workbook shows them in %)
HEADER = {
    "da": ("Omfang", "Navn", "Kode", "Region", "Fil", "År", "Klimaregnskab", "BAU-fremskrivning",
           "Reduktionssti", "Målniveau", "Erklæret manko", "Beregnet manko",
           "Målenes reduktion ift. 1990", "Stiens reduktion ift. 1990", "Planer",
           "Andel af mankoen", "Bemærkning", "Opgjort udledning", "Reduktionssti for samme planer"),
    "en": ("Scope", "Name", "Code", "Region", "File", "Year", "Inventory", "BAU", "Action pathway",
           "Target level", "Declared manko", "Computed manko", "Target cut vs 1990",
           "Pathway cut vs 1990", "Plans", "Share of the manko", "Note", "Realised emissions",
           "Pathway of the same plans"),
}
SHARES = (12, 13, 15)  # the columns holding a fraction: cuts vs 1990 and the share of the manko
SCOPES = {"da": ("land", "region", "kommune", "udeladt", "fejl"),
          "en": ("national", "region", "municipality", "left out", "error")}
Cell = str | int | float | None


def _sum_rows(scope: str, region: str, totals: Sequence[YearTotal], included: int,
              names: Sequence[str]) -> list[list[Cell]]:
    """A sum over fewer plans than the scope holds says so in the note: `name n/N`."""
    rows: list[list[Cell]] = []
    for total in totals:
        figures: list[Figure] = [getattr(total, f) for f in FIGURES]
        partial = [f"{name} {f.plans}/{included}" for name, f in zip(names, figures, strict=True)
                   if f.tonnes is not None and f.plans != included]
        rows.append([scope, region, "", region, "", total.year,
                     *(_tonnes(f.tonnes) for f in figures),
                     total.target.reduction_vs_1990, total.pathway.reduction_vs_1990,
                     included, None, ", ".join(partial), None, None])
    return rows


def _with_realised(rows: list[list[Cell]], found: Found, blank: list[Cell]) -> list[list[Cell]]:
    """`rows` (one scope, by year) with each realised year's two cells filled in, or a row of
    its own (from `blank`) for a year the rows lack; `found`: year → (realised, pathway, note)."""
    by_year = {row[5]: row for row in rows}
    for year, (made, path, note) in found.items():
        row = by_year.get(year)
        if row is None:
            row = by_year[year] = [*blank[:5], year, *blank[6:]]
        row[-2:] = [made, path]
        if note:
            row[-3] = ", ".join(filter(None, [str(row[-3] or ""), note]))
    return sorted(by_year.values(), key=lambda r: int(r[5] or 0))


Found = dict[int, tuple[Cell, Cell, str]]  # year → (realised, pathway of the same plans, note)


def _national_realised(years: list[RealisedYear], included: int, word: str) -> Found:
    return {r.year: (_tonnes(r.realised.tonnes), _tonnes(r.pathway.tonnes),
                     f"{word} {r.realised.plans}/{included}" if r.realised.plans != included else "")
            for r in years}


def _own_realised(points: list[PlanRealised]) -> Found:
    return {p.year: (_tonnes(p.realised), _tonnes(p.pathway), "") for p in points}


def _tonnes(value: float | None) -> int | None:
    return None if value is None else round(value)


def portfolio_rows(portfolio: Portfolio, lang: str) -> list[list[Cell]]:
    """The header, then national sums, region sums, each municipality's years, left-out rows."""
    national, region, municipality, left_out, error = SCOPES.get(lang, SCOPES["en"])
    included = len(portfolio.municipalities)
    header = HEADER.get(lang, HEADER["en"])
    names = header[6:12]
    rows: list[list[Cell]] = [list(header)]
    width = len(header)
    rows += _with_realised(_sum_rows(national, "", portfolio.years, included, names),
                           _national_realised(portfolio.realised, included, header[-2]),
                           [national, "", "", "", "", None, *[None] * 8, included,
                            *[None] * (width - 15)])
    for group in portfolio.groups:
        rows += _sum_rows(region, group.name, group.years, len(group.municipalities), names)
    words = portfolio_words(lang)
    for m in portfolio.municipalities:
        note = ", ".join(words[c] for c in m.cases)
        own = [[municipality, m.name, m.code, m.region, m.file, y.year,
                *(_tonnes(getattr(y, f)) for f in FIGURES), None, None, None,
                y.manko_share, note, None, None] for y in m.years]
        rows += _with_realised(own, _own_realised(m.realised),
                               [municipality, m.name, m.code, m.region, m.file, None,
                                *[None] * 10, note, None, None])
    for scope, listed in ((left_out, portfolio.left_out), (error, portfolio.errors)):
        for item in listed:
            reason = item.reason.da if lang == "da" else item.reason.en
            rows.append([scope, item.name or "", item.code or "", "", item.file, None,
                         *([None] * len(FIGURES)), None, None, None, None, reason, None, None])
    return rows


def _cell(value: Cell, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.4f}"
        return text.replace(".", ",") if lang == "da" else text
    if isinstance(value, int):
        return str(value)
    return csv_text(value)


def portfolio_xlsx(portfolio: Portfolio, lang: str) -> bytes:
    """The same rows as a workbook: numbers as numbers (shares and cuts as fractions), blanks empty."""
    from capf.render.workbook import Sheet, workbook_bytes

    table = [["" if c is None else c for c in row] for row in portfolio_rows(portfolio, lang)]
    return workbook_bytes(Sheet(title="capf portfolio", table=table, percent_columns=SHARES))


def portfolio_csv(portfolio: Portfolio, lang: str) -> str:
    """`;` and decimal commas for Danish, `,` and points for English; BOM, CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=csv_delimiter(lang), lineterminator="\r\n")
    for row in portfolio_rows(portfolio, lang):
        writer.writerow([_cell(c, lang) for c in row])
    return "\ufeff" + out.getvalue()

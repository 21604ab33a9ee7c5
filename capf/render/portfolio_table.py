"""The portfolio as one long table (a row per scope and year), and that table as CSV and .xlsx.

Long rows (national, region, municipality × year) filter and pivot in a spreadsheet without
reshaping. Danish CSV is `;`-separated with decimal commas (Danish Excel splits on `;`), English
`,` with points; both UTF-8 with a BOM and CRLF, every text cell neutralised against formulas.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from capf.portfolio.model import Figure, Portfolio, YearTotal
from capf.text.formatting import csv_delimiter, csv_text
from capf.text.portfolio_words import portfolio_words

FIGURES = ("inventory", "bau", "pathway", "target", "manko_declared", "manko_computed")
HEADER = {
    "da": ("omfang", "navn", "kode", "region", "fil", "år", "klimaregnskab", "bau",
           "reduktionssti", "målniveau", "manko_erklæret", "manko_beregnet",
           "mål_reduktion_ift_1990", "sti_reduktion_ift_1990", "planer",
           "andel_af_manko", "bemærkning"),
    "en": ("scope", "name", "code", "region", "file", "year", "inventory", "bau", "pathway",
           "target", "manko_declared", "manko_computed", "target_cut_vs_1990",
           "pathway_cut_vs_1990", "plans", "share_of_manko", "note"),
}
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
                     included, None, ", ".join(partial)])
    return rows


def _tonnes(value: float | None) -> int | None:
    return None if value is None else round(value)


def portfolio_rows(portfolio: Portfolio, lang: str) -> list[list[Cell]]:
    """The header, then national sums, region sums, each municipality's years, left-out rows."""
    national, region, municipality, left_out, error = SCOPES.get(lang, SCOPES["en"])
    included = len(portfolio.municipalities)
    header = HEADER.get(lang, HEADER["en"])
    names = header[6:12]
    rows: list[list[Cell]] = [list(header)]
    rows += _sum_rows(national, "", portfolio.years, included, names)
    for group in portfolio.groups:
        rows += _sum_rows(region, group.name, group.years, len(group.municipalities), names)
    words = portfolio_words(lang)
    for m in portfolio.municipalities:
        note = ", ".join(words[c] for c in m.cases)
        for y in m.years:
            rows.append([municipality, m.name, m.code, m.region, m.file, y.year,
                         *(_tonnes(getattr(y, f)) for f in FIGURES), None, None, None,
                         y.manko_share, note])
    for scope, listed in ((left_out, portfolio.left_out), (error, portfolio.errors)):
        for item in listed:
            reason = item.reason.da if lang == "da" else item.reason.en
            rows.append([scope, item.name or "", item.code or "", "", item.file, None,
                         *([None] * len(FIGURES)), None, None, None, None, reason])
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
    return workbook_bytes(Sheet(title="capf portfolio", table=table))


def portfolio_csv(portfolio: Portfolio, lang: str) -> str:
    """`;` and decimal commas for Danish, `,` and points for English; BOM, CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=csv_delimiter(lang), lineterminator="\r\n")
    for row in portfolio_rows(portfolio, lang):
        writer.writerow([_cell(c, lang) for c in row])
    return "\ufeff" + out.getvalue()

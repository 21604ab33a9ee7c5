"""The batch summary table: one row per plan, as cells, then as CSV and as a workbook.

Kept apart from `capf.batch`, which judges and writes files: the table is a rendering of the
rows batch keeps, so CSV and XLSX share one list of columns and one cell order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from capf.model.rule import ELEMENTS
from capf.render.workbook import DECISIONS, STATUS_SHADE, Sheet, workbook_bytes
from capf.text.formatting import csv_document
from capf.text.labels import words

COUNTED = ("pass", "fail", "needs_review", "waived", "error")
COLUMNS = ("file", "name", "status", *ELEMENTS, *COUNTED, "message")


@dataclass(frozen=True)
class Row:
    """What the summary keeps of one plan (never the verdict itself)."""

    file: str
    stem: str
    name: str = ""
    status: str = ""
    elements: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""


def summary_table(rows: Sequence[Row]) -> list[list[str | int]]:
    """The header, then one line per plan in `COLUMNS` order; an unjudged plan has blank counts."""
    table: list[list[str | int]] = [list(COLUMNS)]
    for row in rows:
        table.append([row.file, row.name, row.status,
                      *(row.elements.get(e, "") for e in ELEMENTS),
                      *(row.counts.get(k, "") for k in COUNTED), row.error])
    return table


def summary_csv(rows: Sequence[Row], delimiter: str = ",") -> str:
    """One row per plan; UTF-8 with a byte-order mark so spreadsheets read æ, ø and å."""
    return csv_document(summary_table(rows), delimiter)


def summary_workbook(rows: Sequence[Row], lang: str) -> bytes:
    """summary.xlsx: the CSV's columns, coloured statuses, then the reviewer's sign-off columns."""
    t = words(lang)
    signoff: list[str | int] = [t["reviewer_decision"], t["comment"], t["reviewer_name"],
                                t["date"]]
    blank: list[str | int] = ["", "", "", ""]
    table = [line + (signoff if number == 0 else blank)
             for number, line in enumerate(summary_table(rows))]
    decision = len(COLUMNS)
    return workbook_bytes(Sheet(title="capf", table=table,
                                status_columns=tuple(range(2, 3 + len(ELEMENTS))),
                                status_text={s: s for s in STATUS_SHADE},
                                decision_column=decision, decisions=DECISIONS[_lang(lang)]))


def _lang(lang: str) -> str:
    return lang if lang in DECISIONS else "en"

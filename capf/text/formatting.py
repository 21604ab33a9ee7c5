"""Numbers, dates and quoted plan values in the reader's language (Danish or English).

The national conventions capf needs (`1.234.567 t CO2e`, `75 %`, `1. juni 2030`) are three
patterns in two languages, written out here from CLDR's da_DK and en_GB data; a test checks
them against Babel, which would cost 36 MB installed and ~0.3 s at first use (README).
Years stay as written (`2050`, not `2.050`); other figures from 1,000 on are grouped, as in
capf.text.message.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from capf.text.message import looks_like_year
from capf.text.names import name_label
from capf.text.values import field_label

_MARKS = {"da": (",", "."), "en": (".", ",")}  # (decimal, grouping), as CLDR da_DK / en_GB
_MONTHS = {
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
_PERCENT = {"da": "{}\u00a0%", "en": "{}%"}  # CLDR: Danish puts a no-break space before %
_BOOL = {"da": ("nej", "ja"), "en": ("no", "yes")}
ELLIPSIS = "…"


def _lang(lang: str) -> str:
    return lang if lang in _MARKS else "en"


def number(value: float, lang: str, digits: int = 0) -> str:
    """A figure with the language's grouping and decimal marks: 1.234.567,5 (da) / 1,234,567.5.

    At most `digits` decimals, trailing zeros dropped, rounded half to even (as CLDR's `#,##0.##`).
    """
    point, group = _MARKS[_lang(lang)]
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    sign = "-" if exact.is_signed() else ""  # as CLDR: -0.2 rounds to "-0"
    whole, _, decimals = f"{abs(exact):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", group)
    decimals = decimals.rstrip("0")
    return sign + grouped + (point + decimals if decimals else "")


def tonnes(value: float, lang: str) -> str:
    """Emissions are whole tonnes in plans; decimals would suggest a precision they lack."""
    return f"{number(value, lang)} t CO2e"


def signed(tonnes: float, lang: str) -> str:
    """+2.071 / −500 / 0: a difference says its direction (whole units, a true minus sign)."""
    return ("+" if round(tonnes) > 0 else "−" if round(tonnes) < 0 else "") + \
        number(abs(tonnes), lang)


def percent(fraction: float, lang: str) -> str:
    """0.75 → '75\u00a0%' (da, with a no-break space) or '75%' (en)."""
    return _PERCENT[_lang(lang)].format(number(fraction * 100, lang))


def day(value: date | str, lang: str) -> str:
    """An ISO date as '1. juni 2030' (da) or '1 June 2030' (en); other text is returned as is."""
    if isinstance(value, str):
        try:
            when = date.fromisoformat(value)
        except ValueError:
            return value
    else:
        when = value
    month = _MONTHS[_lang(lang)][when.month - 1]
    return f"{when.day}. {month} {when.year}" if _lang(lang) == "da" else \
        f"{when.day} {month} {when.year}"


def is_year_field(field: str) -> bool:
    return field == "year" or field.endswith(("_year", "_until"))


def plain_number(value: float, lang: str, field: str = "") -> str:
    """Years and numbers under 1,000 as written; others grouped as `number` does.

    A year is told by its field's name (`year`, `*_year`) or, with no field, by its size.
    """
    year = is_year_field(field) if field else looks_like_year(value)
    if isinstance(value, int) and (abs(value) < 1000 or year):
        return str(value)
    return number(value, lang, digits=0 if float(value).is_integer() else 1)


def shorten(text: str, limit: int) -> str:
    """One line of at most `limit` characters, so a quoted value never swamps its row."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def quote(value: Any, lang: str, limit: int = 160, field: str = "") -> str:
    """What a plan has at a pointer, as one short line: scalars formatted, containers summarised.

    Schema codes are shown by their labels (`field`, the pointer's last token, tells an
    ambiguous code's kind); `evidence` objects are left out, the report shows them as page
    references.
    """
    return shorten(_text(value, lang, field, top=True), limit)


def _text(value: Any, lang: str, field: str = "", *, top: bool = False) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return _BOOL.get(lang, _BOOL["en"])[value]
    if isinstance(value, int | float):
        return plain_number(value, lang, field)
    if isinstance(value, str):
        return field_label(field, value, lang)
    if isinstance(value, list):  # "1; 2,5" in Danish, where the comma is the decimal mark
        sep = "; " if lang == "da" and any(isinstance(v, float) for v in value) else ", "
        return sep.join(_text(v, lang, field) for v in value) or "–"
    if isinstance(value, Mapping):  # "år: 1990 · i alt: 250.000 · sektorer: (Energi: …)"
        parts = " · ".join(f"{name_label(str(k), lang)}: {_text(v, lang, str(k))}"
                           for k, v in value.items() if k != "evidence")
        return parts if top or field.isdigit() else f"({parts})"
    return json.dumps(value, ensure_ascii=False, default=str)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A piece of a cell a reader could take as a cell of its own: after a separator (either one:
# Danish Excel splits at `;`, others at `,`, some at tabs) or a line break, behind any quotes.
_INNER_FORMULA = re.compile(r'([,;\t\r\n]"*)(?=[=+\-@])')
CSV_DELIMITERS = {"da": ";", "en": ","}


def csv_delimiter(lang: str) -> str:
    """The list separator of the reader's Excel: `;` in Danish (decimal comma), `,` in English."""
    return CSV_DELIMITERS.get(lang, CSV_DELIMITERS["en"])


def csv_text(text: str) -> str:
    """A CSV cell a spreadsheet shows as text whichever separator it splits at.

    A cell starting with = + - @ (or a tab or CR) would run as a formula, so it gets a leading
    `'`; so does every piece after an inner `,`, `;`, tab or line break, because a reader using
    the other separator (or ignoring quotes) starts a new cell there: `x;=cmd|…` stays text.
    """
    text = "'" + text if text.startswith(_FORMULA_START) else text
    return _INNER_FORMULA.sub(r"\1'", text)


def csv_document(table: Sequence[Sequence[str | int]], delimiter: str = ",") -> str:
    """Rows of cells as CSV: BOM (Excel then reads UTF-8), CRLF, text cells quoted and neutralised.

    Quoting every text cell keeps a Danish decimal comma or a `;` inside its cell for a reader of
    the separator written; `csv_text` covers the reader of the other one.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_NONNUMERIC,
                        lineterminator="\r\n")
    for line in table:
        writer.writerow([csv_text(c) if isinstance(c, str) else c for c in line])
    return "\ufeff" + out.getvalue()

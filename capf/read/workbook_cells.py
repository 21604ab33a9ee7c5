"""One workbook cell ↔ one JSON value, both ways, exactly (the round trip is lossless).

- Text is stored as text; characters XML cannot hold (control characters, a carriage return)
  are written `_xHHHH_`, OOXML's own escape that Excel shows as the character, and a literal
  `_xHHHH_` in the text is written `_x005F_xHHHH_`, so reading undoes exactly what writing did.
- Numbers keep their JSON form: an integer is written as its digits, a float by `repr` (all 17
  digits, with a point), where openpyxl would round to 16 digits and drop the `.0`.
- A code (enum) is shown by its label in the workbook's language; reading takes the label in
  either language or the code itself. A list of codes is labels joined by ", ".
- Yes/no is the word (ja/nej, yes/no); a boolean cell is read too. A date is a date cell
  (yyyy-mm-dd) read back as an ISO date; ISO text is read too.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import Any

from capf.read.workbook_layout import Column
from capf.text.message import Phrase
from capf.text.workbook_errors import found, refusal, wanted
from capf.text.workbook_words import YES_NO, code_labels

SEPARATOR = ", "
MAX_CELL = 32_767  # Excel's limit on the characters of one cell
_UNSAFE = re.compile(r"_(x[0-9A-Fa-f]{4}_)|([\x00-\x08\x0b-\x0c\x0d\x0e-\x1f\ufffe\uffff])")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_LIST = re.compile(r"[,;]")


class CellError(ValueError):
    """A cell's value does not fit its column; the reader adds file, sheet, cell and pointer."""

    def __init__(self, said: Phrase) -> None:
        super().__init__(said.en)
        self.said = said


def escaped(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        return f"_x005F_{match.group(1)}" if match.group(1) else f"_x{ord(match.group(2)):04X}_"
    return _UNSAFE.sub(one, text)


def unescaped(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


@cache
def labels(column: Column, lang: str) -> dict[str, str]:
    """The column's codes → their labels in `lang`."""
    return code_labels(column.field, column.codes, lang)


@cache
def _codes(column: Column) -> dict[str, str]:
    """Any label (either language) or code → the code."""
    found: dict[str, str] = {}
    for lang in ("en", "da"):
        for code, text in labels(column, lang).items():
            found.setdefault(text.casefold(), code)
    found.update({code.casefold(): code for code in column.codes})
    return found


def cell_value(column: Column, value: Any, lang: str) -> tuple[Any, str]:
    """What to write for `value`: the cell value (str, number or date) and its kind of cell."""
    kind = column.kind
    if kind in ("enum", "enums"):
        shown = labels(column, lang)
        return (SEPARATOR.join(shown[v] for v in value) if kind == "enums" else shown[value]), "s"
    if kind == "boolean":
        return YES_NO[lang][0 if value else 1], "s"
    if kind == "date":
        return date.fromisoformat(value), "d"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return escaped(str(value)), "s"
    return repr(value), "n"  # openpyxl writes the text as it is: exact digits, int stays int


def json_value(column: Column, raw: Any) -> Any:
    """The JSON value a cell's content stands for (raises CellError when it cannot)."""
    kind = column.kind
    if isinstance(raw, str) and len(raw) > MAX_CELL:
        raise CellError(refusal("cell_too_long", count=len(raw), limit=MAX_CELL))
    if kind in ("enum", "enums"):
        return _code(column, raw)
    if kind == "boolean":
        return _boolean(raw)
    if kind == "date":
        return _date(raw)
    if kind in ("text", "ref") and isinstance(raw, str):
        return unescaped(raw)
    if kind in ("integer", "ref") and type(raw) is int:
        return raw
    if kind == "number" and type(raw) in (int, float):
        return raw
    if kind == "page" and type(raw) in (int, str):
        return unescaped(raw) if isinstance(raw, str) else raw
    raise CellError(refusal("expected", wanted=wanted(kind), found=found(raw)))


def _code(column: Column, raw: Any) -> Any:
    if not isinstance(raw, str):
        raise CellError(refusal("expected", wanted=wanted("one_of", choices=_choices(column)),
                                found=found(raw)))
    known = _codes(column)
    # labels are joined by ", "; Danish Excel's own list separator `;` is read too
    parts = [p.strip() for p in _LIST.split(raw)] if column.kind == "enums" else [raw.strip()]
    codes = []
    for part in filter(None, parts):
        if part.casefold() not in known:
            raise CellError(refusal("not_one_of", part=repr(part[:40]), choices=_choices(column)))
        codes.append(known[part.casefold()])
    return codes if column.kind == "enums" else (codes[0] if codes else "")


def _choices(column: Column) -> Phrase:
    return Phrase(*(", ".join(labels(column, lang).values()) for lang in ("en", "da")))


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        text = raw.strip().casefold()
        for lang in YES_NO.values():
            if text in lang:
                return text == lang[0]
        if text in ("true", "false", "sand", "falsk"):
            return text in ("true", "sand")
    raise CellError(refusal("expected", wanted=wanted("yes_no"), found=found(raw)))


def _date(raw: Any) -> str:
    if isinstance(raw, datetime):
        if raw.time() != datetime.min.time():
            raise CellError(refusal("time_of_day", when=raw.isoformat()))
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, str) and _ISO.match(raw.strip()):
        return raw.strip()
    raise CellError(refusal("expected", wanted=wanted("date"), found=found(raw)))

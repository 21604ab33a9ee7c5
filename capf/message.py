"""Filling rule messages: a closed formatter over named values, never a template engine.

Only `{name}` fields are allowed (no attributes, indexes, conversions or format specs), so
plan text inserted into a message can never be evaluated; the names a message may use are
checked when the rule set loads.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter
from typing import Any

_FORMATTER = Formatter()
MISSING = {"en": "(missing)", "da": "(mangler)"}
NONE = {"en": "none", "da": "ingen"}
MAX_VALUE_CHARS = 200


def fields_of(template: str) -> list[str]:
    """The field names of a message; raises ValueError on anything but plain `{name}`."""
    names = []
    for _, name, spec, conversion in _FORMATTER.parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"only plain {{name}} placeholders are allowed, not {{{name}...}}")
        names.append(name)
    return names


def fill(template: str, values: Mapping[str, Any], lang: str) -> str:
    out = []
    for literal, name, _, _ in _FORMATTER.parse(template):
        out.append(literal)
        if name is not None:
            out.append(show(values.get(name), lang, plain=name == "year" or name.endswith("_year")))
    return "".join(out)


def show(value: Any, lang: str, *, plain: bool = False) -> str:
    """A value as text in a message: numbers in the language's style (years `plain`)."""
    if value is None:
        return MISSING.get(lang, MISSING["en"])
    if value in ([], {}):
        return NONE.get(lang, NONE["en"])
    if isinstance(value, bool):
        return {"en": ("no", "yes"), "da": ("nej", "ja")}.get(lang, ("no", "yes"))[value]
    if isinstance(value, int | float):
        return str(value) if plain else number(value, lang)
    if isinstance(value, list | tuple):
        text = ", ".join(show(v, lang, plain=plain) for v in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k}: {show(v, lang)}" for k, v in value.items())
    else:
        text = str(value)
    text = " ".join(text.split())  # messages are one line
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def number(value: float, lang: str) -> str:
    """1234567.5 → '1,234,567.5' (en) or '1.234.567,5' (da); below 10,000 no grouping.

    Whole numbers under 10,000 are shown as written, so years (2050) and counts read naturally.
    """
    if isinstance(value, int) and abs(value) < 10_000:
        return str(value)
    rounded = round(float(value), 1)
    text = f"{rounded:,.0f}" if rounded == int(rounded) else f"{rounded:,.1f}"
    if lang == "da":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text

"""Filling rule messages: a closed formatter over named values, never a template engine.

Only `{name}` fields are allowed (no attributes, indexes, conversions or format specs), so
plan text inserted into a message can never be evaluated; the names a message may use are
checked when the rule set loads.

Checks that compute text (a domain check's `reason`) compute it in both languages as a
`Phrase` and store it with `bilingual`: `name` in English, `name_da` in Danish. `fill` shows
`{name}` from `name_da` in a Danish message, so English never leaks into a Danish finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from string import Formatter
from typing import Any

from capf.text.values import value_label

_FORMATTER = Formatter()
MISSING = {"en": "(missing)", "da": "(mangler)"}
NONE = {"en": "none", "da": "ingen"}
MAX_VALUE_CHARS = 300
TRANSLATED = ("da",)  # languages whose text a check may give as `name_<lang>` beside `name`

# The sentences domain checks word from their figures (capf.engine.checks.domain and
# capf.engine.emissions), English and Danish side by side, so a translator finds them in one
# place. Filled by `Phrase.said`.
PHRASES: dict[str, tuple[str, str]] = {
    "sum_no_total": ("{item} (no total)", "{item} (ingen total)"),
    "sum_no_sectors": ("{item} (no sectors)", "{item} (ingen sektorfordeling)"),
    "sum_above": ("{item} (the sectors add up to {gap} t more than the total)",
                  "{item} (sektorerne giver {gap} t mere end totalen)"),
    "sum_below": ("{item} (the sectors add up to {gap} t less than the total)",
                  "{item} (sektorerne giver {gap} t mindre end totalen)"),
    "no_reference_total": ("the inventory states no total for {year}",
                           "klimaregnskabet angiver ingen total for {year}"),
    "reference_not_above_zero": (
        "the inventory total for {year} is zero or a net uptake, so a cut in percent cannot be "
        "computed", "klimaregnskabets total for {year} er nul eller et nettooptag, så en "
        "reduktion i procent kan ikke beregnes"),
    "target_net_zero": (
        "The {year} target allows {target_t} t CO2e, which is at least as far below any "
        "{ref_year} emissions as a {least} % cut.", "Målet for {year} tillader {target_t} t "
        "CO2e, hvilket ligger mindst lige så langt under enhver udledning i {ref_year} som en "
        "reduktion på {least} %."),
    "target_cut": (
        "The {year} target allows {target_t} t CO2e, {reduction_percent} % below the {ref_year} "
        "inventory ({reference_t} t); {least} % below would be {required_t} t.",
        "Målet for {year} tillader {target_t} t CO2e, {reduction_percent} % under klimaregnskabet "
        "for {ref_year} ({reference_t} t); {least} % under ville være {required_t} t."),
    "no_population": ("no population in /municipality/population",
                      "intet indbyggertal i /municipality/population"),
    "per_resident_target": (
        "The {year} target allows {per_capita_t} t CO2e per resident ({level_t} t for "
        "{population} residents).", "Målet for {year} giver {per_capita_t} t CO2e pr. indbygger "
        "({level_t} t fordelt på {population} indbyggere)."),
    "per_resident_pathway": (
        "In {year} the action pathway gives {per_capita_t} t CO2e per resident ({level_t} t for "
        "{population} residents).", "I {year} giver reduktionsstien {per_capita_t} t CO2e pr. "
        "indbygger ({level_t} t fordelt på {population} indbyggere)."),
    "manko_above": (
        "In {year} the declared manko is {declared} t, but the action pathway ({pathway} t) lies "
        "{gap} t above the target level ({target} t).", "I {year} er den opgjorte manko "
        "{declared} t, men reduktionsstien ({pathway} t) ligger {gap} t over målniveauet "
        "({target} t)."),
    "manko_not_above": (
        "In {year} the declared manko is {declared} t, but the action pathway ({pathway} t) does "
        "not exceed the target level ({target} t), so the manko should be 0 t.", "I {year} er "
        "den opgjorte manko {declared} t, men reduktionsstien ({pathway} t) ligger ikke over "
        "målniveauet ({target} t), så mankoen skal være 0 t."),
    "manko_unchecked": ("Not checkable for lack of data: {why}.",
                        "Kan ikke kontrolleres, fordi der mangler data: {why}."),
    "manko_no_strategy": ("a manko is declared but /manko/strategy is empty",
                          "der er opgjort en manko, men /manko/strategy er tom"),
    "pathway_unexplained": (
        "in {year} BAU ({bau} t) minus the effects ({effects} t) gives {left} t, but the action "
        "pathway is {pathway} t", "i {year} giver BAU ({bau} t) minus effekten ({effects} t) "
        "{left} t, men reduktionsstien er {pathway} t"),
    "pathway_above_bau": (
        "in {year} the action pathway ({pathway} t) lies above BAU ({bau} t), which the actions' "
        "effects ({effects} t) cannot explain", "i {year} ligger reduktionsstien ({pathway} t) "
        "over BAU ({bau} t), hvilket handlingernes effekt ({effects} t) ikke kan forklare"),
    "pathway_no_common_year": (
        "BAU, action pathway and the actions' stated effects have no year in common",
        "BAU, reduktionssti og handlingernes angivne effekt har intet fælles år"),
    "range_low": ("{category} {cut} % (low end {low} %)", "{category} {cut} % (nedre grænse {low} %)"),
    "range_unjustified": ("{category} {cut} % (mid {mid} %, no justification)",
                          "{category} {cut} % (midten {mid} %, ingen begrundelse)"),
    "range_justified": ("{category} {cut} % (below mid {mid} %, justified)",
                        "{category} {cut} % (under midten {mid} %, begrundet)"),
}


@dataclass(frozen=True)
class Phrase:
    """The same short text in English and Danish: a reason or detail a check computes."""

    en: str
    da: str

    @classmethod
    def of(cls, en: str, da: str | None = None, **values: Any) -> Phrase:
        """Both templates filled from the same values, numbers in each language's style.

        `da` defaults to `en` (a template of values only); values may be phrases themselves.
        """
        return cls(fill(en, values, "en"), fill(en if da is None else da, values, "da"))

    @classmethod
    def said(cls, key: str, **values: Any) -> Phrase:
        """The sentence `PHRASES[key]`, filled from `values`."""
        return cls.of(*PHRASES[key], **values)

    @classmethod
    def join(cls, parts: Iterable[Phrase | None], sep: str = "; ") -> Phrase | None:
        """The phrases given, each once, in order; None when there are none."""
        kept = list(dict.fromkeys(p for p in parts if p is not None))
        return cls(sep.join(p.en for p in kept), sep.join(p.da for p in kept)) if kept else None

    def get(self, lang: str) -> str:
        return self.da if lang == "da" else self.en

    def sentence(self) -> Phrase:
        """Capitalised and ending in a full stop, to stand on its own in a message."""
        def cap(text: str) -> str:
            text = text[:1].upper() + text[1:]
            return text if text.endswith((".", "?", "!")) else text + "."
        return Phrase(cap(self.en), cap(self.da))


def bilingual(name: str, value: Phrase | list[Phrase] | None) -> dict[str, Any]:
    """A check's value in both languages: `{name: English, name_da: Danish}`.

    Always both keys (None when there is no text), so combining findings keeps them paired.
    """
    if isinstance(value, list):
        return {name: [p.en for p in value], f"{name}_da": [p.da for p in value]}
    if value is None:
        return {name: None, f"{name}_da": None}
    return {name: value.en, f"{name}_da": value.da}


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


def localized(values: Mapping[str, Any], name: str, lang: str) -> Any:
    """A check's value `name` in `lang`: its `name_<lang>` twin when there is one."""
    value = values.get(f"{name}_{lang}") if lang in TRANSLATED else None
    return values.get(name) if value is None else value


def fill(template: str, values: Mapping[str, Any], lang: str) -> str:
    """The template with each `{name}` shown in `lang`; `name_<lang>` wins over `name`."""
    out = []
    for literal, name, plain in _parts(template):
        out.append(literal)
        if name is not None:
            out.append(show(localized(values, name, lang), lang, plain=plain))
    return "".join(out)


@lru_cache(maxsize=4096)
def _parts(template: str) -> tuple[tuple[str, str | None, bool], ...]:
    """A template split once (rule messages and phrases are filled for every plan): literal,
    field name and whether the field is a year, shown as written."""
    return tuple((literal, name, name is not None and (name == "year" or name.endswith("_year")))
                 for literal, name, _, _ in _FORMATTER.parse(template))


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
    if isinstance(value, Phrase):
        text = value.get(lang)
    elif isinstance(value, list | tuple):
        text = ", ".join(show(v, lang, plain=plain) for v in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{value_label(str(k), lang)}: {show(v, lang)}" for k, v in value.items())
    elif isinstance(value, str):
        text = value_label(value, lang)  # a schema code is shown by its label
    else:
        text = str(value)
    text = " ".join(text.split())  # messages are one line
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def looks_like_year(value: Any) -> bool:
    """A whole number a plan uses as a year (1900-2100): shown as written, never grouped."""
    return isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100


def number(value: float, lang: str) -> str:
    """1234567.5 → '1,234,567.5' (en) or '1.234.567,5' (da): grouped from 1,000 on, as Babel
    groups them in reports, so '3.700 indbyggere' never stands beside '87.800'.

    Years stay as written (2050): whole numbers from 1900 to 2100 are taken for years.
    Fractions keep up to two decimals (3.39 t per resident), so a value is shown as judged.
    """
    if isinstance(value, int) and (abs(value) < 1000 or looks_like_year(value)):
        return str(value)
    rounded = round(float(value), 2)
    text = f"{rounded:,.0f}" if rounded.is_integer() else f"{rounded:,.2f}".rstrip("0")
    if lang == "da":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text

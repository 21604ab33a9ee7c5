"""Exceptions for bad input. A plan's gaps are results, never exceptions.

Every error carries its text in English and Danish (`Said`: capf.text.errors words it from one
catalogue keyed by the kind of error), so the command line shows it in the output language;
`str(exc)` stays English for callers of the API.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn, Protocol

from capf.model.pointer import pointer, shown

if TYPE_CHECKING:
    from pydantic import ValidationError


class Said(Protocol):
    """A text in English and Danish: capf.text.message.Phrase, or Words below."""

    @property
    def en(self) -> str: ...

    @property
    def da(self) -> str: ...


@dataclass(frozen=True)
class Words:
    """A short text in both languages, for the model layer, which stands below capf.text."""

    en: str
    da: str

    def get(self, lang: str) -> str:
        return self.da if lang == "da" else self.en

    def __str__(self) -> str:
        return self.en


def words(text: str | Said) -> Words:
    """`text` in both languages; a plain string is the same text in either."""
    return Words(text, text) if isinstance(text, str) else Words(text.en, text.da)


AT = Words("at", "ved")  # "plan.yaml:3 at /municipality/name"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located by JSON Pointer and, when known, line."""

    pointer: str
    message: str
    line: int | None = None
    cell: str | None = None  # in a workbook: `Sheet!B5`
    message_da: str | None = None

    @classmethod
    def of(cls, ptr: str, message: str | Said, line: int | None = None) -> Problem:
        said = words(message)
        return cls(ptr, said.en, line, message_da=said.da)

    def text(self, lang: str) -> str:
        return (self.message_da or self.message) if lang == "da" else self.message

    def where(self, source: str, lang: str = "en") -> str:
        line = f":{self.line}" if self.line is not None else ""
        cell = f" {self.cell}" if self.cell else ""
        return f"{source}{line}{cell} {AT.get(lang)} {shown(self.pointer)}"

    def place(self, source: str) -> Words:
        """'file:line at /pointer' in both languages."""
        return Words(self.where(source, "en"), self.where(source, "da"))

    def said(self) -> Words:
        return Words(self.message, self.text("da"))

    def located(self, source: str, more: int = 0, at_least: bool = False) -> Words:
        """'file:line at /pointer: message', with how many more problems the file has (`at_least`
        when the count was capped)."""
        least = Words("at least ", "mindst ") if at_least else Words("", "")
        tail = Words(f" (and {least.en}{more:,} more)", f" (og {least.da}{more:,} til)".replace(",", "."))\
            if more else Words("", "")
        return Words(*(f"{self.where(source, lang)}: {self.text(lang)}{tail.get(lang)}"
                       for lang in ("en", "da")))


class CapfError(Exception):
    """Base of every error capf raises for bad input or usage (CLI exit code 2)."""

    def __init__(self, message: str | Said, *, source: str = "<input>",
                 problems: tuple[Problem, ...] = ()) -> None:
        self.source = source
        self.problems = problems
        self.words = words(message)
        super().__init__(self.words.en)

    def text(self, lang: str) -> str:
        """The error in the output language (English for a language capf does not write)."""
        return self.words.get(lang)


class InvalidDocument(CapfError):
    """A file could not be parsed safely (syntax, duplicate keys, aliases, limits)."""


def refuse(source: str, path: list[str | int], message: str | Said,
           line: int | None = None) -> NoReturn:
    """The one way a reader refuses input: an InvalidDocument naming file, line and pointer."""
    where = f"{source}:{line}" if line is not None else source
    said = words(message)
    raise InvalidDocument(Words(*(f"{where}: {said.get(lang)} ({AT.get(lang)} {shown(pointer(path))})"
                                  for lang in ("en", "da"))), source=source)


class InvalidPlan(CapfError):
    """A plan document does not match the plan schema."""


class InvalidRules(CapfError):
    """A rule file or profile is malformed (unknown check, option, placeholder …)."""


class InvalidWaivers(CapfError):
    """A waiver file is malformed (missing reason or expiry, unknown rule …)."""


class UsageError(CapfError):
    """The command line or API was called with arguments that cannot work."""


# pydantic's error types in Danish; the English is pydantic's own message.
_PYDANTIC_DA = {
    "missing": "mangler", "extra_forbidden": "ukendt nøgle", "model_type": "forventede en mapping",
    "string_type": "forventede tekst", "int_type": "forventede et heltal",
    "int_parsing": "forventede et heltal", "float_type": "forventede et tal",
    "bool_type": "forventede true eller false", "list_type": "forventede en liste",
    "dict_type": "forventede en mapping", "string_too_short": "teksten er for kort",
    "string_too_long": "teksten er for lang", "string_pattern_mismatch": "har ikke den forventede form",
    "too_short": "for få elementer", "too_long": "for mange elementer",
    "date_type": "forventede en dato (ÅÅÅÅ-MM-DD)", "date_from_datetime_parsing": "ikke en gyldig dato",
    "date_parsing": "ikke en gyldig dato (ÅÅÅÅ-MM-DD)", "literal_error": "ikke en af de tilladte værdier",
    "enum": "ikke en af de tilladte værdier",
}


def first_problem(exc: ValidationError) -> tuple[str, Words]:
    """(dotted place, message) of the most telling pydantic error.

    An unknown key explains a missing one (a typo), so it is reported first; model class
    names never reach the user. A validator's own text comes as a PydanticCustomError whose
    context holds its Danish (`da`).
    """
    errors = exc.errors()
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    place = ".".join(str(p) for p in first["loc"])
    kind = first["type"]
    english = {"model_type": "expected a mapping", "extra_forbidden": "unknown key"}.get(kind, first["msg"])
    danish = (first.get("ctx") or {}).get("da") or _PYDANTIC_DA.get(kind, english)
    return place, Words(english, str(danish))

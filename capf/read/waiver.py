"""Waivers: an accepted gap, with a reason and an expiry, never a pass (cf. InSpec waivers)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from capf.model.errors import CapfError, InvalidWaivers, first_problem
from capf.read.document import read_file
from capf.text.errors import said


class Waiver(BaseModel):
    """One accepted gap."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str = Field(min_length=1, max_length=80, description="Id (or former id) of the rule.")
    scope: str | None = Field(None, max_length=300, pattern=r"^(/[^\n]*)?$",
                              description="Only findings at or under this JSON Pointer.")
    reason: str = Field(min_length=3, max_length=2000, description="Why the gap is accepted.")
    approved_by: str | None = Field(None, max_length=200, description="Who accepted it.")
    expires: date = Field(description="Last day the waiver is valid (YYYY-MM-DD).")

    @field_validator("reason")
    @classmethod
    def _said(cls, text: str) -> str:
        if not any(_visible(c) for c in text):  # zero-width spaces alone are no reason
            raise PydanticCustomError("invisible_reason", "a waiver needs a reason in visible text",
                                      {"da": "en dispensation skal have en begrundelse i synlig tekst"})
        return text

    @field_validator("expires", mode="before")
    @classmethod
    def _iso(cls, value: Any) -> Any:
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            raise PydanticCustomError("iso_date", "expires must be an ISO date, YYYY-MM-DD (not a "
                                      "timestamp)", {"da": "expires skal være en ISO-dato, ÅÅÅÅ-MM-DD "
                                                     "(ikke et tidsstempel)"})
        return value

    def covers(self, rule_ids: tuple[str, ...], evidence: list[str]) -> bool:
        if self.rule not in rule_ids:
            return False
        if self.scope is None:
            return True
        return any(p == self.scope or p.startswith(self.scope.rstrip("/") + "/") for p in evidence)

    def label(self) -> str:
        return f"{self.rule} {self.scope}" if self.scope else self.rule


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INVISIBLE = frozenset("\u115f\u1160\u2800\u3164\uffa0")  # fillers drawn as nothing


def _visible(char: str) -> bool:
    return not char.isspace() and char not in _INVISIBLE and \
        unicodedata.category(char) not in ("Cc", "Cf", "Cn", "Co", "Cs", "Mn", "Me", "Zs")


class WaiverFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    waivers: list[Waiver] = Field(description="The waivers.")


@dataclass(frozen=True)
class WaiverSet:
    waivers: tuple[Waiver, ...]
    sha256: str
    source: str


def is_expired(waiver: Waiver, as_of: date) -> bool:
    """The one rule for expiry: a waiver is valid up to and including its `expires` day."""
    return as_of > waiver.expires


def load_waivers(path: str | Path) -> WaiverSet:
    """Read a waiver file; anything malformed is an InvalidWaivers (never ignored)."""
    if not isinstance(path, str | Path):
        raise InvalidWaivers(said("waiver_path_type", kind=type(path).__name__))
    path = Path(path)
    try:
        document = read_file(path)
    except CapfError as exc:
        raise InvalidWaivers(exc.words, source=str(path)) from None
    try:
        parsed = WaiverFile.model_validate(document.data)
    except ValidationError as exc:
        dotted, message = first_problem(exc)
        place = "/" + dotted.replace(".", "/") if dotted else "/"
        line = document.line_of(place)
        where = f"{path}:{line}" if line else str(path)
        problem = said("waivers_not_mapping") if place == "/" else message
        raise InvalidWaivers(said("waiver_problem", where=where, place=place, problem=problem),
                             source=str(path)) from None
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return WaiverSet(tuple(parsed.waivers), digest, str(path))

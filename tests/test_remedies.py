"""Remedies and messages speak of the plan, not the file: the field comes after, in code style.

"Angiv i forpligtelsen, at planen er Paris-kompatibel (`commitment.paris_compatible: true`)"
reads to a climate coordinator; "Sæt commitment.paris_compatible til true" reads only to whoever
edits the YAML. The report shows the code spans of a remedy and of a finding's message as small
grey code, so a field path is allowed there and nowhere else in their prose, in either language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
RULE_FILES = sorted(p for p in (ROOT / "rules").rglob("*.yaml")
                    if p.name not in ("profile.yaml", "criteria.yaml"))
# A field path: dotted snake_case (risk_assessment.date), a snake_case name (staff_fte) or a
# JSON Pointer (/inventory/years); "e.g." and "fx" are no paths.
FIELD = re.compile(r"(?<![\w`/.{-])(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)*(?:\.[a-z][a-z0-9_]*)+(?:\[\])?"
                   r"|[a-z][a-z0-9]*(?:_[a-z0-9]+)+|/[a-z_]+(?:/[a-z_0-9*]+)+)(?![\w}])")
NOT_FIELDS = {"e.g"}


def fields_in_prose(text: str) -> list[str]:
    """The field paths of `text` outside its `code` spans."""
    return [hit for hit in FIELD.findall(re.sub(r"`[^`]*`", "", text)) if hit not in NOT_FIELDS]


def _remedies(key: str = "remedy") -> list[tuple[str, str, str]]:
    found = []
    for path in RULE_FILES:
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
        for lang, text in (rule.get(key) or {}).items():
            found.append((path.relative_to(ROOT).as_posix(), lang, text))
    return found


def test_every_rule_file_has_a_remedy_in_both_languages() -> None:
    langs: dict[str, set[str]] = {}
    for name, lang, _ in _remedies():
        langs.setdefault(name, set()).add(lang)
    assert len(langs) == len(RULE_FILES)
    assert all(found == {"en", "da"} for found in langs.values())


@pytest.mark.parametrize("key", ["remedy", "message"])
def test_no_remedy_or_message_names_a_field_in_its_prose(key: str) -> None:
    named = [(name, lang, fields_in_prose(text)) for name, lang, text in _remedies(key)
             if fields_in_prose(text)]
    assert named == [], "\n".join(f"{n} [{lang}]: {hits}" for n, lang, hits in named)


@pytest.mark.parametrize(("text", "hits"), [
    ("Tilføj risk_assessment.date (ÅÅÅÅ-MM-DD).", ["risk_assessment.date"]),
    ("Udfyld staff_fte og budget.", ["staff_fte"]),
    ("Angiv i inventory.years[] hvert år.", ["inventory.years[]"]),
    ("Se /inventory/years.", ["/inventory/years"]),
    ("Angiv datoen (`risk_assessment.date`), fx 2024.", []),
    ("Use e.g. RCP8.5 or SSP5-8.5 to {min_horizon_year}.", []),
])
def test_the_finder_sees_a_field_in_prose_and_none_in_code(text: str, hits: list[str]) -> None:
    assert fields_in_prose(text) == hits

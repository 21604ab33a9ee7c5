"""`capf rules` speaks the output language: Danish by default (a DGO advisor who asks which rules
a profile has), English with --lang en; every title shows the profile's values, not `{param}`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from capf.engine.checks.vocabulary import VOCABULARY
from capf.text.reference_words import CHECKS_DA

ROOT = Path(__file__).resolve().parents[1]

# English words that may not stand in the Danish reference's prose (outside code and ids).
ENGLISH = re.compile(r"\b(the|and|of|is|every|rule|rules|criterion|level|profile|title|essential|"
                     r"recommended|source|verified|secondary|passing|failing|example|check|checks|"
                     r"what|why|matters|extends|generated|formerly|switches|judges|follow-up)\b")


def _rules(*args: str, lang: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "CAPF_LANG"}
    done = subprocess.run([sys.executable, "-m", "capf", "rules", *args,
                           *(["--lang", lang] if lang else [])], capture_output=True, text=True,
                          encoding="utf-8", check=False, cwd=ROOT, timeout=120, env=env)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout


def _prose(markdown: str) -> list[str]:
    """The lines a reader reads as text: code blocks, `code`, links' targets and ids left out."""
    out, code = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            code = not code
            continue
        if not code:
            out.append(re.sub(r"`[^`]*`|\]\([^)]*\)|\b[A-Z]{3}-\d+[\w-]*|\|---", " ", line))
    return out


@pytest.mark.parametrize("profile", [None, "dk2020", "monitoring"])
def test_capf_rules_is_danish_by_default(profile: str | None) -> None:
    text = _rules(*(["--profile", profile] if profile else []))
    prose = _prose(text)
    assert prose[0] == "# capf-regler"
    english = [line for line in prose if ENGLISH.search(line)]
    assert english == [], english[:5]
    assert "| krav |" in text
    assert not any("{" in line for line in prose), [line for line in prose if "{" in line][:3]
    if profile is None:
        assert "| anbefaling |" in text and "## Styring og samarbejde" in text
        assert "## Tjek" in text and "| tjek | hvad det vurderer |" in text


def test_capf_rules_is_english_with_lang_en() -> None:
    text = _rules(lang="en")
    prose = _prose(text)
    assert prose[0] == "# capf rules"
    assert "| essential |" in text and "| recommended |" in text and "| krav |" not in text
    assert "**Why it matters.**" in text and "## Checks" in text
    assert not any("{" in line for line in prose), [line for line in prose if "{" in line][:3]


def test_titles_and_remedies_show_the_profiles_values() -> None:
    danish, english = _rules(), _rules(lang="en")
    assert "resilience by 2050 |" in english and "{max_year}" not in english.split("```")[0]
    assert "senest i 2050 |" in danish


def test_a_user_profile_fills_its_own_params(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text('id: mine\nversion: "1"\ntitle: {en: Mine, da: Min}\nextends: dk2020\n'
                       "params: {GOV-1-paris-neutral-resilient: {max_year: 2045}}\n",
                       encoding="utf-8")
    text = _rules("--profile", str(profile))
    assert "Profil `mine` 1: Min (bygger på: c40-capf-2020 → dk2020 → mine)." in text
    assert "klimarobusthed senest i 2045 |" in text and "klimarobusthed senest i 2050" not in text


def test_the_json_is_data_with_titles_in_both_languages() -> None:
    rows = json.loads(_rules("--format", "json", "--profile", "dk2020"))
    row = next(r for r in rows if r["id"] == "GOV-1-paris-neutral-resilient")
    assert row["level"] == "essential" and row["element"] == "governance"
    assert row["title"].endswith("by 2050") and row["title_da"].endswith("senest i 2050")
    assert json.loads(_rules("--format", "json", "--profile", "dk2020", lang="en")) == rows


def test_every_check_has_a_danish_summary() -> None:
    assert set(CHECKS_DA) == set(VOCABULARY)
    assert all(text.strip() and text != VOCABULARY[name].summary for name, text in CHECKS_DA.items())

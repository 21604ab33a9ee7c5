"""The built-in rule files' parsed data (capf/engine/prebuilt.json): fresh, equal, and guarded.

`CAPF_REGEN=1 python -m pytest tests/test_prebuilt.py` writes prebuilt.json from rules/.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from capf.engine import prebuilt, profile, ruleset
from capf.engine.ruleset import KNOWN_PROFILES, RuleSet
from capf.read.document import read_file
from capf.read.resources import data_dir

REGEN = os.environ.get("CAPF_REGEN") == "1"


def test_prebuilt_json_is_generated_from_the_rule_files_now_in_rules() -> None:
    text = prebuilt.generate()
    if REGEN:
        prebuilt.PREBUILT.write_text(text, encoding="utf-8")
    assert prebuilt.PREBUILT.read_text(encoding="utf-8") == text, \
        "capf/engine/prebuilt.json is stale: CAPF_REGEN=1 python -m pytest tests/test_prebuilt.py"


def _shape(rules: RuleSet) -> str:
    """Everything a verdict takes from a rule set, as JSON (so 1 and 1.0 differ)."""
    return json.dumps({"id": rules.id, "version": rules.version, "title": rules.title.model_dump(),
                       "chain": rules.chain, "sha256": rules.sha256, "files": rules.files,
                       "criteria": [c.model_dump() for c in rules.criteria],
                       "rules": [[r.rule.model_dump(), r.params, r.path, r.profile, repr(r.clause),
                                  repr(r.when)] for r in rules.rules]}, sort_keys=True)


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records each rule, profile or catalogue file read and parsed (not taken from prebuilt)."""
    seen: list[str] = []
    real = profile.read_file

    def counted(path: Path, **kw: Any) -> Any:
        seen.append(str(path))
        return real(path, **kw)

    monkeypatch.setattr(profile, "read_file", counted)
    return seen


@pytest.mark.parametrize("name", KNOWN_PROFILES)
def test_a_builtin_profile_loads_without_parsing_yaml_and_equals_the_parsed_one(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    parses = _parses(monkeypatch)
    ruleset.criteria_catalogue.cache_clear()
    fast = ruleset._load(profile.profile_path(name))
    assert parses == []
    monkeypatch.setattr(profile, "parsed", lambda path: None)
    ruleset.criteria_catalogue.cache_clear()
    slow = ruleset._load(profile.profile_path(name))
    ruleset.criteria_catalogue.cache_clear()
    assert len(parses) == len(slow.files) + 1  # every rule and profile file, and criteria.yaml
    assert _shape(fast) == _shape(slow)


@pytest.fixture
def rules_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of rules/ standing in for the built-in folder (prebuilt.json stays the shipped one)."""
    copy = tmp_path / "rules"
    shutil.copytree(data_dir("rules"), copy)
    monkeypatch.setattr(prebuilt, "data_dir", lambda name: copy)
    monkeypatch.setattr(profile, "data_dir", lambda name: copy)
    monkeypatch.setattr(ruleset, "data_dir", lambda name: copy)
    ruleset.criteria_catalogue.cache_clear()
    yield copy
    ruleset.criteria_catalogue.cache_clear()


def test_an_edited_builtin_rule_file_is_parsed_not_taken_from_prebuilt(
        rules_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rule = rules_copy / "dk2020" / "neutrality" / "NEU-1-inventory-recent.yaml"
    text = rule.read_text(encoding="utf-8")
    title = '  da: "Opgørelsen er højst {max_age_years} år ældre end planen"'
    assert title in text
    rule.write_text(text.replace(title, '  da: "Redigeret titel"', 1), encoding="utf-8")
    parses = _parses(monkeypatch)
    loaded = ruleset._load(rules_copy / "dk2020" / "profile.yaml")
    assert parses == [str(rule)]
    edited = next(r for r in loaded.rules if r.rule.id == "NEU-1-inventory-recent")
    assert edited.rule.title.da == "Redigeret titel"


def test_a_new_builtin_rule_file_is_read_although_prebuilt_does_not_know_it(
        rules_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = rules_copy / "dk2020" / "neutrality" / "NEU-1-inventory-recent.yaml"
    new = old.with_name("NEU-1-inventory-copy.yaml")
    new.write_text(old.read_text(encoding="utf-8").replace("id: NEU-1-inventory-recent",
                                                           "id: NEU-1-inventory-copy"), encoding="utf-8")
    parses = _parses(monkeypatch)
    loaded = ruleset._load(rules_copy / "dk2020" / "profile.yaml")
    assert parses == [str(new)]
    assert "NEU-1-inventory-copy" in {r.rule.id for r in loaded.rules}


def test_a_file_outside_the_builtin_folder_is_always_parsed(tmp_path: Path) -> None:
    builtin = data_dir("rules") / "dk2020" / "profile.yaml"
    twin = tmp_path / "dk2020" / "profile.yaml"  # the same bytes and the same relative name
    twin.parent.mkdir()
    twin.write_bytes(builtin.read_bytes())
    assert prebuilt.parsed(builtin) is not None
    assert prebuilt.parsed(twin) is None


def test_each_lookup_returns_new_objects() -> None:
    path = data_dir("rules") / "dk2020" / "profile.yaml"
    first = prebuilt.parsed(path)
    first["rules"].append("changed")
    assert prebuilt.parsed(path) == read_file(path).data

"""Filling messages: values shown per language, Danish text from `name_da`, and no English reason
(or dangling "(missing)") in any finding of the built-in rules."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_rule_examples import all_rules, example_context

from capf import evaluate, load_plan, load_ruleset
from capf.engine.evaluator import run_rule
from capf.engine.ruleset import BUILTIN_PROFILES
from capf.model.rule import Text
from capf.model.verdict import Result
from capf.text.message import (
    MAX_VALUE_CHARS,
    PHRASES,
    Phrase,
    bilingual,
    fields_of,
    fill,
    number,
    show,
)

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 1, 1)
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


# -- show and fill ------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "lang", "shown"), [
    pytest.param(None, "en", "(missing)", id="none-en"),
    pytest.param(None, "da", "(mangler)", id="none-da"),
    pytest.param([], "en", "none", id="empty-list-en"),
    pytest.param([], "da", "ingen", id="empty-list-da"),
    pytest.param({}, "da", "ingen", id="empty-dict-da"),
    pytest.param(True, "en", "yes", id="true-en"),
    pytest.param(False, "da", "nej", id="false-da"),
    pytest.param(2050, "da", "2050", id="small-int-as-written"),
    pytest.param(12_000, "en", "12,000", id="int-grouped-en"),
    pytest.param(12_000, "da", "12.000", id="int-grouped-da"),
    pytest.param(1_234_567.5, "en", "1,234,567.5", id="float-en"),
    pytest.param(1_234_567.5, "da", "1.234.567,5", id="float-da"),
    pytest.param(3.39, "da", "3,39", id="two-decimals-kept"),
    pytest.param(3.456, "en", "3.46", id="rounded-to-two-decimals"),
    pytest.param(0.5, "da", "0,5", id="tolerance-da"),
    pytest.param(5.0, "da", "5", id="whole-float"),
    pytest.param(-1500.25, "da", "-1.500,25", id="negative-da"),
    pytest.param([2030, 2050], "da", "2030, 2050", id="list-of-years"),
    pytest.param({"year": 2022, "total": 167_000}, "da", "year: 2022, I alt: 167.000", id="dict"),
    pytest.param("Fjordby\n  Kommune\tnord", "da", "Fjordby Kommune nord", id="one-line"),
    pytest.param(Phrase("no total", "ingen total"), "da", "ingen total", id="phrase"),
])
def test_show(value: Any, lang: str, shown: str) -> None:
    assert show(value, lang) == shown


def test_show_cuts_long_values() -> None:
    shown = show("x" * 1000, "da")
    assert len(shown) == MAX_VALUE_CHARS
    assert shown.endswith("…")
    assert show("x" * MAX_VALUE_CHARS, "en") == "x" * MAX_VALUE_CHARS


def test_years_are_plain() -> None:
    assert show(12_000, "da", plain=True) == "12000"
    values = {"year": 12_000, "base_year": 20_000, "count": 12_000}
    assert fill("{year} {base_year} {count}", values, "da") == "12000 20000 12.000"


@pytest.mark.parametrize(("values", "lang", "filled"), [
    pytest.param({"reason": "no total", "reason_da": "ingen total"}, "da", "Grund: ingen total.",
                 id="danish-from-_da"),
    pytest.param({"reason": "no total", "reason_da": "ingen total"}, "en", "Grund: no total.",
                 id="english-ignores-_da"),
    pytest.param({"reason": "no total", "reason_da": None}, "da", "Grund: no total.",
                 id="_da-none-falls-back"),
    pytest.param({"reason": None, "reason_da": None}, "da", "Grund: (mangler).", id="both-none"),
    pytest.param({}, "da", "Grund: (mangler).", id="absent"),
    pytest.param({"reason": ["a (no total)"], "reason_da": ["a (ingen total)"]}, "da",
                 "Grund: a (ingen total).", id="list-_da"),
    pytest.param({"reason": [], "reason_da": []}, "da", "Grund: ingen.", id="empty-list-_da"),
])
def test_fill_prefers_the_danish_value(values: dict[str, Any], lang: str, filled: str) -> None:
    assert fill("Grund: {reason}.", values, lang) == filled


def test_fill_is_one_line_and_keeps_literal_text() -> None:
    filled = fill("I {year}: {value} ({count} stk.)", {"year": 2030, "value": "a\nb",
                                                      "count": 12_345.0}, "da")
    assert filled == "I 2030: a b (12.345 stk.)"


@pytest.mark.parametrize("template", ["{a.b}", "{a[0]}", "{a!r}", "{a:>3}", "{0}"])
def test_only_plain_fields_are_allowed(template: str) -> None:
    with pytest.raises(ValueError, match="plain"):
        fields_of(template)


def test_number_groups_from_a_thousand_but_keeps_years() -> None:
    assert (number(3700, "en"), number(3700, "da"), number(10_000, "da"), number(999, "da"),
            number(2050, "da"), number(1899, "da")) == (
        "3,700", "3.700", "10.000", "999", "2050", "1.899")


# -- Phrase and bilingual -----------------------------------------------------------------------

def test_phrase_of_formats_numbers_per_language() -> None:
    said = Phrase.of("{item} (difference {gap} t)", "{item} (afvigelse {gap} t)",
                     item="2022", gap=14_000)
    assert said == Phrase("2022 (difference 14,000 t)", "2022 (afvigelse 14.000 t)")
    assert Phrase.of("{year}: {why}", year=2055, why=said) == Phrase(
        "2055: 2022 (difference 14,000 t)", "2055: 2022 (afvigelse 14.000 t)")


def test_phrase_join_and_sentence() -> None:
    a, b = Phrase("no total", "ingen total"), Phrase("no sectors", "ingen sektorfordeling")
    assert Phrase.join([a, None, b, a]) == Phrase("no total; no sectors",
                                                  "ingen total; ingen sektorfordeling")
    assert Phrase.join([None]) is None
    assert a.sentence() == Phrase("No total.", "Ingen total.")
    assert Phrase("x.", "y.").sentence() == Phrase("X.", "Y.")


def test_bilingual_always_gives_both_keys() -> None:
    assert bilingual("reason", None) == {"reason": None, "reason_da": None}
    assert bilingual("reason", Phrase("a", "b")) == {"reason": "a", "reason_da": "b"}
    assert bilingual("failing", [Phrase("a", "b")]) == {"failing": ["a"], "failing_da": ["b"]}
    assert bilingual("failing", []) == {"failing": [], "failing_da": []}


@pytest.mark.parametrize("key", sorted(PHRASES))
def test_every_phrase_is_translated_with_the_same_fields(key: str) -> None:
    en, da = PHRASES[key]
    assert en != da
    assert sorted(fields_of(en)) == sorted(fields_of(da))


# -- no English (and no dangling "(missing)") in Danish findings ---------------------------------

# Phrases only the English text of a reason or detail has: emissions' and the domain checks'.
ENGLISH = ("no figure", "no population", " is empty", "no inventory figure", "no total",
           "no sectors", "difference", "target without", "net sink", "unknown target type",
           "not positive", "sector target", "Not checkable", "declared manko is", "lies ",
           "does not exceed", "minus the effects", "no year in common", "low end",
           "no justification", "justified", "per resident", "target allows", "below would be")
# `(missing)` may end a "label: value" but never stands where a number or word must follow.
DANGLING = {"en": re.compile(r"\(missing\)(?![.,;)]|$)|Missing data: \(missing\)"),
            "da": re.compile(r"\(mangler\)(?![.,;)]|$)|Manglende data: \(mangler\)")}


def english_in_danish(result: Result) -> list[str]:
    """English a Danish message shows: marker phrases, or the English of a translated value."""
    found = [m for m in ENGLISH if m in result.message.da]
    for key, value in result.values.items():
        danish = result.values.get(f"{key}_da")
        paired = isinstance(value, list) and isinstance(danish, list)
        pairs = zip(value, danish, strict=True) if paired else [(value, danish)]
        found += [en for en, da in pairs if isinstance(en, str) and isinstance(da, str)
                  and en != da and en in result.message.da]
    return found


def _findings() -> list[tuple[str, Result]]:
    """Every non-pass result of the example plans and of every rule's failing examples."""
    out = []
    for path in EXAMPLES:
        plan = load_plan(path)
        for profile in BUILTIN_PROFILES:
            for result in evaluate(plan, load_ruleset(profile), as_of=AS_OF).results:
                out.append((f"{path.stem}/{profile}/{result.rule}", result))
    for compiled in all_rules():
        for index, fragment in enumerate(compiled.rule.examples.fail):
            out.append((f"{compiled.rule.id}/fail{index}",
                        run_rule(compiled, example_context(compiled, fragment))))
    return [(where, r) for where, r in out if r.outcome not in ("pass", "not_applicable")]


FINDINGS = _findings()


def test_the_findings_include_translated_reasons() -> None:
    """Guards the tests below against passing vacuously: translated values are shown."""
    translated = {r.rule for _, r in FINDINGS
                  if any(k.endswith("_da") and r.values[k] for k in r.values)}
    assert {"NEU-1-sector-sums", "NEU-3-bau-by-sector", "NEU-4-pathway-consistency",
            "NEU-6-c40-per-capita-2030", "NEU-6-national-70-percent", "NEU-8-manko-consistent",
            "NEU-9-sector-ranges-2030"} <= translated
    reasons = [r for _, r in FINDINGS if r.values.get("reason_da")]
    assert any(r.values["reason_da"] in r.message.da for r in reasons)


@pytest.mark.parametrize(("where", "result"), FINDINGS, ids=[w for w, _ in FINDINGS])
def test_a_danish_finding_shows_no_english_reason(where: str, result: Result) -> None:
    assert english_in_danish(result) == [], result.message.da


@pytest.mark.parametrize(("where", "result"), FINDINGS, ids=[w for w, _ in FINDINGS])
def test_a_finding_shows_no_dangling_missing(where: str, result: Result) -> None:
    for lang in ("en", "da"):
        text = result.message.get(lang)
        assert not DANGLING[lang].search(text), text
        assert "\n" not in text


def test_the_leak_check_finds_an_untranslated_reason() -> None:
    """The check above fails on the leak it is for: an English reason in a Danish message."""
    reason = "2055 (no figure for 2055 in the action pathway)"
    values: dict[str, Any] = {"reason": reason, "reason_da": None, "year": 2055}
    result = Result(rule="NEU-8-manko-consistent", criterion="NEU-8", element="neutrality",
                    level="essential", outcome="fail", title=Text(en="t", da="t"),
                    message=Text(en="x", da=fill("Manglende data: {reason}.", values, "da")),
                    evidence=[], values=values, confidence="verified", source="DK2020 3.3")
    assert english_in_danish(result) == ["no figure"]
    sly = result.model_copy(update={"values": {**values, "reason_da": "(oversat)"}})
    assert english_in_danish(sly) == ["no figure", reason]  # a _da the message did not use
    values["reason_da"] = "2055 (intet tal for 2055 i reduktionsstien)"
    fixed = result.model_copy(update={"values": values, "message": Text(
        en="x", da=fill("Manglende data: {reason}.", values, "da"))})
    assert english_in_danish(fixed) == []
    assert DANGLING["da"].search("reduktionsstien ((mangler) t)")
    assert DANGLING["da"].search("angivet interval: (mangler) måneder")
    assert not DANGLING["da"].search("Dato i planen: (mangler).")

"""The rule catalogue covers the requirement catalogue, in both languages."""

from __future__ import annotations

import re

import pytest

from capf.engine.ruleset import KNOWN_PROFILES, criteria_catalogue, load_ruleset

# The 30 criterion ids of shared/capf-framework.md §2, typed out so a lost criterion is noticed.
FRAMEWORK_IDS = ([f"GOV-{n}" for n in range(1, 12)] + [f"ADA-{n}" for n in range(1, 5)]
                 + [f"NEU-{n}" for n in range(1, 13)] + [f"INC-{n}" for n in range(1, 4)])
ASSIGNED = {**dict.fromkeys(FRAMEWORK_IDS, "dk2020"),
            **{f"NEU-{n}": "klimaalliancen-2024" for n in range(9, 13)}}


def test_the_catalogue_file_holds_exactly_the_framework_ids() -> None:
    assert sorted(criteria_catalogue()) == sorted(FRAMEWORK_IDS)


@pytest.mark.parametrize("criterion", FRAMEWORK_IDS)
def test_every_criterion_is_cited_in_the_profile_it_belongs_to(criterion: str) -> None:
    ruleset = load_ruleset(ASSIGNED[criterion])
    assert [c.rule.id for c in ruleset.rules if c.rule.criterion == criterion]


def test_2024_criteria_are_not_in_dk2020_and_are_marked_secondary() -> None:
    dk = {c.rule.criterion for c in load_ruleset("dk2020").rules}
    assert not dk & {"NEU-9", "NEU-10", "NEU-11", "NEU-12"}
    for compiled in load_ruleset("klimaalliancen-2024").rules:
        if compiled.profile == "klimaalliancen-2024":
            assert compiled.rule.source.confidence == "secondary", compiled.rule.id


def test_c40_profile_uses_only_criteria_with_a_c40_component() -> None:
    catalogue = criteria_catalogue()
    for compiled in load_ruleset("c40-capf-2020").rules:
        assert catalogue[compiled.rule.criterion].profile == "c40-capf-2020", compiled.rule.id


def _words(text: str) -> set[str]:
    """Words of prose, leaving out field names (paris_compatible, commitment.text)."""
    prose = re.sub(r"[\w]+(?:[._/][\w]+)+", " ", text.lower())
    return set(re.findall(r"[a-zæøå]{4,}", prose))


@pytest.mark.parametrize("profile", KNOWN_PROFILES)
def test_every_text_exists_in_both_languages_and_danish_is_not_a_copy(profile: str) -> None:
    for compiled in load_ruleset(profile).rules:
        rule = compiled.rule
        for key in ("title", "rationale", "message", "remedy"):
            text = getattr(rule, key)
            assert text.en.strip() and text.da.strip(), f"{rule.id}.{key}"
            assert text.da != text.en, f"{rule.id}.{key} Danish is the English text"
            english = _words(text.en)
            if len(english) >= 6:  # long texts: mostly different words
                shared = len(english & _words(text.da)) / len(english)
                assert shared < 0.5, f"{rule.id}.{key} Danish shares {shared:.0%} of English words"


def test_every_criterion_has_danish_and_english_names() -> None:
    for criterion in criteria_catalogue().values():
        assert criterion.title.da != criterion.title.en or criterion.id in {"GOV-9"}

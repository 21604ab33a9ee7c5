"""The program's own words (not the rules'), in English and Danish, in one small catalogue."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # overall status
    "compliant": {"en": "compliant", "da": "opfylder kravene"},
    "compliant_with_observations": {"en": "compliant with observations",
                                    "da": "opfylder kravene med bemærkninger"},
    "non_compliant": {"en": "non-compliant", "da": "opfylder ikke kravene"},
    # criterion / element status
    "met": {"en": "met", "da": "opfyldt"},
    "partially_met": {"en": "partially met", "da": "delvist opfyldt"},
    "not_met": {"en": "not met", "da": "ikke opfyldt"},
    "not_assessed": {"en": "not assessed", "da": "ikke vurderet"},
    # rule outcomes
    "pass": {"en": "pass", "da": "bestået"},
    "fail": {"en": "fail", "da": "mangel"},
    "needs_review": {"en": "needs review", "da": "kræver vurdering"},
    "waived": {"en": "waived", "da": "dispenseret"},
    "error": {"en": "error", "da": "fejl"},
    "not_applicable": {"en": "not applicable", "da": "ikke relevant"},
    # levels
    "essential": {"en": "essential", "da": "krav"},
    "recommended": {"en": "recommended", "da": "anbefaling"},
    # elements
    "governance": {"en": "Governance & collaboration", "da": "Styring og samarbejde"},
    "adaptation": {"en": "Adaptation", "da": "Klimatilpasning"},
    "neutrality": {"en": "Emissions neutrality", "da": "Udledningsneutral"},
    "inclusion": {"en": "Inclusion & co-benefits", "da": "Social inklusion og merværdier"},
    # words
    "as_of": {"en": "as of", "da": "pr."},
    "score": {"en": "score", "da": "score"},
    "gaps": {"en": "Gaps", "da": "Mangler"},
    "no_gaps": {"en": "No gaps found.", "da": "Ingen mangler fundet."},
    "waivers_unmatched": {"en": "Waivers matching no gap", "da": "Dispensationer uden mangel"},
}


def label(key: str, lang: str) -> str:
    """The label for `key` in `lang` (English when the key has no such language)."""
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry["en"]

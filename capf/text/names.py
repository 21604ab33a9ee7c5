"""Names as words: the plan's field names and the names of the values checks compute.

A report quotes plan values as "år: 1990 · i alt: 250.000", the checklist shows computed values
as "mangler: Skybrud"; both take the words from here (codes themselves from capf.text.values).
"""

from __future__ import annotations

import re

from capf.text.values import value_label

# The plan's field names most often quoted in a report, as words; others are shown by their label
# when they are codes themselves (sector keys), else as they are.
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "year": ("year", "år"), "total": ("total", "i alt"), "sectors": ("sectors", "sektorer"),
    "t_co2e": ("t CO2e", "t CO2e"), "percent": ("percent", "procent"),
    "reference_year": ("reference year", "basisår"), "type": ("type", "type"),
    "sector": ("sector", "sektor"), "title": ("title", "titel"), "status": ("status", "status"),
    "owner": ("owner", "ansvarlig"), "hazard": ("hazard", "klimafare"),
    "relevant": ("relevant", "relevant"), "risk_current": ("risk today", "risiko i dag"),
    "risk_future": ("future risk", "fremtidig risiko"), "date": ("date", "dato"),
    "body": ("body", "organ"), "by": ("by", "af"), "horizon": ("horizon", "tidshorisont"),
    "tonnes": ("tonnes", "ton"), "tonnes_per_capita": ("t per resident", "t pr. indbygger"),
    "effect": ("effect", "effekt"), "id": ("id", "id"), "name": ("name", "navn"),
    "description": ("description", "beskrivelse"), "phase": ("phase", "fase"),
    "method": ("method", "metode"), "priority": ("priority", "prioriteret"),
    "not_relevant_reason": ("reason", "begrundelse"), "start": ("start", "start"),
    "end": ("end", "slut"), "source": ("source", "kilde"), "amount_dkk": ("DKK", "kr."),
    "fte": ("FTE", "årsværk"), "justification": ("justification", "begrundelse"),
    "response": ("response", "håndtering"), "group": ("group", "gruppe"),
    "benefit": ("benefit", "merværdi"), "theme": ("theme", "tema"),
    "roles": ("roles", "roller"), "partners": ("partners", "partnere"),
    "signed_by": ("signed by", "underskrevet af"), "paris_compatible": ("Paris-compatible",
                                                                         "Paris-kompatibel"),
    "neutrality_year": ("neutrality year", "neutralitetsår"),
    "resilience_year": ("resilience year", "klimarobusthedsår"), "text": ("text", "tekst"),
    "hazards": ("hazards", "klimafarer"), "timeline": ("timeline", "tidsplan"),
    "financing": ("financing", "finansiering"), "staff": ("staff", "personale"),
    "co_benefits": ("co-benefits", "merværdier"), "value": ("value", "værdi"),
}


def name_label(field: str, lang: str) -> str:
    """A plan field's name as a word in `lang` (a sector key by its sector's label)."""
    pair = FIELD_NAMES.get(field)
    if pair is not None:
        return pair[1] if lang == "da" else pair[0]
    return value_label(field, lang)


# The names of the values checks compute (Result.values), as the checklist shows them beside
# each rule: "mangler=Skybrud", not "missing=cloudburst". `<name>_<year>_t` reads "<name> <year>".
VALUE_NAMES: dict[str, tuple[str, str]] = {
    "age_years": ("age (years)", "alder (år)"), "as_of": ("as of", "pr."),
    "base_year": ("base year", "basisår"), "bau_t": ("BAU (t)", "BAU (t)"),
    "checked": ("checked", "kontrolleret"), "count": ("count", "antal"),
    "declared": ("declared manko (t)", "opgjort manko (t)"),
    "declared_gap_t": ("declared manko (t)", "opgjort manko (t)"), "detail": ("detail", "detalje"),
    "effects_t": ("effects (t)", "effekt (t)"), "expected_gap_t": ("expected manko (t)",
                                                                  "forventet manko (t)"),
    "failing": ("failing", "ikke opfyldt"), "failing_count": ("failing", "antal mangler"),
    "gap": ("manko (t)", "manko (t)"), "incomplete": ("incomplete", "ufuldstændige"),
    "items": ("items", "poster"), "level_t": ("level (t)", "niveau (t)"),
    "limit": ("limit", "grænse"), "min": ("minimum", "mindst"),
    "mismatches": ("mismatches", "afvigelser"), "missing": ("missing", "mangler"),
    "other": ("compared with", "sammenholdt med"), "pathway": ("pathway (t)", "reduktionssti (t)"),
    "pathway_t": ("pathway (t)", "reduktionssti (t)"),
    "per_capita_t": ("t per resident", "t pr. indbygger"), "population": ("residents",
                                                                          "indbyggere"),
    "priority_hazards": ("priority hazards", "prioriterede klimafarer"),
    "reason": ("reason", "begrundelse"), "reduction_percent": ("cut (%)", "reduktion (%)"),
    "reference_t": ("reference (t)", "basisår (t)"), "required_t": ("required (t)", "krævet (t)"),
    "target": ("target level (t)", "målniveau (t)"), "target_t": ("target level (t)",
                                                                 "målniveau (t)"),
    "uncovered": ("not covered", "ikke dækket"), "value": ("value", "værdi"),
    "worst_gap_t": ("largest manko (t)", "største manko (t)"),
    "worst_year": ("year of the largest manko", "år med største manko"), "year": ("year", "år"),
    "years_checked": ("years checked", "kontrollerede år"), "years": ("years", "år"),
    "max": ("maximum", "højst"), "reviewed": ("to review", "til vurdering"),
    "skipped": ("skipped", "sprunget over"), "manko": ("manko (t)", "manko (t)"),
    # NEU-9's cut per sector group against its national range
    "reduction_energy_percent": ("cut, energy (%)", "reduktion, energi (%)"),
    "reduction_transport_percent": ("cut, transport (%)", "reduktion, transport (%)"),
    "reduction_agriculture_percent": ("cut, agriculture (%)", "reduktion, landbrug (%)"),
    "reduction_industry_percent": ("cut, industry (%)", "reduktion, industri (%)"),
    "reduction_other_percent": ("cut, other (%)", "reduktion, øvrige (%)"),
    # the yearly follow-up (rules/monitoring)
    "due": ("actions due to start", "handlinger, der skulle være startet"),
    "late": ("late", "forsinkede"), "unreported": ("not reported", "ikke rapporteret"),
    "unknown": ("not in the plan", "ikke i planen"), "cancelled": ("cancelled", "aflyste"),
    "shortfall": ("effect not replaced", "effekt uden erstatning"),
    "updated_manko": ("updated manko", "opdateret manko"), "deadline": ("deadline", "frist"),
    "reference": ("counted from (date)", "regnet fra (dato)"),
    "reference_kind": ("counted from", "regnet fra"), "realised_t": ("realised (t)",
                                                                    "realiseret (t)"),
    "excess_t": ("above the pathway (t)", "over reduktionsstien (t)"),
    "off_track": ("off track", "ikke på rette kurs"), "latest_year": ("latest year", "seneste år"),
    "latest_t": ("latest emissions (t)", "seneste udledning (t)"),
    "start_year": ("start year", "startår"),
    "needed_t_yearly": ("needed fall (t a year)", "nødvendigt fald (t pr. år)"),
    "achieved_t_yearly": ("achieved fall (t a year)", "opnået fald (t pr. år)"),
}
_YEARLY = re.compile(r"^([a-z_]+?)_([0-9]{4})_t$")


def value_name(name: str, lang: str) -> str:
    """A computed value's name as words in `lang`; unknown names are shown as they are."""
    yearly = _YEARLY.match(name)
    base, year = (yearly.group(1), f" {yearly.group(2)}") if yearly else (name, "")
    pair = VALUE_NAMES.get(base)
    if pair is None:
        return name
    text = pair[1] if lang == "da" else pair[0]
    return text.replace(" (t)", f"{year} (t)") if year and " (t)" in text else text + year


# The plan's headline figures and items a diff names (engine.diff ids), as words.
_FIGURES: dict[str, tuple[str, str]] = {
    "targets/net_zero_year": ("net-zero year", "netto-nul-år"),
    "inventory/reference_year": ("reference year", "basisår"),
    "inventory/status_year": ("status year", "statusår"),
    "municipality/population": ("population", "indbyggertal"),
    "plan/version": ("plan version", "planens version"),
}
_ITEMS: dict[str, tuple[str, str]] = {"action": ("action", "handling"), "target": ("target", "mål"),
                                      "manko": ("manko", "manko")}


def change_name(change_id: str, lang: str) -> str:
    """A diff's change id as words: 'handling K1', 'GOV-1-…: antal', 'netto-nul-år'.

    The ids themselves stay stable codes in the JSON; only the text output shows them so.
    """
    pick = 1 if lang == "da" else 0
    if change_id in _FIGURES:
        return _FIGURES[change_id][pick]
    item, _, rest = change_id.partition(" ")
    if item in _ITEMS and rest:
        words = [value_label(part, lang) for part in rest.split(" ")]
        return f"{_ITEMS[item][pick]} {' '.join(words)}"
    rule, colon, value = change_id.partition(":")
    return f"{rule}: {value_name(value, lang)}" if colon else change_id

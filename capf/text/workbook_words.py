"""The workbook's words: sheet names, column headers and the yes/no of a plan workbook.

A column header is its field's name as a word, joined to the names of the objects it sits in
("Tidsplan: start"). Field names come from capf.text.names where it has them; the rest are
here, and a test checks every property of the plan and status schemas has a word in both
languages, so a field added to a schema cannot reach a workbook as a bare key.
"""

from __future__ import annotations

from capf.text.labels import LABELS, label
from capf.text.names import FIELD_NAMES
from capf.text.values import FIELD_KINDS, value_label

# field → (English, Danish), for the fields capf.text.names does not name.
WORDS: dict[str, tuple[str, str]] = {
    "$schema": ("schema link", "skemalink"), "schema_version": ("format version", "formatversion"),
    "absent_roles": ("roles not held", "roller uden for kommunens rækkevidde"),
    "action_pathway": ("action pathway", "reduktionssti"), "actions": ("actions", "handlinger"),
    "adaptation_goals": ("adaptation goals", "tilpasningsmål"),
    "adopted": ("adopted", "vedtaget"), "affected_groups": ("affected groups", "berørte grupper"),
    "approved": ("approved", "godkendt"), "area_km2": ("area (km²)", "areal (km²)"),
    "barriers": ("barriers", "barrierer"), "baseline": ("baseline", "udgangspunkt"),
    "basis": ("basis", "opgørelsesprincip"), "bau": ("BAU", "BAU"),
    "boundary": ("boundary", "afgrænsning"), "budget": ("budget", "budget"),
    "budget_dkk_per_year": ("budget (DKK a year)", "budget (kr. pr. år)"),
    "carbon_capture": ("carbon capture", "CO2-fangst"), "category": ("category", "kategori"),
    "ccs_prolongs_fossil": ("CCS prolongs fossil use", "CCS forlænger fossil brug"),
    "channels": ("channels", "kanaler"), "coal_end_year": ("coal ends", "kul udfases"),
    "code": ("municipality code", "kommunekode"), "commitment": ("commitment", "forpligtelse"),
    "common_monitoring_system": ("common monitoring system", "fælles opfølgningssystem"),
    "communication": ("communication", "kommunikation"), "consumption": ("consumption", "forbrug"),
    "context": ("context", "kontekst"), "coordination": ("coordination", "koordinering"),
    "data_year": ("data year", "dataår"), "decided": ("decided", "besluttet"),
    "distribution": ("distribution", "fordeling"), "document": ("document", "dokument"),
    "drafted": ("drafted", "udarbejdet"),
    "effect_expected": ("expected effect", "forventet effekt"),
    "effect_realised": ("realised effect", "realiseret effekt"),
    "emission_targets": ("emission targets", "reduktionsmål"), "emissions": ("emissions", "udledning"),
    "engagement": ("engagement", "inddragelse"),
    "evidence": ("evidence", "dokumentation"), "excluded": ("excluded", "udeladt"),
    "exposure": ("exposure", "eksponering"), "fictional": ("fictional", "fiktiv"),
    "flags": ("flags", "markeringer"), "follows": ("follows plan", "følger plan"),
    "fossil_phase_out": ("fossil phase-out", "fossil udfasning"), "gases": ("gases", "gasser"),
    "goal": ("goal", "mål"), "governance": ("governance", "styring"),
    "horizon_year": ("horizon year", "tidshorisont (år)"), "illustrative": ("illustrative",
                                                                            "illustrativ"),
    "inclusion": ("inclusion", "inklusion"), "indicator": ("indicator", "indikator"),
    "indicator_value": ("indicator value", "indikatorværdi"), "indicators": ("indicators",
                                                                          "indikatorer"),
    "inside_boundary_min_percent": ("min. % inside boundary", "min. % inden for grænsen"),
    "inventory": ("inventory", "klimaregnskab"), "kind": ("kind", "art"),
    "language": ("language", "sprog"), "level": ("level", "niveau"), "manko": ("manko", "manko"),
    "merr": ("follow-up (MERR)", "opfølgning (MERR)"), "milestones": ("milestones", "milepæle"),
    "municipality": ("municipality", "kommune"), "municipality_code": ("municipality code",
                                                                      "kommunekode"),
    "national_measures_until": ("national measures until", "nationale tiltag til og med"),
    "natural_gas_end_year": ("natural gas ends", "naturgas udfases"),
    "net_zero_scope": ("net-zero scope", "netto-nul omfatter"),
    "net_zero_year": ("net-zero year", "netto-nul-år"),
    "new_fossil_supply": ("new fossil supply", "ny fossil forsyning"),
    "new_incineration_capacity": ("new incineration capacity", "ny forbrændingskapacitet"),
    "new_timeline": ("new timeline", "ny tidsplan"), "next_revision": ("next revision",
                                                                        "næste revision"),
    "next_steps": ("next steps", "næste skridt"),
    "no_new_fossil_supply": ("no new fossil supply", "ingen ny fossil forsyning"),
    "note": ("note", "bemærkning"), "offsets_allowed": ("offsets allowed", "kompensation tilladt"),
    "oil_end_year": ("oil ends", "olie udfases"), "origin": ("origin", "oprindelse"),
    "outside_boundary": ("outside the boundary", "uden for grænsen"),
    "outside_boundary_max_percent": ("max. % outside boundary", "maks. % uden for grænsen"),
    "page": ("page", "side"), "participation": ("participation", "deltagelse"),
    "phases": ("phases", "faser"), "plan": ("plan", "plan"), "plan_sha256": ("plan SHA-256",
                                                                             "planens SHA-256"),
    "plan_version": ("plan version", "planversion"), "planned_dkk": ("planned (DKK)",
                                                                     "planlagt (kr.)"),
    "population": ("residents", "indbyggere"), "population_year": ("population year",
                                                                    "befolkningsår"),
    "presented_to": ("presented to", "forelagt"), "previous_report_date": ("previous report",
                                                                           "forrige rapport"),
    "priorities": ("priorities", "prioriteter"), "progress": ("progress", "fremdrift"),
    "progress_percent": ("progress (%)", "fremdrift (%)"),
    "public_reporting": ("public reporting", "offentlig afrapportering"),
    "publication_year": ("publication year", "udgivelsesår"), "published": ("published",
                                                                              "offentliggjort"),
    "quote": ("quote", "citat"), "reason": ("reason", "begrundelse"),
    "replacement": ("replacement", "erstatning"),
    "replacement_commitment": ("commits to replacements", "forpligter til erstatning"),
    "report_date": ("report date", "rapportdato"), "reporting_interval_months": (
        "reporting interval (months)", "rapporteringsinterval (måneder)"),
    "reporting_year": ("reporting year", "rapporteringsår"), "reports_to": ("reports to",
                                                                            "rapporterer til"),
    "resources": ("resources", "ressourcer"), "revision_interval_years": (
        "revision interval (years)", "revisionsinterval (år)"),
    "risk_assessment": ("risk assessment", "risikovurdering"), "role": ("role", "rolle"),
    "scenarios": ("scenarios", "scenarier"), "section": ("section", "afsnit"),
    "sector_neutrality": ("sector neutrality", "sektorneutralitet"), "secured": ("secured",
                                                                                "sikret"),
    "self_assessment": ("self-assessment", "egenvurdering"), "spent_dkk": ("spent (DKK)",
                                                                          "brugt (kr.)"),
    "staff_fte": ("staff (FTE)", "personale (årsværk)"), "stage": ("stage", "fase"),
    "stakeholders": ("stakeholders", "interessenter"), "standard": ("standard", "standard"),
    "status_year": ("status year", "statusår"), "strategy": ("strategy", "strategi"),
    "t_co2": ("t CO2", "t CO2"), "t_per_capita": ("t per resident", "t pr. indbygger"),
    "target": ("target", "mål"), "targets": ("targets", "mål"), "team": ("team", "team"),
    "themes": ("themes", "temaer"), "unanimous": ("unanimous", "enstemmigt"),
    "unit": ("unit", "enhed"), "url": ("web address", "webadresse"), "version": ("version",
                                                                               "version"),
    "vision": ("vision", "vision"), "vulnerable_areas": ("vulnerable areas", "sårbare områder"),
    "vulnerable_groups": ("vulnerable groups", "sårbare grupper"), "with": ("with", "med"),
    "years": ("years", "år"),
}

YES_NO = {"da": ("ja", "nej"), "en": ("yes", "no")}


def word(field: str, lang: str) -> str:
    """A schema field's name as a word in `lang` (a sector key by its sector's label)."""
    pair = FIELD_NAMES.get(field) or WORDS.get(field)
    if pair is None:
        return value_label(field, lang)
    return pair[1] if lang == "da" else pair[0]


def heading(fields: tuple[str, ...], lang: str) -> str:
    """A column's header: its field's word after the words of the objects holding it."""
    words = [word(f, lang) for f in fields]
    text = ": ".join(words)
    return text[:1].upper() + text[1:]


def code_labels(field: str, codes: tuple[str, ...], lang: str) -> dict[str, str]:
    """An enum field's codes → their labels in `lang` (what a drop-down shows)."""
    kind = FIELD_KINDS.get(field)
    shown = {}
    for code in codes:
        text = value_label(code, lang, kind)
        shown[code] = label(code, lang) if text == code and code in LABELS else text
    return shown


# Sheets whose composed name would pass Excel's 31 characters: pattern → (English, Danish).
SHEETS: dict[str, tuple[str, str]] = {
    "/governance/roles/*/absent_roles/*": ("Roles – not held", "Roller – uden for rækkevidde"),
    "/fossil_phase_out/absent_roles/*": ("Fossil – roles not held",
                                         "Fossil – uden for rækkevidde"),
    "/targets/emission_targets/*": ("Emission targets", "Reduktionsmål"),
}
SHEET_WORDS = {"document": ("Document", "Dokument"), "guide": ("How to fill in", "Vejledning"),
               "lists": ("lists", "lister"), "nr": ("No.", "Nr."),
               "empty": ("(empty values)", "(tomme værdier)"), "field": ("Field", "Felt"),
               "value": ("Value", "Værdi"), "key": ("Key (JSON Pointer)", "Nøgle (JSON-pointer)")}


def sheet_word(key: str, lang: str) -> str:
    pair = SHEET_WORDS[key]
    return pair[1] if lang == "da" else pair[0]


def sheet_title(pattern: tuple[str, ...], lang: str) -> str:
    """A sheet's name: its section, or for a table the last two names on its path."""
    if not pattern:
        return sheet_word("document", lang)
    override = SHEETS.get("/" + "/".join(pattern))
    if override:
        return override[1] if lang == "da" else override[0]
    names = [word(p, lang) for p in pattern if p != "*"]
    text = " – ".join(names[-2:])
    return text[:1].upper() + text[1:]


GUIDE = {
    "da": ("Sådan udfylder du arbejdsbogen",
           "Arbejdsbogen er klimaplanen som data: capf læser den, som den læser en YAML-plan "
           "(`capf check plan.xlsx`), og `capf convert plan.xlsx -o plan.yaml` gør den til YAML.",
           "Ark med Felt/Værdi: skriv værdien i kolonnen Værdi ud for feltet. Lad feltet stå tomt, "
           "hvis planen ikke siger noget om det. En liste (fx prioriteter) er én række pr. punkt: "
           "kopiér rækken for at tilføje et punkt.",
           "Ark med tabeller: én række pr. post (en handling, et år i klimaregnskabet). Række 2 "
           "er nøglen, der knytter kolonnen til planformatet; ret den ikke. Kolonner kan flyttes.",
           "Rækker i et underark (fx Handlinger – effekt) hører til den handling, hvis id står i "
           "første kolonne; id'et skal findes på arket Handlinger.",
           "Felter med en rulleliste tager en af listens værdier; flere værdier skrives adskilt af "
           "komma (fx Energi, Transport). Ja/nej-felter tager ja eller nej.",
           "Udledninger er ton CO2e pr. år (1 kt = 1.000 t). År skrives som tal (2030), datoer som "
           "datoer.",
           "Formler læses med deres beregnede værdi; makroer køres aldrig (.xlsm afvises). Flet "
           "ikke celler, og tilføj ikke egne ark: capf afviser det med en fejl, der nævner ark "
           "og celle."),
    "en": ("How to fill in the workbook",
           "The workbook is the climate action plan as data: capf reads it as it reads a YAML plan "
           "(`capf check plan.xlsx`), and `capf convert plan.xlsx -o plan.yaml` turns it into "
           "YAML.",
           "Field/Value sheets: write the value in the Value column beside its field. Leave it "
           "empty where the plan says nothing. A list (priorities) is one row per item: copy the "
           "row to add one.",
           "Table sheets: one row per item (an action, an inventory year). Row 2 is the key tying "
           "each column to the plan format; do not edit it. Columns may be moved.",
           "Rows of a child sheet (Actions – effect) belong to the action whose id is in the first "
           "column; that id must exist on the Actions sheet.",
           "Fields with a drop-down take one of its values; several are separated by commas "
           "(Energy, Transport). Yes/no fields take yes or no.",
           "Emissions are tonnes CO2e a year (1 kt = 1,000 t). Years are numbers (2030), dates "
           "are dates.",
           "Formulas are read by their computed values; macros never run (.xlsm is refused). Do "
           "not merge cells or add sheets of your own: capf refuses them with an error naming "
           "sheet and cell."),
}

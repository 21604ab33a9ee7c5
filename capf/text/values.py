"""The plan schema's codes as words: one label per enum value, in English and Danish.

A plan stores `cloudburst` and `mayor`; a reader sees "Skybrud" and "Borgmester". Every place
that shows a plan value (message filling, the report's "what the plan has", charts, checklist
and CSV cells) asks `value_label`, so no schema code stands in prose. A test keeps this table
and the enums of schemas/plan.schema.json in step.

Most codes mean the same wherever they occur; the few that do not (`medium` is a horizon and a
risk level) are told apart by `kind`, which `FIELD_KINDS` derives from the plan field's name.
"""

from __future__ import annotations

from typing import Any

# kind → code → (English, Danish)
KINDS: dict[str, dict[str, tuple[str, str]]] = {
    "sector": {
        "total": ("Total", "I alt"),
        "energy": ("Energy", "Energi"),
        "transport": ("Transport", "Transport"),
        "waste": ("Waste and wastewater", "Affald og spildevand"),
        "ippu": ("Industrial processes and product use", "Industrielle processer og produktanvendelse"),
        "agriculture": ("Agriculture", "Landbrug"),
        "land_use": ("Land use (LULUCF)", "Arealanvendelse (LULUCF)"),
    },
    "hazard": {
        "cloudburst": ("Cloudburst", "Skybrud"),
        "rainfall": ("Heavy rainfall", "Ekstremregn"),
        "sea_level_storm_surge": ("Sea level rise and storm surge", "Havvandsstigning og stormflod"),
        "groundwater": ("Rising groundwater", "Stigende grundvand"),
        "watercourse_flooding": ("Watercourse flooding", "Oversvømmelse fra vandløb"),
        "wind_storm": ("Wind and storm", "Vind og storm"),
        "heatwave": ("Heatwave", "Hedebølge"),
        "drought": ("Drought", "Tørke"),
        "coastal_erosion": ("Coastal erosion", "Kysterosion"),
        "compound_events": ("Compound events", "Sammenfaldende hændelser"),
    },
    "role": {
        "own_operations": ("Own operations", "Egen drift"),
        "supplier": ("Supplier", "Leverandør"),
        "authority": ("Authority", "Myndighed"),
        "facilitator": ("Facilitator", "Facilitator"),
    },
    "signatory": {
        "mayor": ("Mayor", "Borgmester"),
        "council": ("Municipal council", "Kommunalbestyrelse"),
        "committee": ("Political committee", "Politisk udvalg"),
        "administration": ("Administration", "Forvaltningen"),
        "other": ("Other", "Andet"),
    },
    "body": {
        "kommunalbestyrelse": ("Municipal council", "Kommunalbestyrelse"),
        "byraad": ("City council (byråd)", "Byråd"),
        "borgerrepraesentation": ("City council (Borgerrepræsentation)", "Borgerrepræsentation"),
        "udvalg": ("Committee", "Udvalg"),
    },
    "origin": {
        "fossil": ("Fossil", "Fossil"),
        "biogenic": ("Biogenic", "Biogen"),
    },
    "stage": {
        "draft": ("Draft", "Udkast"),
        "adopted": ("Adopted", "Vedtaget"),
        "approved": ("Approved", "Godkendt"),
    },
    "phase": {
        "development": ("Development", "Udarbejdelse"),
        "implementation": ("Implementation", "Gennemførelse"),
    },
    "horizon": {
        "short": ("Short term", "Kort sigt"),
        "medium": ("Medium term", "Mellemlang sigt"),
        "long": ("Long term", "Lang sigt"),
    },
    "risk": {
        "low": ("Low", "Lav"),
        "medium": ("Medium", "Middel"),
        "high": ("High", "Høj"),
        "very_high": ("Very high", "Meget høj"),
    },
    "action_type": {
        "mitigation": ("Mitigation", "Reduktion"),
        "adaptation": ("Adaptation", "Tilpasning"),
        "both": ("Mitigation and adaptation", "Reduktion og tilpasning"),
    },
    "action_status": {
        "planned": ("Planned", "Planlagt"),
        "in_progress": ("In progress", "I gang"),
        "completed": ("Completed", "Gennemført"),
        "cancelled": ("Cancelled", "Aflyst"),
    },
    "co_benefit": {
        "health": ("Health", "Sundhed"),
        "jobs": ("Jobs", "Arbejdspladser"),
        "nature": ("Nature", "Natur"),
        "biodiversity": ("Biodiversity", "Biodiversitet"),
        "air_quality": ("Air quality", "Luftkvalitet"),
        "quality_of_life": ("Quality of life", "Livskvalitet"),
        "economy": ("Local economy", "Lokal økonomi"),
        "energy_security": ("Energy security", "Forsyningssikkerhed"),
        "water_quality": ("Water quality", "Vandkvalitet"),
        "mobility": ("Mobility", "Mobilitet"),
        "equity": ("Equity", "Lighed"),
        "recreation": ("Recreation", "Rekreation"),
    },
    "target_type": {
        "percent_below_reference": ("Percent below the reference year", "Procent under basisåret"),
        "absolute": ("Absolute level", "Absolut niveau"),
        "per_capita": ("Per resident", "Pr. indbygger"),
        "neutral": ("Net zero", "Netto-nul"),
    },
    "scope": {
        "geographic_area": ("The municipality as a geographic area", "Kommunen som geografisk område"),
        "own_operations": ("The municipality's own operations", "Kommunens egen drift"),
    },
    "boundary": {
        "geographic": ("Geographic", "Geografisk"),
        "organisation": ("Organisation", "Organisation"),
    },
    "basis": {
        "production": ("Production-based", "Produktionsbaseret"),
        "consumption": ("Consumption-based", "Forbrugsbaseret"),
    },
    "coordination": {
        "municipal_plan": ("Municipal plan", "Kommuneplan"),
        "strategic_energy_plan": ("Strategic energy plan", "Strategisk energiplan"),
        "adaptation_plan": ("Climate adaptation plan", "Klimatilpasningsplan"),
        "utilities": ("Utilities", "Forsyningsselskaber"),
        "regional": ("Regional plans", "Regionale planer"),
        "national": ("National plans", "Nationale planer"),
        "neighbouring_municipalities": ("Neighbouring municipalities", "Nabokommuner"),
    },
    "stakeholder": {
        "agriculture": ("Agriculture", "Landbrug"),
        "business": ("Business", "Erhvervsliv"),
        "housing_associations": ("Housing associations", "Boligselskaber"),
        "education": ("Education", "Uddannelsesinstitutioner"),
        "residents": ("Residents", "Borgere"),
        "ngo": ("NGOs", "Foreninger og NGO'er"),
        "region": ("Region", "Region"),
        "state": ("State", "Staten"),
    },
    "barrier": {
        "legal": ("Legal", "Juridisk"),
        "financial": ("Financial", "Økonomisk"),
        "technical": ("Technical", "Teknisk"),
        "competence": ("Competence", "Kompetencer"),
        "behavioural": ("Behavioural", "Adfærd"),
    },
    "method": {
        "hearing": ("Public hearing", "Offentlig høring"),
        "workshop": ("Workshop", "Workshop"),
        "climate_council": ("Climate council", "Klimaråd"),
        "citizen_assembly": ("Citizens' assembly", "Borgerting"),
        "survey": ("Survey", "Spørgeskemaundersøgelse"),
        "meeting": ("Public meeting", "Borgermøde"),
        "partnership": ("Partnership", "Partnerskab"),
    },
    "theme": {
        "access": ("Access", "Adgang"),
        "economic_welfare": ("Economic welfare", "Økonomisk velfærd"),
        "location": ("Location", "Geografisk placering"),
    },
    "category": {
        "food": ("Food", "Fødevarer"),
        "housing": ("Housing", "Bolig"),
        "building": ("Building", "Byggeri"),
        "goods": ("Goods", "Forbrugsvarer"),
        "services": ("Services", "Tjenesteydelser"),
    },
    "indicator": {
        "output": ("Output", "Leverance"),
        "outcome": ("Outcome", "Resultat"),
        "impact": ("Impact", "Virkning"),
    },
    "national_category": {  # the national sector targets' categories (capf.engine.checks.domain)
        "industry": ("Industry", "Industri"),
    },
    "goal_kind": {
        "qualitative": ("Qualitative", "Kvalitativt"),
        "measurable": ("Measurable", "Målbart"),
    },
}

# Codes the reader knows as they are: standards, gases and language tags are names, not words.
KEPT = frozenset({"GPC", "CO2", "CH4", "N2O", "HFC", "PFC", "SF6", "NF3", "da", "en", "1"})

# A plan field's name → the kind of code it holds, where the code alone is ambiguous.
FIELD_KINDS = {"horizon": "horizon", "risk_current": "risk", "risk_future": "risk",
               "risk_level": "risk", "net_zero_scope": "scope", "body": "body",
               "signed_by": "signatory", "reports_to": "signatory", "phase": "phase",
               "phases": "phase", "type": "action_type", "status": "action_status",
               "level": "indicator", "kind": "goal_kind", "hazard": "hazard", "hazards": "hazard",
               "sector": "sector", "sectors": "sector", "role": "role", "roles": "role",
               "co_benefits": "co_benefit", "group": "stakeholder", "with": "coordination",
               "method": "method", "theme": "theme", "category": "category",
               "boundary": "boundary", "basis": "basis"}


def _first_meanings() -> dict[str, tuple[str, str]]:
    """Each code's label where the kind is unknown: the first kind listing it wins, except
    that the values shared by the sector and another kind read as sectors."""
    found: dict[str, tuple[str, str]] = {}
    for labels in KINDS.values():
        for code, pair in labels.items():
            found.setdefault(code, pair)
    found["other"] = ("Other", "Andet")
    return found


ANY_KIND = _first_meanings()


def is_code(value: Any) -> bool:
    """A string the plan schema defines as an enum value (so it has a label)."""
    return isinstance(value, str) and value in ANY_KIND


def value_label(value: str, lang: str, kind: str | None = None) -> str:
    """The label of `value` in `lang`; text that is no schema code is returned as it is."""
    pair = KINDS.get(kind or "", {}).get(value) or ANY_KIND.get(value)
    if pair is None:
        return value
    return pair[1] if lang == "da" else pair[0]


def field_label(field: str, value: str, lang: str) -> str:
    """The label of a plan field's value, its kind told by the field's name."""
    return value_label(value, lang, FIELD_KINDS.get(field))


"""The follow-up report's own words, in Danish and English (kept beside labels.py).

A separate catalogue, as the portfolio's, so the report's many headings do not crowd labels.py;
templates take every word from `followup_words(lang)`, and a missing one fails loudly
(StrictUndefined) instead of leaking a key into a Danish page.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {  # key: (da, en)
    "title": ("Opfølgning på klimaplanen", "Follow-up of the climate plan"),
    "reports_line": ("Statusrapport for {years}", "Status report for {years}"),
    "presented": ("Forelagt {who}", "Presented to {who}"),
    "presented_on": ("den {date}", "on {date}"),
    "not_presented": ("Rapporten oplyser ikke, hvem den blev forelagt.",
                      "The report does not say whom it was presented to."),
    "summary": ("Kort fortalt", "Summary"),
    "key_figures": ("Nøgletal", "Key figures"),
    "latest_realised": ("Opgjort udledning {year}", "Realised emissions {year}"),
    "pathway_in": ("Reduktionsstien i {year}", "Action pathway in {year}"),
    "pathway_in_note": ("ført lineært frem mellem planens år", "a straight line between the plan's years"),
    "above": ("over reduktionsstien", "above the action pathway"),
    "below": ("under reduktionsstien", "below the action pathway"),
    "on": ("på reduktionsstien", "on the action pathway"),
    "difference": ("Forskel", "Difference"),
    "target_in": ("Målniveau {year}", "Target level {year}"),
    "rate_needed": ("Nødvendigt fald pr. år frem til {year}", "Cut needed per year until {year}"),
    "rate_achieved": ("Opnået fald pr. år siden {year}", "Cut achieved per year since {year}"),
    "per_year": ("t CO2e pr. år", "t CO2e a year"),
    "manko_in": ("Opdateret manko {year}", "Updated manko {year}"),
    "actions_count": ("Handlinger", "Actions"),
    "source": ("Kilde", "Source"),
    "published_in": ("udgivet {year}", "published {year}"),
    "no_realised": ("Rapporten oplyser ingen opgjort udledning.",
                    "The report states no realised emissions."),
    "chart": ("Opgjort udledning mod reduktionssti og mål", "Realised emissions against pathway and target"),
    "chart_realised": ("Opgjort udledning", "Realised emissions"),
    "chart_caption": (
        "Tal i t CO2e pr. år. Den sorte linje er den opgjorte udledning: planens klimaregnskab "
        "for statusåret og derefter statusrapporternes tal. Reduktionsstien starter i statusåret "
        "og går i lige linjer mellem planens år, sådan som opfølgningen måler den. Ruderne er "
        "målniveauerne; det skraverede felt er planens manko. En rød streg ved det seneste "
        "opgjorte år viser, hvor meget udledningen ligger over stien.",
        "Figures in t CO2e a year. The black line is the realised emissions: the plan's "
        "inventory for its status year, then the status reports' figures. The action pathway "
        "starts at the status year and runs in straight lines between the plan's years, as the "
        "follow-up measures it. Diamonds are the target levels; the shaded area is the plan's "
        "manko. A red bar at the latest realised year shows how far emissions lie above the "
        "pathway."),
    "years_table": ("Udledning år for år", "Emissions year by year"),
    "col_year": ("År", "Year"),
    "col_realised": ("Opgjort", "Realised"),
    "col_pathway": ("Reduktionssti", "Action pathway"),
    "col_target": ("Målniveau", "Target level"),
    "col_gap": ("Opgjort minus sti", "Realised minus pathway"),
    "years_note": ("Alle tal i t CO2e pr. år; – betyder intet tal for det år. Det opgjorte tal for "
                   "statusåret {year} er planens klimaregnskab; de senere er statusrapporternes.",
                   "All figures in t CO2e a year; – means no figure for that year. The realised "
                   "figure for the status year {year} is the plan's inventory; later ones are the "
                   "status reports'."),
    "years_note_plain": ("Alle tal i t CO2e pr. år; – betyder intet tal for det år.",
                         "All figures in t CO2e a year; – means no figure for that year."),
    "sectors": ("Udledning pr. sektor i {year}", "Emissions by sector in {year}"),
    "col_sector": ("Sektor", "Sector"),
    "actions": ("Handlinger efter status", "Actions by status"),
    "col_action": ("Handling", "Action"),
    "col_progress": ("Fremdrift", "Progress"),
    "col_timeline": ("Tidsplan", "Timeline"),
    "col_effect": ("Effekt i planen {year}, t CO2e", "Planned effect {year}, t CO2e"),
    "col_effect_plain": ("Effekt i planen", "Planned effect"),
    "col_realised_effect": ("Opnået effekt", "Effect achieved"),
    "col_budget": ("Budget, brugt af planlagt", "Budget, spent of planned"),
    "col_note": ("Bemærkning", "Note"),
    "new_timeline": ("ny tidsplan {timeline}", "new timeline {timeline}"),
    "replaced_by": ("Erstattes af {what}", "Replaced by {what}"),
    "replacement_effect": ("{tonnes} i {year}", "{tonnes} in {year}"),
    "decided": ("besluttet {date}", "decided {date}"),
    "no_replacement": ("Ingen erstatning oplyst.", "No replacement stated."),
    "not_in_plan": ("ikke i planen", "not in the plan"),
    "due": ("skulle være startet i {year}", "due to have started by {year}"),
    "mio_dkk": ("{spent} af {planned} mio. kr.", "DKK {spent} of {planned} million"),
    "spent_only": ("{spent} mio. kr. brugt", "DKK {spent} million spent"),
    "manko": ("Den opdaterede manko", "The updated manko"),
    "col_declared": ("Erklæret i planen", "Declared in the plan"),
    "col_computed": ("Beregnet af planen", "Computed from the plan"),
    "col_uncovered": ("Aflyst og ikke dækket", "Cancelled, not covered"),
    "col_updated": ("Opdateret manko", "Updated manko"),
    "manko_note": (
        "Opdateret manko = planens erklærede manko + den effekt af aflyste handlinger, som "
        "deres erstatninger ikke dækker. Beregnet af planen = reduktionsstien minus målniveauet "
        "(mindst 0).",
        "Updated manko = the plan's declared manko + the effect of cancelled actions that their "
        "replacements do not cover. Computed from the plan = the action pathway minus the target "
        "level (at least 0)."),
    "manko_unknown": ("Profilen har ingen regel, der opdaterer manko; kun planens tal vises.",
                      "The profile has no rule that updates the manko; only the plan's figures "
                      "are shown."),
    "next": ("Det næste skridt", "What to do next"),
    "own_next": ("Kommunens egne næste skridt", "The municipality's own next steps"),
    "capf_next": ("Det peger opfølgningen på", "What the follow-up points to"),
    "nothing_next": ("Opfølgningen fandt intet, der skal rettes.",
                     "The follow-up found nothing to put right."),
    "what_to_do": ("Det skal gøres", "What to do"),
    "checks": ("Alle kontroller", "All checks"),
    "col_check": ("Kontrol", "Check"),
    "col_level": ("Niveau", "Level"),
    "col_outcome": ("Resultat", "Outcome"),
    "col_finding": ("Fund", "Finding"),
    "report_ref": ("Statusrapport {year}", "Status report {year}"),
    "report_sha256": ("SHA-256 af statusrapport {year}", "SHA-256 of status report {year}"),
    "illustrative": ("Statusrapporten er markeret som illustrativ: tallene er opfundet til "
                     "eksemplet.",
                     "The status report is marked illustrative: its figures are invented for the "
                     "example."),
}


def followup_words(lang: str) -> dict[str, str]:
    """Every word in `lang` (Danish unless 'en'), for templates (`w.title`)."""
    index = 1 if lang == "en" else 0
    return {key: pair[index] for key, pair in WORDS.items()}

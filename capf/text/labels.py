"""The program's own words (not the rules'), in English and Danish, in one small catalogue.

Reports and checklists take every word from here (templates get `words(lang)`), so a Danish
report has no English in it and a missing word fails loudly (StrictUndefined) instead of leaking.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # overall status
    "compliant": {"en": "compliant", "da": "opfylder kravene"},
    "compliant_with_observations": {"en": "compliant with observations",
                                    "da": "opfylder kravene med bemærkninger"},
    # "needs_review" (an essential item a person must settle) shares the rule outcome's label
    "non_compliant": {"en": "non-compliant", "da": "opfylder ikke kravene"},
    # overall status of a follow-up (plan + status reports)
    "on_track": {"en": "on track", "da": "på rette kurs"},
    "off_track": {"en": "off track", "da": "ikke på rette kurs"},
    # an action's status in a status report
    "not_started": {"en": "not started", "da": "ikke startet"},
    "in_progress": {"en": "in progress", "da": "i gang"},
    "completed": {"en": "completed", "da": "gennemført"},
    "delayed": {"en": "delayed", "da": "forsinket"},
    "cancelled": {"en": "cancelled", "da": "aflyst"},
    "not_reported": {"en": "not reported", "da": "ikke rapporteret"},
    # criterion / element status
    "met": {"en": "met", "da": "opfyldt"},
    "met_with_observations": {"en": "met with observations", "da": "opfyldt med bemærkninger"},
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
    # the outcome marks of `capf check`'s text output
    "mark_fail": {"en": "FAIL", "da": "MANGEL"},
    "mark_error": {"en": "ERROR", "da": "FEJL"},
    "mark_needs_review": {"en": "REVIEW", "da": "VURDÉR"},
    "mark_waived": {"en": "WAIVED", "da": "DISPENSERET"},
    # command messages
    "wrote": {"en": "wrote {path}", "da": "skrev {path}"},
    "valid": {"en": "valid", "da": "gyldig"},
    "wrote_batch": {"en": "wrote {n} plan(s) to {path} (overview.html, summary.csv, summary.xlsx)",
                    "da": "skrev {n} plan(er) til {path} (overview.html, summary.csv, summary.xlsx)"},
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
    "score_line": {  # under the text scorecard; the report's score_explained says more
        "en": "Score: of the element's criteria with an essential rule, the share whose essential "
              "rules all pass; recommended gaps lower the status, not the score.",
        "da": "Score: andelen af elementets kriterier med krav, hvor alle krav er opfyldt; mangler "
              "ved anbefalinger sænker status, ikke scoren."},
    "rules_counted": {"en": "Rules", "da": "Regler"},
    "gaps": {"en": "Gaps", "da": "Mangler"},
    "no_gaps": {"en": "No gaps found.", "da": "Ingen mangler fundet."},
    "waivers_unmatched": {"en": "Waivers matching no gap", "da": "Dispensationer uden mangel"},
    # report: the one-minute summary (capf.render.digest)
    "summary": {"en": "Summary", "da": "Kort fortalt"},
    "top_gaps": {"en": "The most important gaps", "da": "De vigtigste mangler"},
    "details": {"en": "Details", "da": "Detaljer"},
    "see_detail": {"en": "details", "da": "se detaljer"},
    "summary_unmet": {"en": "{what} not met", "da": "{what} er ikke opfyldt"},
    "summary_all_met": {"en": "every requirement is met", "da": "alle krav er opfyldt"},
    "summary_review": {"en": "{what} left for a reviewer to judge",
                       "da": "{what} kræver en manuel vurdering"},
    "n_essential_one": {"en": "essential requirement", "da": "krav"},
    "n_essential_many": {"en": "essential requirements", "da": "krav"},
    "n_recommended_one": {"en": "recommendation", "da": "anbefaling"},
    "n_recommended_many": {"en": "recommendations", "da": "anbefalinger"},
    "n_items_one": {"en": "item", "da": "punkt"},
    "n_items_many": {"en": "items", "da": "punkter"},
    "and": {"en": "and", "da": "og"},
    "no_top_gaps": {"en": "No gaps: nothing to fix before submission.",
                    "da": "Ingen mangler: intet at rette før indsendelse."},
    # report: the emission pathway table (capf.render.pathway)
    "pathway_table": {"en": "Emissions by year (t CO2e)", "da": "Udledning pr. år (t CO2e)"},
    "col_year": {"en": "Year", "da": "År"},
    "col_inventory": {"en": "Inventory", "da": "Klimaregnskab"},
    "col_bau": {"en": "BAU", "da": "BAU-fremskrivning"},
    "col_pathway": {"en": "Action pathway", "da": "Reduktionssti"},
    "col_target": {"en": "Target level", "da": "Målniveau"},
    "col_manko": {"en": "Manko", "da": "Manko"},
    "pathway_table_note": {
        "en": "Manko: how far the action pathway lies above the target level in a milestone year.",
        "da": "Manko: hvor meget reduktionsstien ligger over målniveauet i et milepælsår."},
    "page_label": {"en": "Page", "da": "Side"},
    "page_of": {"en": "of", "da": "af"},
    # report: header, scorecard, footer
    "report_title": {"en": "Gap report", "da": "Mangelrapport"},
    "overall": {"en": "Overall verdict", "da": "Samlet vurdering"},
    "profile": {"en": "Profile", "da": "Profil"},
    "as_of_date": {"en": "Assessed as of", "da": "Vurderet pr."},
    "scorecard": {"en": "Scorecard", "da": "Resultatoversigt"},
    "element": {"en": "Element", "da": "Element"},
    "status": {"en": "Status", "da": "Status"},
    "criteria_met": {"en": "Criteria met", "da": "Kriterier opfyldt"},
    "score_explained": {
        "en": "Score: of the element's criteria with an essential rule, the share whose essential "
              "rules all pass; recommended gaps lower the status, not the score. It is capf's own "
              "pre-screening, not an official grade.",
        "da": "Score: andelen af elementets kriterier med krav, hvor alle krav er opfyldt; "
              "mangler ved anbefalinger sænker status, ikke scoren. Det er capfs egen "
              "forhåndsscreening, ikke en officiel karakter."},
    "pointers_only": {
        "en": "The plan itself was not supplied: findings show where in the plan to look "
              "(JSON Pointers), not the values.",
        "da": "Selve planen er ikke vedlagt: fundene viser, hvor i planen der skal kigges "
              "(JSON-pointere), ikke værdierne."},
    "ruleset_sha256": {"en": "Rule set SHA-256", "da": "Regelsæt SHA-256"},
    "plan": {"en": "Plan", "da": "Plan"},
    "plan_sha256": {"en": "Plan SHA-256", "da": "Plan SHA-256"},
    "engine": {"en": "Program", "da": "Program"},
    # report: sections and findings
    "review_items": {"en": "Items needing review", "da": "Punkter til manuel vurdering"},
    "waivers": {"en": "Waivers", "da": "Dispensationer"},
    "passed": {"en": "Passed", "da": "Bestået"},
    "not_applicable_items": {"en": "Not applicable", "da": "Ikke relevant"},
    "rule": {"en": "Rule", "da": "Regel"},
    "title": {"en": "Title", "da": "Titel"},
    "level": {"en": "Level", "da": "Niveau"},
    "outcome": {"en": "Outcome", "da": "Resultat"},
    "evidence": {"en": "Evidence", "da": "Dokumentation"},
    "framework_asks": {"en": "What the framework asks", "da": "Det kræver rammeværket"},
    "finding": {"en": "Finding", "da": "Konstateret"},
    "note": {"en": "Note", "da": "Bemærkning"},
    "waiver": {"en": "Waiver", "da": "Dispensation"},
    "approved_by": {"en": "approved by", "da": "godkendt af"},
    "expires": {"en": "expires", "da": "udløber"},
    "scope": {"en": "scope", "da": "omfang"},
    "plan_has": {"en": "What the plan has", "da": "Det står i planen"},
    "no_evidence": {"en": "nothing found in the plan", "da": "intet fundet i planen"},
    "not_in_plan": {"en": "not in the plan", "da": "findes ikke i planen"},
    "more_pointers": {"en": "… and {n} more", "da": "… og {n} til"},
    "what_to_add": {"en": "What to add", "da": "Det skal tilføjes"},
    "source": {"en": "Source", "da": "Kilde"},
    "secondary_source": {
        "en": "secondary source: taken from a third-party summary, not checked in the primary "
              "source",
        "da": "sekundær kilde: hentet fra et tredjepartsresumé, ikke efterprøvet i den primære "
              "kilde"},
    "verified_source": {"en": "verified in the primary source",
                        "da": "efterprøvet i den primære kilde"},
    "page_abbr": {"en": "p.", "da": "s."},
    "section": {"en": "section", "da": "afsnit"},
    # report: charts
    "pathway_title": {"en": "Emissions, pathways and targets",
                      "da": "Udledninger, fremskrivninger og mål"},
    "pathway_caption": {
        "en": "Totals in t CO2e per year as stated in the plan. The target path joins the target "
              "levels with straight lines; the shaded area is the manko, where the action pathway "
              "lies above the target path.",
        "da": "Samlede udledninger i t CO2e pr. år som angivet i planen. Målstien forbinder "
              "målniveauerne med rette linjer; det skraverede område er mankoen, hvor "
              "reduktionsstien ligger over målstien."},
    "pathway_needs_plan": {
        "en": "The chart is drawn from the plan itself; render the report with the plan to see it.",
        "da": "Diagrammet tegnes ud fra selve planen; dan rapporten med planen for at se det."},
    "chart_inventory": {"en": "Inventory", "da": "Klimaregnskab"},
    "chart_bau": {"en": "Business as usual (BAU)", "da": "BAU-fremskrivning"},
    "chart_pathway": {"en": "Action pathway", "da": "Reduktionssti"},
    "chart_target": {"en": "Target path", "da": "Målsti"},
    "chart_manko": {"en": "Manko (gap to target)", "da": "Manko"},
    "chart_unit": {"en": "t CO2e per year", "da": "t CO2e pr. år"},
    "chart_no_data": {"en": "The plan has no emission figures to draw.",
                      "da": "Planen har ingen udledningstal at tegne."},
    "chart_missing": {"en": "Not in the plan: {what}", "da": "Mangler i planen: {what}"},
    "chart_targets": {"en": "targets", "da": "mål"},
    "scorecard_chart": {"en": "Score per element", "da": "Score pr. element"},
    "no_score": {"en": "no essential criteria assessed", "da": "ingen krav vurderet"},
    # checklist
    "checklist_title": {"en": "Reviewer checklist", "da": "Tjekliste til gennemgang"},
    "blank_checklist": {"en": "Blank checklist: no plan has been assessed.",
                        "da": "Tom tjekliste: ingen plan er vurderet."},
    "checklist_howto": {
        "en": "One row per criterion. The tool's columns are capf's pre-screening; the reviewer "
              "fills in decision, comment, name and date.",
        "da": "Én række pr. kriterium. Værktøjets kolonner er capfs forhåndsscreening; den, der "
              "gennemgår planen, udfylder afgørelse, kommentar, navn og dato."},
    "criterion": {"en": "Criterion", "da": "Kriterium"},
    "tool_status": {"en": "Tool status", "da": "Værktøjets status"},
    "rules_evidence": {"en": "Rules and evidence found", "da": "Regler og fundet dokumentation"},
    "reviewer_decision": {"en": "Reviewer decision", "da": "Afgørelse"},
    "comment": {"en": "Comment", "da": "Kommentar"},
    "reviewer_name": {"en": "Name", "da": "Navn"},
    "date": {"en": "Date", "da": "Dato"},
    # verdict diff
    "diff_newly_met": {"en": "Criteria newly met", "da": "Kriterier nu opfyldt"},
    "diff_newly_unmet": {"en": "Criteria no longer met", "da": "Kriterier ikke længere opfyldt"},
    "diff_resolved": {"en": "Gaps closed", "da": "Lukkede mangler"},
    "diff_newly_failed": {"en": "New gaps", "da": "Nye mangler"},
    "diff_still_open": {"en": "Still open", "da": "Stadig åbne"},
    "diff_waivers_expired": {"en": "Waivers expired", "da": "Udløbne dispensationer"},
    "diff_rules_added": {"en": "Rules added", "da": "Nye regler"},
    "diff_rules_removed": {"en": "Rules removed", "da": "Fjernede regler"},
    "diff_criteria_changed": {"en": "Criterion status changes", "da": "Ændret status for kriterier"},
    "diff_values_changed": {"en": "Changed values", "da": "Ændrede værdier"},
    "diff_plan_changes": {"en": "Changes in the plan", "da": "Ændringer i planen"},
    "diff_emissions": {"en": "realised emissions", "da": "den opgjorte udledning"},
    "diff_nothing": {"en": "No differences.", "da": "Ingen forskelle."},
    # batch overview page and summary.csv
    "col_file": {"en": "File", "da": "Fil"},
    "col_message": {"en": "Error", "da": "Fejl ved indlæsning"},
    "overview_scores": {"en": "Scores", "da": "Score"},
    "overview_heading": {"en": "Climate action plans: overview",
                         "da": "Klimahandlingsplaner: overblik"},
    "overview_municipality": {"en": "Municipality", "da": "Kommune"},
    "overview_overall": {"en": "Overall", "da": "Samlet"},
    "overview_counts": {"en": "Rules (pass / fail / review / waived / error)",
                        "da": "Regler (bestået / mangel / vurdering / dispenseret / fejl)"},
    "overview_report": {"en": "report", "da": "rapport"},
    "overview_verdict": {"en": "verdict JSON", "da": "vurdering (JSON)"},
    "overview_not_loaded": {"en": "could not be read", "da": "kunne ikke læses"},
    "overview_profile": {"en": "Profile", "da": "Profil"},
    "overview_plans": {"en": "plans", "da": "planer"},
    "overview_portfolio": {"en": "The plans added up against the national target (portfolio)",
                           "da": "Planerne lagt sammen mod det nationale mål (portefølje)"},
    "overview_note": {
        "en": "capf's own pre-screening; approval is a yes/no decision by C40 and CONCITO.",
        "da": "capfs egen forhåndsscreening; godkendelse er en ja/nej-afgørelse, som C40 og "
              "CONCITO træffer."},
}


def label(key: str, lang: str) -> str:
    """The label for `key` in `lang` (English when the key has no such language)."""
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry["en"]


def words(lang: str) -> dict[str, str]:
    """All labels in `lang`, for templates (`t.gaps`); keys never shadow dict methods."""
    return {key: label(key, lang) for key in LABELS}

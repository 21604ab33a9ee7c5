"""The portfolio page's and table's own words, in Danish and English (kept beside labels.py).

A separate catalogue so the portfolio's many column names do not crowd the report's; the page
takes every word from `portfolio_words(lang)` and a missing one fails loudly (StrictUndefined).
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {  # key: (da, en)
    "title": ("Kommunernes klimaplaner lagt sammen", "The municipal climate plans added up"),
    "subtitle": ("Mål, reduktionsstier og manko holdt op mod det nationale mål om 70 % i 2030",
                 "Targets, action pathways and manko against the national 70 % target for 2030"),
    "as_of": ("Opgjort pr.", "As of"),
    "read": ("planfiler læst", "plan files read"),
    "included": ("lagt sammen", "added up"),
    "left_out": ("udeladt", "left out"),
    "errors": ("fejlrækker", "error rows"),
    "overview": ("Hver plans vurdering (oversigten fra capf batch)",
                 "Each plan's verdict (the overview from capf batch)"),
    "headline": ("Hovedtal", "Headline figures"),
    "year": ("År", "Year"),
    "target_reduction": ("Målenes samlede reduktion ift. 1990", "Targets' combined cut vs 1990"),
    "pathway_reduction": ("Reduktionsstiernes samlede reduktion ift. 1990",
                          "Pathways' combined cut vs 1990"),
    "national_reduction": ("Nationalt mål ift. 1990", "National target vs 1990"),
    "above_national": ("Reduktionsstier over den nationale linje",
                       "Pathways above the national line"),
    "manko_computed": ("Manko, beregnet", "Manko, computed"),
    "manko_declared": ("Manko, erklæret", "Manko, declared"),
    "manko_sectors": ("Sektorer med erklæret manko", "Sectors of the declared manko"),
    "chart": ("Samlet udledning og den nationale 70 %-linje",
              "Combined emissions and the national 70 % line"),
    "chart_caption": (
        "Summer i t CO2e pr. år over de planer der er lagt sammen. Linjerne forbinder kun år "
        "hvor alle planer har et tal; en hul prik er en sum over færre planer (se tabellen). "
        "Den stiplede linje er 30 % af planernes samlede udledning i 1990 (klimaloven: −70 % "
        "i 2030).",
        "Sums in t CO2e per year over the plans added up. Lines join only years in which every "
        "plan has a figure; a hollow dot is a sum over fewer plans (see the table). The dashed "
        "line is 30 % of the plans' combined 1990 emissions (Klimaloven: −70 % by 2030)."),
    "national_line": ("70 % under 1990 (klimaloven)", "70 % below 1990 (Klimaloven)"),
    "inventory": ("Klimaregnskab", "Inventory"),
    "bau": ("BAU-fremskrivning", "Business as usual (BAU)"),
    "pathway": ("Reduktionssti", "Action pathway"),
    "target": ("Målniveau", "Target level"),
    "years": ("Summer pr. år", "Sums per year"),
    "years_note": ("„n/N“: summen dækker n af de N planer, der er lagt sammen; de manglende står "
                   "i portfolio.json under `missing`.",
                   "“n/N”: the sum covers n of the N plans added up; the missing ones are named "
                   "in portfolio.json under `missing`."),
    "by_sector": ("Manko fordelt på sektorer", "Manko by sector"),
    "by_sector_note": ("Erklæret manko pr. sektor (fra de planer der fordeler den) og "
                       "reduktionsstiens resterende udledning i sektoren samme år.",
                       "Declared manko per sector (from the plans that split it) and the action "
                       "pathway's remaining emissions in the sector the same year."),
    "sector": ("Sektor", "Sector"),
    "residual": ("Reduktionsstiens udledning", "Pathway emissions"),
    "unsplit": ("Ikke fordelt på sektorer", "Not split by sector"),
    "region": ("Region", "Region"),
    "dgo": ("DGO", "DGO"),
    "groups": ("Fordelt på {kind}", "By {kind}"),
    "municipalities": ("Kommuner", "Municipalities"),
    "municipality": ("Kommune", "Municipality"),
    "code": ("Kode", "Code"),
    "reference_year": ("Basisår", "Reference year"),
    "status_year": ("Statusår", "Status year"),
    "share": ("Andel af samlet manko", "Share of combined manko"),
    "per_municipality": ("Kommune for kommune", "Municipality by municipality"),
    "cases": ("Behandling", "Treatment"),
    "gaps": ("Tal der ikke kan beregnes", "Figures that cannot be computed"),
    "left_out_heading": ("Udeladte planer", "Plans left out"),
    "errors_heading": ("Fejlrækker", "Error rows"),
    "file": ("Fil", "File"),
    "reason": ("Begrundelse", "Reason"),
    "treatments": ("Sådan behandles planer der ikke bare kan lægges sammen",
                   "How plans that cannot simply be added are treated"),
    "sources": ("Kilder", "Sources"),
    "none": ("ingen", "none"),
    "engine": ("Motor", "Engine"),
    "no_plans": ("Ingen plan kunne lægges sammen.", "No plan could be added up."),
    "energy": ("Energi", "Energy"),
    "transport": ("Transport", "Transport"),
    "waste": ("Affald og spildevand", "Waste and wastewater"),
    "ippu": ("Industrielle processer", "Industrial processes"),
    "agriculture": ("Landbrug", "Agriculture"),
    "land_use": ("Arealanvendelse", "Land use"),
    "total": ("I alt", "Total"),
    "included_converted": ("tælles med, omregnet", "included, converted"),
    "included_as_stated": ("tælles med som angivet", "included as stated"),
    "figure_left_out_listed": ("tallet udelades og nævnes", "figure left out and listed"),
    "plan_left_out_listed": ("planen udelades og nævnes", "plan left out and listed"),
    "error_row": ("fejlrække", "error row"),
    "no_1990_figure": ("intet 1990-tal", "no 1990 figure"),
    "other_reference_year": ("andet basisår", "another reference year"),
    "per_capita_without_population": ("mål pr. indbygger uden indbyggertal",
                                      "per-capita target without population"),
    "neutrality_target": ("neutralitetsmål", "neutrality target"),
    "missing_figure": ("manglende tal", "missing figure"),
    "manko_not_declared": ("manko ikke erklæret", "manko not declared"),
    "not_loadable": ("kan ikke læses", "not loadable"),
    "no_municipality_code": ("ingen kommunekode", "no municipality code"),
    "unknown_municipality_code": ("ukendt kommunekode", "unknown municipality code"),
    "duplicate_municipality_code": ("kommunen er med to gange", "municipality twice"),
    "no_status_report": ("ingen statusrapport", "no status report"),
    "status_of_left_out_plan": ("statusrapport for en udeladt plan", "status report of a plan left out"),
    "status_without_plan": ("statusrapport uden plan", "status report without its plan"),
    "duplicate_status_year": ("to statusrapporter for samme år", "two status reports for one year"),
    "realised": ("Opgjort udledning", "Realised emissions"),
    "realised_heading": ("Opgjort udledning mod reduktionsstierne",
                         "Realised emissions against the action pathways"),
    "realised_intro": ("{reports} statusrapporter læst. Hvert års opgjorte sum dækker de planer, "
                       "der har et opgjort tal for året, og holdes op mod de samme planers "
                       "reduktionsstier ført frem til året.",
                       "{reports} status reports read. Each year's realised sum covers the plans "
                       "with a realised figure for the year, and is set against the same plans' "
                       "action pathways carried to that year."),
    "realised_chart": ("Kurven viser kun opgjorte summer for år, hvor alle planer har et opgjort "
                       "tal; en sum over færre planer står kun i tabellen.",
                       "The chart shows realised sums only for years in which every plan has a "
                       "realised figure; a sum over fewer plans is in the table only."),
    "realised_same_plans": ("Reduktionssti, samme planer", "Action pathway, same plans"),
    "realised_gap": ("Opgjort minus sti", "Realised minus pathway"),
    "realised_cut": ("Opgjort ift. 1990", "Realised vs 1990"),
    "realised_missing": ("Ikke med i summen", "Not in the sum"),
    "realised_none": ("Ingen statusrapporter ved siden af planerne, så siden viser ingen opgjort "
                      "udledning. Læg kommunernes statusrapporter i mappen eller i dens undermappe "
                      "status/.",
                      "No status reports beside the plans, so the page shows no realised "
                      "emissions. Put the municipalities' status reports in the folder or in its "
                      "subfolder status/."),
}


def portfolio_words(lang: str) -> dict[str, str]:
    """Every word in `lang` (Danish unless 'en')."""
    index = 1 if lang == "en" else 0
    return {key: pair[index] for key, pair in WORDS.items()}

"""The stated rules for plans and figures that cannot simply be added, and the numbers' sources.

One list, shown in portfolio.json, on portfolio.html and in docs/guide.md, so the three never
disagree. No conversion factor is invented: capf-framework.md gives none for carrying another
year's emissions back to 1990, so such a plan is left out and listed, not converted.
"""

from __future__ import annotations

from capf.portfolio.model import Case, Handling, Source, Text, Treatment

NATIONAL = {2030: 0.70, 2050: 1.0}  # cut below 1990: Klimaloven (2020), capf-framework.md §4
# (capf-framework.md, the catalogue, gives no factor to carry another year back to 1990)
BASE_YEAR = 1990


def _t(case: Case, handling: Handling, da: str, en: str) -> Treatment:
    return Treatment(case=case, handling=handling, text=Text(da=da, en=en))


TREATMENTS: tuple[Treatment, ...] = (
    _t("no_1990_figure", "plan_left_out_listed",
       "En plan uden en samlet udledning for 1990 i klimaregnskabet lægges ikke sammen med de "
       "andre og står på listen over udeladte planer: det nationale mål er en reduktion i forhold "
       "til 1990, og rammen giver ingen faktor til at regne et andet års udledning tilbage til "
       "1990.",
       "A plan without a 1990 total in its inventory is left out of every sum and listed: the "
       "national target is a cut below 1990, and the framework gives no factor to carry another "
       "year's emissions back to 1990."),
    _t("other_reference_year", "included_converted",
       "En plan hvis mål regnes fra et andet basisår (fx 2005), men hvis klimaregnskab har et tal "
       "for 1990, tælles med: motoren omregner hvert procentmål til ton med planens eget tal for "
       "basisåret (procentsats × årets udledning), og tonnene holdes op mod planens 1990-tal som "
       "alle andre planers.",
       "A plan whose targets refer to another year (e.g. 2005) but whose inventory has a 1990 "
       "total is included: the engine turns each percent target into tonnes with the plan's own "
       "figure for that year (percent × that year's emissions), and the tonnes are set against "
       "the plan's 1990 figure like every other plan's."),
    _t("per_capita_without_population", "figure_left_out_listed",
       "Et mål pr. indbygger bliver til ton med målets eget indbyggertal eller kommunens "
       "(municipality.population), som motoren gør. Uden indbyggertal lægges årets mål ikke "
       "sammen: planen står blandt målets manglende planer for året med motorens begrundelse; "
       "dens øvrige tal tælles med.",
       "A per-capita target becomes tonnes with the target's own population or the "
       "municipality's (municipality.population), as the engine does. Without one, that year's "
       "target is not added: the plan is listed among the target's missing plans for the year "
       "with the engine's reason; its other figures are added."),
    _t("neutrality_target", "included_as_stated",
       "Et neutralitetsmål (måltype neutral eller netto-nul-året) tæller som 0 t CO2e netto i sit "
       "år og de følgende målår, som motorens målniveau gør. Reduktioner uden for kommunegrænsen, "
       "som en plan må medregne, trækkes ikke fra de geografiske summer.",
       "A neutrality target (type neutral, or the net-zero year) counts as 0 t CO2e net in its "
       "year and the target years after it, as the engine's target level does. Reductions "
       "outside the boundary that a plan may count are not subtracted from the territorial sums."),
    _t("missing_figure", "figure_left_out_listed",
       "Mangler en plan et tal for et år og en serie (ingen BAU for 2040, intet mål for 2025 …), "
       "er den ikke med i den sum: summen siger hvor mange planer den dækker og nævner de andre "
       "under `missing`, og dens reduktion regnes mod 1990-tallet for netop de samme planer. "
       "Intet interpoleres.",
       "A plan without a figure for a year and series (no BAU for 2040, no target for 2025 ...) "
       "is not in that sum: the sum says how many plans it covers and names the others under "
       "`missing`, and its reduction is taken against the 1990 figure of the same plans. "
       "Nothing is interpolated."),
    _t("manko_not_declared", "included_as_stated",
       "Manko findes i en plans milepælsår (hvert år med et samlet mål og netto-nul-året). Et "
       "milepælsår uden erklæret manko tæller som 0 t erklæret, som regel NEU-8 læser det; den "
       "beregnede manko (reduktionsstien over målniveauet, mindst 0) lægges sammen ved siden af.",
       "Manko exists in a plan's milestone years (each year with a total target, and the "
       "net-zero year). A milestone year without a declared manko counts as 0 t declared, as "
       "rule NEU-8 reads it; the computed manko (action pathway above the target level, floor 0) "
       "is added up beside it."),
    _t("no_status_report", "figure_left_out_listed",
       "Statusrapporter ved siden af planerne (i mappen selv eller i dens undermappe status/) "
       "giver den opgjorte udledning. En plan uden statusrapport, eller uden et opgjort tal for "
       "et år, er ikke med i årets opgjorte sum: summen siger hvor mange planer den dækker og "
       "nævner de andre under `missing`. Summen holdes op mod reduktionsstierne for netop de "
       "samme planer, ført lineært frem til året mellem planens statusår og stiens år, som "
       "opfølgningsreglerne gør; en plan hvis sti ikke når året, er heller ikke med. Intet "
       "fremskrives, og et år uden rapport tælles aldrig som 0.",
       "Status reports beside the plans (in the folder itself or its subfolder status/) give the "
       "realised emissions. A plan without a status report, or without a realised total for a "
       "year, is not in that year's realised sum: the sum says how many plans it covers and names "
       "the others under `missing`. The sum is set against the action pathways of exactly the "
       "same plans, interpolated to the year in straight lines between each plan's status year "
       "and its pathway years, as the follow-up rules do; a plan whose pathway does not reach the "
       "year is not in it either. Nothing is extrapolated, and a year without a report never "
       "counts as 0."),
    _t("status_of_left_out_plan", "plan_left_out_listed",
       "En statusrapport for en plan der er udeladt (fx uden 1990-tal) lægges heller ikke sammen "
       "og står på listen over udeladte med sin plan.",
       "A status report of a plan that is left out (e.g. one without a 1990 figure) is not added "
       "up either, and is listed among the left-out plans with its plan."),
    _t("status_without_plan", "error_row",
       "En statusrapport hvis follows.plan_sha256 ikke er nogen af de læste planers, er en "
       "fejlrække: den følger en anden version af planen eller en plan der ikke er med, og den "
       "sættes aldrig på en kommune ud fra koden alene.",
       "A status report whose follows.plan_sha256 is none of the plans read is an error row: it "
       "follows another version of a plan, or a plan that is not there, and it is never put onto "
       "a municipality by its code alone."),
    _t("duplicate_status_year", "error_row",
       "To statusrapporter for samme plan og samme år: den første (i navneorden) bruges, og den "
       "anden er en fejlrække – hvilken af dem der skulle gælde, ville være et gæt.",
       "Two status reports of one plan for the same year: the first (in name order) is used and "
       "the second is an error row, since which one counts would be a guess."),
    _t("not_loadable", "error_row",
       "En fil der ikke kan læses eller ikke følger planskemaet er en fejlrække med filens navn "
       "og fejlen; de andre planer lægges sammen alligevel.",
       "A file that cannot be read or does not follow the plan schema is an error row with the "
       "file and the error; the other plans are added up all the same."),
    _t("no_municipality_code", "error_row",
       "En plan uden municipality.code kan ikke placeres i en region og er en fejlrække "
       "(fiktive eksempelkommuner har ingen kode).",
       "A plan without municipality.code cannot be placed in a region and is an error row "
       "(fictional example municipalities have none)."),
    _t("unknown_municipality_code", "error_row",
       "En plan hvis kommunekode ikke er blandt de 98 kommuner er en fejlrække; koden gættes "
       "aldrig.",
       "A plan whose municipality code is not one of the 98 municipalities is an error row; the "
       "code is never guessed."),
    _t("duplicate_municipality_code", "error_row",
       "En plan for en kommune der allerede er med (samme kommunekode) er en fejlrække: to planer "
       "for én kommune ville tælle den to gange. Den første fil i navneorden bruges.",
       "A plan for a municipality already in the portfolio (same code) is an error row: two "
       "plans of one municipality would count it twice. The first file in name order is used."),
)

# Each cited as a reader of the page can look it up (the catalogue behind them for capf's own
# developers: capf-framework.md §4; the code list's provenance: capf/portfolio/municipalities.md).
SOURCES: tuple[Source, ...] = (
    Source(what=Text(da="nationale mål: −70 % ift. 1990 i 2030, klimaneutralitet i 2050",
                     en="national targets: −70 % below 1990 by 2030, climate neutral by 2050"),
           ref=Text(da="Klimaloven (2020)", en="Klimaloven (2020), the Danish Climate Act")),
    Source(what=Text(da="kommunekoder, navne og regioner (hver region er også én DGO)",
                     en="municipality codes, names and regions (each region is also one DGO)"),
           ref=Text(da="kommunekodelisten (Danmarks Adresser / CPR) og regionernes egne lister",
                    en="the municipality code list (Danmarks Adresser / CPR) and the regions' "
                       "own lists")),
    Source(what=Text(da="målniveauer, reduktionsstier og manko for hver plan",
                     en="target levels, pathway levels and manko per plan"),
           ref=Text(da="beregnet, som capfs regler for mål og manko beregner dem (NEU-6, NEU-8)",
                    en="computed as capf's rules for targets and manko compute them "
                       "(NEU-6, NEU-8)")),
)


def treatment(case: Case) -> Treatment:
    return next(t for t in TREATMENTS if t.case == case)

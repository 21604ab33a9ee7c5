"""The `capf` command line: argparse, one sub-parser per command, usage errors as UsageError.

Its help is in the output language like every other output: Danish unless `--lang en` is among
the arguments or $CAPF_LANG says en (capf.text.language.early_lang). argparse's own words
("usage:", "options", the -h help) are replaced too, so `capf check --help` reads in one language.
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path
from typing import Any

from capf.cli.exit_codes import exit_codes
from capf.cli.options import (
    DanishFormatter,
    Formatter,
    as_of,
    csv_option,
    document_output,
    in_language,
    jobs,
    judging_options,
    output,
)
from capf.engine.profile_names import DEFAULT_FOLLOW_UP_PROFILE
from capf.model.errors import UsageError
from capf.read.schema import SCHEMA_NAMES
from capf.text.causes import usage_problem
from capf.text.language import DEFAULT_LANG, LANG_VARIABLE, LANGS
from capf.text.links import doc_url


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors take the common path."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(usage_problem(self.prog, message))


class _Version(argparse.Action):
    """`--version`: the engine's version, read when asked for."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help=kwargs.get("help"))

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        from capf.engine.release import ENGINE_VERSION

        print(f"capf {ENGINE_VERSION}")  # on stdout, as argparse's own version action does
        parser.exit()


def build_parser(lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:  # noqa: PLR0915 - a statement per option
    """The parser, its help in `lang` (da or en)."""

    def t(english: str, danish: str) -> str:
        return danish if lang == "da" else english

    formatter = DanishFormatter if lang == "da" else Formatter
    parser = in_language(_Parser(
        prog="capf", add_help=False, formatter_class=formatter,
        description=t("Check a municipal climate action plan against C40's CAPF as applied in "
                      "Denmark (DK2020 / Klimaalliancen).",
                      "Tjek en kommunal klimahandleplan mod C40's CAPF, som den anvendes i "
                      "Danmark (DK2020 / Klimaalliancen)."),
        epilog=exit_codes(lang) + t("\nguide: ", "\nvejledning: ") + doc_url("guide.md")), t)
    parser.add_argument("--version", action=_Version,
                        help=t("show program's version number and exit",
                               "vis programmets version og afslut"))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser,
                                metavar=t("COMMAND", "KOMMANDO"))
    examples = t("examples:", "eksempler:")

    def done(english: str, danish: str) -> str:  # "exit: …", wrapped under its head
        head = t("exit: ", "afslutning: ")
        return textwrap.fill(head + t(english, danish), width=88, subsequent_indent=" " * len(head))

    written = done("0 written, 2 bad input", "0 skrevet, 2 forkert input")
    plan_file = t("plan file, or - for stdin", "planfil, eller - for stdin")
    out_dir = t("OUTDIR", "MAPPE")
    plans_in = t("plan files, or folders of them", "planfiler eller mapper med planer")

    def command(name: str, text: str, *lines: str, lang_option: bool = True) -> argparse.ArgumentParser:
        cmd = in_language(sub.add_parser(
            name, help=text, description=text, add_help=False, formatter_class=formatter,
            epilog=examples + "\n" + "\n".join(f"  {line}".rstrip() for entry in lines
                                                  for line in entry.splitlines() or [""])), t)
        if lang_option:
            cmd.add_argument("--lang", choices=LANGS,
                             help=t(f"output language (${LANG_VARIABLE}, else da)",
                                    f"sprog for output (${LANG_VARIABLE}, ellers da)"))
        return cmd

    check = command("check", t("judge plans and print the verdict",
                               "vurder planer og udskriv vurderingen"),
                    "capf check examples/vejle.yaml --as-of 2026-01-01",
                    "capf check plans/*.yaml --format sarif > capf.sarif",
                    "capf check draft.yaml --format junit --lang da > capf-junit.xml",
                    "", exit_codes(lang))
    check.add_argument("plans", nargs="+", metavar="PLAN", help=plan_file)
    judging_options(check, t, verdict=True)

    report = command("report", t("write the gap report of one plan, or with --status its "
                                 "follow-up report (format from the suffix)",
                                 "skriv mangelrapporten for én plan, eller med --status dens "
                                 "opfølgningsrapport (formatet følger filendelsen)"),
                     "capf report draft.yaml -o rapport.html --lang da",
                     "capf report draft.yaml -o report.md --lang en --as-of 2026-01-01",
                     "capf report plan.yaml --status status-2024.yaml status-2025.yaml -o opfoelgning.html",
                     "", done("0 written, 2 bad input (the verdict is in the report)",
                                  "0 skrevet, 2 forkert input (vurderingen står i rapporten)"))
    report.add_argument("plan", metavar="PLAN", help=plan_file)
    report.add_argument("--status", nargs="+", type=Path, default=None, metavar="STATUS",
                        help=t("the plan's status reports: write the follow-up report",
                               "planens statusrapporter: skriv opfølgningsrapporten"))
    output(report, t("FILE.html|FILE.md", "FIL.html|FIL.md"),
           t("the report (HTML or Markdown)", "rapporten (HTML eller Markdown)"))
    judging_options(report, t, profile=None)

    checklist = command("checklist", t("write a reviewer checklist, pre-filled from a plan or blank",
                                       "skriv en tjekliste til bedømmeren, udfyldt fra en plan "
                                       "eller tom"),
                        "capf checklist draft.yaml -o tjekliste.html",
                        "capf checklist -o blank.csv --profile klimaalliancen-2024",
                        "capf checklist draft.yaml -o tjekliste.xlsx", "", written)
    checklist.add_argument("plan", nargs="?", metavar="PLAN",
                           help=t("the plan that fills it in, or - for stdin; without: a blank "
                                  "checklist",
                                  "planen, der udfylder den, eller - for stdin; uden: en tom "
                                  "tjekliste"))
    output(checklist, t("FILE.md|FILE.html|FILE.csv|FILE.xlsx", "FIL.md|FIL.html|FIL.csv|FIL.xlsx"),
           t("the checklist (Markdown, HTML, CSV or Excel)",
             "tjeklisten (Markdown, HTML, CSV eller Excel)"))
    csv_option(checklist, t)
    judging_options(checklist, t)

    batch = command("batch", t("judge many plans into a folder: verdicts, reports, "
                               "summary.csv, summary.xlsx, overview.html",
                               "vurder mange planer ind i en mappe: vurderinger, rapporter, "
                               "summary.csv, summary.xlsx, overview.html"),
                    "capf batch plans/ -o out/ --as-of 2026-01-01", "",
                    done("2 if any plan could not be loaded (it is an error row; every other "
                         "plan is still judged), else 1 if any plan is non-compliant or needs "
                         "review, else 0",
                         "2, hvis en plan ikke kunne indlæses (den bliver en fejlrække; alle "
                         "andre planer vurderes stadig), ellers 1, hvis en plan ikke opfylder "
                         "kravene eller kræver vurdering, ellers 0"))
    batch.add_argument("inputs", nargs="+", metavar=t("DIR|PLAN", "MAPPE|PLAN"), help=plans_in)
    output(batch, out_dir, t("the folder to write; it is replaced only when every plan is done",
                             "mappen, der skrives til; den erstattes først, når alle planer er "
                             "færdige"))
    csv_option(batch, t)
    judging_options(batch, t, waivers=False)
    batch.add_argument("--jobs", "-j", type=jobs, default=None, metavar="N",
                       help=t("processes judging plans (default: one per core); the outputs "
                              "and their order are those of one process",
                              "processer, der vurderer planerne (standard: én pr. kerne); "
                              "filerne og deres rækkefølge er de samme som med én proces"))
    batch.add_argument("--no-reports", dest="reports", action="store_false",
                       help=t("write no HTML report per plan (verdicts, summary and overview "
                              "only; the overview links to each verdict JSON)",
                              "skriv ingen HTML-rapport pr. plan (kun vurderinger, summary og "
                              "overview; overview.html linker så til hver plans vurdering som "
                              "JSON)"))

    portfolio = command("portfolio", t("add plans up against the national target (-70 per cent "
                                       "by 2030)",
                                       "læg planerne sammen og hold dem op mod det nationale mål "
                                       "(-70 pct. i 2030)"),
                        "capf portfolio plans/ -o out/ --group-by dgo", "",
                        done("0 written, 2 bad input, or a plan could not be loaded (it is an "
                             "error row; the others are still added up)",
                             "0 skrevet, 2 forkert input, eller en plan kunne ikke indlæses (den "
                             "bliver en fejlrække; de andre lægges stadig sammen)"))
    portfolio.add_argument("inputs", nargs="+", metavar=t("DIR|PLAN", "MAPPE|PLAN"),
                           help=plans_in)
    output(portfolio, out_dir, t("the folder to write the national picture to",
                                 "mappen, det nationale billede skrives til"))
    portfolio.add_argument("--as-of", type=as_of, default=None, metavar=t("DATE", "DATO"),
                           help=t("add up as of this date (default: today)",
                                  "læg sammen pr. denne dato (standard: i dag)"))
    portfolio.add_argument("--group-by", choices=("region", "dgo", "none"), default="region",
                           help=t("group the municipalities by region (default), by DGO, or not",
                                  "grupper kommunerne efter region (standard), efter DGO eller "
                                  "slet ikke"))

    diff = command("diff", t("compare two versions of a plan (plans, verdict JSONs or status reports)",
                             "sammenlign to versioner af en plan (planer, vurderinger som JSON "
                             "eller statusrapporter)"),
                   "capf diff plan-2021.yaml plan-2025.yaml --profile klimaalliancen-2024",
                   "capf diff old.verdict.json new.verdict.json --format json", "",
                   done("0 no regression, 1 a criterion or rule got worse or a waiver "
                        "lapsed, 2 bad input",
                        "0 intet er blevet dårligere, 1 et kriterium eller en regel er blevet "
                        "dårligere, eller en dispensation er udløbet, 2 forkert input"))
    diff.add_argument("old", metavar=t("OLD", "GAMMEL"),
                      help=t("plan, verdict JSON or status report; - for stdin",
                             "plan, vurdering som JSON eller statusrapport; - for stdin"))
    diff.add_argument("new", metavar=t("NEW", "NY"),
                      help=t("the newer version; - for stdin (one side only)",
                             "den nyere version; - for stdin (kun den ene af dem)"))
    judging_options(diff, t, waivers=False, stage=False)
    diff.add_argument("--format", choices=("text", "json"), default="text",
                      help=t("json: the comparison as JSON", "json: sammenligningen som JSON"))
    document_output(diff, t)

    monitor = command("monitor", t("judge a plan's yearly follow-up from its status reports",
                                   "vurder den årlige opfølgning på en plan ud fra dens "
                                   "statusrapporter"),
                      "capf monitor plan.yaml status-2024.yaml status-2025.yaml --format json",
                      "", done("0 on track, 1 off track or needs review, 2 bad input",
                               "0 på rette kurs, 1 ikke på rette kurs eller kræver vurdering, "
                               "2 forkert input"))
    monitor.add_argument("plan", metavar="PLAN", help=plan_file)
    monitor.add_argument("statuses", nargs="+", type=Path, metavar="STATUS",
                         help=t("its status reports", "planens statusrapporter"))
    judging_options(monitor, t, waivers=False, profile=DEFAULT_FOLLOW_UP_PROFILE, verdict=True,
                     stage=False)

    init = command("init", t("write a plan/status template (-o: plan.schema.json too)",
                             "skriv en skabelon til en plan eller en statusrapport (med -o også "
                             "plan.schema.json)"),
                   "capf init -o p.yaml", "capf init --example -o eksempel.yaml",
                   "capf init --status klimaplan.yaml", "", written)
    init.add_argument("--status", default=None, metavar="PLAN",
                      help=t("a status report template", "en skabelon til en statusrapport for PLAN"))
    document_output(init, t)
    init.add_argument("--force", action="store_true",
                      help=t("overwrite FILE if it exists", "overskriv FIL, hvis den findes"))
    init.add_argument("--example", action="store_true",
                      help=t("a complete example plan instead", "en komplet eksempelplan i stedet"))

    convert = command("convert", t("convert a plan or status report between .yaml, .json and .xlsx",
                                   "konverter en plan eller en statusrapport mellem .yaml, .json "
                                   "og .xlsx"),
                      "capf convert klimaplan.yaml -o klimaplan.xlsx",
                      "capf convert klimaplan.xlsx -o klimaplan.yaml", "", written)
    convert.add_argument("input", type=Path, metavar=t("IN", "IND"),
                         help=t("the plan or status report (.yaml, .json or .xlsx)",
                                "planen eller statusrapporten (.yaml, .json eller .xlsx)"))
    output(convert, t("OUT.yaml|OUT.json|OUT.xlsx", "UD.yaml|UD.json|UD.xlsx"),
           t("the converted file (its format from the suffix)",
             "den konverterede fil (formatet følger filendelsen)"))
    convert.add_argument("--force", action="store_true",
                         help=t("overwrite OUT if it exists", "overskriv UD, hvis den findes"))

    validate = command("validate", t("check plans against the plan schema only",
                                     "tjek kun planerne mod planskemaet"),
                       "capf validate examples/vejle.yaml", "",
                       done("0 every plan is valid, 2 a plan is not, or cannot be read (each "
                            "problem on stderr)",
                            "0 alle planer er gyldige, 2 en plan er ugyldig eller kan ikke læses "
                            "(hvert problem på stderr)"))
    validate.add_argument("plans", nargs="+", metavar="PLAN", help=plan_file)

    rules = command("rules", t("list the rules of a profile", "vis reglerne i en profil"),
                    "capf rules --profile dk2020",
                    "capf rules --format md --lang en > docs/rules.md",
                    "capf rules --format md > docs/rules.da.md",
                    "capf rules --profile klimaalliancen-2024 --format json", "", written)
    rules.add_argument("--profile", default=None, metavar=t("P|PATH", "P|STI"),
                       help=t("built-in profile id or profile file (default: every built-in rule)",
                              "indbygget profil-id eller profilfil (standard: alle indbyggede "
                              "regler)"))
    rules.add_argument("--format", choices=("md", "json"), default="md",
                       help=t("md: the rule reference as Markdown, json: the rules as data",
                              "md: regeloversigten som Markdown, json: reglerne som data"))
    document_output(rules, t)

    schema = command("schema", t("print a published JSON Schema",
                                 "udskriv et offentliggjort JSON Schema"),
                     "capf schema plan > plan.schema.json", "", written, lang_option=False)
    schema.add_argument("name", choices=SCHEMA_NAMES, help=t("which schema", "hvilket skema"))
    document_output(schema, t)
    return parser

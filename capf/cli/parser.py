"""The `capf` command line: argparse, one sub-parser per command, usage errors as UsageError."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from capf.cli.exit_codes import EXIT_CODES
from capf.engine.profile_names import DEFAULT_FOLLOW_UP_PROFILE, DEFAULT_PROFILE
from capf.model.errors import UsageError
from capf.read.plan import STAGES
from capf.read.schema import SCHEMA_NAMES
from capf.render import formats as out
from capf.text.causes import usage_problem
from capf.text.language import LANG_VARIABLE, LANGS
from capf.text.links import doc_url


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors take the common path."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(usage_problem(self.prog, message))


class _Version(argparse.Action):
    """`--version`: the engine's version, read when asked for."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        from capf.engine.release import ENGINE_VERSION

        print(f"capf {ENGINE_VERSION}")  # on stdout, as argparse's own version action does
        parser.exit()


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def _jobs(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 256:
        raise argparse.ArgumentTypeError(f"not a number of processes (1-256): {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:  # noqa: PLR0915 - a statement per option
    parser = _Parser(prog="capf", description="Check a municipal climate action plan against "
                     "C40's CAPF as applied in Denmark (DK2020 / Klimaalliancen).",
                     epilog=EXIT_CODES + f"\nguide: {doc_url('guide.md')}",
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def command(name: str, text: str, *examples: str, lang: str = "") -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=text, description=text,
                             formatter_class=argparse.RawDescriptionHelpFormatter,
                             epilog="examples:\n" + "\n".join(f"  {e}".rstrip() for e in examples))
        if lang:
            cmd.add_argument("--lang", choices=LANGS, help=f"output language (${LANG_VARIABLE}, else da)")
        return cmd

    check = command("check", "judge plans and print the verdict",
                    "capf check examples/vejle.yaml --as-of 2026-01-01",
                    "capf check plans/*.yaml --format sarif > capf.sarif",
                    "capf check draft.yaml --format junit --lang da > capf-junit.xml",
                    "", EXIT_CODES, lang="en")
    check.add_argument("plans", nargs="+", metavar="PLAN", help="plan file, or - for stdin")
    _judging_options(check, verdict=True)

    report = command("report", "write the gap report of one plan, or with --status its "
                     "follow-up report (format from the suffix)",
                     "capf report draft.yaml -o rapport.html --lang da",
                     "capf report draft.yaml -o report.md --lang en --as-of 2026-01-01",
                     "capf report plan.yaml --status status-2024.yaml status-2025.yaml -o opfoelgning.html",
                     "", "exit: 0 written, 2 bad input (the verdict is in the report)", lang="da")
    report.add_argument("plan", metavar="PLAN")
    report.add_argument("--status", nargs="+", type=Path, default=None, metavar="STATUS",
                        help="the plan's status reports: write the follow-up report")
    _output(report, "FILE.html|FILE.md")
    _judging_options(report, profile=None)

    checklist = command("checklist", "write a reviewer checklist, pre-filled from a plan or blank",
                        "capf checklist draft.yaml -o tjekliste.html",
                        "capf checklist -o blank.csv --profile klimaalliancen-2024",
                        "capf checklist draft.yaml -o tjekliste.xlsx",
                        "", "exit: 0 written, 2 bad input", lang="da")
    checklist.add_argument("plan", nargs="?", metavar="PLAN")
    _output(checklist, "FILE.md|FILE.html|FILE.csv|FILE.xlsx")
    _csv_option(checklist)
    _judging_options(checklist)

    batch = command("batch", "judge many plans into a folder: verdicts, reports, "
                    "summary.csv, summary.xlsx, overview.html",
                    "capf batch plans/ -o out/ --as-of 2026-01-01", "",
                    "exit: 2 if any plan could not be loaded (it is an error row; every other\n"
                    "      plan is still judged), else 1 if any plan is non-compliant or needs\n"
                    "      review, else 0",
                    lang="da")
    batch.add_argument("inputs", nargs="+", metavar="DIR|PLAN")
    _output(batch, "OUTDIR")
    _csv_option(batch)
    _judging_options(batch, waivers=False)
    batch.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                       help="processes judging plans (default: one per core); the outputs "
                            "and their order are those of one process")
    batch.add_argument("--no-reports", dest="reports", action="store_false",
                       help="skriv ingen HTML-rapport pr. plan / write no HTML report per plan "
                            "(verdicts, summary and overview only; the overview links to each "
                            "verdict JSON)")

    portfolio = command("portfolio", "add plans up against the national target (-70 per cent by "
                        "2030)", "capf portfolio plans/ -o out/ --group-by dgo", lang="da")
    portfolio.add_argument("inputs", nargs="+", metavar="DIR|PLAN")
    _output(portfolio, "OUTDIR")
    portfolio.add_argument("--as-of", type=_as_of, default=None, metavar="DATE")
    portfolio.add_argument("--group-by", choices=("region", "dgo", "none"), default="region")

    diff = command("diff", "compare two versions of a plan (plans, verdict JSONs or status reports)",
                   "capf diff plan-2021.yaml plan-2025.yaml --profile klimaalliancen-2024",
                   "capf diff old.verdict.json new.verdict.json --format json", "",
                   "exit: 0 no regression, 1 a criterion or rule got worse or a waiver\n"
                   "      lapsed, 2 bad input", lang="en")
    diff.add_argument("old", metavar="OLD", help="plan, verdict JSON or status report; - for stdin")
    diff.add_argument("new", metavar="NEW", help="the newer version; - for stdin (one side only)")
    _judging_options(diff, waivers=False, stage=False)
    diff.add_argument("--format", choices=("text", "json"), default="text")
    _document_output(diff)

    monitor = command("monitor", "judge a plan's yearly follow-up from its status reports",
                      "capf monitor plan.yaml status-2024.yaml status-2025.yaml --format json",
                      "", "exit: 0 on track, 1 off track or needs review, 2 bad input", lang="da")
    monitor.add_argument("plan", metavar="PLAN")
    monitor.add_argument("statuses", nargs="+", type=Path, metavar="STATUS", help="its status reports")
    _judging_options(monitor, waivers=False, profile=DEFAULT_FOLLOW_UP_PROFILE, verdict=True, stage=False)

    init = command("init", "write a plan/status template (-o: plan.schema.json too)", "capf init -o p.yaml",
                   "capf init --example -o eksempel.yaml", "capf init --status klimaplan.yaml", lang="da")
    init.add_argument("--status", default=None, metavar="PLAN", help="a status report template")
    _document_output(init)
    init.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    init.add_argument("--example", action="store_true", help="a complete example plan instead")

    convert = command("convert", "convert a plan or status report between .yaml, .json and .xlsx",
                      "capf convert klimaplan.yaml -o klimaplan.xlsx",
                      "capf convert klimaplan.xlsx -o klimaplan.yaml", "",
                      "exit: 0 written, 2 bad input", lang="da")
    convert.add_argument("input", type=Path, metavar="IN")
    _output(convert, "OUT.yaml|OUT.json|OUT.xlsx")
    convert.add_argument("--force", action="store_true", help="overwrite OUT if it exists")

    validate = command("validate", "check plans against the plan schema only",
                       "capf validate examples/vejle.yaml", lang="da")
    validate.add_argument("plans", nargs="+", metavar="PLAN", help="plan file, or - for stdin")

    rules = command("rules", "list the rules of a profile",
                    "capf rules --format md > docs/rules.md",
                    "capf rules --profile klimaalliancen-2024 --format json")
    rules.add_argument("--profile", default=None, metavar="P|PATH")
    rules.add_argument("--format", choices=("md", "json"), default="md")
    _document_output(rules)

    schema = command("schema", "print a published JSON Schema",
                     "capf schema plan > plan.schema.json")
    schema.add_argument("name", choices=SCHEMA_NAMES)
    _document_output(schema)
    return parser


def _judging_options(parser: argparse.ArgumentParser, *, waivers: bool = True,
                     profile: str | None = DEFAULT_PROFILE, verdict: bool = False,
                     stage: bool = True) -> None:
    """How to judge; with `verdict` also the verdict's form (check, monitor).

    `profile=None`: the command picks it (report: dk2020, with --status monitoring).
    """
    parser.add_argument("--profile", default=profile, metavar="P|PATH",
                        help=f"built-in profile id or profile file (default {profile or DEFAULT_PROFILE}"
                             f"{'' if profile else f'; with --status {DEFAULT_FOLLOW_UP_PROFILE}'})")
    parser.add_argument("--as-of", type=_as_of, default=None, metavar="DATE",
                        help="judge as of this date (default: today)")
    if stage:
        parser.add_argument("--stage", choices=STAGES, help="judge at this stage (overrides plan.stage)")
    if waivers:
        parser.add_argument("--waivers", type=Path, default=None, metavar="FILE",
                            help="YAML file of waivers (reason and expiry required)")
    if verdict:
        parser.add_argument("--format", choices=out.FORMATS, default="text",
                            help="json: the verdict (an array of verdicts for several plans)")
        _document_output(parser)


def _output(parser: argparse.ArgumentParser, metavar: str) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True, metavar=metavar)


def _csv_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--csv-delimiter", choices=sorted(out.CSV_DELIMITERS), default=None,
                        help="CSV separator (default ; in Danish, as Danish Excel expects; , in English)")


def _document_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (UTF-8), not to stdout")

"""The `capf` command: argparse, one function per sub-command, `main(argv) -> int`.

Exit codes are EXIT_CODES below (also 1 for a regression in diff; 3 is a bug: please report
it). Renderers are imported inside their command, so `capf check` never pays for them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path

from capf.batch import refuse_overwriting, run_batch, write_atomic
from capf.docs.plan_template import SCHEMA_FILE, example_plan, plan_template
from capf.docs.rule_reference import rules_json, rules_markdown
from capf.docs.status_template import status_template
from capf.engine.evaluator import ENGINE_VERSION, evaluate
from capf.engine.follow_up import DEFAULT_FOLLOW_UP_PROFILE, evaluate_follow_up
from capf.engine.portfolio import judge_each
from capf.engine.ruleset import DEFAULT_PROFILE, RuleSet, load_ruleset
from capf.model.errors import CapfError, UsageError
from capf.model.verdict import FAILING, Verdict
from capf.read.pipe import document_at, plan_at, validate_each
from capf.read.plan import STAGES, Plan, staged
from capf.read.schema import SCHEMA_NAMES
from capf.read.status import load_status
from capf.read.waiver import load_waivers
from capf.render import formats as out
from capf.text.language import DEFAULT_LANG, LANG_VARIABLE, LANGS, LanguageError, label, output_lang
from capf.text.links import doc_url
from capf.text.terminal import printable, shown_name

EXIT_OK, EXIT_NON_COMPLIANT, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_CODES = """\
exit codes: 0 compliant (or with observations) · 1 non-compliant or needs review (settle it by
            a waiver) · 2 bad input or usage (one line on stderr) · 3 internal error"""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors take the common path."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def build_parser() -> argparse.ArgumentParser:  # noqa: PLR0915 - a statement per option
    parser = _Parser(prog="capf", description="Check a municipal climate action plan against "
                     "C40's CAPF as applied in Denmark (DK2020 / Klimaalliancen).",
                     epilog=EXIT_CODES + f"\nguide: {doc_url('guide.md')}",
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"capf {ENGINE_VERSION}")
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

    report = command("report", "write the gap report of one plan (format from the suffix)",
                     "capf report draft.yaml -o rapport.html --lang da",
                     "capf report draft.yaml -o report.md --lang en --as-of 2026-01-01",
                     "", "exit: 0 written, 2 bad input (the verdict is in the report)", lang="da")
    report.add_argument("plan", metavar="PLAN")
    _output(report, "FILE.html|FILE.md")
    _judging_options(report)

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
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
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
                     profile: str = DEFAULT_PROFILE, verdict: bool = False,
                     stage: bool = True) -> None:
    """How to judge; with `verdict` also the verdict's form (check, monitor)."""
    parser.add_argument("--profile", default=profile, metavar="P|PATH",
                        help=f"built-in profile id or profile file (default {profile})")
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


def _emit(args: argparse.Namespace, text: str) -> None:
    """A document to `-o FILE` (atomically, UTF-8) or to stdout, which `main` made UTF-8."""
    text = text if text.endswith("\n") else text + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        _written(args.output, text, getattr(args, "lang", DEFAULT_LANG))


def _judge_all(args: argparse.Namespace, paths: Sequence[str]) -> tuple[RuleSet, list[tuple[Plan, Verdict]]]:
    """Every plan judged with the one rule set, waiver file, date and stage the options name."""
    ruleset, waivers = load_ruleset(args.profile), load_waivers(args.waivers) if args.waivers else None
    return ruleset, [(p, evaluate(p, ruleset, as_of=args.as_of or date.today(), waivers=waivers))
                     for p in (staged(plan_at(path), args.stage) for path in paths)]


def _written(path: Path, text: str | bytes, lang: str) -> int:
    write_atomic(path, text)
    print(label("wrote", lang).format(path=shown_name(path)))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:  # a broken plan is an error result, exit 2
    ruleset, waivers = load_ruleset(args.profile), load_waivers(args.waivers) if args.waivers else None
    judged = judge_each(args.plans, lambda p: staged(plan_at(p), args.stage), ruleset,
                        as_of=args.as_of or date.today(), waivers=waivers)
    text = out.verdicts_document(list(judged.verdicts), ruleset, args.format, args.lang, broken=judged.broken,
                                 seconds=judged.seconds, several=len(args.plans) > 1)
    if text is not None:
        _emit(args, text)
    print(*(shown_name(f"capf: error: {p}") + "\n" for p in judged.broken), sep="", end="", file=sys.stderr)
    worst = any(v.status in FAILING for v in judged.verdicts)
    return EXIT_BAD_INPUT if judged.broken else EXIT_NON_COMPLIANT if worst else EXIT_OK


def cmd_monitor(args: argparse.Namespace) -> int:
    ruleset, plan = load_ruleset(args.profile), plan_at(args.plan)
    verdict = evaluate_follow_up(plan, [load_status(p) for p in args.statuses], ruleset, as_of=args.as_of)
    _emit(args, out.verdicts_document([verdict], ruleset, args.format, args.lang) or "")
    return EXIT_NON_COMPLIANT if verdict.status in (*FAILING, "off_track") else EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from capf.render.report import render_report

    fmt = out.format_of(args.output, out.REPORT_FORMATS)
    ruleset, [(plan, verdict)] = _judge_all(args, [args.plan])
    return _written(args.output, render_report(verdict, fmt, args.lang, plan, ruleset=ruleset), args.lang)


def cmd_checklist(args: argparse.Namespace) -> int:
    from capf.render.checklist import checklist_workbook, render_checklist

    fmt = out.format_of(args.output, out.CHECKLIST_FORMATS)
    ruleset, judged = _judge_all(args, [args.plan] if args.plan else [])
    verdict = judged[0][1] if judged else None
    if fmt == "xlsx":
        return _written(args.output, checklist_workbook(verdict, args.lang, ruleset=ruleset), args.lang)
    delimiter = out.CSV_DELIMITERS.get(args.csv_delimiter)
    return _written(args.output, render_checklist(verdict, fmt, args.lang, ruleset=ruleset,
                                                  delimiter=delimiter), args.lang)


def cmd_batch(args: argparse.Namespace) -> int:
    ruleset = load_ruleset(args.profile)
    progress = sys.stderr if sys.stderr.isatty() else None
    rows = run_batch(args.inputs, args.output, ruleset, as_of=args.as_of or date.today(),
                     lang=args.lang, progress=progress, stage=args.stage,
                     delimiter=out.CSV_DELIMITERS.get(args.csv_delimiter))
    print(label("wrote_batch", args.lang).format(n=len(rows), path=args.output))
    broken = [row.file for row in rows if row.error]
    if broken:
        print(f"capf: error: {len(broken)} of {len(rows)} plan(s) could not be loaded (see "
              f"summary.csv): {', '.join(broken)}", file=sys.stderr)  # names: shown_name'd
        return EXIT_BAD_INPUT
    return EXIT_NON_COMPLIANT if any(r.status in FAILING for r in rows) else EXIT_OK


def cmd_portfolio(args: argparse.Namespace) -> int:
    from capf.render.portfolio_files import portfolio_command
    return portfolio_command(args, write=write_atomic)


def cmd_diff(args: argparse.Namespace) -> int:
    from capf.engine.diff import diff
    from capf.engine.versions import read_side, read_status_pair

    if (moved := read_status_pair(Path(args.old), Path(args.new))) is not None:
        _emit(args, moved.model_dump_json(indent=2) if args.format == "json"
              else printable(moved.text(args.lang)))
        return EXIT_NON_COMPLIANT if moved.worse else EXIT_OK
    ruleset = cache(lambda: load_ruleset(args.profile))  # only loaded when a plan is given
    as_of = args.as_of or date.today()  # both plans judged as of the same day
    (old, old_plan), (new, new_plan) = (read_side(document_at(p), ruleset, as_of)
                                        for p in (args.old, args.new))
    result = diff(old, new, old_plan=old_plan, new_plan=new_plan)
    _emit(args, result.model_dump_json(indent=2) if args.format == "json"
          else printable(result.text(args.lang)))
    worse = result.newly_failed or result.newly_unmet or result.waivers_expired
    return EXIT_NON_COMPLIANT if worse else EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:  # with -o, plan.schema.json beside the plan
    text = status_template(plan_at(args.status), args.lang) if args.status else \
        example_plan() if args.example else plan_template(args.lang)
    if args.output is not None and args.output.exists() and not args.force:
        raise UsageError(f"{args.output}: file exists; use --force to overwrite it")
    _emit(args, text)
    if args.output and not args.status and not (args.output.parent / SCHEMA_FILE).exists():
        _written(args.output.parent / SCHEMA_FILE, out.schema_text("plan"), args.lang)  # editor
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:  # a bad file does not hide the ones after it
    bad = validate_each(args.plans, sys.stdout, sys.stderr, shown_name, label("valid", args.lang))
    return EXIT_BAD_INPUT if bad else EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    ruleset = load_ruleset(args.profile) if args.profile else None
    _emit(args, (rules_json if args.format == "json" else rules_markdown)(ruleset))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    _emit(args, out.schema_text(args.name))
    return EXIT_OK


COMMANDS = {"check": cmd_check, "report": cmd_report, "checklist": cmd_checklist,
            "batch": cmd_batch, "diff": cmd_diff, "init": cmd_init, "validate": cmd_validate,
            "rules": cmd_rules, "schema": cmd_schema, "monitor": cmd_monitor,
            "portfolio": cmd_portfolio}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        out.utf8_stdout()
        refuse_overwriting(vars(args := build_parser().parse_args(argv)))  # -o never an input
        args.lang = output_lang(getattr(args, "lang", None))
        return COMMANDS[args.command](args)
    except (CapfError, LanguageError) as exc:
        print(shown_name(f"capf: error: {exc}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except KeyboardInterrupt:
        print("capf: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # e.g. an output folder that does not exist or is not writable
        where = f"{exc.filename}: " if exc.filename else ""
        print(shown_name(f"capf: error: {where}{exc.strerror or exc}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # one line, never a traceback
        print(shown_name(f"capf: internal error: {type(exc).__name__}: {exc} (please report "
                         "this)"), file=sys.stderr)
        return EXIT_INTERNAL

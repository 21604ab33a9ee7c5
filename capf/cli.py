"""The `capf` command: argparse, one function per sub-command, `main(argv) -> int`.

Exit codes: 0 compliant (or with observations) / valid, 1 non-compliant, 2 bad input or usage
(one line on stderr, no traceback), 3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from capf.errors import CapfError, UsageError
from capf.evaluator import ENGINE_VERSION, evaluate
from capf.plan import load_plan
from capf.ruledocs import rules_json, rules_markdown
from capf.ruleset import DEFAULT_PROFILE, load_ruleset
from capf.schema import SCHEMA_NAMES, load_schema
from capf.textout import verdict_text
from capf.verdict import Verdict
from capf.waiver import load_waivers

EXIT_OK, EXIT_NON_COMPLIANT, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors take the common path."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="capf", description="Check a municipal climate action plan against "
                     "C40's CAPF as applied in Denmark (DK2020 / Klimaalliancen).")
    parser.add_argument("--version", action="version", version=f"capf {ENGINE_VERSION}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="judge plans and print the verdict",
                           epilog="example: capf check examples/vejle.yaml --as-of 2026-01-01")
    check.add_argument("plans", nargs="+", metavar="PLAN")
    _judging_options(check)
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--lang", choices=("da", "en"), default="en")

    validate = sub.add_parser("validate", help="check a plan against the plan schema only",
                              epilog="example: capf validate examples/vejle.yaml")
    validate.add_argument("plans", nargs="+", metavar="PLAN")

    rules = sub.add_parser("rules", help="list the rules of a profile",
                           epilog="example: capf rules --format md > docs/rules.md")
    rules.add_argument("--profile", default=None, metavar="P|PATH")
    rules.add_argument("--format", choices=("md", "json"), default="md")

    schema = sub.add_parser("schema", help="print a published JSON Schema",
                            epilog="example: capf schema plan > plan.schema.json")
    schema.add_argument("name", choices=SCHEMA_NAMES)
    return parser


def _judging_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default=DEFAULT_PROFILE, metavar="P|PATH",
                        help=f"built-in profile id or profile file (default {DEFAULT_PROFILE})")
    parser.add_argument("--as-of", type=_as_of, default=None, metavar="DATE",
                        help="judge as of this date (default: today)")
    parser.add_argument("--waivers", type=Path, default=None, metavar="FILE",
                        help="YAML file of waivers (reason and expiry required)")


def judge(args: argparse.Namespace, plan_path: str) -> Verdict:
    ruleset = load_ruleset(args.profile)
    waivers = load_waivers(args.waivers) if args.waivers else None
    return evaluate(load_plan(Path(plan_path)), ruleset, as_of=args.as_of, waivers=waivers)


def cmd_check(args: argparse.Namespace) -> int:
    verdicts = [judge(args, p) for p in args.plans]
    if args.format == "json":
        text = "\n".join(v.model_dump_json(indent=2) for v in verdicts)
    else:
        text = "\n\n".join(verdict_text(v, args.lang) for v in verdicts)
    print(text)
    worst = any(v.status == "non_compliant" for v in verdicts)
    return EXIT_NON_COMPLIANT if worst else EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    for path in args.plans:
        plan = load_plan(Path(path))
        print(f"{plan.source}: valid ({plan.name})")
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    ruleset = load_ruleset(args.profile) if args.profile else None
    sys.stdout.write(rules_json(ruleset) if args.format == "json" else rules_markdown(ruleset))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(load_schema(args.name), indent=2, ensure_ascii=False))
    return EXIT_OK


COMMANDS = {"check": cmd_check, "validate": cmd_validate, "rules": cmd_rules,
            "schema": cmd_schema}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except CapfError as exc:
        print(f"capf: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except KeyboardInterrupt:
        print("capf: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        print(f"capf: internal error: {type(exc).__name__}: {exc} (please report this)",
              file=sys.stderr)
        return EXIT_INTERNAL

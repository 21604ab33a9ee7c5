"""The commands that write or check documents without judging: init, validate, rules, schema."""

from __future__ import annotations

import argparse
import sys

from capf.cli.exit_codes import EXIT_BAD_INPUT, EXIT_OK
from capf.cli.output import emit, written
from capf.docs.plan_template import SCHEMA_FILE, example_plan, plan_template
from capf.docs.rule_reference import rules_json, rules_markdown
from capf.docs.status_template import status_template
from capf.engine.ruleset import load_ruleset
from capf.model.errors import UsageError
from capf.read.document import parse_text
from capf.read.pipe import plan_at, validate_each
from capf.render import formats as out
from capf.text.errors import said
from capf.text.language import label
from capf.text.terminal import shown_name


def cmd_init(args: argparse.Namespace) -> int:  # with -o, plan.schema.json beside the plan
    text = status_template(plan_at(args.status), args.lang) if args.status else \
        example_plan() if args.example else plan_template(args.lang)
    if args.output is not None and args.output.exists() and not args.force:
        raise UsageError(said("file_exists", path=str(args.output)))
    if args.output is not None and args.output.suffix.lower() == ".xlsx":
        from capf.render.plan_workbook import document_workbook

        data = parse_text(text).data if args.status or args.example else {}
        assert isinstance(data, dict)
        kind = "status" if args.status else "plan"
        return written(args.output, document_workbook(data, kind, args.lang), args.lang)
    emit(args, text)
    if args.output and not args.status and not (args.output.parent / SCHEMA_FILE).exists():
        written(args.output.parent / SCHEMA_FILE, out.schema_text("plan"), args.lang)  # editor
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:  # a bad file does not hide the ones after it
    bad = validate_each(args.plans, sys.stdout, sys.stderr, shown_name, label("valid", args.lang),
                        args.lang)
    return EXIT_BAD_INPUT if bad else EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    ruleset = load_ruleset(args.profile) if args.profile else None
    emit(args, rules_json(ruleset) if args.format == "json" else rules_markdown(ruleset, args.lang))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    emit(args, out.schema_text(args.name))
    return EXIT_OK

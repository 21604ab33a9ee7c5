"""The commands that judge plans: check, report, checklist, batch, portfolio, diff, monitor."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from capf.cli.exit_codes import EXIT_BAD_INPUT, EXIT_NON_COMPLIANT, EXIT_OK
from capf.cli.output import emit, written
from capf.engine.evaluator import evaluate
from capf.engine.portfolio import judge_each
from capf.engine.ruleset import DEFAULT_FOLLOW_UP_PROFILE, DEFAULT_PROFILE, RuleSet, load_ruleset
from capf.model.errors import UsageError
from capf.model.verdict import FAILING, Verdict
from capf.read.pipe import STDIN, document_at, plan_at
from capf.read.plan import Plan, staged
from capf.render import formats as out
from capf.text.errors import error_line, said
from capf.text.language import label
from capf.text.terminal import printable, shown_name

if TYPE_CHECKING:
    from capf.read.waiver import WaiverSet


def load_waivers(path: Path) -> WaiverSet:
    """The waiver file given with --waivers (capf.read.waiver, imported only then)."""
    from capf.read.waiver import load_waivers as load

    return load(path)


def _judge_all(args: argparse.Namespace, paths: Sequence[str]) -> tuple[RuleSet, list[tuple[Plan, Verdict]]]:
    """Every plan judged with the one rule set, waiver file, date and stage the options name."""
    ruleset, waivers = load_ruleset(args.profile), load_waivers(args.waivers) if args.waivers else None
    return ruleset, [(p, evaluate(p, ruleset, as_of=args.as_of or date.today(), waivers=waivers))
                     for p in (staged(plan_at(path), args.stage) for path in paths)]


def cmd_check(args: argparse.Namespace) -> int:  # a broken plan is an error result, exit 2
    ruleset, waivers = load_ruleset(args.profile), load_waivers(args.waivers) if args.waivers else None
    judged = judge_each(args.plans, lambda p: staged(plan_at(p), args.stage), ruleset,
                        as_of=args.as_of or date.today(), waivers=waivers)
    text = out.verdicts_document(list(judged.verdicts), ruleset, args.format, args.lang, broken=judged.broken,
                                 seconds=judged.seconds, several=len(args.plans) > 1)
    if text is not None:
        emit(args, text)
    print(*(shown_name(error_line(p, args.lang)) + "\n" for p in judged.broken), sep="", end="",
          file=sys.stderr)
    worst = any(v.status in FAILING for v in judged.verdicts)
    return EXIT_BAD_INPUT if judged.broken else EXIT_NON_COMPLIANT if worst else EXIT_OK


def cmd_monitor(args: argparse.Namespace) -> int:
    from capf.engine.follow_up import evaluate_follow_up
    from capf.read.status import load_status

    ruleset, plan = load_ruleset(args.profile), plan_at(args.plan)
    verdict = evaluate_follow_up(plan, [load_status(p) for p in args.statuses], ruleset, as_of=args.as_of)
    emit(args, out.verdicts_document([verdict], ruleset, args.format, args.lang) or "")
    return EXIT_NON_COMPLIANT if verdict.status in (*FAILING, "off_track") else EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from capf.render.report import render_report

    fmt = out.format_of(args.output, out.REPORT_FORMATS)
    if args.status:
        return _follow_up_report(args, fmt)
    args.profile = args.profile or DEFAULT_PROFILE
    ruleset, [(plan, verdict)] = _judge_all(args, [args.plan])
    return written(args.output, render_report(verdict, fmt, args.lang, plan, ruleset=ruleset), args.lang)


def _follow_up_report(args: argparse.Namespace, fmt: str) -> int:
    """`report --status`: the follow-up report, judged as `monitor` judges (no waivers, no stage)."""
    from capf.engine.follow_up import evaluate_follow_up
    from capf.read.status import load_status
    from capf.render.followup_report import render_follow_up

    if args.waivers or args.stage:
        raise UsageError(said("follow_up_options"))
    plan = plan_at(args.plan)
    reports = [load_status(p) for p in args.status]
    verdict = evaluate_follow_up(plan, reports, load_ruleset(args.profile or DEFAULT_FOLLOW_UP_PROFILE),
                                 as_of=args.as_of)
    return written(args.output, render_follow_up(verdict, plan, reports, fmt, args.lang), args.lang)


def cmd_checklist(args: argparse.Namespace) -> int:
    from capf.render.checklist import checklist_workbook, render_checklist

    fmt = out.format_of(args.output, out.CHECKLIST_FORMATS)
    ruleset, judged = _judge_all(args, [args.plan] if args.plan else [])
    verdict = judged[0][1] if judged else None
    if fmt == "xlsx":
        return written(args.output, checklist_workbook(verdict, args.lang, ruleset=ruleset), args.lang)
    delimiter = out.CSV_DELIMITERS.get(args.csv_delimiter)
    return written(args.output, render_checklist(verdict, fmt, args.lang, ruleset=ruleset,
                                                  delimiter=delimiter), args.lang)


def cmd_batch(args: argparse.Namespace) -> int:
    from capf.batch import default_jobs, run_batch

    ruleset = load_ruleset(args.profile)
    progress = sys.stderr if sys.stderr.isatty() else None
    rows = run_batch(args.inputs, args.output, ruleset, as_of=args.as_of or date.today(),
                     lang=args.lang, progress=progress, stage=args.stage,
                     delimiter=out.CSV_DELIMITERS.get(args.csv_delimiter),
                     jobs=args.jobs or default_jobs(), reports=args.reports)
    print(label("wrote_batch", args.lang).format(n=len(rows), path=args.output))
    broken = [row.file for row in rows if row.error]
    if broken:
        print(error_line(said("batch_broken", count=len(broken), total=len(rows), files=broken)
                         .get(args.lang), args.lang), file=sys.stderr)  # names: shown_name'd
        return EXIT_BAD_INPUT
    return EXIT_NON_COMPLIANT if any(r.status in FAILING for r in rows) else EXIT_OK


def cmd_portfolio(args: argparse.Namespace) -> int:
    from capf.batch import locked, write_atomic
    from capf.render.crosslinks import pair_pages
    from capf.render.portfolio_files import portfolio_command

    with locked(args.output):  # batch's lock: the two may share a folder, never at once
        code = portfolio_command(args, write=write_atomic)
        pair_pages(args.output, write_atomic)
    return code


def cmd_diff(args: argparse.Namespace) -> int:
    from capf.engine.diff import diff
    from capf.engine.versions import read_side, read_status_pair

    if args.old == args.new == STDIN:
        raise UsageError(said("stdin_twice"))
    sides = [document_at(p) for p in (args.old, args.new)]  # `-`: one side from stdin
    if (moved := read_status_pair(*sides)) is not None:
        emit(args, moved.model_dump_json(indent=2) if args.format == "json"
              else printable(moved.text(args.lang)))
        return EXIT_NON_COMPLIANT if moved.worse else EXIT_OK
    ruleset = cache(lambda: load_ruleset(args.profile))  # only loaded when a plan is given
    as_of = args.as_of or date.today()  # both plans judged as of the same day
    (old, old_plan), (new, new_plan) = (read_side(side, ruleset, as_of) for side in sides)
    result = diff(old, new, old_plan=old_plan, new_plan=new_plan)
    emit(args, result.model_dump_json(indent=2) if args.format == "json"
          else printable(result.text(args.lang)))
    worse = result.newly_failed or result.newly_unmet or result.waivers_expired
    return EXIT_NON_COMPLIANT if worse else EXIT_OK

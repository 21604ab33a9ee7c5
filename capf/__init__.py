"""capf: check a municipal climate action plan against C40's CAPF as Denmark applies it.

The way through: load_plan → evaluate(plan, load_ruleset(profile)) → Verdict → render.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported on first use (PEP 562): `capf check` pays only for what it runs
    from capf.engine.diff import VerdictDiff, diff
    from capf.engine.evaluator import evaluate
    from capf.engine.follow_up import evaluate_follow_up
    from capf.engine.ruleset import RuleSet, load_ruleset
    from capf.model.errors import CapfError, InvalidDocument, InvalidPlan, InvalidRules, InvalidWaivers
    from capf.model.verdict import Result, Verdict
    from capf.read.plan import Plan, load_plan
    from capf.read.status import InvalidStatus, StatusReport, load_status
    from capf.read.waiver import WaiverSet, load_waivers

_LAZY = {"VerdictDiff": "capf.engine.diff", "diff": "capf.engine.diff",
         "evaluate": "capf.engine.evaluator", "RuleSet": "capf.engine.ruleset",
         "load_ruleset": "capf.engine.ruleset", "Result": "capf.model.verdict",
         "Verdict": "capf.model.verdict", "Plan": "capf.read.plan", "load_plan": "capf.read.plan",
         "WaiverSet": "capf.read.waiver", "load_waivers": "capf.read.waiver",
         "evaluate_follow_up": "capf.engine.follow_up",
         **dict.fromkeys(("InvalidStatus", "StatusReport", "load_status"), "capf.read.status"),
         **dict.fromkeys(("CapfError", "InvalidDocument", "InvalidPlan", "InvalidRules",
                          "InvalidWaivers"), "capf.model.errors")}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from capf.engine.release import ENGINE_VERSION

        return ENGINE_VERSION
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'capf' has no attribute {name!r}")


def render_report(verdict: Verdict, fmt: str = "html", lang: str = "da",
                  plan: Plan | None = None) -> str:
    """The gap report (HTML or Markdown, Danish or English); see capf.render.report."""
    from capf.render.report import render_report as render  # Jinja2 loads only when rendering

    return render(verdict, fmt, lang, plan)


def render_checklist(verdict: Verdict | None, fmt: str = "md", lang: str = "da",
                     ruleset: RuleSet | None = None) -> str:
    """The reviewer checklist (Markdown, HTML or CSV); `verdict=None` gives a blank one."""
    from capf.render.checklist import render_checklist as render

    return render(verdict, fmt, lang, ruleset)


def render_follow_up(verdict: Verdict, plan: Plan, reports: list[StatusReport], fmt: str = "html",
                     lang: str = "da") -> str:
    """The follow-up report of a plan and its status reports (HTML or Markdown, Danish or
    English); see capf.render.followup_report."""
    from capf.render.followup_report import render_follow_up as render

    return render(verdict, plan, reports, fmt, lang)


__all__ = [
    "CapfError",
    "InvalidDocument",
    "InvalidPlan",
    "InvalidRules",
    "InvalidStatus",
    "InvalidWaivers",
    "Plan",
    "Result",
    "RuleSet",
    "StatusReport",
    "Verdict",
    "VerdictDiff",
    "WaiverSet",
    "__version__",
    "diff",
    "evaluate",
    "evaluate_follow_up",
    "load_plan",
    "load_ruleset",
    "load_status",
    "load_waivers",
    "render_checklist",
    "render_follow_up",
    "render_report",
]

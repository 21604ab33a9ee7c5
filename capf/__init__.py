"""capf: check a municipal climate action plan against C40's CAPF as Denmark applies it.

The way through: load_plan → evaluate(plan, load_ruleset(profile)) → Verdict → render.
"""

from __future__ import annotations

from capf.errors import CapfError, InvalidDocument, InvalidPlan, InvalidRules, InvalidWaivers
from capf.evaluator import ENGINE_VERSION as __version__
from capf.evaluator import evaluate
from capf.plan import Plan, load_plan
from capf.ruleset import RuleSet, load_ruleset
from capf.verdict import Result, Verdict
from capf.waiver import WaiverSet, load_waivers

__all__ = [
    "CapfError",
    "InvalidDocument",
    "InvalidPlan",
    "InvalidRules",
    "InvalidWaivers",
    "Plan",
    "Result",
    "RuleSet",
    "Verdict",
    "WaiverSet",
    "__version__",
    "evaluate",
    "load_plan",
    "load_ruleset",
    "load_waivers",
]

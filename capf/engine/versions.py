"""The two versions `capf diff` compares: plans, verdict JSON files, or a plan's status reports.

Two plans (or verdicts) become a capf.engine.diff.VerdictDiff; two status reports of the same
plan become a `StatusChanges`: what moved since the previous report. Actions and indicators are
keyed by their plan id and name, never by position.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from capf.engine.diff import Change
from capf.engine.evaluator import evaluate
from capf.engine.ruleset import RuleSet
from capf.model.errors import CapfError, UsageError, first_problem
from capf.model.verdict import Model, Verdict
from capf.read.document import Document, read_file
from capf.read.plan import Plan, plan_from_document
from capf.read.status import InvalidStatus, StatusReport, status_from_document
from capf.text.errors import said
from capf.text.labels import label
from capf.text.message import show
from capf.text.names import change_name

# An action moving to one of these (from a state before it in the list) got worse.
PROGRESS = ("cancelled", "not_started", "delayed", "in_progress", "completed")


def is_status(document: Document) -> bool:
    data = document.data
    return isinstance(data, dict) and "follows" in data and "reporting_year" in data


def read_side(document: Document, ruleset: Callable[[], RuleSet],
              as_of: date) -> tuple[Verdict, Plan | None]:
    """A verdict JSON file as it is; a plan judged with the rule set and date given."""
    data = document.data
    if isinstance(data, dict) and "results" in data and "ruleset" in data:
        try:
            return Verdict.model_validate_json(document.text or ""), None
        except ValidationError as exc:
            place, message = first_problem(exc)
            raise CapfError(said("bad_verdict", source=document.source,
                                 place="/" + place.replace(".", "/"), problem=message),
                            source=document.source) from None
    plan = plan_from_document(document)
    return evaluate(plan, ruleset(), as_of=as_of), plan


class StatusChanges(Model):
    """What moved between two status reports of the same plan."""

    plan_sha256: str = Field(description="The plan both reports follow.")
    old_year: int = Field(description="Reporting year of the earlier report.")
    new_year: int = Field(description="Reporting year of the later report.")
    emissions: Change | None = Field(description="Latest realised total, old → new "
                                                 "({year, total}), when both give one.")
    actions: list[Change] = Field(description="Actions whose status changed (by plan id).")
    indicators: list[Change] = Field(description="Indicators whose value changed (by name).")
    worse: list[str] = Field(description="What got worse: an action moved back or was "
                                         "cancelled, or realised emissions rose.")

    def text(self, lang: str = "en") -> str:
        da = lang == "da"
        lines = [f"{'Statusrapport' if da else 'Status report'} {self.old_year} → {self.new_year}"]
        if self.emissions is not None:
            old, new = self.emissions.old, self.emissions.new
            lines.append(f"  {'Opgjort udledning' if da else 'Realised emissions'}: "
                         f"{old['year']}: {show(old['total'], lang)} t → "
                         f"{new['year']}: {show(new['total'], lang)} t")
        for change in self.actions:
            lines.append(f"  {change_name('action ' + change.id, lang)}: "
                         f"{label(str(change.old or 'not_reported'), lang)} → "
                         f"{label(str(change.new or 'not_reported'), lang)}")
        for change in self.indicators:
            lines.append(f"  {change.id}: {show(change.old, lang)} → {show(change.new, lang)}")
        if len(lines) == 1:
            lines.append("  " + ("Intet har flyttet sig." if da else "Nothing moved."))
        if self.worse:
            worse = [(label("diff_emissions", lang) if w == "emissions" else change_name("action " + w, lang))
                     for w in self.worse]
            lines.append(f"{'Blevet værre' if da else 'Got worse'}: {', '.join(worse)}")
        return "\n".join(lines)


def _latest(report: StatusReport) -> dict[str, Any] | None:
    years = [r for r in report.data.get("emissions", {}).get("years", [])
             if isinstance(r.get("total"), int | float) and not isinstance(r["total"], bool)]
    return max(years, key=lambda r: r["year"], default=None)


def status_changes(old: StatusReport, new: StatusReport) -> StatusChanges:
    """The changes from `old` to `new`; both must follow the same plan, `old` the earlier year."""
    if old.plan_sha256 != new.plan_sha256:
        raise InvalidStatus(said("other_plan", source=new.source, other=old.source), source=new.source)
    if old.year >= new.year:
        raise UsageError(said("year_order", source=new.source, new=str(new.year), old=str(old.year),
                              other=old.source))
    before = {a["id"]: a.get("status") for a in old.data.get("actions", [])}
    after = {a["id"]: a.get("status") for a in new.data.get("actions", [])}
    actions = [Change(id=i, old=before.get(i), new=s) for i, s in after.items()
               if before.get(i) != s]
    worse = [c.id for c in actions if c.new == "cancelled" or (
        c.old in PROGRESS and c.new in PROGRESS and PROGRESS.index(c.new) < PROGRESS.index(c.old))]
    values_before = {i["name"]: i.get("value") for i in old.data.get("indicators", [])}
    indicators = [Change(id=i["name"], old=values_before.get(i["name"]), new=i.get("value"))
                  for i in new.data.get("indicators", [])
                  if values_before.get(i["name"]) != i.get("value")]
    first, last = _latest(old), _latest(new)
    emissions = None
    if first is not None and last is not None:
        emissions = Change(id="total", old={"year": first["year"], "total": first["total"]},
                           new={"year": last["year"], "total": last["total"]})
        if last["total"] > first["total"]:
            worse.append("emissions")
    return StatusChanges(plan_sha256=new.plan_sha256, old_year=old.year, new_year=new.year,
                         emissions=emissions, actions=actions, indicators=indicators,
                         worse=worse)


def read_status_pair(old: Path | Document, new: Path | Document) -> StatusChanges | None:
    """Two status reports' changes; None when neither is a status report (each a path, or a
    document already read, such as stdin's)."""
    documents = [side if isinstance(side, Document) else read_file(side) for side in (old, new)]
    kinds = [is_status(d) for d in documents]
    if not any(kinds):
        return None
    if not all(kinds):
        raise UsageError(said("not_status", source=documents[kinds.index(False)].source))
    first, second = (status_from_document(d) for d in documents)
    return status_changes(first, second)

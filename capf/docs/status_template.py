"""`capf init --status PLAN`: a status report template pre-filled from the plan it follows.

The template names the plan (municipality code, version, sha256), lists every action of the plan
by its id and title, and every indicator by its name, so the coordinator fills in figures rather
than copying ids. As written it is a valid report that the monitoring rules judge off track: no
action has a status and no indicator a value until someone states them.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from capf.read.plan import Plan

_HEADER = {
    "en": """\
Status report for capf: template made by `capf init --status PLAN`.
It follows the plan named under `follows`; if the plan changes, make a new template.
Fill in each action's status (not_started, in_progress, completed, delayed, cancelled),
realised emissions with their source, and the value of every indicator.
A delayed action gets new_timeline; a cancelled one a replacement with its effect.
Check it with: capf monitor PLAN THIS-FILE (field reference: docs/status-format.md).""",
    "da": """\
Statusrapport til capf: skabelon lavet af `capf init --status PLAN`.
Den følger planen under `follows`; ændres planen, så lav en ny skabelon.
Udfyld hver handlings status (not_started, in_progress, completed, delayed, cancelled),
den opgjorte udledning med kilde og værdien af hver indikator.
En forsinket handling får new_timeline; en aflyst en replacement med dens effekt.
Tjek med: capf monitor PLAN DENNE-FIL (felternes betydning: docs/status-format.md).""",
}
_HINTS = {
    "en": {"status": "not_started | in_progress | completed | delayed | cancelled",
           "emissions": "realised emissions, t CO2e per year",
           "progress": "share carried out, percent", "value": "value measured",
           "goal": "what has been done towards the goal"},
    "da": {"status": "not_started | in_progress | completed | delayed | cancelled",
           "emissions": "opgjort udledning, t CO2e pr. år",
           "progress": "andel gennemført, procent", "value": "målt værdi",
           "goal": "hvad der er gjort for at nå målet"},
}


def _q(value: Any) -> str:
    """A YAML scalar the strict loader reads back as the same string (JSON is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def status_template(plan: Plan, lang: str = "da", *, today: date | None = None) -> str:
    """The template's YAML text for `plan`; the reporting year is last year (of `today`)."""
    today = today or date.today()
    hints = _HINTS["da" if lang == "da" else "en"]
    data = plan.data
    out = [f"# {line}".rstrip() for line in _HEADER["da" if lang == "da" else "en"].splitlines()]
    out += ['schema_version: "1"', "follows:"]
    code = (data.get("municipality") or {}).get("code")
    version = (data.get("plan") or {}).get("version")
    if code:
        out.append(f"  municipality_code: {_q(code)}")
    if version:
        out.append(f"  plan_version: {_q(version)}")
    out += [f"  plan_sha256: {_q(plan.sha256)}", f"reporting_year: {today.year - 1}",
            f'# report_date: "{today.isoformat()}"',
            "# presented_to: {body: committee, name: ..., date: ...}",
            f"emissions:  # {hints['emissions']}",
            "  years: []  # - {year: ..., total: ..., sectors: {energy: ..., transport: ...}}",
            "  # source: {name: Energi- og CO2-regnskabet, publication_year: ...}"]
    actions = [a for a in data.get("actions") or [] if isinstance(a, dict) and "id" in a]
    out.append("actions:" if actions else "actions: []")
    for action in actions:
        out += [f"  - id: {_q(action['id'])}  # {' '.join(str(action.get('title', '')).split())}",
                f"    # status: in_progress  # {hints['status']}",
                f"    # progress_percent: 0  # {hints['progress']}"]
    merr = ((data.get("governance") or {}).get("merr") or {}).get("indicators") or []
    names = [i["name"] for i in merr if isinstance(i, dict) and "name" in i]
    out.append("indicators:" if names else "indicators: []")
    for name in names:
        out += [f"  - name: {_q(name)}", f"    # value: 0  # {hints['value']}"]
    goals = [g for g in data.get("adaptation_goals") or [] if isinstance(g, dict) and g.get("goal")]
    out.append("adaptation_goals:" if goals else "adaptation_goals: []")
    for goal in goals:
        out += [f"  - goal: {_q(' '.join(str(goal['goal']).split()))}",
                f"    # progress: ...  # {hints['goal']}"]
    out.append("")
    return "\n".join(out)

"""docs/plan-format.md and docs/status-format.md, generated from the schemas' own descriptions.

One generator for both documents (`format_markdown(schema, intro)`), so they cannot drift from
their schemas or from each other. Regenerate with `CAPF_REGEN=1 python -m pytest
tests/test_golden.py tests/test_follow_up.py`; tests compare.
"""

from __future__ import annotations

from typing import Any

from capf.read.schema import load_schema

INTRO = """# Writing a plan for capf

Generated from [`schemas/plan.schema.json`](../schemas/plan.schema.json) (regenerate with
`CAPF_REGEN=1 python -m pytest tests/test_golden.py`); do not edit by hand.

A plan is one YAML (or JSON) document. Every section is optional to the schema: a missing
target is a gap the rules report, not a format error. The format is strict about shape:

- unknown keys are refused (a typo is reported with the nearest known key);
- years are integers (`2030`), dates are quoted ISO dates (`"2020-12-17"`);
- emissions are tonnes CO2e per year (convert kt: 1 kt = 1,000 t);
- YAML anchors, aliases, merge keys (`<<`), tags and duplicate keys are refused, and mapping keys
  are strings, so write per-year figures as lists of `{year: …}` records, never as `2030: …` keys;
- any item may carry `evidence: {document, page, section, quote, url}` pointing into the plan PDF,
  which reports quote back to the reviewer.

Start from `capf init` or from an example in `examples/`.
"""


def _type(node: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        target = defs[name]
        if target.get("type") == "object" or "enum" in target:
            return f"[{name}](#{name.replace('_', '-')})"
        return _type(target, defs)
    if "enum" in node:
        return " \\| ".join(f"`{v}`" for v in node["enum"])
    kind = node.get("type", "any")
    if kind == "array":
        return f"list of {_type(node.get('items', {}), defs)}"
    if isinstance(kind, list):
        return " or ".join(kind)
    if node.get("format") == "date":
        return "date"
    return str(kind)


def _limits(node: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in node:
        node = {**defs[node["$ref"].rsplit("/", 1)[1]], **node}
    parts = []
    for key, word in (("minimum", "≥"), ("maximum", "≤"), ("maxLength", "≤ chars"),
                      ("maxItems", "≤ items")):
        if key in node and not isinstance(node[key], bool):
            value = node[key]
            parts.append(f"{word} {int(value) if float(value).is_integer() else value}")
    return ", ".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(title: str, anchor: str, node: dict[str, Any], defs: dict[str, Any],
           out: list[str], queue: list[tuple[str, str, dict[str, Any]]]) -> None:
    out += [f"## {title}", f'<a id="{anchor}"></a>', "", _cell(node.get("description", "")), ""]
    required = set(node.get("required", []))
    out += ["| key | type | required | limits | meaning |", "|---|---|---|---|---|"]
    for key, prop in node.get("properties", {}).items():
        kind = _type(prop, defs)
        inner = prop.get("items", prop) if prop.get("type") == "array" else prop
        if inner.get("type") == "object" and "properties" in inner:
            path = f"{title}.{key}" if title != "Top level" else key
            link = path.replace(".", "-").replace("_", "-")
            queue.append((path, link, inner))
            kind = kind.replace("object", f"[{path}](#{link})")
        out.append(f"| `{key}` | {kind} | {'yes' if key in required else ''} | "
                   f"{_limits(prop, defs)} | {_cell(prop.get('description', ''))} |")
    out.append("")


STATUS_INTRO = """# Writing a status report for capf

Generated from [`schemas/status.schema.json`](../schemas/status.schema.json) (regenerate with
`CAPF_REGEN=1 python -m pytest tests/test_follow_up.py`); do not edit by hand.

A status report is the yearly follow-up of an adopted plan: realised emissions, where each of the
plan's actions stands, the plan's indicators and adaptation goals. It is one YAML (or JSON)
document, read as strictly as a plan (unknown keys refused, integer years, quoted ISO dates,
no anchors or duplicate keys; any item may carry `evidence`). Only `follows` and
`reporting_year` are required: what a report leaves out is a gap the monitoring rules report.

`follows.plan_sha256` ties the report to one version of the plan: `capf monitor` refuses a report
whose hash is not the plan's (exit 2), so progress is never judged against another plan's
actions. `capf init --status PLAN` writes a template with the hash and the plan's action ids;
`capf monitor PLAN STATUS…` judges it (profile `monitoring`, docs/rules.md). Example reports:
`examples/status/` (illustrative figures).
"""


def plan_format_markdown() -> str:
    return format_markdown("plan", INTRO)


def status_format_markdown() -> str:
    return format_markdown("status", STATUS_INTRO)


def format_markdown(schema_name: str, intro: str) -> str:
    """The field reference of a schema: its top level, nested objects, then shared defs."""
    schema = load_schema(schema_name)
    defs: dict[str, Any] = schema["$defs"]
    out = [intro]
    queue: list[tuple[str, str, dict[str, Any]]] = [("Top level", "top-level", schema)]
    while queue:
        title, anchor, node = queue.pop(0)
        _table(title, anchor, node, defs, out, queue)
    out += ["# Shared definitions", ""]
    for name, node in defs.items():
        if node.get("type") == "object":
            nested: list[tuple[str, str, dict[str, Any]]] = []
            _table(name, name.replace("_", "-"), node, defs, out, nested)
            while nested:
                title, anchor, inner = nested.pop(0)
                _table(title, anchor, inner, defs, out, nested)
        elif "enum" in node:
            out += [f"## {name}", f'<a id="{name.replace("_", "-")}"></a>', "",
                    _cell(node.get("description", "")), "",
                    "Values: " + ", ".join(f"`{v}`" for v in node["enum"]), ""]
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    print(plan_format_markdown(), end="")

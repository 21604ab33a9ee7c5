"""docs/plan-format.md, generated from the plan schema's own descriptions so it cannot drift.

Regenerate with `python -m capf.docs.plan_format > docs/plan-format.md`; a test compares.
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


def plan_format_markdown() -> str:
    schema = load_schema("plan")
    defs: dict[str, Any] = schema["$defs"]
    out = [INTRO]
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

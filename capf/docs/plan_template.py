"""`capf init`: a commented plan template, generated from the plan schema so it cannot drift.

Every section of `schemas/plan.schema.json` appears with its fields and a comment for each
(English from the schema's own descriptions; Danish from plan-template.da.yaml beside this module, which
a test keeps complete). As written the template is a valid plan that judges as non-compliant — only
`schema_version` and the municipality's name are set, lists are empty, and every other field is
a commented-out example line, so a placeholder can never be judged as if the plan said it.
"""

from __future__ import annotations

import textwrap
from functools import cache
from pathlib import Path
from typing import Any

from capf.read.document import read_file
from capf.read.resources import data_dir
from capf.read.schema import load_schema
from capf.text.links import doc_url

MUNICIPALITY = "Ny kommune"
SCHEMA_FILE = "plan.schema.json"  # `capf init -o` writes it beside the plan (`capf schema plan`)
# The YAML language server (VS Code's YAML extension and others) validates and completes the
# plan against this local file; the schema's $id is a name, not a served address.
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"
EXAMPLE = "odder"  # a complete plan (compliant with observations) shipped in the package
MAX_DEPTH = 6
_SHORT = ("evidence",)  # shown as one line, not expanded under every item

_HEADER = {
    "en": """\
Climate action plan for capf: template made by `capf init`.
Fill in what the plan says. A missing item is a gap that capf reports, never a format error.
To fill in a section, remove the "# " in front of its lines; replace [] by list items.
Years are integers (2030), dates quoted ISO dates ("2020-12-17"), emissions t CO2e per year.
Any item may have evidence: {document, page, section, quote, url} pointing into the plan PDF.
Check it with: capf validate FILE, then capf check FILE (field reference: {plan_format}).""",
    "da": """\
Klimahandlingsplan til capf: skabelon lavet af `capf init`.
Udfyld det, planen siger. Et manglende punkt er en mangel, som capf rapporterer, aldrig en
formatfejl. Fjern "# " foran linjerne i et afsnit for at udfylde det; erstat [] med punkter.
År skrives som heltal (2030), datoer som ISO-datoer i anførselstegn ("2020-12-17"), udledninger
i t CO2e pr. år. Ethvert punkt kan have evidence: {document, page, section, quote, url}, som
peger ind i planens PDF. Tjek med: capf validate FIL og derefter capf check FIL
(felternes betydning: {plan_format}).""",
}

DA_GLOSSARY = Path(__file__).with_name("plan-template.da.yaml")  # field (or owner.name) → Danish


@cache
def danish() -> dict[str, str]:
    """The Danish field comments (a data file, so translators need not touch code)."""
    data = read_file(DA_GLOSSARY).data
    assert isinstance(data, dict)
    return {str(k): str(v) for k, v in data.items()}


def plan_template(lang: str = "da") -> str:
    """The commented YAML template in `lang` ("da" or "en")."""
    schema = load_schema("plan")
    header = _HEADER[lang].replace("{plan_format}", doc_url("plan-format.md"))
    out = [SCHEMA_LINE, *(f"# {line}".rstrip() for line in header.splitlines())]
    out += ['schema_version: "1"']
    for key, node in schema["properties"].items():
        if key in ("$schema", "schema_version"):
            continue
        out.append("")
        out += [f"# {line}" for line in textwrap.wrap(_comment(key, "", node, lang), 98)]
        kind, resolved, owner = _resolve(node, schema, key)
        if key == "municipality":
            out.append("municipality:")
            out.append(f"  name: {MUNICIPALITY}")
            for name, child in resolved["properties"].items():
                if name != "name":
                    out += ["  # " + line for line in _field(name, child, owner, schema, lang, 0)]
        elif kind == "array":
            out.append(f"{key}: []")
            out += ["  # " + line for line in _items(key, resolved, owner, schema, lang, 0)]
        else:
            out += ["# " + line for line in _field(key, node, "", schema, lang, 0, bare=True)]
    return "\n".join(out) + "\n"


def _resolve(node: dict[str, Any], schema: dict[str, Any],
             key: str) -> tuple[str, dict[str, Any], str]:
    """(kind, node with its $ref followed, owner name for the node's own fields)."""
    owner = key
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        node = {**schema["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
        owner = "$" + name
    kind = node.get("type", "")
    if "properties" in node:
        kind = "object"
    return (kind if isinstance(kind, str) else "scalar"), node, owner


def _comment(key: str, owner: str, node: dict[str, Any], lang: str) -> str:
    english = str(node.get("description", ""))
    if lang != "da":
        return english
    glossary = danish()
    return glossary.get(f"{owner}.{key}") or glossary.get(key) or english


def _field(key: str, node: dict[str, Any], owner: str, schema: dict[str, Any], lang: str,
           depth: int, *, bare: bool = False) -> list[str]:
    """YAML lines (not yet commented out) showing `key` with an example value."""
    kind, resolved, inner = _resolve(node, schema, key)
    note = "" if bare else f"  # {_comment(key, owner, node, lang)}"
    if key in _SHORT:
        return [f'{key}: {{document: "…", page: 1}}{note}']
    if kind == "object" and depth < MAX_DEPTH:
        lines = [f"{key}:{note}"]
        for name, child in resolved["properties"].items():
            lines += ["  " + line for line in _field(name, child, inner, schema, lang, depth + 1)]
        return lines
    if kind == "array":
        items = _resolve(resolved.get("items", {}), schema, key)
        if items[0] == "object" and depth < MAX_DEPTH:
            return [f"{key}:{note}",
                    *("  " + line for line in _items(key, resolved, inner, schema, lang, depth))]
        return [f"{key}: [{_example(items[1])}]{note}{_choices(items[1])}"]
    return [f"{key}: {_example(resolved)}{note}{_choices(resolved)}"]


def _items(key: str, array: dict[str, Any], owner: str, schema: dict[str, Any], lang: str,
           depth: int) -> list[str]:
    """One example list item with all its fields, as `- a: …` / `  b: …` lines."""
    _, item, inner = _resolve(array.get("items", {}), schema, key)
    lines: list[str] = []
    for name, child in item.get("properties", {}).items():
        lines += _field(name, child, inner, schema, lang, depth + 1)
    return [("- " if i == 0 else "  ") + line for i, line in enumerate(lines)]


def _example(node: dict[str, Any]) -> str:
    if "enum" in node:
        return str(node["enum"][0])
    kind = node.get("type")
    if node.get("format") == "date":
        return '"YYYY-MM-DD"'
    if kind == "integer":
        return "2030" if node.get("minimum") == 1900 else "0"  # a year
    if kind == "number":
        return "0"
    if kind == "boolean":
        return "false"
    if isinstance(kind, list):
        return "1"
    return '"…"'


def _choices(node: dict[str, Any]) -> str:
    return f" ({' | '.join(map(str, node['enum']))})" if "enum" in node else ""


def example_plan() -> str:
    """The shipped example plan, complete and commented, with the schema line first."""
    text = (data_dir("examples") / f"{EXAMPLE}.yaml").read_text(encoding="utf-8")
    return f"{SCHEMA_LINE}\n{text}"

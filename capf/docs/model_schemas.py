"""JSON Schemas derived from the pydantic models (rule files, verdicts, portfolios), for publishing.

`schemas/rules.schema.json`, `verdict`, `diff` and `verdicts` (an array of verdicts) are written by
`python -m capf.docs.model_schemas` and a test fails when the committed files drift from the models.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from capf.engine.diff import VerdictDiff
from capf.model.rule import Rule
from capf.model.verdict import Verdict
from capf.portfolio.model import Portfolio
from capf.read.resources import data_dir

MODELS: dict[str, tuple[type[BaseModel], str, str]] = {
    "rules": (Rule, "capf rule file", "One rule of a capf profile: rules/<profile>/<element>/<id>.yaml."),
    "verdict": (Verdict, "capf verdict", "The certification verdict capf produces for one plan."),
    "diff": (VerdictDiff, "capf diff", "What `capf diff --format json` prints: what changed "
             "between two verdicts of a plan."),
    "portfolio": (Portfolio, "capf portfolio",
                  "Many plans added up against the national target (capf portfolio)."),
}


def generated(name: str) -> dict[str, Any]:
    if name == "verdicts":
        return verdicts()
    model, title, description = MODELS[name]
    mode: Literal["validation", "serialization"] = (
        "validation" if name == "rules" else "serialization")
    body = model.model_json_schema(by_alias=True, mode=mode)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://capf.dev/schemas/{name}.schema.json",
            **body, "title": title, "description": description}


def verdicts() -> dict[str, Any]:
    """`capf check --format json` for several plans: an array of verdicts, self-contained (the
    verdict schema's definitions at the top), so a validator needs no second file."""
    verdict = generated("verdict")
    body = {k: v for k, v in verdict.items() if k not in ("$schema", "$id", "$defs")}
    return {"$schema": verdict["$schema"],
            "$id": "https://capf.dev/schemas/verdicts.schema.json", "title": "capf verdicts",
            "description": "What `capf check --format json` prints for several plans: their "
                           "verdicts, in the order the plans were given.",
            "type": "array", "items": {"$ref": "#/$defs/Verdict"},
            "$defs": {**verdict.get("$defs", {}), "Verdict": body}}


def text_of(name: str) -> str:
    return json.dumps(generated(name), indent=2, ensure_ascii=False) + "\n"


def write_all() -> None:
    for name in [*MODELS, "verdicts"]:
        (data_dir("schemas") / f"{name}.schema.json").write_text(text_of(name), encoding="utf-8")


if __name__ == "__main__":
    write_all()

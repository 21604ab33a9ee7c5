"""JSON Schemas derived from the pydantic models (rule files, verdicts, portfolios), for publishing.

`schemas/rules.schema.json` and `schemas/verdict.schema.json` are written by
`python -m capf.docs.model_schemas` and a test fails when the committed files drift from the models.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from capf.model.rule import Rule
from capf.model.verdict import Verdict
from capf.portfolio.model import Portfolio
from capf.read.resources import data_dir

MODELS: dict[str, tuple[type[BaseModel], str, str]] = {
    "rules": (Rule, "capf rule file", "One rule of a capf profile: rules/<profile>/<element>/<id>.yaml."),
    "verdict": (Verdict, "capf verdict", "The certification verdict capf produces for one plan."),
    "portfolio": (Portfolio, "capf portfolio",
                  "Many plans added up against the national target (capf portfolio)."),
}


def generated(name: str) -> dict[str, Any]:
    model, title, description = MODELS[name]
    mode: Literal["validation", "serialization"] = (
        "validation" if name == "rules" else "serialization")
    body = model.model_json_schema(by_alias=True, mode=mode)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://capf.dev/schemas/{name}.schema.json",
            **body, "title": title, "description": description}


def text_of(name: str) -> str:
    return json.dumps(generated(name), indent=2, ensure_ascii=False) + "\n"


def write_all() -> None:
    for name in MODELS:
        (data_dir("schemas") / f"{name}.schema.json").write_text(text_of(name), encoding="utf-8")


if __name__ == "__main__":
    write_all()

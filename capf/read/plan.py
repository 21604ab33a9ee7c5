"""Loading a plan: parse safely, validate against the plan schema, wrap as a `Plan`."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from capf.model.errors import InvalidPlan, Problem, UsageError
from capf.model.pointer import pointer
from capf.read.document import Document, from_mapping, levels, parse_text
from capf.read.schema import MAX_PROBLEMS, load_schema, longest_list, problems
from capf.read.workbook_file import read_document
from capf.text.errors import said
from capf.text.message import Phrase


@dataclass(frozen=True)
class Plan:
    """A schema-valid plan document. `data` is plain JSON data; treat it as read-only."""

    data: dict[str, Any]
    source: str
    sha256: str

    @property
    def name(self) -> str:
        municipality = self.data.get("municipality") or {}
        name = municipality.get("name")
        return str(name) if name else Path(self.source).stem


STAGES = ("draft", "adopted", "approved")


def staged(plan: Plan, stage: str | None) -> Plan:
    """The plan as judged at `stage` (`--stage`): plan.stage set, hashed as the judged document.

    None leaves the plan as it is, with its own plan.stage (or none: judged as approved).
    """
    if stage is None:
        return plan
    if stage not in STAGES:
        raise InvalidPlan(said("unknown_stage", source=plan.source, stage=repr(stage), stages=STAGES),
                          source=plan.source)
    data = {**plan.data, "plan": {**(plan.data.get("plan") or {}), "stage": stage}}
    return Plan(data=data, source=plan.source, sha256=hashlib.sha256(canonical_json(data)).hexdigest())


def canonical_json(data: Any) -> bytes:
    """The normalised bytes a plan's hash is taken over: key order, spacing and the spelling of a
    number do not count.

    A whole number is written as one (1.0 as 1, 1e16 as 10000000000000000, as RFC 8785 writes
    them): Excel saves a cell typed 1.0 as 1, so a plan workbook opened and saved again keeps its
    hash, and the status reports that name the plan by it still follow it.
    """
    text = _dumps(data)
    if any(mark in text for mark in _MAYBE_WHOLE):  # in a string too: then only slower
        text = _dumps(json.loads(text, parse_float=_whole))
    return text


# How a whole float ends in json.dumps (2.0, or 1e+16 from 1e16 on); most plans have none
_MAYBE_WHOLE = (b".0,", b".0]", b".0}", b"e+")


def _dumps(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _whole(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def load_plan(plan: str | Path | Mapping[str, Any], *, source: str | None = None) -> Plan:
    """Read, parse and validate a plan.

    `plan` is a path (Path, or str without a line break), the text of a YAML/JSON document
    (a str containing a line break or starting with "{"), or an already-parsed mapping.
    `source` names it in errors and in the verdict (default: the path, or "<string>").
    Raises InvalidDocument or InvalidPlan (both CapfError) naming the file and the place.
    """
    return plan_from_document(_document(plan, source))


def plan_from_document(document: Document) -> Plan:
    data = document.data
    if data is None:
        raise InvalidPlan(said("empty_plan", source=document.source), source=document.source)
    if not isinstance(data, dict) or (data and not data.keys() & load_schema("plan")["properties"].keys()):
        # Nothing of the file is echoed: it may be any file (a link to /etc/passwd in a batch).
        got = Phrase("array", "en liste") if isinstance(data, list) else \
            Phrase("a single value", "en enkelt værdi")
        problem = Problem.of("", said("no_plan_keys") if isinstance(data, dict) else
                             said("plan_not_object", got=got))
        raise InvalidPlan(said("not_a_plan", where=problem.place(document.source),
                               problem=problem.said()), source=document.source, problems=(problem,))
    if document.items_bound is None or document.items_bound > longest_list("plan"):
        _refuse_too_long(data, document.source)  # before validation and line lookup: a 16 MB list
    found = problems("plan", data)
    if found:
        located = tuple(replace(p, line=document.line_of(p.pointer), cell=document.cell_of(p.pointer))
                        for p in found)
        raise InvalidPlan(located[0].located(document.source, len(located) - 1,
                                        at_least=len(located) >= MAX_PROBLEMS),
                          source=document.source, problems=located)
    assert isinstance(data, dict)
    return Plan(data=data, source=document.source,
                sha256=hashlib.sha256(canonical_json(data)).hexdigest())


def _refuse_too_long(data: dict[str, Any], source: str) -> None:
    """Refuse a list or mapping anywhere in the plan longer than the schema allows any list."""
    limit = longest_list("plan")
    if all(max(map(len, level)) <= limit for level in levels(data)):
        return  # the usual case, found without building a path per value
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        is_list = isinstance(node, list)
        if len(node) > limit:
            ptr = pointer(list(_keys(path)))
            kind, more = ("too_many_in_plan", "more_items") if is_list else ("too_many_keys", "more_keys")
            raise InvalidPlan(_too_many(kind, source, ptr, len(node), limit), source=source,
                              problems=(Problem.of(ptr, said(more, limit=limit)),))
        stack.extend((item, (path, key)) for key, item in (enumerate(node) if is_list else node.items())
                     if isinstance(item, dict | list))


def _too_many(kind: str, source: str, ptr: str, count: int, limit: int) -> Phrase:
    return said(kind, where=Problem(ptr, "").place(source), count=count, limit=limit)


def _keys(path: tuple[Any, ...]) -> list[str | int]:
    keys: list[str | int] = []
    while path:
        path, key = path
        keys.append(key)
    return keys[::-1]


def _document(plan: str | Path | Mapping[str, Any], source: str | None) -> Document:
    if not isinstance(plan, str | Path | Mapping):
        raise UsageError(said("load_plan_type", kind=type(plan).__name__), source=source or "<input>")
    if isinstance(plan, Mapping):
        return from_mapping(plan, source or "<mapping>")
    if isinstance(plan, str) and ("\n" in plan or plan.lstrip().startswith("{")):
        return parse_text(plan, source or "<string>", json_syntax=plan.lstrip().startswith("{"),
                          max_items=longest_list("plan"))
    document = read_document(Path(plan), "plan", max_items=longest_list("plan"))
    return replace(document, source=source) if source else document

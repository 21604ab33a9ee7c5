"""The mistakes of a profile or rule file as one line in both languages, naming file, line, place.

A profile file and the rule files it names are user input, refused like a plan: `file:line at
/pointer: problem` (`ved` in Danish), the problem worded by capf.text.rule_errors. pydantic's
errors are worded from their type and context; the compiler's (capf.engine.clause) from its
English messages, which are capf's own and few. The file is read again for the line only when
something is refused, so loading a valid profile costs nothing more.
"""

from __future__ import annotations

import difflib
import json
import re
import types
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from capf.engine.checks.vocabulary import VOCABULARY
from capf.model.errors import CapfError, InvalidRules, Problem, Said, Words
from capf.model.pointer import pointer
from capf.read.document import read_file
from capf.text.causes import type_name
from capf.text.errors import said
from capf.text.message import Phrase
from capf.text.rule_errors import FORM_HINTS

Place = Sequence[str | int]
Handler = Callable[[list[str | int], dict[str, str]], tuple[Place, Said]]
COMBINATORS = ("all", "any", "not", "for_each")
_TYPES = {"string_type": "string", "int_type": "integer", "int_parsing": "integer",
          "int_from_float": "integer", "float_type": "number", "float_parsing": "number",
          "bool_type": "boolean", "bool_parsing": "boolean", "list_type": "array",
          "dict_type": "object", "model_type": "object", "model_attributes_type": "object"}


def refused(path: Path | str, place: Place, problem: Said) -> InvalidRules:
    """The error for `problem` at `place` of the file `path`, with its line when it can be found."""
    ptr = pointer(list(place))
    try:
        line = read_file(Path(path)).line_of(ptr)
    except CapfError:  # the file was read once already; a second read that fails names no line
        line = None
    return InvalidRules(Problem.of(ptr, problem, line).located(str(path)), source=str(path))


def shown(value: Any, limit: int = 60) -> str:
    """A value of the file, short and quoted as the file would spell it."""
    text = repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def kind_of(value: Any) -> str:
    """The JSON type of a value, as capf.text.causes names types."""
    if value is None or isinstance(value, bool):
        return "null" if value is None else "boolean"
    if isinstance(value, int | float):
        return "integer" if isinstance(value, int) else "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def got(value: Any) -> Phrase:
    """What the file holds instead: its type and the value ("integer 5" / "heltal 5")."""
    name = type_name(kind_of(value))
    return name if value is None else Phrase(f"{name.en} {shown(value)}", f"{name.da} {shown(value)}")


def unknown_key(key: str, allowed: Sequence[str]) -> Phrase:
    """An unknown key, with the allowed key it most likely misspells, or the allowed keys."""
    close = difflib.get_close_matches(key, list(allowed), n=1)
    if close:
        return said("unknown_key_close", key=shown(key), close=shown(close[0]))
    if allowed:
        return said("unknown_key", key=shown(key), allowed=[shown(k) for k in sorted(allowed)])
    return said("unknown_key_plain", key=shown(key))


def validation_problem(exc: ValidationError, model: type[BaseModel]) -> tuple[list[str | int], Said]:
    """(place, problem) of the most telling pydantic error: an unknown key first (it explains a
    missing one, a typo), then the first."""
    errors = exc.errors()
    error = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    place, kind, value = list(error["loc"]), error["type"], error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "extra_forbidden":
        return place, unknown_key(str(place[-1]), _keys(model, place[:-1]))
    if kind == "missing":
        return place[:-1], said("missing_key", key=shown(str(place[-1])))
    if kind == "model_type" and not place and value is None:
        return place, said("empty_document")
    if kind in _TYPES:
        return place, said("wrong_type", expected=type_name(_TYPES[kind]), got=got(value))
    if kind in ("literal_error", "enum"):
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return place, said("not_one_of", value=shown(value), allowed=allowed)
    if kind == "string_pattern_mismatch":
        hint = FORM_HINTS.get(str(ctx.get("pattern")))
        return place, (said("bad_form_hint", value=shown(value), hint=Phrase(*hint)) if hint
                       else said("bad_form", value=shown(value)))
    if kind in ("string_too_long", "string_too_short", "too_short", "too_long"):
        return place, _length(kind, value, ctx)
    if "da" in ctx:  # a validator's own words (PydanticCustomError), its place in `at`
        at = [*place, ctx["at"]] if "at" in ctx else place
        return at, Words(str(error["msg"]), str(ctx["da"]))
    return place, value_problem(str(error["msg"]).removeprefix("Value error, "))


def value_problem(message: str) -> Phrase:
    """A validator's English message (capf.read.fragment, capf.read.pattern, a check's options)
    in both languages: capf's own lead, the engine's detail (RE2's, jsonschema's) as it says it."""
    for pattern, danish in _VALUES:
        hit = pattern.fullmatch(message)
        if hit:
            found = hit.groupdict()
            if "inner" in found:
                return Phrase.of("{inner} (at {where})", "{inner} (ved {where})",
                                 inner=value_problem(found["inner"]), where=found["where"])
            return Phrase(message, danish.format(**found))
    return said("bad_value", message=message)


def compile_problem(field: str, message: str, context: BaseException | None) -> tuple[Place, Said]:
    """(place, problem) of a CompileError: its dotted `field`, its English `message`, and the
    ValidationError of a check's options it was raised from (`context`)."""
    place: list[str | int] = [int(i) if i else k for k, i in re.findall(r"([^.\[\]]+)|\[(\d+)\]",
                                                                       field.removeprefix("rule"))]
    at = next((i for i in range(len(place) - 1, 0, -1)
               if place[i] in VOCABULARY and place[i - 1] == "check"), None)
    if isinstance(context, ValidationError) and at is not None:  # a check's options
        inner, problem = validation_problem(context, VOCABULARY[str(place[at])].options)
        return [*place[:at + 1], *inner], problem
    for pattern, handle in _COMPILER:
        hit = pattern.fullmatch(message)
        if hit:
            return handle(place, hit.groupdict())
    return place, value_problem(message)


def _keys(model: type[BaseModel], place: Place) -> list[str]:
    """The keys allowed where `place` leads in `model` (none known below a list or mapping)."""
    for step in place:
        field = model.model_fields.get(str(step)) or next(
            (f for f in model.model_fields.values() if f.alias == step), None)
        inner = _model(field.annotation) if field is not None else None
        if inner is None:
            return []
        model = inner
    return [f.alias or name for name, f in model.model_fields.items()]


def _model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return next((m for a in typing.get_args(annotation) if (m := _model(a))), None)
    return None


def _length(kind: str, value: Any, ctx: dict[str, Any]) -> Phrase:
    count = len(value) if isinstance(value, str | list | dict) else 0
    limit = ctx.get("max_length", ctx.get("min_length", 0))
    key = {"string_too_long": "text_too_long", "string_too_short": "text_empty",
           "too_short": "list_too_short", "too_long": "list_too_long"}[kind]
    return said(key, count=count, limit=limit)


def _checks() -> list[str]:
    return sorted([*VOCABULARY, *COMBINATORS])


def _key_in(allowed: Sequence[str]) -> Handler:
    def handle(place: list[str | int], found: dict[str, str]) -> tuple[Place, Said]:
        return [*place, found["key"]], unknown_key(found["key"], allowed)
    return handle


def _check(place: list[str | int], found: dict[str, str]) -> tuple[Place, Said]:
    close = difflib.get_close_matches(found["name"], _checks(), n=1)
    if close:
        return place, said("unknown_check_close", name=shown(found["name"]), close=shown(close[0]))
    return place, said("unknown_check", name=shown(found["name"]), known=_checks())


def _params(found: dict[str, str]) -> Any:
    return said("no_params") if found["params"] == "none" else found["params"]


def _plain(key: str, extra: Sequence[str] = ()) -> Handler:
    def handle(place: list[str | int], found: dict[str, str]) -> tuple[Place, Said]:
        fields = {k: (_params(found) if k == "params" else v) for k, v in found.items()}
        return [*place, *extra], said(key, **fields)
    return handle


_COMPILER: tuple[tuple[re.Pattern[str], Handler], ...] = tuple((re.compile(p), h) for p, h in (
    (r"a clause must be a mapping with 'check'", _plain("clause_not_mapping")),
    (r"unknown key '(?P<key>.*)' in clause \(allowed: .*\)", _key_in(("select", "check", "missing"))),
    (r"must be a mapping with exactly one check name", _plain("one_check")),
    (r"must be a non-empty list of clauses", _plain("clause_list")),
    (r"unknown check '(?P<name>.*)' \(known: .*\)", _check),
    (r"check (?P<name>'.*') needs a 'select' to judge", _plain("needs_select", extra=["check"])),
    (r"for_each needs a 'select' on its clause", _plain("for_each_select")),
    (r"for_each needs 'require' \(and may have 'where', 'empty'\)", _plain("for_each_require")),
    (r"unknown key '(?P<key>.*)' in for_each", _key_in(("where", "require", "empty"))),
    (r"must be one of (?P<allowed>.*)", _plain("must_be_one_of")),
    (r"unknown placeholder \{(?P<name>.*)\} \(params: (?P<params>.*)\)",
     _plain("unknown_param_placeholder")),
    (r"a selector must be a string", _plain("selector_text")),
    (r"selector (?P<text>'.*') has an empty step", _plain("selector_step")),
    (r"invalid '~' escape in selector step (?P<token>'.*')", _plain("selector_escape")),
))

_VALUES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.S), d) for p, d in (
    (r"(?P<key>\S+) is not allowed in a schema fragment \(at (?P<where>[^)]*)\): a rule may not "
     r"refer to other schemas", "{key} er ikke tilladt i et skemafragment (ved {where}): en regel "
     "må ikke henvise til andre skemaer"),
    (r"unevaluatedProperties cannot be combined with patternProperties in a fragment",
     "unevaluatedProperties kan ikke kombineres med patternProperties i et fragment"),
    (r"not a valid JSON Schema at (?P<place>\S+): (?P<detail>.*)",
     "ikke et gyldigt JSON Schema ved {place}: {detail}"),
    (r"a regular expression must be a string", "et regulært udtryk skal være en tekst"),
    (r"regular expression longer than (?P<limit>\d+) characters",
     "et regulært udtryk på mere end {limit} tegn"),
    (r"invalid regular expression for RE2 \(linear-time engine; no back-references or "
     r"look-around\): (?P<detail>.*)", "ugyldigt regulært udtryk for RE2 (lineær motor; ingen "
     "tilbagereferencer eller look-around): {detail}"),
    (r"each range must be ordered low <= mid <= high",
     "hvert interval skal være ordnet low <= mid <= high"),
    (r"sector_map names categories without a range: (?P<names>.*)",
     "sector_map nævner kategorier uden interval: {names}"),
    (r"capf resolves no schema for a fragment \((?P<uri>.*)\)",
     "capf slår ingen skemaer op for et fragment ({uri})"),
    (r"(?P<inner>.+) \(at (?P<where>/[^)]*)\)", ""),  # a fragment's regex, at its place
))

"""YAML text to plain JSON data, from libyaml's event stream (pure-Python parser as fallback).

Built by an explicit stack, so there is no recursion to exhaust, and every hostile construct is
refused where it appears: anchors, aliases and merge keys (alias bombs, see pitfalls.md),
explicit tags, duplicate keys, non-string keys, non-finite numbers, excessive nesting and more
than one document. Plain scalars follow the YAML 1.2 core schema (the one check-jsonschema
uses), so `no` stays a string, `0755` is the number 755 and dates stay strings.

Speed: one loop over the events with no method call per event and no place (path, line) built
unless something is refused or lines are asked for: a 25 KB plan (examples/vejle.yaml) parses
in about 1.7× the time libyaml takes to hand over its bare events (it was 3×).
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Callable
from typing import Any, NoReturn

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from capf.model.errors import InvalidDocument, refuse
from capf.model.pointer import pointer
from capf.text.causes import yaml_problem
from capf.text.errors import said

MAX_DEPTH = 64
MAX_ITEMS = 100_000  # per list or mapping: refused while parsing, long before validation
# Values per document. The largest realistic plan (5,000 actions, the schema's maximum; see
# bench/plans.py) has 294,000; a 15 MB file of short numbers has 7.5 million, and building,
# validating and locating those took minutes and 1.5 GB.
MAX_NODES = 1_000_000
JSON = Any  # dict[str, JSON] | list[JSON] | str | int | float | bool | None


class _PureParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """Event parser without libyaml (same events, slower)."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)

    def dispose(self) -> None:
        pass


try:
    import yaml.cyaml as _cyaml
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _cyaml = None  # type: ignore[assignment]
_Parser: type[Any] = getattr(_cyaml, "CParser", None) or _PureParser  # libyaml when built in

# YAML 1.2 core schema for plain scalars: the words (null and booleans) by one lookup; only a
# scalar starting like a number is matched against the number patterns.
_WORDS: dict[str, JSON] = {"": None, "~": None, "null": None, "Null": None, "NULL": None,
                           "true": True, "True": True, "TRUE": True,
                           "false": False, "False": False, "FALSE": False}
_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_NONFINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z|\.(?:nan|NaN|NAN)\Z")
_UNSET = object()


def _line(event: Any) -> int:
    mark = event.start_mark
    return mark.line + 1 if mark is not None else 0


def _number(text: str) -> JSON:
    """A plain scalar that starts like a number: int, float, or the text itself."""
    if _INT.match(text):
        try:
            return int(text)
        except ValueError:
            raise _Refused(said("integer_too_long", digits=len(text))) from None
    if _FLOAT.match(text):
        number = float(text)
        if not math.isfinite(number):
            raise _Refused(said("not_finite", value=text[:40]))
        return number
    if _NONFINITE.match(text):
        raise _Refused(said("not_finite", value=text))
    return text


class _Refused(Exception):
    """(message[, path]) raised in the event loop; the loop adds the place (path and line)."""


def parse_yaml(text: str, source: str, lines: dict[str, int] | None = None, *,
               max_items: int = MAX_ITEMS) -> JSON:
    """Build JSON data from YAML events; record value lines into `lines` when given.

    `max_items` bounds every list and mapping while parsing: a caller that knows the
    document's schema (a plan: its largest maxItems) passes that, so a 15 MB list is refused
    after a few thousand events instead of 100,000 items' worth of them.
    """
    try:
        parser = _Parser(text)  # the pure-Python reader refuses forbidden characters here
        try:
            return _build(parser.get_event, source, lines, max_items)
        finally:
            parser.dispose()
    except _Duplicate as exc:
        _refuse_duplicate(text, source, lines, max_items, *exc.args)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        problem = exc.problem or exc.context or "invalid YAML"
        if "nesting depth" in problem:  # libyaml's scanner can reach its own limit (1000) first
            raise InvalidDocument(said("too_deep_at", where=where, depth=MAX_DEPTH),
                                  source=source) from None
        raise InvalidDocument(said("invalid_yaml", where=where, problem=yaml_problem(problem)),
                              source=source) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids (NUL, raw controls)
        raise InvalidDocument(said("yaml_character", source=source, reason=exc.reason,
                                   character=repr(exc.character), position=str(exc.position)),
                              source=source) from None
    except yaml.YAMLError as exc:
        text = " ".join(str(exc).split())  # one line, whatever the error
        raise InvalidDocument(said("invalid_yaml", where=source, problem=text[:200]),
                              source=source) from None


def _refuse_duplicate(text: str, source: str, lines: dict[str, int] | None, max_items: int,
                      path: list[str | int], key: str, line: int) -> NoReturn:
    """Refuse a key seen twice, naming its first line: found by a parse that records lines
    (the passing path keeps no line per key)."""
    if lines is None:
        lines = {}
        with contextlib.suppress(InvalidDocument):
            parse_yaml(text, source, lines, max_items=max_items)
    first = lines.get(pointer([*path, key]), 0)
    refuse(source, [*path, key], said("yaml_duplicate", key=repr(key), first=str(first)), line)


def _build(get: Callable[[], Any], source: str, lines: dict[str, int] | None,  # noqa: PLR0915
           max_items: int) -> JSON:
    """The event loop: one function, dispatch on the event's type, state in locals (the hot path:
    a call or an attribute per event costs a tenth of the parse).

    A refusal is raised as _Refused and placed (path, line) by the handler below, so the
    passing path builds no place at all.
    """
    stack: list[tuple[Any, bool, list[str | int]]] = []  # the enclosing (container, is_list, path)
    container: Any = None  # the innermost open mapping or list, its place and its pending key
    is_list, key = False, None
    path: list[str | int] = []
    result: JSON = None
    nodes = documents = 0
    try:
        while True:
            event = get()
            kind = type(event)
            if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None:
                    raise _Refused(said("yaml_anchor"))
                tag = event.tag
                if tag is not None and tag != "!":
                    raise _Refused(said("yaml_tag", tag=repr(tag)))
                if kind is ScalarEvent:
                    text = event.value
                    if event.style or not event.implicit[0]:  # libyaml: plain is "", PyYAML: None
                        value = text  # quoted or block scalar: always a string
                    else:
                        value = _WORDS.get(text, _UNSET)
                        if value is _UNSET:
                            value = _number(text) if text[0] in _NUMBER_START else text
                    if key is None and not is_list and container is not None:  # a mapping key
                        _check_key(value, event, container, path, max_items)
                        if lines is not None:  # a member's line is its key's, not its first child's
                            lines[pointer([*path, value])] = _line(event)
                        key = value
                        continue
                elif key is None and not is_list and container is not None:
                    raise _Refused(said("yaml_key_collection"), path)
                elif len(stack) >= MAX_DEPTH:
                    raise _Refused(said("too_deep", depth=MAX_DEPTH))
                else:
                    value = {} if kind is MappingStartEvent else []
                if lines is not None:
                    lines.setdefault(pointer(_here(container, is_list, path, key)), _line(event))
                nodes += 1
                if nodes > MAX_NODES:
                    raise _Refused(said("too_many_values", limit=MAX_NODES))
                inner = path if kind is ScalarEvent else _here(container, is_list, path, key)
                if container is None:
                    result = value
                elif is_list:
                    if len(container) >= max_items:
                        raise _Refused(said("too_many_items", limit=max_items), path)
                    container.append(value)
                else:
                    container[key] = value
                    key = None
                if kind is not ScalarEvent:
                    stack.append((container, is_list, path))
                    container, is_list, path = value, kind is SequenceStartEvent, inner
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                container, is_list, path = stack.pop()
                key = None
            elif kind is StreamEndEvent or event is None:
                return result
            else:
                documents = _documents(kind, documents)
    except _Refused as refused:
        message, *at = refused.args
        refuse(source, at[0] if at else _here(container, is_list, path, key), message, _line(event))


def _here(container: Any, is_list: bool, path: list[str | int],
          key: str | None) -> list[str | int]:
    """The place of the next value: in a list its index, in a mapping its pending key."""
    if container is None:
        return []
    if is_list:
        return [*path, len(container)]
    return [*path, key] if key is not None else path


def _check_key(key: JSON, event: Any, container: dict[str, JSON], path: list[str | int],
               max_items: int) -> None:
    """A mapping key is a string (no merge key `<<`), new in its mapping, within max_items."""
    if type(key) is not str:
        raise _Refused(said("yaml_key_not_text", key=repr(event.value), value=event.value), path)
    if key == "<<" and not event.style:
        raise _Refused(said("yaml_merge"), path)
    if len(container) >= max_items:
        raise _Refused(said("too_many_items", limit=max_items), path)
    if key in container:
        raise _Duplicate(path, key, _line(event))


def _documents(kind: type, documents: int) -> int:
    """The documents begun after the other events: an alias is refused, and a second document."""
    if kind is AliasEvent:
        raise _Refused(said("yaml_alias"))
    if kind is not DocumentStartEvent:
        return documents
    if documents:
        raise _Refused(said("yaml_documents"), [])
    return documents + 1


class _Duplicate(Exception):
    """(mapping path, key, line) of a key seen twice in one mapping."""


def line_map(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    parse_yaml(text, "<lines>", lines)
    return lines

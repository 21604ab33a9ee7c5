"""YAML text to plain JSON data, from libyaml's event stream (pure-Python parser as fallback).

Built by an explicit stack, so there is no recursion to exhaust, and every hostile construct is
refused where it appears: anchors, aliases and merge keys (alias bombs, see pitfalls.md),
explicit tags, duplicate keys, non-string keys, non-finite numbers, excessive nesting and more
than one document. Plain scalars follow the YAML 1.2 core schema (the one check-jsonschema
uses), so `no` stays a string, `0755` is the number 755 and dates stay strings.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

import yaml

from capf.model.errors import InvalidDocument, Said, refuse
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

# YAML 1.2 core schema for plain scalars.
_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_NONFINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z|\.(?:nan|NaN|NAN)\Z")


def _events(text: str) -> Iterator[yaml.Event]:
    parser = _Parser(text)
    try:
        while parser.check_event():
            event = parser.get_event()
            if event is not None:
                yield event
    finally:
        parser.dispose()


def _line(event: yaml.Event) -> int:
    mark = event.start_mark
    return mark.line + 1 if mark is not None else 0


def _scalar(event: yaml.ScalarEvent, source: str, stack: list[_Frame]) -> JSON:
    """The scalar's JSON value; its place (path, line) is only worked out to refuse it."""
    if event.tag not in (None, "!"):
        _refuse_at(event, source, stack, said("yaml_tag", tag=repr(event.tag)))
    value = event.value
    if event.style or not event.implicit[0]:  # libyaml marks plain as "", PyYAML as None
        return value  # quoted or block scalar: always a string
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        try:
            return int(value)
        except ValueError:
            _refuse_at(event, source, stack, said("integer_too_long", digits=len(value)))
    if _FLOAT.match(value):
        number = float(value)
        if not math.isfinite(number):
            _refuse_at(event, source, stack, said("not_finite", value=value[:40]))
        return number
    if _NONFINITE.match(value):
        _refuse_at(event, source, stack, said("not_finite", value=value))
    return value


def _refuse_at(event: yaml.Event, source: str, stack: list[_Frame], message: str | Said) -> None:
    refuse(source, _next_path(stack), message, _line(event))


class _Frame:
    __slots__ = ("container", "key", "keys_line", "path")

    def __init__(self, container: dict[str, JSON] | list[JSON], path: list[str | int]) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None  # pending mapping key
        self.keys_line: dict[str, int] = {}


def parse_yaml(text: str, source: str, lines: dict[str, int] | None = None, *,
               max_items: int = MAX_ITEMS) -> JSON:
    """Build JSON data from YAML events; record value lines into `lines` when given.

    `max_items` bounds every list and mapping while parsing: a caller that knows the
    document's schema (a plan: its largest maxItems) passes that, so a 15 MB list is refused
    after a few thousand events instead of 100,000 items' worth of them.
    """
    builder = _Builder(source, lines, max_items)
    try:
        for event in _events(text):
            builder.feed(event)
    except _TooLong as exc:
        too_many = said("too_many_values", limit=exc.args[1]) if exc.args[1] else \
            said("too_many_items", limit=max_items)
        refuse(source, exc.args[0], too_many, _line(event))
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
    return builder.result


class _Builder:
    """Turns the event stream into data with an explicit stack (no recursion to exhaust)."""

    def __init__(self, source: str, lines: dict[str, int] | None, max_items: int) -> None:
        self.source = source
        self.lines = lines
        self.max_items = max_items
        self.nodes = 0
        self.stack: list[_Frame] = []
        self.result: JSON = None
        self.documents = 0

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                refuse(self.source, [], said("yaml_documents"),
                      _line(event))
        elif isinstance(event, yaml.CollectionEndEvent):
            frame = self.stack.pop()
            if not self.stack:
                self.result = frame.container
        elif isinstance(event, yaml.NodeEvent):
            self._node(event)

    def _node(self, event: yaml.NodeEvent) -> None:
        # The hot path of a big document: path and line are built only where they are kept.
        stack = self.stack
        if type(event) is yaml.AliasEvent:
            _refuse_at(event, self.source, stack, said("yaml_alias"))
        if event.anchor is not None:
            _refuse_at(event, self.source, stack, said("yaml_anchor"))
        top = stack[-1] if stack else None
        if top is not None and top.key is None and type(top.container) is dict:
            _take_key(stack, event, self.source, self.max_items)
            if self.lines is not None:  # a member's own line is its key's, not its first child's
                self.lines[pointer([*top.path, top.key or ""])] = _line(event)
            return
        if self.lines is not None:
            self.lines.setdefault(pointer(_next_path(stack)), _line(event))
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLong(_next_path(stack), MAX_NODES)
        if type(event) is yaml.ScalarEvent:
            value = _scalar(event, self.source, stack)
            if top is not None:
                _store(top, value, self.max_items)
            else:
                self.result = value
            return
        if event.tag not in (None, "!"):  # type: ignore[attr-defined]
            _refuse_at(event, self.source, stack,
                       said("yaml_tag", tag=repr(event.tag)))  # type: ignore[attr-defined]
        path = _next_path(stack)
        if len(stack) >= MAX_DEPTH:
            refuse(self.source, path, said("too_deep", depth=MAX_DEPTH), _line(event))
        container: dict[str, JSON] | list[JSON] = (
            {} if type(event) is yaml.MappingStartEvent else [])
        if top is not None:
            _store(top, container, self.max_items)
        stack.append(_Frame(container, path))


def _next_path(stack: list[_Frame]) -> list[str | int]:
    if not stack:
        return []
    top = stack[-1]
    if isinstance(top.container, list):
        return [*top.path, len(top.container)]
    return [*top.path, top.key] if top.key is not None else top.path


def _take_key(stack: list[_Frame], event: yaml.NodeEvent, source: str, max_items: int) -> None:
    frame = stack[-1]
    line = _line(event)
    if type(event) is not yaml.ScalarEvent:
        refuse(source, frame.path, said("yaml_key_collection"), line)
    assert isinstance(event, yaml.ScalarEvent)
    key = _scalar(event, source, stack)
    if not event.style and event.value == "<<":
        refuse(source, frame.path, said("yaml_merge"), line)
    if not isinstance(key, str):
        refuse(source, frame.path, said("yaml_key_not_text", key=repr(event.value), value=event.value),
               line)
    assert isinstance(key, str)
    if len(frame.keys_line) >= max_items:
        raise _TooLong(frame.path, 0)
    if key in frame.keys_line:
        first = frame.keys_line[key]
        refuse(source, [*frame.path, key], said("yaml_duplicate", key=repr(key), first=str(first)),
               line)
    frame.keys_line[key] = line
    frame.key = key


def _store(top: _Frame, value: JSON, max_items: int) -> None:
    container = top.container
    if type(container) is list:
        if len(container) >= max_items:
            raise _TooLong(top.path, 0)
        container.append(value)
    else:
        assert top.key is not None
        assert isinstance(container, dict)
        container[top.key] = value
        top.key = None


class _TooLong(Exception):
    """(path, 0) for a list or mapping over max_items, (path, MAX_NODES) for the document."""


def line_map(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    parse_yaml(text, "<lines>", lines)
    return lines

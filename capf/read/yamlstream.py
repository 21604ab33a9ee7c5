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

from capf.model.errors import InvalidDocument, refuse
from capf.model.pointer import pointer

MAX_DEPTH = 64
MAX_ITEMS = 100_000  # per list or mapping: refused while parsing, long before validation
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


def _scalar(event: yaml.ScalarEvent, source: str, path: list[str | int]) -> JSON:
    line = _line(event)
    if event.tag not in (None, "!"):
        refuse(source, path, f"explicit YAML tag {event.tag!r} is not allowed", line)
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
            refuse(source, path, f"integer with {len(value)} digits is too long", line)
    if _FLOAT.match(value):
        number = float(value)
        if not math.isfinite(number):
            refuse(source, path, f"number {value[:40]} is not finite", line)
        return number
    if _NONFINITE.match(value):
        refuse(source, path, f"number {value} is not finite", line)
    return value


class _Frame:
    __slots__ = ("container", "key", "keys_line", "path")

    def __init__(self, container: dict[str, JSON] | list[JSON], path: list[str | int]) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None  # pending mapping key
        self.keys_line: dict[str, int] = {}


def parse_yaml(text: str, source: str, lines: dict[str, int] | None = None) -> JSON:
    """Build JSON data from YAML events; record value lines into `lines` when given."""
    builder = _Builder(source, lines)
    try:
        for event in _events(text):
            builder.feed(event)
    except _TooLong as exc:
        refuse(source, exc.args[0], f"more than {MAX_ITEMS:,} items in one list or mapping",
               _line(event))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        problem = exc.problem or exc.context or "invalid YAML"
        if "nesting depth" in problem:  # libyaml's scanner can reach its own limit (1000) first
            raise InvalidDocument(f"{where}: nested deeper than {MAX_DEPTH} levels",
                                  source=source) from None
        raise InvalidDocument(f"{where}: invalid YAML: {problem}", source=source) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids (NUL, raw controls)
        raise InvalidDocument(f"{source}: invalid YAML: {exc.reason} ({exc.character!r} at "
                              f"character {exc.position})", source=source) from None
    except yaml.YAMLError as exc:
        text = " ".join(str(exc).split())  # one line, whatever the error
        raise InvalidDocument(f"{source}: invalid YAML: {text[:200]}", source=source) from None
    return builder.result


class _Builder:
    """Turns the event stream into data with an explicit stack (no recursion to exhaust)."""

    def __init__(self, source: str, lines: dict[str, int] | None) -> None:
        self.source = source
        self.lines = lines
        self.stack: list[_Frame] = []
        self.result: JSON = None
        self.documents = 0

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                refuse(self.source, [], "more than one YAML document in the file",
                      _line(event))
        elif isinstance(event, yaml.CollectionEndEvent):
            frame = self.stack.pop()
            if not self.stack:
                self.result = frame.container
        elif isinstance(event, yaml.NodeEvent):
            self._node(event)

    def _node(self, event: yaml.NodeEvent) -> None:
        line = _line(event)
        path = _next_path(self.stack)
        if isinstance(event, yaml.AliasEvent):
            refuse(self.source, path, "YAML aliases (*name) are not allowed", line)
        if event.anchor is not None:
            refuse(self.source, path, "YAML anchors (&name) are not allowed", line)
        stack = self.stack
        if stack and isinstance(stack[-1].container, dict) and stack[-1].key is None:
            _take_key(stack[-1], event, self.source, line)
            return
        if self.lines is not None:
            self.lines[pointer(path)] = line
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(event, self.source, path)
            if stack:
                _store(stack, value)
            else:
                self.result = value
            return
        if event.tag not in (None, "!"):  # type: ignore[attr-defined]
            refuse(self.source, path, f"explicit YAML tag {event.tag!r} is not allowed", line)  # type: ignore[attr-defined]
        if len(stack) >= MAX_DEPTH:
            refuse(self.source, path, f"nested deeper than {MAX_DEPTH} levels", line)
        container: dict[str, JSON] | list[JSON] = (
            {} if isinstance(event, yaml.MappingStartEvent) else [])
        _store(stack, container)
        stack.append(_Frame(container, path))


def _next_path(stack: list[_Frame]) -> list[str | int]:
    if not stack:
        return []
    top = stack[-1]
    if isinstance(top.container, list):
        return [*top.path, len(top.container)]
    return [*top.path, top.key] if top.key is not None else top.path


def _take_key(frame: _Frame, event: yaml.NodeEvent, source: str, line: int) -> None:
    if not isinstance(event, yaml.ScalarEvent):
        refuse(source, frame.path, "mapping keys must be plain strings, not collections", line)
    assert isinstance(event, yaml.ScalarEvent)
    key = _scalar(event, source, frame.path)
    if not event.style and event.value == "<<":
        refuse(source, frame.path, "YAML merge keys (<<) are not allowed", line)
    if not isinstance(key, str):
        refuse(source, frame.path,
              f"mapping key {event.value!r} is not a string (quote it: \"{event.value}\")", line)
    assert isinstance(key, str)
    assert isinstance(frame.container, dict)
    if len(frame.keys_line) >= MAX_ITEMS:
        raise _TooLong(frame.path)
    if key in frame.keys_line:
        first = frame.keys_line[key]
        refuse(source, [*frame.path, key],
              f"duplicate key {key!r} (first defined on line {first})", line)
    frame.keys_line[key] = line
    frame.key = key


def _store(stack: list[_Frame], value: JSON) -> None:
    if not stack:
        return
    top = stack[-1]
    if isinstance(top.container, list):
        if len(top.container) >= MAX_ITEMS:
            raise _TooLong(top.path)
        top.container.append(value)
    else:
        assert top.key is not None
        top.container[top.key] = value
        top.key = None


class _TooLong(Exception):
    pass


def line_map(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    parse_yaml(text, "<lines>", lines)
    return lines

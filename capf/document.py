"""Safe parsing of YAML and JSON input into plain JSON data, with places for errors.

YAML is read from libyaml's event stream (pure-Python parser as fallback) and built by an
explicit stack, so there is no recursion to exhaust and every hostile construct is refused
where it appears: anchors, aliases and merge keys (alias bombs, see pitfalls.md), explicit
tags, duplicate keys, non-string keys, non-finite numbers, excessive nesting, and more than one
document. Plain scalars follow the YAML 1.2 core schema (the one check-jsonschema uses), so
`no` stays a string, `0755` stays the number 755 and dates stay strings.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from capf.errors import InvalidDocument

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64



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

JSON = Any  # dict[str, JSON] | list[JSON] | str | int | float | bool | None


def escape_pointer_token(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """The JSON Pointer (RFC 6901) of a path."""
    return "".join("/" + escape_pointer_token(p) for p in parts)


@dataclass(frozen=True)
class Document:
    """Parsed data plus what is needed to point back into the text."""

    data: JSON
    source: str
    text: str | None = None
    _lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, ptr: str) -> int | None:
        """1-based line where the value at `ptr` starts (computed on first use)."""
        if self.text is None:
            return None
        if not self._lines:
            try:
                self._lines.update(_line_map(self.text))
            except (yaml.YAMLError, InvalidDocument):
                return None
        while ptr not in self._lines and ptr:
            ptr = ptr.rsplit("/", 1)[0]
        return self._lines.get(ptr)


def read_file(path: Path) -> Document:
    """Read and parse a YAML or JSON file (by suffix; YAML otherwise)."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidDocument(
                f"{source}: file is {size:,} bytes; the limit is {MAX_BYTES:,}", source=source)
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidDocument(f"{source}: cannot read file: {exc.strerror or exc}",
                              source=source) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidDocument(
            f"{source}: not UTF-8 text (invalid byte at offset {exc.start})", source=source) from None
    return parse_text(text, source, json_syntax=path.suffix.lower() == ".json")


def parse_text(text: str, source: str = "<string>", *, json_syntax: bool = False) -> Document:
    """Parse a YAML (default) or JSON document held in a string."""
    if len(text) > MAX_BYTES:
        raise InvalidDocument(f"{source}: document is longer than {MAX_BYTES:,} characters",
                              source=source)
    text = text.removeprefix("\ufeff")
    data = _parse_json(text, source) if json_syntax else _parse_yaml(text, source)
    return Document(data=data, source=source, text=text)


def from_mapping(value: Mapping[str, Any], source: str = "<mapping>") -> Document:
    """Copy caller-supplied data into plain JSON data, refusing what a file could not hold."""
    return Document(data=_plain(value, source, [], 0), source=source)


def _plain(value: Any, source: str, path: list[str | int], depth: int) -> JSON:
    if depth > MAX_DEPTH:
        _fail(source, path, f"nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, Mapping):
        out: dict[str, JSON] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                _fail(source, path, f"key {key!r} is not a string")
            out[key] = _plain(item, source, [*path, key], depth + 1)
        return out
    if isinstance(value, list | tuple):
        return [_plain(item, source, [*path, i], depth + 1) for i, item in enumerate(value)]
    if isinstance(value, float) and not math.isfinite(value):
        _fail(source, path, f"number {value} is not finite")
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, str | bool | int | float):
        return value
    _fail(source, path, f"value of type {type(value).__name__} cannot appear in a plan")
    raise AssertionError  # unreachable; _fail raises


def _fail(source: str, path: list[str | int], message: str, line: int | None = None) -> None:
    where = f"{source}:{line}" if line is not None else source
    at = pointer(path) or "/"
    if len(at) > 120:
        at = at[:60] + "…" + at[-40:]
    raise InvalidDocument(f"{where}: {message} (at {at})", source=source)


# --- JSON -------------------------------------------------------------------------------------

def _parse_json(text: str, source: str) -> JSON:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise _JsonDuplicate(key)
            out[key] = value
        return out

    def finite(token: str) -> float:
        number = float(token)
        if not math.isfinite(number):
            raise _JsonNonFinite(token)
        return number

    def constant(token: str) -> float:
        raise _JsonNonFinite(token)

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_float=finite, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise InvalidDocument(f"{source}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}",
                              source=source) from None
    except _JsonDuplicate as exc:
        raise InvalidDocument(f"{source}: duplicate key {exc.args[0]!r}", source=source) from None
    except _JsonNonFinite as exc:
        raise InvalidDocument(f"{source}: number {exc.args[0][:40]} is not finite", source=source) \
            from None
    except RecursionError:
        raise InvalidDocument(f"{source}: nested deeper than {MAX_DEPTH} levels",
                              source=source) from None
    except ValueError as exc:  # e.g. an integer longer than Python's digit limit
        raise InvalidDocument(f"{source}: invalid number: {str(exc)[:120]}", source=source) from None
    _check_depth(data, source)
    return data


class _JsonDuplicate(Exception):
    pass


class _JsonNonFinite(Exception):
    pass


def _check_depth(data: JSON, source: str) -> None:
    stack: list[tuple[JSON, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InvalidDocument(f"{source}: nested deeper than {MAX_DEPTH} levels", source=source)
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)


# --- YAML -------------------------------------------------------------------------------------

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
        _fail(source, path, f"explicit YAML tag {event.tag!r} is not allowed", line)
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
            _fail(source, path, f"integer with {len(value)} digits is too long", line)
    if _FLOAT.match(value):
        number = float(value)
        if not math.isfinite(number):
            _fail(source, path, f"number {value[:40]} is not finite", line)
        return number
    if _NONFINITE.match(value):
        _fail(source, path, f"number {value} is not finite", line)
    return value


class _Frame:
    __slots__ = ("container", "key", "keys_line", "path")

    def __init__(self, container: dict[str, JSON] | list[JSON], path: list[str | int]) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None  # pending mapping key
        self.keys_line: dict[str, int] = {}


def _parse_yaml(text: str, source: str, lines: dict[str, int] | None = None) -> JSON:
    """Build JSON data from YAML events; record value lines into `lines` when given."""
    builder = _Builder(source, lines)
    try:
        for event in _events(text):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        problem = exc.problem or exc.context or "invalid YAML"
        raise InvalidDocument(f"{where}: invalid YAML: {problem}", source=source) from None
    except yaml.YAMLError as exc:
        raise InvalidDocument(f"{source}: invalid YAML: {str(exc)[:200]}", source=source) from None
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
                _fail(self.source, [], "more than one YAML document in the file",
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
            _fail(self.source, path, "YAML aliases (*name) are not allowed", line)
        if event.anchor is not None:
            _fail(self.source, path, "YAML anchors (&name) are not allowed", line)
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
            _fail(self.source, path, f"explicit YAML tag {event.tag!r} is not allowed", line)  # type: ignore[attr-defined]
        if len(stack) >= MAX_DEPTH:
            _fail(self.source, path, f"nested deeper than {MAX_DEPTH} levels", line)
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
        _fail(source, frame.path, "mapping keys must be plain strings, not collections", line)
    assert isinstance(event, yaml.ScalarEvent)
    key = _scalar(event, source, frame.path)
    if not event.style and event.value == "<<":
        _fail(source, frame.path, "YAML merge keys (<<) are not allowed", line)
    if not isinstance(key, str):
        _fail(source, frame.path,
              f"mapping key {event.value!r} is not a string (quote it: \"{event.value}\")", line)
    assert isinstance(key, str)
    assert isinstance(frame.container, dict)
    if key in frame.keys_line:
        first = frame.keys_line[key]
        _fail(source, [*frame.path, key],
              f"duplicate key {key!r} (first defined on line {first})", line)
    frame.keys_line[key] = line
    frame.key = key


def _store(stack: list[_Frame], value: JSON) -> None:
    if not stack:
        return
    top = stack[-1]
    if isinstance(top.container, list):
        top.container.append(value)
    else:
        assert top.key is not None
        top.container[top.key] = value
        top.key = None


def _line_map(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    _parse_yaml(text, "<lines>", lines)
    return lines

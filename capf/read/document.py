"""Safe reading of plan, rule and waiver files into plain JSON data, with places for errors.

Files are size-checked before reading and must be UTF-8 (a BOM is allowed). YAML goes through
capf.read.yamlstream; JSON through the stdlib with duplicate keys, NaN/Infinity and overflowing
numbers refused and nesting bounded. Data handed over as a mapping is copied under the same rules.
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

from capf.model.errors import InvalidDocument, refuse
from capf.read.yamlstream import JSON, MAX_DEPTH, MAX_ITEMS, MAX_NODES, line_map, parse_yaml
from capf.text.causes import os_reason
from capf.text.errors import said

MAX_BYTES = 16 * 1024 * 1024

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Document", "from_mapping", "parse_text", "read_file"]


@dataclass(frozen=True)
class Document:
    """Parsed data plus what is needed to point back into the text."""

    data: JSON
    source: str
    text: str | None = None
    _lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    cells: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # workbook
    # No list or mapping of `data` holds more items than this (None: not bounded while read),
    # so a reader that knows its schema's bound can skip walking the data for it.
    items_bound: int | None = field(default=None, compare=False)

    def line_of(self, ptr: str) -> int | None:
        """1-based line where the value at `ptr` starts (computed on first use)."""
        if self.text is None:
            return None
        if not self._lines:
            try:
                self._lines.update(line_map(self.text))
            except (yaml.YAMLError, InvalidDocument):
                return None
        while ptr not in self._lines and ptr:
            ptr = ptr.rsplit("/", 1)[0]
        return self._lines.get(ptr)


    def cell_of(self, ptr: str) -> str | None:
        """The workbook cell (`Sheet!B5`) the value at `ptr` came from, for a workbook."""
        if not self.cells:
            return None
        while ptr not in self.cells and ptr:
            ptr = ptr.rsplit("/", 1)[0]
        return self.cells.get(ptr)


def read_file(path: Path, *, max_items: int = MAX_ITEMS) -> Document:
    """Read and parse a YAML or JSON file (by suffix; YAML otherwise).

    `max_items` caps every list and mapping while parsing (see `parse_text`).
    """
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidDocument(said("file_too_big", source=source, size=size, limit=MAX_BYTES),
                                  source=source)
        with path.open("rb") as handle:  # stat says 0 for /dev/zero and pipes: cap the read
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InvalidDocument(said("cannot_read", source=source, reason=os_reason(exc)),
                              source=source) from None
    except ValueError:  # a NUL byte in the name
        raise InvalidDocument(said("bad_file_name", source=repr(source)), source=source) from None
    if len(raw) > MAX_BYTES:
        raise InvalidDocument(said("endless", source=source, limit=MAX_BYTES), source=source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidDocument(said("not_utf8", source=source, offset=str(exc.start)),
                              source=source) from None
    return parse_text(text, source, json_syntax=path.suffix.lower() == ".json",
                      max_items=max_items)


def parse_text(text: str, source: str = "<string>", *, json_syntax: bool = False,
               max_items: int = MAX_ITEMS) -> Document:
    """Parse a YAML (default) or JSON document held in a string.

    No list or mapping may hold more than `max_items` items; a caller that knows the schema
    passes its bound (a plan: 5,000), which is what makes a 15 MB YAML list cheap to refuse.
    """
    if len(text) > MAX_BYTES:
        raise InvalidDocument(said("text_too_long", source=source, limit=MAX_BYTES), source=source)
    text = text.removeprefix("\ufeff")
    data = _parse_json(text, source, max_items) if json_syntax else \
        parse_yaml(text, source, max_items=max_items)
    return Document(data=data, source=source, text=text, items_bound=max_items)


def from_mapping(value: Mapping[str, Any], source: str = "<mapping>") -> Document:
    """Copy caller-supplied data into plain JSON data, refusing what a file could not hold."""
    return Document(data=_plain(value, source, (), 0), source=source)


Path_ = tuple[Any, ...]  # (parent path, key): built in O(1) per node, unrolled only on error


def _unrolled(path: Path_) -> list[str | int]:
    keys: list[str | int] = []
    while path:
        path, key = path
        keys.append(key)
    return keys[::-1]


def _plain(value: Any, source: str, path: Path_, depth: int) -> JSON:
    kind = type(value)
    if kind is str:  # most of a plan
        if not value.isascii() and _SURROGATE.search(value):
            refuse(source, _unrolled(path), _LONE)
        return value
    if kind is int:
        if -_HUGE < value < _HUGE:
            return value
        refuse(source, _unrolled(path), said("huge_integer", digits=4300))
    if kind is bool or value is None:
        return value
    if kind is float:
        if not math.isfinite(value):
            refuse(source, _unrolled(path), said("not_finite", value=str(value)))
        return value
    if isinstance(value, Mapping | list | tuple):
        if depth >= MAX_DEPTH:
            refuse(source, _unrolled(path), said("too_deep", depth=MAX_DEPTH))
        if len(value) > MAX_ITEMS:
            refuse(source, _unrolled(path), said("too_many_items", limit=MAX_ITEMS))
    if isinstance(value, Mapping):
        out: dict[str, JSON] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                refuse(source, _unrolled(path), said("key_not_string", key=f"{key!r:.60}"))
            if not key.isascii() and _SURROGATE.search(key):
                refuse(source, _unrolled(path), _LONE)
            out[key] = _plain(item, source, (path, key), depth + 1)
        return out
    if isinstance(value, list | tuple):
        return [_plain(item, source, (path, i), depth + 1) for i, item in enumerate(value)]
    if isinstance(value, float) and not math.isfinite(value):
        refuse(source, _unrolled(path), said("not_finite", value=str(value)))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str | bool | int | float):  # subclasses: copied as the plain type
        return _plain(str(value) if isinstance(value, str) else
                      bool(value) if isinstance(value, bool) else
                      int(value) if isinstance(value, int) else float(value), source, path, depth)
    refuse(source, _unrolled(path), said("foreign_type", kind=type(value).__name__))


# --- JSON -------------------------------------------------------------------------------------

def _parse_json(text: str, source: str, max_items: int) -> JSON:
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
        raise InvalidDocument(said("invalid_json", where=f"{source}:{exc.lineno}:{exc.colno}",
                                   problem=exc.msg), source=source) from None
    except _JsonDuplicate as exc:
        raise InvalidDocument(said("json_duplicate", source=source, key=repr(exc.args[0])),
                              source=source) from None
    except _JsonNonFinite as exc:
        raise InvalidDocument(said("not_finite_at", source=source, value=exc.args[0][:40]),
                              source=source) from None
    except RecursionError:
        raise InvalidDocument(said("too_deep_at", where=source, depth=MAX_DEPTH),
                              source=source) from None
    except ValueError as exc:  # e.g. an integer longer than Python's digit limit
        unreadable = said("huge_integer_at", source=source, digits=4300) if "digits" in str(exc) \
            else said("unreadable_number", source=source)
        raise InvalidDocument(unreadable, source=source) from None
    _check_depth(data, source, max_items)
    if _SURROGATE_ESCAPE.search(text):
        _check_surrogates(data, source)
    return data


_SURROGATE = re.compile("[\ud800-\udfff]")  # after json.loads, any left is a lone one
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE = said("lone_surrogate")
_HUGE = 10 ** 4300  # Python's digit limit for int <-> str (the JSON and YAML readers' too)


def _check_surrogates(data: JSON, source: str) -> None:
    """Refuse a JSON string or key holding an unpaired \\uD800-\\uDFFF escape, with its place."""
    stack: list[tuple[JSON, list[str | int]]] = [(data, [])]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str) and _SURROGATE.search(node):
            refuse(source, path, _LONE)
        if isinstance(node, dict):
            for key, value in node.items():
                if _SURROGATE.search(key):
                    refuse(source, [*path, key], _LONE)
                stack.append((value, [*path, key]))
        elif isinstance(node, list):
            stack.extend((item, [*path, i]) for i, item in enumerate(node))


class _JsonDuplicate(Exception):
    pass


class _JsonNonFinite(Exception):
    pass


def _check_depth(data: JSON, source: str, max_items: int) -> None:
    """Refuse nesting past MAX_DEPTH, a list or mapping past max_items, or past MAX_NODES values.

    One pass level by level keeps no paths; only a document it refuses is walked again, with
    paths, to say where.
    """
    nodes = 1
    for depth, level in enumerate(levels(data)):
        nodes += sum(map(len, level))
        if depth > MAX_DEPTH or max(map(len, level)) > max_items or nodes > MAX_NODES:
            _locate_depth(data, source, max_items)
            return


def levels(data: JSON) -> Iterator[list[Any]]:
    """The lists and mappings of `data`, level by level from the top (a walk with no paths)."""
    level = [data] if type(data) in _CONTAINERS else []
    while level:
        yield level
        level = [v for node in level for v in (node.values() if type(node) is dict else node)
                 if type(v) in _CONTAINERS]


_CONTAINERS = frozenset({dict, list})


def _locate_depth(data: JSON, source: str, max_items: int) -> None:
    if not isinstance(data, dict | list):
        return
    stack: list[tuple[JSON, int, Path_]] = [(data, 0, ())]
    nodes = 1
    while stack:
        node, depth, path = stack.pop()
        if depth > MAX_DEPTH:
            raise InvalidDocument(said("too_deep_at", where=source, depth=MAX_DEPTH), source=source)
        if len(node) > max_items:  # checked before its items are visited: a 16 MB list is cheap
            refuse(source, _unrolled(path), said("too_many_items", limit=max_items))
        nodes += len(node)
        if nodes > MAX_NODES:  # as the YAML builder counts: every value, scalars included
            refuse(source, _unrolled(path), said("too_many_values", limit=MAX_NODES))
        items = node.items() if isinstance(node, dict) else enumerate(node)
        stack.extend((v, depth + 1, (path, k)) for k, v in items if isinstance(v, dict | list))

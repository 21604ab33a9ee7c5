"""Selectors: a JSON Pointer with `*` for "every item of an array / every value of an object".

Absolute selectors start with "/" and read from the plan's root; relative ones (no leading
"/", e.g. `financing/source`) read from the item a `for_each` is visiting; "" is the item itself.
Nothing more: no filters, no functions — judging values is the checks' job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from typing import Any

from capf.model.pointer import escape_pointer_token

WILDCARD = "*"


class Match(tuple[Any, ...]):
    """A value found by a selector and the JSON Pointer where it sits in the plan.

    A tuple, so immutable and cheap to make; the pointer is written out only when asked for
    (evidence, labels): a for_each visits thousands of values that pass and are never pointed
    at. Two matches are equal when pointer and value are.
    """

    __slots__ = ()
    value: Any = property(itemgetter(1))

    def __new__(cls, pointer: str, value: Any) -> Match:
        return tuple.__new__(cls, (pointer, value, None, None))

    @classmethod
    def below(cls, base: Match, token: str | int, value: Any) -> Match:
        """The match at `base`'s pointer + "/" + `token` (a key, unescaped, or an index)."""
        return tuple.__new__(cls, (None, value, base, token))

    @property
    def pointer(self) -> str:
        pointer: str | None = self[0]
        if pointer is None:
            token = self[3]  # an index needs no escaping, nor a key without '~' or '/'
            if type(token) is not int and ("~" in token or "/" in token):
                token = escape_pointer_token(token)
            return f"{self[2].pointer}/{token}"
        return pointer

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Match):
            return NotImplemented
        return self.pointer == other.pointer and bool(self.value == other.value)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash((self.pointer, self.value))

    def __repr__(self) -> str:
        return f"Match(pointer={self.pointer!r}, value={self.value!r})"


@dataclass(frozen=True)
class Selector:
    text: str
    absolute: bool
    tokens: tuple[str, ...]

    @cached_property
    def has_wildcard(self) -> bool:
        return WILDCARD in self.tokens

    def select(self, root: Any, here: Match | None = None) -> list[Match]:
        """All matches, in document order. A missing key or index yields no match."""
        if not self.has_wildcard:  # the common case: at most one match, no lists built
            if self.absolute:  # `/plan/adopted`: the pointer is the selector's, written once
                value = self.values(root)
                return [Match(self._lead_pointer, value[0])] if value else []
            return _walk(here if here is not None else Match("", root), self.tokens)
        start = Match("", root) if self.absolute or here is None else here
        lead = self.tokens.index(WILDCARD)
        if lead and self.absolute:  # `/inventory/years/*`: each item's pointer is one step
            found = _walk(start, self.tokens[:lead])
            if not found:
                return []
            found = [Match(self._lead_pointer, found[0][1])]
        else:
            found, lead = [start], 0
        for token in self.tokens[lead:]:
            step: list[Match] = []
            for match in found:
                step.extend(_step(match, token))
            found = step
        return found

    @cached_property
    def _lead_pointer(self) -> str:
        """The pointer of an absolute selector's steps before its first `*` (all of them
        without one), written once."""
        lead = self.tokens[:self.tokens.index(WILDCARD)] if self.has_wildcard else self.tokens
        return "".join("/" + escape_pointer_token(token) for token in lead)

    @cached_property
    def values(self) -> Callable[[Any], list[Any]]:
        """The values `select` finds from a start value, in the same order, without matches or
        pointers: what a clause needs to decide an outcome (capf.engine.node)."""
        steps = tuple((token, int(token) if token.isascii() and token.isdigit() else None)
                      for token in self.tokens)
        if len(steps) == 1 and not self.has_wildcard:
            key, index = steps[0]

            def one(value: Any) -> list[Any]:  # `select: priority` on an item: one lookup
                if isinstance(value, dict):
                    return [value[key]] if key in value else []
                if isinstance(value, list) and index is not None and index < len(value):
                    return [value[index]]
                return []
            return one
        return lambda value: _values([value], steps)


def _values(found: list[Any], steps: tuple[tuple[str, int | None], ...]) -> list[Any]:
    for token, index in steps:
        step: list[Any] = []
        for value in found:
            if isinstance(value, list):
                if token == WILDCARD:
                    step.extend(value)
                elif index is not None and index < len(value):
                    step.append(value[index])
            elif isinstance(value, dict):
                if token == WILDCARD:
                    step.extend(value.values())
                elif token in value:
                    step.append(value[token])
        found = step
    return found


def _walk(start: Match, tokens: tuple[str, ...]) -> list[Match]:
    match, value = start, start.value
    for token in tokens:
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif (isinstance(value, list) and token.isascii() and token.isdigit()
              and int(token) < len(value)):
            value = value[int(token)]
        else:
            return []
        match = Match.below(match, token, value)
    return [match]


def _step(match: Match, token: str) -> list[Match]:
    value = match.value
    below = Match.below
    if isinstance(value, list):
        if token == WILDCARD:
            return [below(match, i, item) for i, item in enumerate(value)]
        if token.isascii() and token.isdigit() and int(token) < len(value):  # '²' is a digit too
            return [below(match, token, value[int(token)])]
        return []
    if isinstance(value, dict):
        if token == WILDCARD:
            return [below(match, k, v) for k, v in value.items()]
        if token in value:
            return [below(match, token, value[token])]
    return []


def parse_selector(text: str) -> Selector:
    """Compile a selector string; raises ValueError on a malformed one."""
    if not isinstance(text, str):
        raise ValueError("a selector must be a string")
    if text in ("", "."):
        return Selector(text, absolute=False, tokens=())
    absolute = text.startswith("/")
    body = text[1:] if absolute else text
    tokens = tuple(_unescape(part) for part in body.split("/"))
    if any(token == "" for token in tokens):
        raise ValueError(f"selector {text!r} has an empty step")
    return Selector(text, absolute=absolute, tokens=tokens)


def _unescape(token: str) -> str:
    if "~" in token.replace("~0", "").replace("~1", ""):
        raise ValueError(f"invalid '~' escape in selector step {token!r}")
    return token.replace("~1", "/").replace("~0", "~")

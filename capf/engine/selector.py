"""Selectors: a JSON Pointer with `*` for "every item of an array / every value of an object".

Absolute selectors start with "/" and read from the plan's root; relative ones (no leading
"/", e.g. `financing/source`) read from the item a `for_each` is visiting; "" is the item itself.
Nothing more: no filters, no functions — judging values is the checks' job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from capf.model.pointer import escape_pointer_token

WILDCARD = "*"


@dataclass(frozen=True)
class Match:
    """A value found by a selector and the JSON Pointer where it sits in the plan."""

    pointer: str
    value: Any


@dataclass(frozen=True)
class Selector:
    text: str
    absolute: bool
    tokens: tuple[str, ...]

    @property
    def has_wildcard(self) -> bool:
        return WILDCARD in self.tokens

    def select(self, root: Any, here: Match | None = None) -> list[Match]:
        """All matches, in document order. A missing key or index yields no match."""
        start = Match("", root) if self.absolute or here is None else here
        if not self.has_wildcard:  # the common case: at most one match, no lists built
            return _walk(start, self.tokens)
        found = [start]
        for token in self.tokens:
            step: list[Match] = []
            for match in found:
                step.extend(_step(match, token))
            found = step
        return found


def _walk(start: Match, tokens: tuple[str, ...]) -> list[Match]:
    value, path = start.value, start.pointer
    for token in tokens:
        if isinstance(value, dict) and token in value:
            value, path = value[token], f"{path}/{escape_pointer_token(token)}"
        elif (isinstance(value, list) and token.isascii() and token.isdigit()
              and int(token) < len(value)):
            value, path = value[int(token)], f"{path}/{token}"
        else:
            return []
    return [Match(path, value)]


def _step(match: Match, token: str) -> list[Match]:
    value = match.value
    if isinstance(value, list):
        if token == WILDCARD:
            return [Match(f"{match.pointer}/{i}", item) for i, item in enumerate(value)]
        if token.isascii() and token.isdigit() and int(token) < len(value):  # '²' is a digit too
            return [Match(f"{match.pointer}/{token}", value[int(token)])]
        return []
    if isinstance(value, dict):
        if token == WILDCARD:
            return [Match(f"{match.pointer}/{escape_pointer_token(k)}", v) for k, v in value.items()]
        if token in value:
            return [Match(f"{match.pointer}/{escape_pointer_token(token)}", value[token])]
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

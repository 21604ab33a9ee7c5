"""JSON Pointers (RFC 6901) of parsed data: built from a path, shortened for a one-line message."""

from __future__ import annotations


def escape_pointer_token(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """The JSON Pointer (RFC 6901) of a path."""
    return "".join("/" + escape_pointer_token(p) for p in parts)


def shown(ptr: str, limit: int = 120) -> str:
    """A pointer fit for a one-line message: '/' for the root, long ones cut in the middle."""
    if len(ptr) <= limit:
        return ptr or "/"
    return ptr[: limit // 2] + "…" + ptr[-(limit // 3):]

"""JSON Pointers (RFC 6901) of parsed data, and the one way a reader refuses input at a place."""

from __future__ import annotations

from typing import NoReturn

from capf.model.errors import InvalidDocument


def escape_pointer_token(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """The JSON Pointer (RFC 6901) of a path."""
    return "".join("/" + escape_pointer_token(p) for p in parts)


def refuse(source: str, path: list[str | int], message: str, line: int | None = None) -> NoReturn:
    """Raise the InvalidDocument naming file, line and pointer (long pointers shortened)."""
    where = f"{source}:{line}" if line is not None else source
    raise InvalidDocument(f"{where}: {message} (at {shown(pointer(path))})", source=source)


def shown(ptr: str, limit: int = 120) -> str:
    """A pointer fit for a one-line message: '/' for the root, long ones cut in the middle."""
    if len(ptr) <= limit:
        return ptr or "/"
    return ptr[: limit // 2] + "…" + ptr[-(limit // 3):]

"""The one escaping function for text that reaches a terminal (or a one-line log).

Plan text and file names are untrusted: ESC and BEL sequences could retitle, recolour or clear
a terminal, bidi controls could make `fail` read as `pass`, and a file name with a newline would
split the one-line error into two. Every such character is shown as a visible escape instead.
Undecodable bytes in a file name (Python's surrogate escapes) become `\\xNN`, so printing never
crashes on them either.
"""

from __future__ import annotations

import re
import sys
from pathlib import PurePath

_CONTROLS = ("\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 except tab and newline, DEL, C1 (incl. \r)
             "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, isolates
             "\u2028\u2029"  # line and paragraph separators
             "\ud800-\udfff")  # lone surrogates (undecodable bytes of a file name)
_UNSAFE = re.compile(f"[{_CONTROLS}]")
_UNSAFE_LINE = re.compile(f"[{_CONTROLS}\t\n]")


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    if match.group() in _NAMED:
        return _NAMED[match.group()]
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with every control character visible as an escape; `one_line` escapes newlines too."""
    if text.isprintable() and not one_line:
        return text
    return (_UNSAFE_LINE if one_line else _UNSAFE).sub(_escaped, text)


def terminal_document(text: str) -> str:
    """A whole document bound for stdout, made safe for a terminal without changing its meaning.

    JSON (SARIF too) keeps its syntax: each unsafe character becomes a `\\uXXXX` escape, which
    JSON reads back as the same string (its own encoder escapes C0 only, not C1 or bidi
    controls). Any other text (Markdown, plain text, XML) gets `printable`.
    """
    if text.lstrip().startswith(("{", "[")):
        return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return printable(text)


def shown_name(name: str | PurePath) -> str:
    """A file name (or message naming one) fit for one line of a terminal, CSV or HTML page."""
    return printable(str(name), one_line=True)


def utf8_stdout() -> None:
    """Machine output is UTF-8 whatever the console: a cp1252 redirect on Windows would otherwise
    crash on `≥` or write bytes that contradict JUnit's encoding="utf-8" declaration."""
    stdout = sys.stdout
    encoding = (getattr(stdout, "encoding", "") or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stdout, "reconfigure"):
        stdout.reconfigure(encoding="utf-8")

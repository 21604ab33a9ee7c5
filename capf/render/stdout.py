"""Standard output as UTF-8 whatever the console, for machine output redirected to a file.

On Windows a redirect gets the ANSI code page (cp1252): JSON would crash on `≥` and JUnit would
be cp1252 bytes under its encoding="utf-8" declaration. A Windows console proper takes UTF-8 too.
"""

from __future__ import annotations

from typing import TextIO


def utf8_stdout(stream: TextIO) -> None:
    """Switch `stream` to UTF-8 unless it already is (or cannot be reconfigured)."""
    encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")

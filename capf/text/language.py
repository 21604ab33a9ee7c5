"""The output language: one default for every command, Danish, unless told otherwise.

`--lang` wins, then the `CAPF_LANG` environment variable (so a Danish or English team sets it
once), then Danish, the first language of every output.
"""

from __future__ import annotations

import os

LANGS = ("da", "en")
DEFAULT_LANG = "da"
LANG_VARIABLE = "CAPF_LANG"


def output_lang(given: str | None) -> str:
    """`given` (from --lang) if set, else $CAPF_LANG, else Danish; ValueError for a bad variable."""
    if given is not None:
        return given
    chosen = os.environ.get(LANG_VARIABLE, "").strip().lower()
    if not chosen:
        return DEFAULT_LANG
    if chosen not in LANGS:
        raise ValueError(f"{LANG_VARIABLE}={chosen!r}: use one of {', '.join(LANGS)}")
    return chosen

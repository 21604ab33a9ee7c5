"""The output language: one default for every command, Danish, unless told otherwise.

`--lang` wins, then the `CAPF_LANG` environment variable (so a Danish or English team sets it
once), then Danish, the first language of every output.
"""

from __future__ import annotations

import os

from capf.text.labels import label

__all__ = ["DEFAULT_LANG", "LANGS", "LANG_VARIABLE", "LanguageError", "label", "output_lang"]

LANGS = ("da", "en")
DEFAULT_LANG = "da"
LANG_VARIABLE = "CAPF_LANG"


class LanguageError(ValueError):
    """$CAPF_LANG names a language capf does not write (a usage error, exit 2)."""


def output_lang(given: str | None) -> str:
    """`given` (from --lang) if set, else $CAPF_LANG, else Danish; ValueError for a bad variable."""
    if given is not None:
        return given
    chosen = os.environ.get(LANG_VARIABLE, "").strip().lower()
    if not chosen:
        return DEFAULT_LANG
    if chosen not in LANGS:
        raise LanguageError(f"{LANG_VARIABLE}={chosen!r}: use one of {', '.join(LANGS)}")
    return chosen

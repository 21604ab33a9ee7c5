"""The output language: one default for every command, Danish, unless told otherwise.

`--lang` wins, then the `CAPF_LANG` environment variable (so a Danish or English team sets it
once), then Danish, the first language of every output.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from capf.text.errors import said
from capf.text.labels import label

__all__ = ["DEFAULT_LANG", "LANGS", "LANG_VARIABLE", "LanguageError", "early_lang", "label",
           "output_lang"]

LANGS = ("da", "en")
DEFAULT_LANG = "da"
LANG_VARIABLE = "CAPF_LANG"


class LanguageError(ValueError):
    """$CAPF_LANG names a language capf does not write (a usage error, exit 2)."""

    def __init__(self, value: str) -> None:
        self.said = said("bad_language", variable=LANG_VARIABLE, value=repr(value), langs=LANGS)
        super().__init__(self.said.en)

    def text(self, lang: str) -> str:
        return self.said.get(lang)


def output_lang(given: str | None) -> str:
    """`given` (from --lang) if set, else $CAPF_LANG, else Danish; ValueError for a bad variable."""
    if given is not None:
        return given
    chosen = os.environ.get(LANG_VARIABLE, "").strip().lower()
    if not chosen:
        return DEFAULT_LANG
    if chosen not in LANGS:
        raise LanguageError(chosen)
    return chosen


def early_lang(argv: Sequence[str]) -> str:
    """The language to word a usage error in before the arguments are parsed: a valid
    `--lang` among them, else $CAPF_LANG if valid, else Danish."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else \
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if value in LANGS:
            return value
    chosen = os.environ.get(LANG_VARIABLE, "").strip().lower()
    return chosen if chosen in LANGS else DEFAULT_LANG

"""Where a command's document goes: `-o FILE` (atomically, UTF-8) or stdout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from capf.cli.exit_codes import EXIT_OK
from capf.text.language import DEFAULT_LANG, label
from capf.text.terminal import shown_name, terminal_document


def emit(args: argparse.Namespace, text: str) -> None:
    """A document to `-o FILE` (atomically, UTF-8) or to stdout, which `main` made UTF-8."""
    text = text if text.endswith("\n") else text + "\n"
    if args.output is None:  # plan and rule text may hold ESC or bidi controls
        sys.stdout.write(terminal_document(text))
    else:
        written(args.output, text, getattr(args, "lang", DEFAULT_LANG))


def written(path: Path, text: str | bytes, lang: str) -> int:
    from capf.batch import write_atomic

    write_atomic(path, text)
    print(label("wrote", lang).format(path=shown_name(path)))
    return EXIT_OK

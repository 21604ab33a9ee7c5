"""`main(argv) -> int`: parse, dispatch to a command, and turn every failure into one line and an exit code.

Exit codes are capf.cli.exit_codes (also 1 for a regression in diff; 3 is a bug: please report
it). Renderers are imported inside their command, so `capf check` never pays for them. Every
line is in the output language: `--lang`, else $CAPF_LANG, else Danish (capf.text.errors).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence

from capf.cli.exit_codes import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK
from capf.cli.parser import build_parser
from capf.model.errors import CapfError
from capf.text.causes import os_reason
from capf.text.errors import error_line, said
from capf.text.language import LanguageError, early_lang, output_lang
from capf.text.terminal import shown_name, utf8_stdout

# command → module of capf.cli, imported when the command runs (document commands and the
# renderers of other commands stay unloaded for `capf check`)
COMMANDS = {**dict.fromkeys(("check", "report", "checklist", "batch", "diff", "monitor",
                             "portfolio"), "judging"),
            **dict.fromkeys(("init", "validate", "rules", "schema"), "documents"),
            "convert": "conversion"}


def command(name: str) -> Callable[..., int]:
    """The function of command `name` (capf.cli.judging.cmd_check for check)."""
    module = importlib.import_module(f"capf.cli.{COMMANDS[name]}")
    return getattr(module, f"cmd_{name}")  # type: ignore[no-any-return]


def main(argv: Sequence[str] | None = None) -> int:
    lang = early_lang(sys.argv[1:] if argv is None else argv)
    try:
        utf8_stdout()
        args = build_parser(lang).parse_args(argv)
        if getattr(args, "output", None) is not None:  # -o never an input
            from capf.batch import refuse_overwriting

            refuse_overwriting(vars(args))
        args.lang = lang = output_lang(getattr(args, "lang", None))
        return command(args.command)(args)
    except (CapfError, LanguageError) as exc:
        print(shown_name(error_line(exc, lang)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except KeyboardInterrupt:
        print(said("interrupted").get(lang), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # e.g. an output folder that does not exist or is not writable
        where = f"{exc.filename}: " if exc.filename else ""
        print(shown_name(error_line(said("os_error", where=where, reason=os_reason(exc)).get(lang),
                                    lang)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # one line, never a traceback
        print(shown_name(said("internal_line", kind=type(exc).__name__, message=str(exc))
                         .get(lang)), file=sys.stderr)
        return EXIT_INTERNAL

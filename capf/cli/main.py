"""`main(argv) -> int`: parse, dispatch to a command, and turn every failure into one line and an exit code.

Exit codes are capf.cli.exit_codes (also 1 for a regression in diff; 3 is a bug: please report
it). Renderers are imported inside their command, so `capf check` never pays for them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from capf.batch import refuse_overwriting
from capf.cli import documents, judging
from capf.cli.exit_codes import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK
from capf.cli.parser import build_parser
from capf.model.errors import CapfError
from capf.render import formats as out
from capf.text.language import LanguageError, output_lang
from capf.text.terminal import shown_name

COMMANDS = {"check": judging.cmd_check, "report": judging.cmd_report,
            "checklist": judging.cmd_checklist, "batch": judging.cmd_batch, "diff": judging.cmd_diff,
            "monitor": judging.cmd_monitor, "portfolio": judging.cmd_portfolio,
            "init": documents.cmd_init, "validate": documents.cmd_validate,
            "rules": documents.cmd_rules, "schema": documents.cmd_schema}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        out.utf8_stdout()
        refuse_overwriting(vars(args := build_parser().parse_args(argv)))  # -o never an input
        args.lang = output_lang(getattr(args, "lang", None))
        return COMMANDS[args.command](args)
    except (CapfError, LanguageError) as exc:
        print(shown_name(f"capf: error: {exc}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except KeyboardInterrupt:
        print("capf: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # e.g. an output folder that does not exist or is not writable
        where = f"{exc.filename}: " if exc.filename else ""
        print(shown_name(f"capf: error: {where}{exc.strerror or exc}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # one line, never a traceback
        print(shown_name(f"capf: internal error: {type(exc).__name__}: {exc} (please report "
                         "this)"), file=sys.stderr)
        return EXIT_INTERNAL

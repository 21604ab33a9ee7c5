"""The `capf` command's exit codes, shared by its parser (in --help) and its commands."""

EXIT_OK, EXIT_NON_COMPLIANT, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_CODES = """\
exit codes: 0 compliant (or with observations) · 1 non-compliant or needs review (settle it by
            a waiver) · 2 bad input or usage (one line on stderr) · 3 internal error"""

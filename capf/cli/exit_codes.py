"""The `capf` command's exit codes, shared by its parser (in --help) and its commands."""

EXIT_OK, EXIT_NON_COMPLIANT, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
_EXIT_CODES = {
    "en": """\
exit codes: 0 compliant (or with observations) · 1 non-compliant or needs review (settle it by
            a waiver) · 2 bad input or usage (one line on stderr) · 3 internal error""",
    "da": """\
afslutningskoder: 0 opfylder kravene (evt. med bemærkninger) · 1 opfylder ikke kravene eller
                  kræver vurdering (afgøres evt. med en dispensation) · 2 forkert input eller
                  brug (én linje på stderr) · 3 intern fejl""",
}


def exit_codes(lang: str) -> str:
    """The exit codes explained, for --help in `lang`."""
    return _EXIT_CODES.get(lang, _EXIT_CODES["en"])

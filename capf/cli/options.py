"""What the `capf` commands' parsers share: option groups, value types and argparse's own words
in the help's language (capf.cli.parser builds the commands from them)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from capf.engine.profile_names import DEFAULT_FOLLOW_UP_PROFILE, DEFAULT_PROFILE
from capf.read.plan import STAGES
from capf.render import formats as out

Say = Callable[[str, str], str]  # (english, danish) -> the text in the help's language


class Formatter(argparse.RawDescriptionHelpFormatter):
    """The help layout, with "usage:" in the help's language (argparse words it in English)."""

    usage = "usage: "

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, self.usage if prefix is None else prefix)


class DanishFormatter(Formatter):
    usage = "brug: "


def as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def jobs(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 256:
        raise argparse.ArgumentTypeError(f"not a number of processes (1-256): {text!r}")
    return int(text)


def in_language(parser: argparse.ArgumentParser, t: Say) -> argparse.ArgumentParser:
    """argparse's own words in the help's language: the group titles and the -h help."""
    parser._positionals.title = t("positional arguments", "argumenter")
    parser._optionals.title = t("options", "tilvalg")
    parser.add_argument("-h", "--help", action="help", help=t("show this help message and exit",
                                                              "vis denne hjælp og afslut"))
    return parser



def judging_options(parser: argparse.ArgumentParser, t: Say, *, waivers: bool = True,
                     profile: str | None = DEFAULT_PROFILE, verdict: bool = False,
                     stage: bool = True) -> None:
    """How to judge; with `verdict` also the verdict's form (check, monitor).

    `profile=None`: the command picks it (report: dk2020, with --status monitoring).
    """
    default = profile or DEFAULT_PROFILE
    also = "" if profile else t(f"; with --status {DEFAULT_FOLLOW_UP_PROFILE}",
                                f"; med --status {DEFAULT_FOLLOW_UP_PROFILE}")
    parser.add_argument("--profile", default=profile, metavar=t("P|PATH", "P|STI"),
                        help=t(f"built-in profile id or profile file (default {default}{also})",
                               f"indbygget profil-id eller profilfil (standard {default}{also})"))
    parser.add_argument("--as-of", type=as_of, default=None, metavar=t("DATE", "DATO"),
                        help=t("judge as of this date (default: today)",
                               "vurder pr. denne dato (standard: i dag)"))
    if stage:
        parser.add_argument("--stage", choices=STAGES,
                            help=t("judge at this stage (overrides plan.stage)",
                                   "vurder planen på dette stadie (i stedet for plan.stage)"))
    if waivers:
        parser.add_argument("--waivers", type=Path, default=None, metavar=t("FILE", "FIL"),
                            help=t("YAML file of waivers (reason and expiry required)",
                                   "YAML-fil med dispensationer (begrundelse og udløbsdato skal "
                                   "angives)"))
    if verdict:
        parser.add_argument("--format", choices=out.FORMATS, default="text",
                            help=t("json: the verdict (an array of verdicts for several plans)",
                                   "json: vurderingen (en liste af vurderinger ved flere planer)"))
        document_output(parser, t)


def output(parser: argparse.ArgumentParser, metavar: str, help: str) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True, metavar=metavar, help=help)


def csv_option(parser: argparse.ArgumentParser, t: Say) -> None:
    parser.add_argument("--csv-delimiter", choices=sorted(out.CSV_DELIMITERS), default=None,
                        help=t("CSV separator (default ; in Danish, as Danish Excel expects; , in "
                               "English)",
                               "skilletegn i CSV (standard ; på dansk, som dansk Excel forventer; "
                               ", på engelsk)"))


def document_output(parser: argparse.ArgumentParser, t: Say) -> None:
    parser.add_argument("-o", "--output", type=Path, metavar=t("FILE", "FIL"),
                        help=t("write here (UTF-8), not to stdout",
                               "skriv hertil (UTF-8) i stedet for til stdout"))

"""What other programs say, in Danish too: the system's reasons, libyaml's and argparse's
complaints, JSON Schema's type names and bounds, inserted into capf.text.errors' sentences.

Only the commonest are catalogued; anything else keeps the program's own (English) text.
"""

from __future__ import annotations

import errno
import re

from capf.text.errors import words
from capf.text.message import Phrase

# An operating system's reason (strerror is English, or the console's language) by errno.
_OS_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("No such file or directory", "filen eller mappen findes ikke"),
    errno.EACCES: ("Permission denied", "ingen adgang"),
    errno.EPERM: ("Operation not permitted", "handlingen er ikke tilladt"),
    errno.EISDIR: ("Is a directory", "er en mappe"),
    errno.ENOTDIR: ("Not a directory", "er ikke en mappe"),
    errno.ENOSPC: ("No space left on device", "der er ikke mere plads på disken"),
    errno.EROFS: ("Read-only file system", "filsystemet er skrivebeskyttet"),
    errno.EEXIST: ("File exists", "filen findes allerede"),
    errno.ENAMETOOLONG: ("File name too long", "filnavnet er for langt"),
}

# JSON Schema's type names, as a plan author knows them.
TYPE_NAMES: dict[str, tuple[str, str]] = {
    "string": ("string", "tekst"), "integer": ("integer", "heltal"), "number": ("number", "tal"),
    "boolean": ("boolean", "true/false"), "array": ("array", "liste"),
    "object": ("object", "mapping"), "null": ("null", "null (tom værdi)"),
}

# A schema bound in words ("minimum 0" / "mindst 0").
BOUNDS: dict[str, tuple[str, str]] = {
    "minimum": ("minimum {limit}", "mindst {limit}"), "maximum": ("maximum {limit}", "højst {limit}"),
    "exclusiveMinimum": ("exclusiveMinimum {limit}", "over {limit}"),
    "exclusiveMaximum": ("exclusiveMaximum {limit}", "under {limit}"),
    "minLength": ("minLength {limit}", "mindst {limit} tegn"),
    "maxLength": ("maxLength {limit}", "højst {limit} tegn"),
    "minItems": ("minItems {limit}", "mindst {limit} elementer"),
    "maxItems": ("maxItems {limit}", "højst {limit} elementer"),
}

# libyaml's commonest complaints (patterns of its English); others keep the parser's own text.
_YAML_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), d) for p, d in (
    (r"mapping values are not allowed here", "et kolon (nøgle: værdi) er ikke tilladt her"),
    (r"could not find expected ':'", "forventede et ':'"),
    (r"found character (?:\S+ )?that cannot start any token",
     "et tegn, der ikke kan indlede en værdi (fx en tabulator: ryk ind med mellemrum)"),
    (r"found undefined alias", "et ukendt alias"),
    (r"did not find expected key", "forventede en nøgle"),
    (r"did not find expected node content", "forventede en værdi"),
    (r"did not find expected (?P<c>.+) or (?P<d>.+)", "forventede {c} eller {d}"),
    (r"did not find expected '-' indicator", "forventede et '-' (et listepunkt)"),
    (r"found unexpected end of stream", "filen slutter midt i en værdi"),
    (r"found unknown escape character", "et ukendt escape-tegn"),
    (r"expected <block end>, but found (?P<c>.+)", "forventede slutningen af en blok, men fandt {c}"),
    (r"found unexpected ':'", "et uventet ':'"),
))


# argparse's messages (its English templates), so a usage error reads in Danish too.
_USAGE: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), d) for p, d in (
    (r"the following arguments are required: (?P<a>.+)", "disse argumenter mangler: {a}"),
    (r"unrecognized arguments: (?P<a>.+)", "ukendte argumenter: {a}"),
    (r"ambiguous option: (?P<o>\S+) could match (?P<m>.+)", "tvetydigt tilvalg: {o} kan betyde {m}"),
    (r"one of the arguments (?P<a>.+) is required", "et af argumenterne {a} skal angives"),
    (r"argument (?P<n>.+?): invalid choice: (?P<v>.+) \(choose from (?P<c>.+)\)",
     "argument {n}: ugyldigt valg: {v} (vælg mellem {c})"),
    (r"argument (?P<n>.+?): expected one argument", "argument {n}: forventer én værdi"),
    (r"argument (?P<n>.+?): expected at least one argument", "argument {n}: forventer mindst én værdi"),
    (r"argument (?P<n>.+?): expected at most one argument", "argument {n}: forventer højst én værdi"),
    (r"argument (?P<n>.+?): invalid \S+ value: (?P<v>.+)", "argument {n}: ugyldig værdi: {v}"),
    (r"argument (?P<n>.+?): not allowed with argument (?P<o>.+)",
     "argument {n}: kan ikke bruges sammen med {o}"),
    (r"argument (?P<n>.+?): ignored explicit argument (?P<v>.+)", "argument {n}: tager ingen værdi ({v})"),
    (r"argument (?P<n>.+?): not an ISO date \(YYYY-MM-DD\): (?P<v>.+)",
     "argument {n}: ikke en ISO-dato (ÅÅÅÅ-MM-DD): {v}"),
    (r"argument (?P<n>.+?): not a number of processes \(1-256\): (?P<v>.+)",
     "argument {n}: ikke et antal processer (1-256): {v}"),
))


def usage_problem(prog: str, message: str) -> Phrase:
    """An argparse complaint about `prog`'s arguments, in both languages."""
    for pattern, danish in _USAGE:
        if found := pattern.fullmatch(message):
            return Phrase(f"{prog}: {message}", f"{prog}: {danish.format(**found.groupdict())}")
    return Phrase(f"{prog}: {message}", f"{prog}: {message}")

def type_name(kind: str) -> Phrase:
    english, danish = TYPE_NAMES.get(kind, (kind, kind))
    return Phrase(english, danish)

def bound(kind: str, limit: float) -> Phrase:
    """A schema bound (`minimum`, `maxItems` …) in words."""
    return words(BOUNDS[kind], limit=limit)


def os_reason(exc: OSError) -> Phrase:
    """Why the system refused, in both languages (the system's own text when not catalogued)."""
    own = str(exc.strerror or exc)
    english, danish = _OS_REASONS.get(exc.errno or -1, (own, own))
    return Phrase(english, danish)

def yaml_problem(problem: str) -> Phrase:
    """libyaml's complaint, in Danish when it is a common one."""
    for pattern, danish in _YAML_PROBLEMS:
        if found := pattern.fullmatch(problem.strip()):
            return Phrase(problem, danish.format(**found.groupdict()))
    return Phrase(problem, problem)

"""The pages' shared machinery: the one Jinja2 environment, its escaping filters, the footer.

Autoescape is decided by file name (explicit extensions, because `select_autoescape()` would not
escape `*.html.j2`); Markdown is escaped by the `md` and `code` filters. Plan and rule text reaches
a template only as data: never through `from_string`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from capf.model.verdict import Verdict
from capf.text.formatting import day

TEMPLATES = Path(__file__).with_name("templates")  # the Jinja2 templates ship beside this module
LANGS = ("da", "en")
BRIEF_POINTERS = 3  # per row of the compact pass / not-applicable tables and the checklist
_MD_SPECIAL = re.compile(r"[\\`|\[\]]")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LEADING = re.compile(r"^(?:[#>+\-=~*_]|[0-9]{1,9}[.)](?=\s|$))")


def md(value: Any) -> str:
    """Plan or rule text as inert Markdown: one line, no tables broken, no HTML, no links.

    Backslash-escapes `\\ ` | [ ]`, turns `<`, `>` and entity-like `&` into entities and escapes
    a leading character that would start a heading, quote or list. `*` and `_` stay: they can only
    change emphasis, and escaping them would make snake_case ids unreadable in the raw file.
    """
    text = " ".join(str(value).split())
    text = _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), _MD_ENTITY.sub("&amp;", text))
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    match = _MD_LEADING.match(text)
    if match:
        end = match.end() - 1
        text = text[:end] + "\\" + text[end:]
    return text


def code(value: Any) -> str:
    """An inline code span that survives any backticks inside and sits safely in a table cell.

    Text with `<`, `>` or `&` is escaped as plain text instead: a code span shows entities raw,
    and unescaped angle brackets in the file would defeat a plain-text check for markup.
    """
    if any(c in str(value) for c in "<>&"):
        return md(value)
    text = " ".join(str(value).split()).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_FIELD_SPAN = re.compile(r"`([^`\n]+)`")


def md_fields(value: Any) -> str:
    """Rule text for Markdown: prose escaped as `md` does, its `field` spans kept as code."""
    parts = _FIELD_SPAN.split(" ".join(str(value).split()))

    def plain(text: str) -> str:  # md() trims; the spaces around a code span stay
        return (" " if text[:1] == " " else "") + md(text) + (" " if text[-1:] == " " else "")

    return "".join(code(p) if i % 2 else plain(p) if p.strip() else p
                   for i, p in enumerate(parts))


def html_fields(value: Any) -> Markup:
    """Rule text for HTML: escaped, its `field` spans set small in code style for the editor."""
    parts = _FIELD_SPAN.split(str(value))
    return Markup("").join(Markup('<code class="field">{}</code>').format(p) if i % 2
                           else escape(p) for i, p in enumerate(parts))


def capital(text: str) -> str:
    """First letter up, the rest untouched (Jinja's `capitalize` would lower 'CO2')."""
    return text[:1].upper() + text[1:]


def breakable(pointer: str) -> Markup:
    """A JSON Pointer for HTML that may wrap after each '/' instead of mid-word."""
    head, *rest = str(pointer).split("/")
    return escape(head) + Markup("/") + Markup("/<wbr>").join(escape(p) for p in rest) \
        if rest else escape(head)


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".html.j2", ".svg.j2", ".html"))


@cache
def environment() -> Environment:
    """The one Jinja2 environment: files only, strict about undefined names."""
    env = Environment(loader=FileSystemLoader(TEMPLATES),
                      autoescape=_autoescape,  # noqa: S701 - on for every HTML/SVG template
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["md"] = md
    env.filters["code"] = code
    env.filters["cap"] = capital
    env.filters["md_fields"] = md_fields
    env.filters["fields"] = html_fields
    env.filters["breakable"] = breakable
    return env


def footer(verdict: Verdict, lang: str) -> dict[str, str]:
    return {"profile": f"{verdict.ruleset.id} {verdict.ruleset.version}",
            "ruleset_sha256": verdict.ruleset.sha256, "plan": verdict.plan.name,
            "plan_sha256": verdict.plan.sha256,
            "engine": f"{verdict.engine.name} {verdict.engine.version}",
            "as_of": day(verdict.as_of, lang)}


def check_format(fmt_: str, allowed: Sequence[str], lang: str) -> None:
    if fmt_ not in allowed:
        raise ValueError(f"format must be one of {', '.join(allowed)}, not {fmt_!r}")
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")

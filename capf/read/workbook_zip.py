"""What an .xlsx file holds, checked from its zip directory and XML before openpyxl parses it.

A workbook is a zip of XML files, so a small file can unpack to gigabytes (a zip bomb) or
declare a million rows. The declared sizes are checked first (zipfile stops reading a member
at its declared size, so they cannot lie upwards), then each sheet's XML is scanned for what
capf refuses: macros, links to other workbooks, merged cells, more rows than a plan can have.
Formulas are allowed (read by their cached values); the sheets holding them are named so the
reader can check every formula has a value.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass

from capf.model.errors import InvalidDocument, Said, Words
from capf.read.document import MAX_BYTES
from capf.text.workbook_errors import refusal

MAX_UNPACKED = 4 * MAX_BYTES  # XML wraps every value in tags: 4× the YAML limit
MAX_MEMBERS = 1_000
MAX_ROWS = 100_000  # per sheet: the reader's limit on items in one list (yamlstream.MAX_ITEMS)
_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?\br=\"([0-9]+)\"")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z0-9:]+)\"")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


@dataclass(frozen=True)
class Contents:
    """The checked facts the reader needs: which sheets (by name) hold formulas."""

    formula_sheets: frozenset[str]


def _refuse(source: str, message: Said) -> InvalidDocument:
    return InvalidDocument(Words(f"{source}: {message.en}", f"{source}: {message.da}"),
                           source=source)


def checked(raw: bytes, source: str) -> Contents:
    """Refuse what capf does not read; raise InvalidDocument naming file, sheet and cell."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse(source, refusal("not_xlsx")) from None
    if len(members) > MAX_MEMBERS:
        raise _refuse(source, refusal("too_many_parts", count=len(members), limit=MAX_MEMBERS))
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED:
        raise _refuse(source, refusal("zip_bomb", size=unpacked, limit=MAX_UNPACKED))
    names = {m.filename for m in members}
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise _refuse(source, refusal("macros"))
    if any(n.startswith("xl/externalLinks/") for n in names):
        raise _refuse(source, refusal("external_links"))
    formulas = set()
    for sheet, member in _sheets(archive, source).items():
        try:
            xml = archive.read(member)
        except (KeyError, zipfile.BadZipFile, OSError, EOFError) as exc:
            raise _refuse(source, refusal("sheet_unreadable", sheet=repr(sheet),
                                          reason=str(exc))) from None
        for row in _ROW.finditer(xml):  # stops at the first row past the limit
            if int(row.group(1)) > MAX_ROWS:
                raise _refuse(source, refusal("too_many_rows", sheet=repr(sheet),
                                              row=int(row.group(1)), limit=MAX_ROWS))
        merged = _MERGE.search(xml)
        if merged:
            raise _refuse(source, refusal("merged", sheet=repr(sheet),
                                          cells=merged.group(1).decode()))
        if _FORMULA.search(xml):
            formulas.add(sheet)
    return Contents(frozenset(formulas))


def _tags(xml: bytes, tag: str) -> list[dict[str, str]]:
    """The attributes of every `<tag …>` (a regular expression: no XML parser sees the file)."""
    found = []
    for attributes in re.findall(rb"<(?:\w+:)?" + tag.encode() + rb"\b([^>]*)>", xml):
        pairs = re.findall(rb'([\w:]+)="([^"]*)"', attributes)
        found.append({k.decode().rsplit(":", 1)[-1] if k.startswith(b"r:") or b":" not in k
                      else k.decode(): html.unescape(v.decode("utf-8", "replace"))
                      for k, v in pairs})
    return found


def _sheets(archive: zipfile.ZipFile, source: str) -> dict[str, str]:
    """Sheet name → the zip member holding its XML."""
    try:
        book, links = archive.read("xl/workbook.xml"), archive.read("xl/_rels/workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile, OSError, EOFError):
        raise _refuse(source, refusal("no_workbook_xml")) from None
    targets = {r.get("Id"): r.get("Target", "") for r in _tags(links, "Relationship")}
    found = {}
    for sheet in _tags(book, "sheet"):
        target = targets.get(sheet.get("id"), "")
        member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        found[sheet.get("name", "")] = member
    return found

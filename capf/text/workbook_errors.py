"""What the workbook reader says when a sheet or cell cannot be read, in English and Danish.

A coordinator filling a plan workbook in Danish Excel reads "Kommune!B6 ved
/municipality/population: forventede et heltal, fandt teksten '6.100'", not the English.
Kept beside the workbook's other words; filled as capf.text.errors fills its catalogue.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from capf.text.errors import words
from capf.text.message import Phrase

# kind of error → (English, Danish); `{name}` fields are filled in each language.
WORKBOOK_ERRORS: dict[str, tuple[str, str]] = {
    # the file as a zip of XML parts
    "not_xlsx": ("not an Excel workbook (.xlsx is a zip file; this is not one)",
                 "ikke en Excel-projektmappe (en .xlsx-fil er en zip-fil; det er denne ikke)"),
    "no_workbook_xml": ("not an Excel workbook (no readable xl/workbook.xml)",
                        "ikke en Excel-projektmappe (ingen læsbar xl/workbook.xml)"),
    "too_many_parts": ("{count} parts in the workbook; the limit is {limit}",
                       "{count} dele i projektmappen; grænsen er {limit}"),
    "zip_bomb": ("unpacks to {size} bytes; the limit is {limit} (a zip bomb?)",
                 "fylder {size} byte udpakket; grænsen er {limit} (en zipbombe?)"),
    "macros": ("the workbook holds macros (VBA); capf never runs them: save it as .xlsx "
               "without macros", "projektmappen indeholder makroer (VBA); capf kører dem "
               "aldrig: gem den som .xlsx uden makroer"),
    "external_links": ("the workbook links to other workbooks (external links); copy the "
                       "values in and remove the links", "projektmappen henviser til andre "
                       "projektmapper (eksterne kæder); kopiér værdierne ind, og fjern kæderne"),
    "sheet_unreadable": ("sheet {sheet} cannot be read ({reason})",
                         "arket {sheet} kan ikke læses ({reason})"),
    "too_many_rows": ("sheet {sheet} has a row {row}; the limit is {limit} rows",
                      "arket {sheet} har en række {row}; grænsen er {limit} rækker"),
    "merged": ("sheet {sheet} has merged cells at {cells}; unmerge them (each value needs a "
               "cell of its own)", "arket {sheet} har flettede celler i {cells}; ophæv "
               "fletningen (hver værdi skal have sin egen celle)"),
    # sheets and their keys
    "foreign_sheet": ("not a sheet of a capf {kind} workbook (start from `capf init -o "
                      "FILE.xlsx`)", "ikke et ark i en capf-projektmappe til en {kind} (begynd "
                      "med `capf init -o FIL.xlsx`)"),
    "sheet": ("sheet {sheet}", "arket {sheet}"),
    "section_keys": ("row 2 must hold the keys #field, #value, #key, #empty (as `capf init` "
                     "writes them)", "række 2 skal rumme nøglerne #field, #value, #key, #empty "
                     "(som `capf init` skriver dem)"),
    "unknown_key": ("unknown key {key}", "ukendt nøgle {key}"),
    "unknown_column": ("unknown column key {key}", "ukendt kolonnenøgle {key}"),
    "value_without_key": ("a value without a key in column C", "en værdi uden nøgle i kolonne C"),
    "value_without_column": ("a value in a column without a key (row 2)",
                             "en værdi i en kolonne uden nøgle (række 2)"),
    "given_twice": ("given twice", "angivet to gange"),
    "second_row": ("this field has a second row", "feltet står i to rækker"),
    "no_parent": ("a row that names no parent", "rækken nævner ikke, hvilket element den "
                  "hører til"),
    "no_such_parent": ("{name}: no such item on sheet {sheet}",
                       "{name}: intet element med det id på arket {sheet}"),
    "parent_twice": ("{name}: more than one item has it on sheet {sheet}",
                     "{name}: mere end ét element har det id på arket {sheet}"),
    # the #empty column
    "empty_not_container": ("marked empty (#empty), but it is no text, list or group",
                            "markeret tom (#empty), men feltet er hverken tekst, liste eller "
                            "gruppe"),
    "empty_with_value": ("marked empty (#empty) but holds a value",
                         "markeret tom (#empty), men rummer en værdi"),
    "bad_empty_mark": ("#empty holds {mark}", "#empty rummer {mark}"),
    # one cell
    "formula_no_value": ("a formula without a computed value (open and save the workbook in "
                         "Excel or LibreOffice, or type the value)", "en formel uden beregnet "
                         "værdi (åbn og gem projektmappen i Excel eller LibreOffice, eller "
                         "skriv værdien)"),
    "cell_too_long": ("{count} characters; a cell holds at most {limit}",
                      "{count} tegn; en celle rummer højst {limit}"),
    "expected": ("expected {wanted}, found {found}", "forventede {wanted}, fandt {found}"),
    "not_one_of": ("{part} is not one of {choices}", "{part} er ikke en af {choices}"),
    "time_of_day": ("expected a date, found a time of day ({when})",
                    "forventede en dato, fandt et klokkeslæt ({when})"),
}

# what a cell should have held, for "expected …"
WANTED: dict[str, tuple[str, str]] = {
    "text": ("text", "tekst"), "integer": ("a whole number", "et heltal"),
    "number": ("a number", "et tal"), "page": ("a page number or text", "et sidetal eller en tekst"),
    "ref": ("an id or row number", "et id eller et rækkenummer"),
    "date": ("a date (YYYY-MM-DD)", "en dato (ÅÅÅÅ-MM-DD)"),
    "yes_no": ("ja or nej", "ja eller nej"), "one_of": ("one of {choices}", "en af {choices}"),
}
KINDS = {"plan": Phrase("plan", "plan"), "status": Phrase("status report", "statusrapport")}


def refusal(key: str, /, **fields: Any) -> Phrase:
    """The workbook error `key` in both languages, its fields filled."""
    return words(WORKBOOK_ERRORS[key], **fields)


def wanted(kind: str, **fields: Any) -> Phrase:
    return words(WANTED[kind], **fields)


def found(raw: Any) -> Phrase:
    """What a cell holds, as 'the text '6.100'' or 'datoen 2045-01-01'."""
    if isinstance(raw, bool):
        return Phrase("yes/no", "ja/nej")
    if isinstance(raw, int | float):
        shown = repr(raw)
        return Phrase(f"the number {shown}", f"tallet {shown.replace('.', ',')}")
    if isinstance(raw, datetime | date):
        day = raw.date() if isinstance(raw, datetime) and raw.time() == datetime.min.time() \
            else raw
        return Phrase(f"the date {day.isoformat()}", f"datoen {day.isoformat()}")
    text = repr(str(raw)[:40])
    return Phrase(f"the text {text}", f"teksten {text}")

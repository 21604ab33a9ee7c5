"""`capf convert IN -o OUT`: a plan or status report between YAML, JSON and Excel (.xlsx).

The input is read and validated like any other (so a converted file is always a valid
document); its kind comes from a workbook's hidden `capf` sheet, else from its fields (a status
report follows a plan). The output format is the suffix of OUT.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import yaml

from capf.cli.exit_codes import EXIT_OK
from capf.cli.output import written
from capf.model.errors import UsageError
from capf.read.document import read_file
from capf.read.plan import load_plan
from capf.read.status import load_status
from capf.read.workbook_file import is_workbook, workbook_kind
from capf.text.errors import said

SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")


def document_kind(path: Path) -> str:
    """plan or status: what the file at `path` holds."""
    if is_workbook(path):
        return workbook_kind(path) or "plan"
    data = read_file(path).data
    return "status" if isinstance(data, dict) and "follows" in data else "plan"


def document_text(data: dict[str, Any], suffix: str) -> str:
    """YAML or JSON text that capf's strict reader reads back as `data`."""
    if suffix == ".json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def cmd_convert(args: argparse.Namespace) -> int:
    from capf.render.plan_workbook import document_workbook

    suffix = args.output.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(said("convert_suffix", path=str(args.output)))
    if args.output.exists() and not args.force:
        raise UsageError(said("file_exists", path=str(args.output)))
    kind = document_kind(args.input)
    data = (load_status(args.input) if kind == "status" else load_plan(args.input)).data
    if suffix == ".xlsx":
        return written(args.output, document_workbook(data, kind, args.lang, str(args.input)),
                       args.lang)
    return written(args.output, document_text(data, suffix), args.lang) or EXIT_OK

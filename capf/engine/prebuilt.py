"""The built-in rule files already parsed: each YAML file of rules/ as JSON, with its sha256.

Parsing the ~57 built-in files with the strict pure-Python YAML reader (capf.read.yamlstream)
took ~50 ms of every `capf check`; `json.loads` of the same data takes ~1 ms. Only the parse is
skipped, and only for a file inside the built-in rules folder whose bytes still hash to the
stored digest: an edited built-in file (a source checkout) is parsed as before, and a user's
profile or rule file is always read and parsed. Everything after parsing (model validation,
clause compilation, the rule set's sha256) runs as before, so verdicts cannot differ.

prebuilt.json is generated from rules/; tests/test_prebuilt.py fails when it is stale, and
`CAPF_REGEN=1 python -m pytest tests/test_prebuilt.py` writes it anew.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from capf.read.document import MAX_BYTES, read_file
from capf.read.resources import data_dir

PREBUILT = Path(__file__).with_name("prebuilt.json")
FORMAT = 1


def parsed(path: Path) -> Any | None:
    """The data of built-in rule file `path`, or None: read and parse it as any other file.

    Each call returns new objects (the stored text is decoded again), so no caller can change
    what another one gets.
    """
    root = data_dir("rules")
    entry = _entries().get(path.relative_to(root).as_posix()) \
        if path.is_relative_to(root) else None
    if entry is None:
        return None
    try:
        with path.open("rb") as handle:  # bounded: a replaced file may be huge or endless
            raw = handle.read(MAX_BYTES + 1)
    except OSError:  # read_file reports it, in the user's language
        return None
    if hashlib.sha256(raw).hexdigest() != entry["sha256"]:
        return None
    return json.loads(entry["data"])


@cache
def _entries() -> dict[str, dict[str, str]]:
    try:
        stored = json.loads(PREBUILT.read_bytes())
    except (OSError, ValueError):  # missing or damaged: every file is parsed, nothing breaks
        return {}
    if not isinstance(stored, dict) or stored.get("format") != FORMAT:
        return {}
    files: dict[str, dict[str, str]] = stored.get("files", {})
    return files


def generate() -> str:
    """prebuilt.json's text for the rule files now in rules/ (sorted, so the output is stable)."""
    root = data_dir("rules")
    files = {}
    for path in sorted(root.rglob("*.yaml")):
        raw = path.read_bytes()
        data = read_file(path).data
        files[path.relative_to(root).as_posix()] = {
            "sha256": hashlib.sha256(raw).hexdigest(),
            "data": json.dumps(data, ensure_ascii=False, separators=(",", ":"),
                               allow_nan=False)}
    return json.dumps({"format": FORMAT, "files": files}, ensure_ascii=False, indent=1,
                      sort_keys=True) + "\n"

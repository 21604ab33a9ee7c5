"""Finding plan files: the files named, and the plan files directly inside each folder named.

In a folder, a plan file is a YAML, JSON or workbook (.xlsx) file that capf did not write itself
(CAPF_OUTPUTS, `*.verdict.json`), so an output folder can be read again.

A folder is the boundary the user drew. A link in it that points outside is still listed (so it
can be reported as an error row) but `leaves_folder` flags it, and it is never read
(docs/security.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from capf.model.errors import UsageError
from capf.text.errors import said

PLAN_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")
# What `capf batch` and `capf portfolio` write (they may share a folder); a test keeps it in step.
CAPF_OUTPUTS = frozenset({"summary.csv", "summary.xlsx", "overview.html", "portfolio.json",
                          "portfolio.html", "portfolio.csv", "portfolio.xlsx"})


def capf_output(name: str) -> bool:
    """A file name capf writes: a folder's summary files or one plan's verdict or report."""
    return name in CAPF_OUTPUTS or name.endswith((".verdict.json", ".report.html"))


def plan_files(inputs: Iterable[str], *, skip: Callable[[str], bool] = capf_output) -> list[Path]:
    """Plans named directly, and the *.yaml/*.yml/*.json/*.xlsx files directly in each folder,
    sorted; in folders, file names `skip` accepts (by default capf's own outputs) are left out."""
    inputs = list(inputs)
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found += sorted(p for p in path.iterdir()
                            if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES
                            and not skip(p.name))
        else:
            found.append(path)
    if not found:
        raise UsageError(said("no_plan_files", inputs=[str(i) for i in inputs]))
    return found


def input_folders(inputs: Iterable[str]) -> frozenset[Path]:
    """The folders among `inputs`, resolved: the boundaries `leaves_folder` checks against."""
    return frozenset(Path(item).resolve() for item in inputs if Path(item).is_dir())


def leaves_folder(path: Path, folders: frozenset[Path]) -> bool:
    """A file found in one of `folders` that is a link to somewhere outside it (never read)."""
    folder = path.parent.resolve()
    return (folder in folders and path.is_symlink()
            and not path.resolve().is_relative_to(folder))

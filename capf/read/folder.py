"""Finding plan files: the files named, and the plan files directly inside each folder named.

A folder is the boundary the user drew. A link in it that points outside is still listed (so it
can be reported as an error row) but `leaves_folder` flags it, and it is never read
(docs/security.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from capf.model.errors import UsageError
from capf.text.errors import said

PLAN_SUFFIXES = (".yaml", ".yml", ".json")


def plan_files(inputs: Iterable[str], *, skip: Callable[[str], bool] = lambda name: False) -> list[Path]:
    """Plans named directly, and the *.yaml/*.yml/*.json files directly in each folder, sorted.

    In folders, file names `skip` accepts (capf's own outputs) are left out, so an output
    folder can be read again.
    """
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

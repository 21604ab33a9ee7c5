"""The output folder of `capf batch` (and the files of every command): written whole or not at all.

A file is written beside its target and renamed over it; a batch writes into a fresh folder that
replaces OUT only when the run is complete, one batch at a time per OUT (a lock), and never over
its inputs or a folder holding files capf did not write.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from capf.model.errors import CapfError, UsageError
from capf.read.folder import capf_output
from capf.text.causes import os_reason
from capf.text.errors import said
from capf.text.terminal import shown_name


def write_atomic(path: Path, text: str | bytes, *, shown: Path | None = None,
                 new: bool = False) -> None:
    """Write `text` (UTF-8) or bytes to a temporary file beside `path`, then rename it over `path`
    (`new`: just create it, in a run's fresh folder nobody reads yet). A failure (disk full, no
    permission) is a CapfError naming `shown` (default `path`), never the hidden temporary file.
    """
    try:
        if new:
            with path.open("xb") as out:
                out.write(text.encode("utf-8") if isinstance(text, str) else text)
        else:
            _write(path, text)
    except OSError as exc:
        raise CapfError(said("cannot_write", path=shown_name(shown or path), reason=os_reason(exc)),
                        source=str(shown or path)) from None


def _write(path: Path, text: str | bytes) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8") if isinstance(text, str) else text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # mkstemp makes the file private; keep the usual mode
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def refuse_overwriting(args: dict[str, Any]) -> None:
    """`capf report plan.md -o plan.md` must not replace the plan by its report (nor a link to it).

    `args` are a command's parsed arguments; batch checks its output folder itself.
    """
    output = args.get("output")
    if output is None or args.get("command") == "batch":
        return
    named = [args.get(key) for key in ("plan", "old", "new", "waivers", "profile")]
    for item in [*(args.get("plans") or []), *named]:
        if item is None or not Path(item).is_file():
            continue
        if Path(item).resolve() == Path(output).resolve() or (
                Path(output).exists() and os.path.samefile(item, output)):
            raise UsageError(said("output_is_input", output=str(output), item=str(item)))


OUTPUT_NAMES = ("summary.csv", "summary.xlsx", "overview.html")


def refuse_output_among_inputs(outdir: Path, inputs: Sequence[str], paths: Sequence[Path]) -> None:
    target = outdir.resolve()
    for item in [*map(Path, inputs), *paths]:
        resolved = item.resolve()
        if resolved == target or target.is_relative_to(resolved) or \
                (item.is_dir() and resolved.is_relative_to(target)):
            raise UsageError(said("folder_holds_input", folder=str(outdir), item=shown_name(item)))
    if outdir.is_dir():
        foreign = sorted(p.name for p in outdir.iterdir() if not capf_output(p.name))
        if foreign:
            raise UsageError(said("folder_foreign", folder=str(outdir), item=shown_name(foreign[0])))


@contextmanager
def fresh_folder(outdir: Path) -> Iterator[Path]:
    """A fresh folder beside OUT, renamed into place only when the run is complete.

    A reader of OUT sees the previous run or this one, never a mix; an interrupted run leaves
    OUT as it was (and removes its half-written folder).
    """
    outdir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(dir=outdir.parent, prefix=f".{outdir.name}.", suffix=".new"))
    try:
        yield fresh
        try:
            os.chmod(fresh, 0o777 & ~_umask())
            old = None
            if outdir.exists():
                old = Path(tempfile.mkdtemp(dir=outdir.parent, prefix=f".{outdir.name}.",
                                            suffix=".old"))
                os.replace(outdir, old / "out")
            os.replace(fresh, outdir)
        except OSError as exc:
            raise CapfError(said("cannot_place", path=shown_name(outdir), reason=os_reason(exc)),
                            source=str(outdir)) from None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


@contextmanager
def locked(outdir: Path) -> Iterator[None]:
    """One batch (or portfolio) at a time per OUT: a second one is refused, not interleaved."""
    outdir.parent.mkdir(parents=True, exist_ok=True)
    lock = outdir.parent / f".{outdir.name}.lock"
    handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            _lock(handle)
        except OSError:
            raise UsageError(said("folder_busy", folder=str(outdir))) from None
        yield
    finally:
        os.close(handle)


def _lock(handle: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released if the process dies

"""`capf batch`: judge a portfolio of plans into a folder a DGO or secretariat can open.

Per plan `<stem>.verdict.json` and `<stem>.report.html`; for all of them `summary.csv`,
`summary.xlsx` and `overview.html` (municipality × element matrix). It streams: each verdict is
written as soon as it exists and only its small summary row is kept. A plan that cannot be
loaded becomes an error row with its message and never stops the others. Every file is
written atomically, so an interrupted run never leaves a half-written report that looks complete.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from capf.engine.evaluator import evaluate
from capf.engine.ruleset import RuleSet
from capf.model.errors import CapfError, UsageError
from capf.model.rule import ELEMENTS
from capf.read.plan import load_plan, staged
from capf.render.summary import COUNTED, Row, summary_csv, summary_workbook
from capf.text.formatting import csv_delimiter, day, percent
from capf.text.labels import label, words

PLAN_SUFFIXES = (".yaml", ".yml", ".json")


def plan_files(inputs: Iterable[str]) -> list[Path]:
    """Plans named directly, and the *.yaml/*.yml/*.json files directly in each folder, sorted.

    Files named `*.verdict.json` are skipped in folders, so an output folder can be re-read.
    """
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found += sorted(p for p in path.iterdir()
                            if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES
                            and not p.name.endswith(".verdict.json"))
        else:
            found.append(path)
    if not found:
        raise UsageError(f"no plan files (*.yaml, *.yml, *.json) in {', '.join(inputs)}")
    return found


def _leaves(path: Path, folders: set[Path]) -> bool:
    """A file found in a given folder that is a link to somewhere outside it (never read)."""
    folder = path.parent.resolve()
    return (folder in folders and path.is_symlink()
            and not path.resolve().is_relative_to(folder))


def _stems(paths: Sequence[Path]) -> list[str]:
    """Output names: the file stem, made unique (odder.yaml and odder.json both exist)."""
    counts = Counter(p.stem for p in paths)
    stems: list[str] = []
    for path in paths:
        stem = path.stem if counts[path.stem] == 1 else path.name.replace(".", "-")
        while stem in stems:
            stem += "-2"
        stems.append(stem)
    return stems


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write `text` (UTF-8) or bytes to a temporary file beside `path`, then rename it over `path`."""
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


def run_batch(inputs: Sequence[str], outdir: Path, ruleset: RuleSet, *, as_of: date,
              lang: str, progress: TextIO | None = None,
              delimiter: str | None = None, stage: str | None = None) -> list[Row]:
    """Judge every plan (at `stage`, if given), write the outputs into `outdir`, return the
    summary rows.

    summary.csv is separated by `delimiter`, by default the separator of `lang`'s Excel.
    """
    from capf.render.report import render_report

    paths = plan_files(inputs)
    folders = {Path(item).resolve() for item in inputs if Path(item).is_dir()}
    outdir.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    for number, (path, stem) in enumerate(zip(paths, _stems(paths), strict=True), start=1):
        try:
            if _leaves(path, folders):
                raise UsageError(f"{path}: a link to a file outside the folder; not read")
            plan = staged(load_plan(path), stage)
        except CapfError as exc:
            row = Row(file=str(path), stem=stem, error=str(exc))
        else:
            verdict = evaluate(plan, ruleset, as_of=as_of)
            write_atomic(outdir / f"{stem}.verdict.json", verdict.model_dump_json(indent=2) + "\n")
            write_atomic(outdir / f"{stem}.report.html",
                         render_report(verdict, "html", lang, plan=plan, ruleset=ruleset))
            tally: Counter[str] = Counter(r.outcome for r in verdict.results)
            row = Row(file=str(path), stem=stem, name=verdict.plan.name, status=verdict.status,
                      elements={e.id: e.status for e in verdict.elements},
                      scores={e.id: e.score for e in verdict.elements},
                      counts={k: tally.get(k, 0) for k in COUNTED}, as_of=verdict.as_of)
        rows.append(row)
        if progress is not None:
            print(f"[{number}/{len(paths)}] {path.name}: {row.status or 'error'}", file=progress)
    write_atomic(outdir / "summary.csv", summary_csv(rows, delimiter or csv_delimiter(lang), lang))
    write_atomic(outdir / "summary.xlsx", summary_workbook(rows, lang))
    write_atomic(outdir / "overview.html", overview_html(rows, ruleset, as_of, lang))
    return rows


def overview_html(rows: Sequence[Row], ruleset: RuleSet, as_of: date, lang: str) -> str:
    """The portfolio page: one line per municipality, one column per element (self-contained)."""
    from capf.render.page import environment  # Jinja2 loads only when a page is written

    statuses = Counter(row.status or "error" for row in rows)
    return environment().get_template("overview.html.j2").render(
        rows=rows, elements=ELEMENTS, lang=lang, label=lambda key: label(key, lang),
        href=lambda row, kind: quote(f"{row.stem}.{kind}"), as_of=day(as_of, lang),
        score=lambda value: "–" if value is None else percent(value, lang),
        profile=f"{ruleset.id} {ruleset.version}", title=ruleset.title.get(lang),
        statuses=statuses, words=words(lang))

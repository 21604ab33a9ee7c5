"""`capf batch`: judge a portfolio of plans into a folder a DGO or secretariat can open.

Per plan `<stem>.verdict.json` and (unless `--no-reports`) `<stem>.report.html`; for all of
them `summary.csv`, `summary.xlsx` and `overview.html` (municipality × element matrix). It
streams: each verdict is written as soon as it exists and only its small summary row is kept.
A plan that cannot be loaded becomes an error row with its message and never stops the others.
Everything is written into a fresh folder that replaces OUT only when the run is complete, so
an interrupted run never leaves a half-written report that looks complete
(capf.batch.folder).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from capf.batch.folder import fresh_folder, locked, refuse_output_among_inputs, write_atomic
from capf.engine.evaluator import evaluate
from capf.engine.ruleset import RuleSet
from capf.model.errors import CapfError, UsageError
from capf.model.rule import ELEMENTS
from capf.portfolio.collection import OUTPUT_NAMES as PORTFOLIO_FILES
from capf.read.folder import input_folders, leaves_folder, plan_files
from capf.read.plan import load_plan, staged
from capf.render.crosslinks import dormant_link, pair_pages
from capf.render.summary import COUNTED, Row, summary_csv, summary_workbook
from capf.text.errors import said
from capf.text.formatting import csv_delimiter, day, percent
from capf.text.labels import label, words
from capf.text.terminal import printable, shown_name


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


def run_batch(inputs: Sequence[str], outdir: Path, ruleset: RuleSet, *, as_of: date,
              lang: str, progress: TextIO | None = None,
              delimiter: str | None = None, stage: str | None = None,
              jobs: int = 1, reports: bool = True) -> list[Row]:
    """Judge every plan (at `stage`, if given), write the outputs into `outdir`, return the
    summary rows.

    summary.csv is separated by `delimiter`, by default the separator of `lang`'s Excel.
    `jobs` processes judge the plans (`capf batch` gives one per core: `default_jobs`), with
    the outputs and row order of one process. `reports=False` writes no HTML report per plan
    (the overview then links each plan to its verdict JSON).
    """
    ruleset.require("plan")  # refused once, before any folder is touched, not once per plan
    paths = plan_files(inputs)
    folders = input_folders(inputs)
    refuse_output_among_inputs(outdir, inputs, paths)
    with locked(outdir), fresh_folder(outdir) as fresh:
        rows: list[Row] = []
        task = partial(_one, fresh=fresh, outdir=outdir, folders=folders, ruleset=ruleset,
                       as_of=as_of, lang=lang, stage=stage, reports=reports)
        work = list(zip(paths, _stems(paths), strict=True))
        if reports:
            from capf.render.report import render_report  # noqa: F401 - once, before forking
        for number, ((path, _), row) in enumerate(zip(work, _judged(task, work, jobs),
                                                      strict=True), start=1):
            rows.append(row)
            if progress is not None:
                print(printable(f"[{number}/{len(paths)}] {path.name}: {label(row.status or 'error', lang)}",
                                one_line=True), file=progress)
        for file, text in (("summary.csv", summary_csv(rows, delimiter or csv_delimiter(lang), lang)),
                           ("summary.xlsx", summary_workbook(rows, lang)),
                           ("overview.html", overview_html(rows, ruleset, as_of, lang,
                                                           reports=reports))):
            write_atomic(fresh / file, text, shown=outdir / file)
        for file in PORTFOLIO_FILES:  # `capf portfolio` wrote into OUT: keep its files
            if (outdir / file).is_file():
                shutil.copy2(outdir / file, fresh / file)
        pair_pages(fresh, lambda path, text: write_atomic(path, text, shown=outdir / path.name))
    return rows


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


_TASK: dict[str, Callable[[Path, str], Row]] = {}  # set before forking: the workers inherit it


def _task(item: tuple[Path, str]) -> Row:
    return _TASK["judge"](*item)


def _judged(task: Callable[[Path, str], Row], work: list[tuple[Path, str]],
            jobs: int) -> Iterator[Row]:
    """The rows in input order, judged by `jobs` forked processes (one: in this process).

    Forked workers inherit the compiled rule set, which is never pickled; where fork is not
    available the plans are judged here, one by one.
    """
    count = min(jobs, len(work))
    if count <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (task(*item) for item in work)
        return
    _TASK["judge"] = task
    gc.freeze()  # the collector leaves the inherited objects alone: no copy-on-write of them
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            yield from pool.imap(_task, work, chunksize=max(1, min(16, len(work) // (count * 4))))
    finally:
        gc.unfreeze()
        _TASK.clear()


def _one(path: Path, stem: str, *, fresh: Path, outdir: Path, folders: frozenset[Path],
         ruleset: RuleSet, as_of: date, lang: str, stage: str | None, reports: bool) -> Row:
    """One plan read, judged and rendered into `fresh`; any failure of its own is its error row."""
    name = shown_name(path)
    try:
        if leaves_folder(path, folders):
            raise UsageError(said("link_outside", name=name))
        plan = staged(load_plan(path), stage)
        verdict = evaluate(plan, ruleset, as_of=as_of)
        texts = {f"{stem}.verdict.json": verdict.model_dump_json(indent=2) + "\n"}
        if reports:
            from capf.render.report import render_report

            texts[f"{stem}.report.html"] = render_report(verdict, "html", lang, plan=plan,
                                                         ruleset=ruleset)
    except CapfError as exc:
        return Row(file=name, stem=stem, error=shown_name(exc.text(lang)))
    except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as exc:
        return Row(file=name, stem=stem, error=said("internal_row", name=name, kind=type(exc).__name__,
                                                    message=str(exc)[:200]).get(lang))
    for file, text in texts.items():
        write_atomic(fresh / file, text, shown=outdir / file, new=True)
    tally: Counter[str] = Counter(r.outcome for r in verdict.results)
    return Row(file=name, stem=stem, name=verdict.plan.name, status=verdict.status,
               elements={e.id: e.status for e in verdict.elements},
               scores={e.id: e.score for e in verdict.elements}, as_of=verdict.as_of,
               counts={k: tally.get(k, 0) for k in COUNTED})


def overview_html(rows: Sequence[Row], ruleset: RuleSet, as_of: date, lang: str, *,
                  reports: bool = True) -> str:
    """The portfolio page: one line per municipality, one column per element (self-contained);
    a plan's name links to its report, or (`reports` False) to its verdict JSON."""
    from capf.render.page import environment  # Jinja2 loads only when a page is written

    statuses = Counter(row.status or "error" for row in rows)
    return environment().get_template("overview.html.j2").render(
        rows=rows, elements=ELEMENTS, lang=lang, label=lambda key: label(key, lang),
        href=lambda row, kind: quote(f"{row.stem}.{kind}"), as_of=day(as_of, lang),
        score=lambda value: "–" if value is None else percent(value, lang),
        profile=f"{ruleset.id} {ruleset.version}", title=ruleset.title.get(lang),
        statuses=statuses, words=words(lang), reports=reports,
        portfolio_link=dormant_link("portfolio.html", label("overview_portfolio", lang)))

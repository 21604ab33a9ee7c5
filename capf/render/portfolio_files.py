"""`capf portfolio`: read the plans, add them up, write portfolio.json, .csv, .xlsx and .html.

The writer is handed in (`capf.batch.write_atomic` from the CLI), so every file is replaced
atomically without this stage importing the entry points above it. Outputs never overwrite an
input: a plan named like an output in the output folder stops the run before anything is written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from capf.model.errors import UsageError
from capf.portfolio.collection import build_portfolio, plan_paths
from capf.portfolio.model import GroupBy, Portfolio
from capf.portfolio.realised import status_folders
from capf.read.folder import input_folders
from capf.render.portfolio_page import portfolio_html
from capf.render.portfolio_table import portfolio_csv, portfolio_xlsx
from capf.text.errors import error_line, said
from capf.text.terminal import shown_name

Write = Callable[[Path, str | bytes], None]
EXIT_OK, EXIT_ERROR_ROWS = 0, 2  # as capf.cli: 2 = bad input (here: a plan is an error row)


def portfolio_texts(portfolio: Portfolio, lang: str) -> dict[str, str | bytes]:
    """File name → content of every output (JSON is language-neutral, with both languages' words)."""
    return {"portfolio.json": portfolio.model_dump_json(indent=2) + "\n",
            "portfolio.csv": portfolio_csv(portfolio, lang),
            "portfolio.xlsx": portfolio_xlsx(portfolio, lang),
            "portfolio.html": portfolio_html(portfolio, lang)}


def _refuse_overwriting(paths: Sequence[Path], outdir: Path, names: Sequence[str]) -> None:
    inputs = {p.resolve() for p in paths}
    clash = [outdir / n for n in names if (outdir / n).resolve() in inputs]
    if clash:
        raise UsageError(said("plan_is_output", path=str(clash[0])))


def write_portfolio(inputs: Sequence[str], outdir: Path, *, as_of: date, group_by: GroupBy,
                    lang: str, write: Write) -> Portfolio:
    """Build the portfolio of `inputs` (folders or plan files) and write it into `outdir`."""
    paths = plan_paths(inputs)
    portfolio = build_portfolio(paths, as_of=as_of, group_by=group_by,
                                folders=input_folders([*inputs, *map(str, status_folders(inputs))]))
    texts = portfolio_texts(portfolio, lang)
    _refuse_overwriting(paths, outdir, list(texts))
    outdir.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        write(outdir / name, text)
    # file names may hold escape sequences and newlines: one line, every control made visible
    reports = said("portfolio_reports", count=portfolio.status_reports) if portfolio.status_reports \
        else None
    wrote = said("wrote_portfolio", files=list(texts), folder=str(outdir),
                 added=len(portfolio.municipalities), left_out=len(portfolio.left_out),
                 errors=len(portfolio.errors))
    print(shown_name(wrote.get(lang) + (reports.get(lang) if reports else "")))
    if portfolio.errors:
        print(shown_name(error_line(said("portfolio_broken", count=len(portfolio.errors),
                                         files=[e.file for e in portfolio.errors]).get(lang), lang)),
              file=sys.stderr)
    return portfolio


def portfolio_command(args: Any, *, write: Write) -> int:
    """`capf portfolio` behind the CLI's parser: exit 2 when any plan is an error row."""
    done = write_portfolio(args.inputs, args.output, as_of=args.as_of or date.today(),
                           group_by=args.group_by, lang=args.lang, write=write)
    return EXIT_ERROR_ROWS if done.errors else EXIT_OK

"""`capf batch plans/ -o out/` and `capf portfolio plans/ -o out/` share one folder, in either
order: neither loses the other's files, and the pages link to each other once both exist
(never a dead link before).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from capf.batch import locked
from capf.cli import main
from capf.render.crosslinks import awake

ROOT = Path(__file__).resolve().parent.parent
AS_OF = ["--as-of", "2026-01-01"]
BATCH_FILES = {"summary.csv", "summary.xlsx", "overview.html"} | {
    f"{stem}.{kind}" for stem in ("middelfart", "odder", "vejle")
    for kind in ("verdict.json", "report.html")}
PORTFOLIO_FILES = {"portfolio.json", "portfolio.csv", "portfolio.xlsx", "portfolio.html"}


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("vejle.yaml", "middelfart.yaml", "odder.yaml"):
        shutil.copy(ROOT / "examples" / name, folder / name)
    return folder


def links(page: Path, target: str) -> bool:
    """Whether `page` links to `target` (a live link, not a dormant one)."""
    text = page.read_text(encoding="utf-8")
    return f'href="{target}"' in text and awake(text) == text


def batch(plans: Path, out: Path) -> int:
    return main(["batch", str(plans), "-o", str(out), *AS_OF])


def portfolio(plans: Path, out: Path) -> int:
    return main(["portfolio", str(plans), "-o", str(out), *AS_OF])


def test_batch_then_portfolio_keeps_both_and_links_both_ways(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch(plans, out)
    assert {p.name for p in out.iterdir()} == BATCH_FILES
    assert not links(out / "overview.html", "portfolio.html")  # no portfolio yet: no dead link
    verdict = (out / "vejle.verdict.json").read_bytes()
    assert portfolio(plans, out) == 0
    assert {p.name for p in out.iterdir()} == BATCH_FILES | PORTFOLIO_FILES
    assert links(out / "overview.html", "portfolio.html")
    assert links(out / "portfolio.html", "overview.html")
    assert (out / "vejle.verdict.json").read_bytes() == verdict


def test_portfolio_then_batch_keeps_both_and_links_both_ways(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert portfolio(plans, out) == 0
    assert not links(out / "portfolio.html", "overview.html")
    kept = {name: (out / name).read_bytes() for name in PORTFOLIO_FILES - {"portfolio.html"}}
    batch(plans, out)
    assert {p.name for p in out.iterdir()} == BATCH_FILES | PORTFOLIO_FILES
    assert links(out / "overview.html", "portfolio.html")
    assert links(out / "portfolio.html", "overview.html")
    assert {name: (out / name).read_bytes() for name in kept} == kept
    batch(plans, out)  # a re-run still carries the portfolio over, links intact
    assert {p.name for p in out.iterdir()} == BATCH_FILES | PORTFOLIO_FILES
    assert links(out / "overview.html", "portfolio.html")
    assert links(out / "portfolio.html", "overview.html")


def test_a_foreign_file_beside_them_is_still_refused(plans: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    portfolio(plans, out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert batch(plans, out) == 2
    assert "rummer filer, som capf batch ikke har skrevet (notes.txt" in capsys.readouterr().err
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_portfolio_is_refused_while_a_batch_writes_the_folder(plans: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    with locked(out):
        assert portfolio(plans, out) == 2
    assert "en anden capf batch eller portfolio skriver i denne mappe" in capsys.readouterr().err
    assert not out.exists()

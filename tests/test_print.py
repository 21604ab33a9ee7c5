"""Every HTML output printed by a real browser: A4 pages, and no text wider than its cell.

Needs Chromium (see tests/test_report_browser.py; without one the tests skip and say why). The
page size is read from the PDF Chromium prints. Overflow is measured in the live DOM: a copy of
the page, without its script-forbidding CSP, gets a small script that lists every cell, term,
list item, heading and paragraph whose content is wider than the element (scrollWidth >
clientWidth) at the printable width of the page, and writes the list into the DOM that
`--dump-dom` prints. A control page with an unbreakable word proves the measurement sees one.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from test_report_browser import BROWSER, chromium

import capf
from capf.batch import overview_html
from capf.engine.follow_up import evaluate_follow_up
from capf.engine.ruleset import load_ruleset
from capf.portfolio.collection import build_portfolio, plan_paths
from capf.read.status import load_status
from capf.render.checklist import render_checklist
from capf.render.followup_report import render_follow_up
from capf.render.portfolio_page import portfolio_html
from capf.render.report import render_report
from capf.render.summary import Row

pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium binary on PATH")
ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 1, 1)
A4 = (595.28, 841.89)  # points
PORTRAIT, LANDSCAPE = (794, 1123), (1123, 794)  # A4 in CSS pixels
MEASURE = """<script>
addEventListener("load", () => {
  const wide = [];
  for (const el of document.querySelectorAll("td, th, dd, dt, li, h1, h2, h3, h4, p, figcaption")) {
    if (el.scrollWidth > el.clientWidth + 1)
      wide.push(el.tagName + ": " + el.textContent.trim().slice(0, 80));
  }
  document.body.setAttribute("data-overflow", JSON.stringify(wide));
});
</script>"""


def _outputs() -> dict[str, tuple[str, tuple[int, int]]]:
    """Every HTML page capf writes, in Danish and English: name → (html, A4 window)."""
    plan = capf.load_plan(ROOT / "examples" / "fjordby-draft.yaml")
    ruleset = load_ruleset("dk2020")
    verdict = capf.evaluate(plan, ruleset, as_of=AS_OF)
    rows = [Row(file="examples/fjordby-draft.yaml", stem="fjordby-draft", name=verdict.plan.name,
                status=verdict.status, elements={e.id: e.status for e in verdict.elements},
                scores={e.id: e.score for e in verdict.elements},
                counts={"pass": 1, "fail": 2, "needs_review": 0, "waived": 0, "error": 0},
                as_of=verdict.as_of),
            Row(file="plans/a-very-long-file-name-without-breaks-klimahandlingsplan-2025.yaml",
                stem="broken", error="plans/broken.yaml: line 3: not valid YAML")]
    odder = capf.load_plan(ROOT / "examples" / "odder.yaml")
    reports = [load_status(ROOT / "examples" / "status" / f"odder-{y}.yaml") for y in (2023, 2024)]
    follow_up = evaluate_follow_up(odder, reports, as_of=AS_OF)
    inputs = [str(ROOT / "examples")]  # the example plans with their status reports
    national = build_portfolio(plan_paths(inputs), as_of=AS_OF)
    pages = {}
    for lang in ("da", "en"):
        pages[f"portfolio.{lang}"] = (portfolio_html(national, lang), PORTRAIT)
        pages[f"follow-up.{lang}"] = (render_follow_up(follow_up, odder, reports, "html", lang),
                                      PORTRAIT)
        pages[f"report.{lang}"] = (render_report(verdict, "html", lang, plan), PORTRAIT)
        pages[f"checklist.{lang}"] = (render_checklist(verdict, "html", lang), LANDSCAPE)
        pages[f"blank-checklist.{lang}"] = (render_checklist(None, "html", lang), LANDSCAPE)
        pages[f"overview.{lang}"] = (overview_html(rows, ruleset, AS_OF, lang), LANDSCAPE)
    return pages


OUTPUTS = _outputs() if BROWSER else {}


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """The MediaBox of every page of a PDF (Chromium writes them uncompressed)."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def overflowing(html: str, window: tuple[int, int], tmp: Path) -> list[str]:
    page = tmp / "measure.html"
    page.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
                    .replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    done = chromium(tmp, "--dump-dom", f"--window-size={window[0]},{window[1]}", page.as_uri())
    found = re.search(r'data-overflow="([^"]*)"', done.stdout)
    assert found, done.stderr[-2000:]
    return list(json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&")))


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_html_output_prints_on_a4(name: str, tmp_path: Path) -> None:
    html, window = OUTPUTS[name]
    source, pdf = tmp_path / f"{name}.html", tmp_path / f"{name}.pdf"
    source.write_text(html, encoding="utf-8")
    done = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", source.as_uri())
    assert pdf.is_file(), done.stderr[-2000:]
    sizes = page_sizes(pdf.read_bytes())
    assert sizes, "no page in the PDF"
    expected = A4 if window == PORTRAIT else A4[::-1]
    assert all(abs(w - expected[0]) < 2 and abs(h - expected[1]) < 2 for w, h in sizes), sizes


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_no_text_overflows_its_cell(name: str, tmp_path: Path) -> None:
    html, window = OUTPUTS[name]
    assert overflowing(html, window, tmp_path) == []


def test_the_overflow_measurement_sees_an_overflow(tmp_path: Path) -> None:
    page = ('<!DOCTYPE html><html lang="da"><body><table style="width:200px;table-layout:fixed">'
            "<tr><td>Klimatilpasningshandlingsplansforpligtelsesformulering</td><td>x</td></tr>"
            "</table></body></html>")
    assert overflowing(page, PORTRAIT, tmp_path) == [
        "TD: Klimatilpasningshandlingsplansforpligtelsesformulering"]


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_every_page_is_a4_with_page_numbers_and_hyphenation(name: str) -> None:
    html, window = OUTPUTS[name]
    assert "@page" in html and "counter(page)" in html and "hyphens: auto" in html
    assert ("A4 landscape" in html) == (window == LANDSCAPE)
    assert re.search(r'<html lang="(da|en)">', html)

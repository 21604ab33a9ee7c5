"""Gap report and reviewer checklist (capf.render, capf.text.formatting, capf.text.labels).

Golden files: tests/golden/odder.{report,checklist}.{da,en}.md, judged as of 2026-01-01.
They change whenever a rule's text or the rule set changes. Regenerate them with

    CAPF_REGEN=1 pytest tests/test_report.py

and read the diff before committing it.
"""

from __future__ import annotations

import csv
import io
import os
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import capf
from capf.render import chart, page, report
from capf.render.checklist import render_checklist
from capf.render.report import render_report
from capf.text import formatting as fmt
from capf.text.formatting import csv_text
from capf.text.labels import LABELS, words

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
AS_OF = date(2026, 1, 1)
HOSTILE = ["<script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}", '"><img src=x onerror=alert(1)>']
HOSTILE_TEXT = " ".join(HOSTILE)


def judged(name: str, profile: str = "dk2020") -> tuple[capf.Plan, capf.Verdict]:
    plan = capf.load_plan(ROOT / "examples" / f"{name}.yaml")
    return plan, capf.evaluate(plan, capf.load_ruleset(profile), as_of=AS_OF)


def hostile_plan() -> capf.Plan:
    """Odder with attacker-chosen text wherever a report quotes plan text."""
    data: dict[str, Any] = dict(capf.load_plan(ROOT / "examples" / "odder.yaml").data)
    data["municipality"] = {**data["municipality"], "name": f"Kommune {HOSTILE_TEXT}"}
    data["plan"] = {**data["plan"], "title": f"Plan {HOSTILE_TEXT}"}
    actions = []
    for i, action in enumerate(data["actions"]):
        changed = {**action, "title": f"{HOSTILE[i % 4]} {HOSTILE_TEXT}",
                   "evidence": {"page": 3, "section": HOSTILE_TEXT, "document": HOSTILE[3]}}
        if i == 0:  # make GOV-7 fail, so the report quotes this action and its evidence
            changed.pop("owner")
        actions.append(changed)
    data["actions"] = actions
    return capf.load_plan(data, source="hostile.yaml")


class Tags(HTMLParser):
    """Every start tag and attribute the browser would build from the markup."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def tags_of(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


# --- golden files ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["report", "checklist"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_golden_markdown(kind: str, lang: str) -> None:
    plan, verdict = judged("odder")
    text = (render_report(verdict, "md", lang, plan) if kind == "report"
            else render_checklist(verdict, "md", lang))
    path = GOLDEN / f"odder.{kind}.{lang}.md"
    if os.environ.get("CAPF_REGEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run CAPF_REGEN=1 pytest tests/test_report.py"
    assert text == path.read_text(encoding="utf-8")


# --- hostile text ------------------------------------------------------------------------------

def _assert_inert_html(html: str) -> None:
    parsed = tags_of(html)
    names = [tag for tag, _ in parsed.tags]
    assert "script" not in names
    assert "img" not in names
    assert not [a for _, attrs in parsed.tags for a, _ in attrs if a.startswith("on")]
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "{{ 7*7 }}" in html
    assert "{% raw %}" in html


def test_hostile_text_is_inert_in_html_report_and_checklist() -> None:
    plan = hostile_plan()
    verdict = capf.evaluate(plan, capf.load_ruleset("dk2020"), as_of=AS_OF)
    assert verdict.result("GOV-7-short-term-detail").outcome == "fail"  # type: ignore[union-attr]
    for lang in ("da", "en"):
        _assert_inert_html(render_report(verdict, "html", lang, plan))
        checklist = render_checklist(verdict, "html", lang)
        assert "&lt;script&gt;" in checklist  # the plan name is the checklist's heading
        assert "<script" not in checklist and "<img" not in checklist
        assert "{{ 7*7 }}" in checklist


def test_hostile_text_is_inert_in_markdown() -> None:
    plan = hostile_plan()
    verdict = capf.evaluate(plan, capf.load_ruleset("dk2020"), as_of=AS_OF)
    for text in (render_report(verdict, "md", "da", plan), render_checklist(verdict, "md", "en")):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "<script" not in text and "<img" not in text
        assert "{{ 7*7 }}" in text and "{% raw %}" in text
        assert "Kommune" in text and "49" not in text.split("\n")[0]
    report_md = render_report(verdict, "md", "en", plan)
    assert "&lt;img src=x onerror=alert(1)&gt;" in report_md
    assert "Plan &lt;script&gt;" in report_md  # the plan title is quoted, escaped


def test_markdown_cell_escaping() -> None:
    assert page.md("a | b\nc") == "a \\| b c"
    assert page.md("# heading") == "\\# heading"
    assert page.md("- item") == "\\- item"
    assert page.md("> quote") == "&gt; quote"  # an entity never starts a block quote
    assert page.md("12. list") == "12\\. list"
    assert page.md("23.000 t") == "23.000 t"
    assert page.md("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert page.md("![t](https://tracker.example/p.png)").startswith("!\\[t\\]")
    assert page.md("<b>&amp; & co") == "&lt;b&gt;&amp;amp; & co"
    assert page.md("`x`") == "\\`x\\`"
    assert page.code("/a|b") == "`/a\\|b`"
    assert page.code("a`b") == "``a`b``"
    assert page.code("<b>") == "&lt;b&gt;"


def test_templates_are_files_never_plan_text() -> None:
    users = [p.name for p in (ROOT / "capf").rglob("*.py") if ".from_string(" in p.read_text("utf-8")]
    assert users == []
    env = page.environment()
    assert env.autoescape("report.html.j2") is True  # type: ignore[operator]
    assert env.autoescape("checklist.html.j2") is True  # type: ignore[operator]
    assert env.autoescape("report.md.j2") is False  # type: ignore[operator]


# --- HTML is one self-contained file -----------------------------------------------------------

@pytest.mark.parametrize("name", ["odder", "fjordby-draft"])
def test_html_is_self_contained(name: str) -> None:
    plan, verdict = judged(name)
    pages = [render_report(verdict, "html", "da", plan), render_report(verdict, "html", "en"),
             render_checklist(verdict, "html", "da")]
    for html in pages:
        assert "<script" not in html.lower()
        assert not re.search(r"""(?:src|href|action|poster)\s*=\s*["']?\s*(?:https?:)?//""", html,
                             re.IGNORECASE)
        assert not re.search(r"url\(|@import|<link|<iframe|<object|<embed", html, re.IGNORECASE)
        assert ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "style-src 'unsafe-inline'; img-src data:\">") in html
        assert re.search(r'<html lang="(da|en)">', html)
        assert "@page" in html


def test_html_report_draws_charts_from_the_plan() -> None:
    plan, verdict = judged("odder")
    html = render_report(verdict, "html", "da", plan)
    assert html.count("<svg") == 2
    assert "250.000" in html            # Danish axis label
    assert "23.000 t CO2e" in html      # the 2050 manko, labelled
    assert "Reduktionssti" in html and "Målsti" in html
    assert "<polygon" in html           # manko shaded
    without_plan = render_report(verdict, "html", "da")
    assert without_plan.count("<svg") == 1
    assert words("da")["pathway_needs_plan"] in without_plan


# --- content -----------------------------------------------------------------------------------

def test_report_content_order_and_footer() -> None:
    plan, verdict = judged("fjordby-draft")
    text = render_report(verdict, "md", "en", plan)
    assert text.index("## Scorecard") < text.index("## Governance & collaboration")
    assert verdict.grading_note.en in text
    for element in ("Governance & collaboration", "Adaptation", "Emissions neutrality",
                    "Inclusion & co-benefits"):
        assert f"## {element}" in text
    governance = text[text.index("## Governance"):text.index("## Adaptation")]
    gaps = [r for r in verdict.results if r.element == "governance" and r.outcome == "fail"]
    essential = [r for r in gaps if r.level == "essential"]
    recommended = [r for r in gaps if r.level == "recommended"]
    if essential and recommended:
        assert governance.index(essential[-1].rule) < governance.index(recommended[0].rule)
    assert governance.index("### Gaps") < governance.index("### Passed")
    for value in (verdict.ruleset.sha256, verdict.plan.sha256, verdict.ruleset.version,
                  verdict.engine.version, "1 January 2026"):
        assert value in text


def test_report_quotes_plan_values_and_page_references() -> None:
    data = dict(capf.load_plan(ROOT / "examples" / "odder.yaml").data)
    first = {k: v for k, v in data["actions"][0].items() if k != "owner"}  # GOV-7 now fails
    plan = capf.load_plan({**data, "actions": [first, *data["actions"][1:]]})
    verdict = capf.evaluate(plan, capf.load_ruleset("dk2020"), as_of=AS_OF)
    with_plan = render_report(verdict, "md", "da", plan)
    assert "`/actions/0`: id: E1 · titel: Vedvarende energi — sol og vind ·" in with_plan
    assert "(s. 22, afsnit 4.1 Tema: Energi)" in with_plan
    assert "(p. 22, section 4.1 Tema: Energi)" in render_report(verdict, "html", "en", plan)
    without = render_report(verdict, "md", "da")
    assert words("da")["pointers_only"] in without
    assert "`/actions/0`" in without and "afsnit 4.1" not in without


def test_pointer_resolution_and_evidence() -> None:
    data = {"actions": [{"title": "A", "evidence": {"page": 22, "section": "4.1"},
                         "effect": [{"year": 2030, "t_co2e": 5}]}], "a/b": {"~": 1}}
    assert report.resolve(data, "/actions/0/title") == (True, "A")
    assert report.resolve(data, "/actions/1") == (False, None)
    assert report.resolve(data, "/a~1b/~0") == (True, 1)
    assert report.resolve(data, "/actions/*") == (False, None)
    assert report.resolve(data, "") == (True, data)
    found = report.evidence_of(data, "/actions/0/effect/0/t_co2e")
    assert found == {"page": 22, "section": "4.1"}
    assert report.evidence_of(data, "/a~1b") is None
    assert report.page_ref(found, "da") == "s. 22, afsnit 4.1"
    assert report.page_ref({"document": "Bilag.pdf", "page": "3-4"}, "en") == "Bilag.pdf, p. 3-4"


def test_secondary_source_is_said_clearly() -> None:
    plan, verdict = judged("fjordby-draft")
    gap = next(r for r in verdict.results if r.outcome == "fail")
    results = [r.model_copy(update={"confidence": "secondary"}) if r is gap else r
               for r in verdict.results]
    changed = verdict.model_copy(update={"results": results})
    for lang in ("da", "en"):
        for out in ("md", "html"):
            assert words(lang)["secondary_source"] in render_report(changed, out, lang, plan)


def test_gaps_essential_first_then_recommended_errors_with_fails() -> None:
    plan, verdict = judged("odder")
    passed = [r for r in verdict.results if r.element == "governance" and r.outcome == "pass"]
    broken, failing = passed[-1], passed[0]
    results = [r.model_copy(update={"outcome": "error", "level": "recommended"}) if r is broken
               else r.model_copy(update={"outcome": "fail"}) if r is failing else r
               for r in verdict.results]
    text = render_report(verdict.model_copy(update={"results": results}), "md", "da", plan)
    gaps = text[text.index("### Mangler (2)"):text.index("### Bestået")]
    assert gaps.index(failing.rule) < gaps.index(broken.rule)
    assert "**Resultat:** fejl" in gaps


def test_waivers_and_expired_waivers_are_reported(tmp_path: Path) -> None:
    plan = capf.load_plan(ROOT / "examples" / "fjordby-draft.yaml")
    plain = capf.evaluate(plan, capf.load_ruleset("dk2020"), as_of=AS_OF)
    fails = [r.rule for r in plain.results if r.outcome == "fail"]
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n"
        f"  - {{rule: {fails[0]}, reason: Byrådet behandler det i marts, approved_by: "
        "Jens Ørsted, expires: '2026-06-01'}\n"
        f"  - {{rule: {fails[1]}, reason: Old waiver, expires: '2025-06-01'}}\n"
        "  - {rule: GOV-1-nothing-here, reason: stale, expires: '2027-01-01'}\n",
        encoding="utf-8")
    verdict = capf.evaluate(plan, capf.load_ruleset("dk2020"), as_of=AS_OF,
                            waivers=capf.load_waivers(waivers))
    text = render_report(verdict, "md", "da", plan)
    assert "Byrådet behandler det i marts" in text and "Jens Ørsted" in text
    assert "1. juni 2026" in text
    assert "udløb 2025-06-01" in text  # the expired waiver's note
    assert "GOV-1-nothing-here" in text  # a waiver matching no gap
    html = render_report(verdict, "html", "en", plan)
    assert "1 June 2026" in html and "Jens Ørsted" in html


def test_bad_format_or_language() -> None:
    _, verdict = judged("odder")
    with pytest.raises(ValueError, match="format"):
        render_report(verdict, "pdf")
    with pytest.raises(ValueError, match="lang"):
        render_checklist(verdict, "md", "de")
    other = capf.load_plan(ROOT / "examples" / "vejle.yaml")
    with pytest.raises(ValueError, match="not the plan this verdict judged"):
        render_report(verdict, "md", "da", other)


# --- checklist ---------------------------------------------------------------------------------

def test_csv_checklist_bom_crlf_and_danish_letters() -> None:
    _, verdict = judged("odder")
    text = render_checklist(verdict, "csv", "da")
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:5] == ["Kriterium", "Titel", "Element", "Værktøjets status",
                           "Regler og fundet dokumentation"]
    assert rows[0][5:] == ["Afgørelse", "Kommentar", "Navn", "Dato"]
    assert len(rows) == len(verdict.criteria) + 1
    assert [r[0] for r in rows[1:]] == [c.id for c in verdict.criteria]
    assert all(r[5:] == ["", "", "", ""] for r in rows[1:])
    body = "".join("".join(r) for r in rows)
    assert all(letter in body for letter in "æøå")
    assert "Social inklusion og merværdier" in body and "bestået" in body


def test_csv_cells_never_start_a_formula() -> None:
    assert csv_text("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_text("@SUM(A1)") == "'@SUM(A1)"
    assert csv_text("-5") == "'-5"
    assert csv_text("Plan") == "Plan"


def test_checklist_has_a_row_per_criterion_and_empty_reviewer_columns() -> None:
    _, verdict = judged("odder")
    text = render_checklist(verdict, "md", "en")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == len(verdict.criteria)
    assert all(line.endswith("|  |  |  |  |") for line in rows)
    html = render_checklist(verdict, "html", "da")
    assert html.count('<td class="blankcell"></td>') == 4 * len(verdict.criteria)


def test_blank_checklist_for_a_profile_without_a_plan() -> None:
    ruleset = capf.load_ruleset("klimaalliancen-2024")
    for out in ("md", "html", "csv"):
        text = render_checklist(None, out, "da", ruleset=ruleset)
        assert "klimaalliancen-2024" in text or out == "csv"
        for criterion in ruleset.criteria:
            assert criterion.id in text
    md_text = render_checklist(None, "md", "en", ruleset=ruleset)
    assert words("en")["blank_checklist"] in md_text
    rows = [line for line in md_text.splitlines() if line.startswith("| `")]
    assert len(rows) == len(ruleset.criteria)
    assert not any("| pass" in row or "| met" in row for row in rows)
    default = render_checklist(None, "csv", "en")
    assert len(list(csv.reader(io.StringIO(default.lstrip("\ufeff"))))) == \
        len(capf.load_ruleset().criteria) + 1


# --- words and numbers -------------------------------------------------------------------------

def test_every_label_is_in_both_languages() -> None:
    for key, entry in LABELS.items():
        assert entry.get("en") and entry.get("da"), key
        assert key not in dir(dict), key  # `t.<key>` in a template must reach the label


def test_danish_output_has_no_english_program_words() -> None:
    plan, verdict = judged("fjordby-draft")
    english = [entry["en"] for key, entry in LABELS.items()
               if entry["en"] != entry["da"] and len(entry["en"]) > 5 and " " in entry["en"]
               and key not in ("governance", "inclusion")]
    for text in (render_report(verdict, "md", "da", plan), render_report(verdict, "html", "da", plan),
                 render_checklist(verdict, "md", "da"), render_checklist(None, "html", "da")):
        leaked = [e for e in english if e in text]
        assert not leaked


def test_danish_and_english_number_and_date_formats() -> None:
    assert fmt.number(1234567, "da") == "1.234.567"
    assert fmt.number(1234567, "en") == "1,234,567"
    assert fmt.number(-1234.5, "da", digits=1) == "-1.234,5"
    assert fmt.tonnes(1234567.4, "da") == "1.234.567 t CO2e"
    assert fmt.day("2030-06-01", "da") == "1. juni 2030"
    assert fmt.day(date(2030, 6, 1), "en") == "1 June 2030"
    assert fmt.day("not a date", "da") == "not a date"
    assert fmt.percent(0.75, "da") == "75\xa0%"
    assert fmt.plain_number(2050, "da") == "2050"
    assert fmt.plain_number(250000, "da") == "250.000"
    assert fmt.quote({"a": True, "evidence": {"page": 1}, "b": [1, 2.5]}, "da") == \
        "a: ja · b: 1; 2,5"
    assert fmt.quote({"year": 2030, "sectors": {"energy": 2000}}, "da") == \
        "år: 2030 · sektorer: (Energi: 2.000)"
    assert fmt.quote("x" * 500, "en", 10) == "x" * 9 + "…"


# --- charts ------------------------------------------------------------------------------------

def test_pathway_chart_says_when_data_is_missing() -> None:
    empty = chart.pathway({}, "en")
    assert words("en")["chart_no_data"] in empty and "<polyline" not in empty
    plan, _ = judged("fjordby-draft")  # a draft without BAU
    drawn = chart.pathway(plan.data, "da")
    assert "Mangler i planen: BAU-fremskrivning" in drawn
    assert "<polyline" in drawn


def test_manko_areas_and_ticks() -> None:
    pathway = [(2030.0, 100.0), (2050.0, 40.0)]
    target = [(2030.0, 120.0), (2050.0, 0.0)]
    (area,) = chart.manko_areas(pathway, target)
    assert area[0] == pytest.approx((2030 + 20 / 3, 80.0))  # where the lines cross
    assert (2050.0, 40.0) in area and (2050.0, 0.0) in area
    assert chart.manko_areas(pathway, [(2030.0, 200.0), (2050.0, 100.0)]) == []
    assert chart.manko_areas([], target) == []
    assert chart.nice_ticks(0, 250000) == [0, 50000, 100000, 150000, 200000, 250000]
    for hi in (1e-9, 5e-7, 0.3):  # a tiny range keeps distinct ticks (rounding once made them all 0)
        ticks = chart.nice_ticks(0, hi)
        assert len(set(ticks)) == len(ticks) >= 2 and ticks[-1] >= hi
    # the smallest float a report may hold (hypothesis found 5e-324 t): its fifth is 0.0
    for lo, hi in ((0.0, 5e-324), (-5e-324, 0.0), (0.0, 1e-310)):
        ticks = chart.nice_ticks(lo, hi)
        assert len(set(ticks)) == len(ticks) >= 2 and ticks[0] <= lo and ticks[-1] >= hi
    assert chart.interpolate(pathway, 2040) == 70.0
    assert chart.interpolate(pathway, 2060) is None


def test_scorecard_chart_escapes_and_shows_status_in_words() -> None:
    _, verdict = judged("odder")
    svg = chart.scorecard(verdict.elements, "en")
    assert "Governance &amp; collaboration" in svg
    assert svg.count("<rect") >= 4
    assert "not assessed" in chart.scorecard(
        [verdict.elements[0].model_copy(update={"score": None, "status": "not_assessed"})], "en")

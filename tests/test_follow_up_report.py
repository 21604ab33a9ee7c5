"""The follow-up report (`capf report PLAN --status STATUS…`): figures, words, chart and command.

The example plan Odder with its two illustrative reports is off track in 2023: realised
171,500 t against a pathway of 169,429 t there (the straight line from the 2018 inventory,
190,000 t, to the 2025 pathway point, 161,200 t: 190,000 − 5/7 × 28,800), and the cancelled
bus plan T2 leaves 1,000 t of its 2030 effect uncovered, so the 2030 manko grows from 0 to
1,000 t (2050: 23,000 → 23,500 t).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from capf.cli import main
from capf.engine.follow_up import evaluate_follow_up
from capf.model.verdict import Verdict
from capf.read.plan import Plan, load_plan
from capf.read.status import StatusReport, load_status
from capf.render.followup_chart import follow_up_chart
from capf.render.followup_figures import realised_line, year_rows
from capf.render.followup_report import action_rows, render_follow_up

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
AS_OF = date(2026, 1, 1)
CODES = ("not_started", "in_progress", "not_reported", "not_in_plan", "on_track", "off_track",
         "needs_review", "not_applicable")
DANISH_CODES = (*CODES, "completed", "delayed", "cancelled", "committee", "council", "short",
                "medium", "long")


def odder(*years: int) -> tuple[Plan, list[StatusReport], Verdict]:
    plan = load_plan(EXAMPLES / "odder.yaml")
    reports = [load_status(EXAMPLES / "status" / f"odder-{y}.yaml") for y in years or (2023, 2024)]
    return plan, reports, evaluate_follow_up(plan, reports, as_of=AS_OF)


def visible(html: str) -> str:
    """The text a reader sees: no tags, no attribute values, no style sheet."""
    body = re.sub(r"<style>.*?</style>|<title>.*?</title>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    plan, reports, verdict = odder()
    return {f"{fmt}.{lang}": render_follow_up(verdict, plan, reports, fmt, lang)
            for fmt in ("html", "md") for lang in ("da", "en")}


def test_the_year_table_sets_realised_against_the_interpolated_pathway() -> None:
    plan, reports, _ = odder()
    rows = {r["year"]: r for r in year_rows(plan.data, reports, "da")}
    assert rows["2023"] == {"year": "2023", "realised": "171.500", "pathway": "169.429",
                            "target": "–", "gap": "+2.071"}
    assert rows["2022"]["gap"] == "−1.543"  # 172,000 against 190,000 − 4/7 × 28,800
    assert rows["2018"]["realised"] == rows["2018"]["pathway"] == "190.000"  # the inventory
    assert (rows["2030"]["pathway"], rows["2030"]["target"]) == ("73.500", "75.000")
    assert realised_line(plan.data, reports) == [(2018.0, 190000.0), (2022.0, 172000.0),
                                                 (2023.0, 171500.0)]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_first_page_says_on_or_off_track_and_the_key_figures(pages: dict[str, str],
                                                                 lang: str) -> None:
    text = visible(pages[f"html.{lang}"])
    said = {"da": ("Odder Kommune: ikke på rette kurs.", "171.500 t CO2e", "+2.071 t CO2e over",
                   "2030: 1.000 t · 2050: 23.500 t", "1 aflyst · 8 i gang · 1 gennemført"),
            "en": ("Odder Kommune: off track.", "171,500 t CO2e", "+2,071 t CO2e above",
                   "2030: 1,000 t · 2050: 23,500 t", "1 cancelled · 8 in progress · 1 completed")}
    for words in said[lang]:
        assert words in text, words
    assert text.index(said[lang][0]) < text.index(said[lang][2])


@pytest.mark.parametrize("name", ["html.da", "html.en", "md.da", "md.en"])
def test_no_schema_code_stands_in_the_text(pages: dict[str, str], name: str) -> None:
    text = visible(pages[name]) if name.startswith("html") else pages[name]
    text = re.sub(r"`[^`]*`", "", text)  # rule ids and pointers in code style are names
    codes = DANISH_CODES if name.endswith("da") else CODES
    assert not [c for c in codes if re.search(rf"(?<![\w/.-]){c}(?![\w/-])", text)]


def test_the_updated_manko_table_adds_the_uncovered_effect(pages: dict[str, str]) -> None:
    assert "| 2030 | 0 | 0 | 1.000 | **1.000** |" in pages["md.da"]
    assert "| 2050 | 23.000 | 23.000 | 500 | **23.500** |" in pages["md.da"]


def test_actions_come_by_status_problems_first_with_their_replacement() -> None:
    plan, reports, verdict = odder()
    rows = action_rows(plan.data, reports[-1], verdict, "da")
    assert [r["id"] for r in rows] == ["T2", "E1", "E2", "T1", "W1", "A1", "L1", "K1", "K2", "K3"]
    t2 = rows[0]
    assert (t2["status_label"], t2["effect"]) == ("aflyst", "3.000")
    assert t2["notes"][0] == ("Erstattes af T2b Samkørsel og delebiler i landsbyerne "
                              "(2.000 t CO2e i 2030, besluttet 24. marts 2025)")
    e1 = next(r for r in rows if r["id"] == "E1")
    assert (e1["progress"], e1["budget"]) == ("45\u00a0%", "2,1 af 4 mio. kr.")


def test_a_delayed_action_shows_its_new_timeline_and_a_late_one_is_marked() -> None:
    plan, reports, verdict = odder(2023)
    t2 = next(r for r in action_rows(plan.data, reports[-1], verdict, "en") if r["id"] == "T2")
    assert t2["timeline"] == "2022–2030, new timeline 2024–2031"
    late = load_status({**reports[0].data, "actions": [{"id": "E1", "status": "not_started"}]})
    judged = evaluate_follow_up(plan, [late], as_of=AS_OF)
    rows = {r["id"]: r for r in action_rows(plan.data, late, judged, "da")}
    assert rows["E1"]["overdue"] and rows["E1"]["notes"][0] == "skulle være startet i 2023"
    assert rows["T1"]["status_label"] == "ikke rapporteret" and rows["T1"]["overdue"]


def test_the_chart_draws_realised_pathway_and_target_with_the_excess() -> None:
    plan, reports, _ = odder()
    svg = str(follow_up_chart(plan.data, reports, "da"))
    assert svg.count('r="4.5"') == 3  # 2018 (inventory), 2022, 2023
    assert "+2.071 t" in svg and "Opgjort udledning" in svg and "Reduktionssti" in svg
    assert "<script" not in svg and "href" not in svg


def test_a_report_without_figures_says_so_instead_of_drawing_zeros() -> None:
    plan = load_plan(EXAMPLES / "odder.yaml")
    bare = load_status({"follows": {"plan_sha256": plan.sha256}, "reporting_year": 2024})
    verdict = evaluate_follow_up(plan, [bare], as_of=AS_OF)
    html = render_follow_up(verdict, plan, [bare], "html", "da")
    assert "Rapporten oplyser ingen opgjort udledning." in visible(html)
    assert "Rapporten oplyser ikke, hvem den blev forelagt." in visible(html)
    empty = load_plan({})
    nothing = load_status({"follows": {"plan_sha256": empty.sha256}, "reporting_year": 2024})
    judged = evaluate_follow_up(empty, [nothing], as_of=AS_OF)
    assert "Planen har ingen udledningstal" in visible(render_follow_up(judged, empty, [nothing]))


def test_report_text_is_escaped_in_html_and_markdown() -> None:
    plan = load_plan(EXAMPLES / "odder.yaml")
    data: dict[str, Any] = {"follows": {"plan_sha256": plan.sha256}, "reporting_year": 2024,
                            "actions": [{"id": "E1", "status": "in_progress",
                                         "note": "<script>alert(1)</script> | [x](javascript:1)"}],
                            "next_steps": "# not a heading <b>"}
    report = load_status(data)
    verdict = evaluate_follow_up(plan, [report], as_of=AS_OF)
    html = render_follow_up(verdict, plan, [report], "html", "da")
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    md = render_follow_up(verdict, plan, [report], "md", "da")
    assert "<script>" not in md and "\\| \\[x\\]" in md and "\n# not" not in md


def test_the_report_refuses_a_verdict_of_other_documents() -> None:
    plan, reports, verdict = odder()
    with pytest.raises(ValueError, match="not the documents"):
        render_follow_up(verdict, plan, reports[:1])


def test_capf_report_with_status_writes_the_follow_up_report(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "opfoelgning.html"
    args = ["report", str(EXAMPLES / "odder.yaml"), "--status",
            *(str(EXAMPLES / "status" / f"odder-{y}.yaml") for y in (2024, 2023)),
            "-o", str(out), "--as-of", "2026-01-01"]
    assert main(args) == 0
    text = out.read_text(encoding="utf-8")
    assert "Opfølgning på klimaplanen: Odder Kommune" in text and "monitoring" in text
    assert main([*args[:-4], "-o", str(tmp_path / "follow-up.md"), "--lang", "en"]) == 0
    assert (tmp_path / "follow-up.md").read_text(encoding="utf-8").startswith(
        "# Follow-up of the climate plan: Odder Kommune")
    capsys.readouterr()


@pytest.mark.parametrize("extra", [["--waivers", "w.yaml"], ["--stage", "draft"]])
def test_waivers_and_stage_do_not_apply_to_a_follow_up(tmp_path: Path, extra: list[str],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLES / "odder.yaml"), "--status",
                 str(EXAMPLES / "status" / "odder-2024.yaml"), "-o", str(tmp_path / "r.html"),
                 *extra]) == 2
    assert "--status" in capsys.readouterr().err


def test_a_report_for_another_plan_is_refused_with_exit_2(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(EXAMPLES / "vejle.yaml"), "--status",
                 str(EXAMPLES / "status" / "odder-2024.yaml"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "/follows/plan_sha256" in err
    assert not out.exists()

"""Loader and usage errors (exit 2) in the output language: one line, naming file and place.

The catalogue (capf.text.errors) words every error in English and Danish; these tests run the
command line on one bad input of each kind, in both languages, and scan the source for an
error raised with a bare English string, which would reach a Danish user untranslated.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path
from string import Formatter

import pytest

from capf.text import errors as catalogue

ROOT = Path(__file__).resolve().parents[1]
ERROR_TYPES = {"CapfError", "InvalidDocument", "InvalidPlan", "InvalidRules", "InvalidWaivers",
               "UsageError", "InvalidStatus"}

# English words that may not stand in a Danish error line (outside the file's own text).
ENGLISH = re.compile(r"\b(error|expected|got|cannot|unknown|missing|not|file|is|the|must|use|"
                     r"allowed|required|arguments|invalid|choice|limit|more than|key)\b")


def _fields(template: str) -> list[str]:
    return sorted(name for _, name, _, _ in Formatter().parse(template) if name)


@pytest.mark.parametrize("kind", sorted(catalogue.ERRORS))
def test_every_error_is_worded_in_both_languages_from_the_same_fields(kind: str) -> None:
    english, danish = catalogue.ERRORS[kind]
    assert set(_fields(danish)) <= set(_fields(english))  # Danish may say "dato" for {format}
    if kind not in ("schema_other", "os_error"):  # templates of values only
        assert english != danish, f"{kind}: the Danish is a copy of the English"


def test_no_error_is_raised_with_a_bare_english_string() -> None:
    bare = []
    for path in sorted((ROOT / "capf").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            call = node.exc if isinstance(node, ast.Raise) else node
            if not isinstance(call, ast.Call) or not call.args:
                continue
            func = call.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            text = call.args[2] if called == "refuse" and len(call.args) > 2 else call.args[0]
            raised = isinstance(node, ast.Raise) and called in ERROR_TYPES
            if (raised or called == "refuse") and isinstance(text, ast.JoinedStr | ast.Constant):
                bare.append(f"{name}:{node.lineno}")
    assert bare == [], f"errors raised with an English string, not capf.text.errors.said: {bare}"


def _bad_inputs(tmp: Path) -> dict[str, tuple[list[str], str]]:
    """One bad input per kind of error: (arguments, the file or word the line must name)."""
    (tmp / "type.yaml").write_text("schema_version: '1'\nmunicipality:\n  name: 42\n", encoding="utf-8")
    (tmp / "typo.yaml").write_text("schema_version: '1'\nmunicipalty: {}\n", encoding="utf-8")
    (tmp / "syntax.yaml").write_text("a: [1\n", encoding="utf-8")
    (tmp / "twice.yaml").write_text("a: 1\na: 2\n", encoding="utf-8")
    (tmp / "alias.yaml").write_text("a: &x 1\nb: *x\n", encoding="utf-8")
    (tmp / "empty.yaml").write_text("", encoding="utf-8")
    (tmp / "list.yaml").write_text("- 1\n", encoding="utf-8")
    (tmp / "latin1.yaml").write_bytes("navn: Ærø\n".encode("latin-1"))
    (tmp / "bad.json").write_text('{"a": 1,}', encoding="utf-8")
    (tmp / "waivers.yaml").write_text("waivers:\n- rule: GOV-1\n  reason: ok\n", encoding="utf-8")
    plan = str(ROOT / "examples" / "vejle.yaml")
    return {
        "wrong type": (["validate", str(tmp / "type.yaml")], "type.yaml:3"),
        "unknown key": (["validate", str(tmp / "typo.yaml")], "typo.yaml:2"),
        "YAML syntax": (["validate", str(tmp / "syntax.yaml")], "syntax.yaml:2"),
        "duplicate key": (["validate", str(tmp / "twice.yaml")], "twice.yaml:2"),
        "anchor": (["validate", str(tmp / "alias.yaml")], "alias.yaml:1"),
        "empty": (["validate", str(tmp / "empty.yaml")], "empty.yaml"),
        "not a plan": (["validate", str(tmp / "list.yaml")], "list.yaml"),
        "not UTF-8": (["validate", str(tmp / "latin1.yaml")], "latin1.yaml"),
        "JSON syntax": (["validate", str(tmp / "bad.json")], "bad.json:1"),
        "no such file": (["check", str(tmp / "none.yaml")], "none.yaml"),
        "waiver file": (["check", plan, "--waivers", str(tmp / "waivers.yaml")], "waivers.yaml"),
        "unknown profile": (["check", plan, "--profile", "dk2030"], "dk2030"),
        "unknown command": (["chek", plan], "chek"),
        "missing argument": (["check"], "PLAN"),
        "bad date": (["check", plan, "--as-of", "2026-13-01"], "2026-13-01"),
        "bad jobs": (["batch", plan, "-o", str(tmp / "out"), "--jobs", "0"], "--jobs"),
        "output type": (["report", plan, "-o", str(tmp / "r.docx")], "r.docx"),
        "file exists": (["init", "-o", str(tmp / "type.yaml")], "type.yaml"),
        "no plan files": (["batch", str(tmp / "nothing"), "-o", str(tmp / "out")], "nothing"),
    }


def _run(args: list[str], lang: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "capf", *args, "--lang", lang], capture_output=True,
                          text=True, encoding="utf-8", check=False, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_each_loader_and_usage_error_is_one_line_in_the_output_language(
        tmp_path: Path, lang: str) -> None:
    (tmp_path / "nothing").mkdir()
    for case, (args, named) in _bad_inputs(tmp_path).items():
        done = _run(args, lang)
        lines = done.stderr.splitlines()
        assert done.returncode == 2, (case, done.stderr)
        assert len(lines) == 1 and named in lines[0], (case, done.stderr)
        prefix = {"da": "capf: fejl: ", "en": "capf: error: "}[lang]
        assert lines[0].startswith(prefix), (case, lines[0])
        if lang == "da":
            own = lines[0].replace(str(tmp_path), "")  # the user's file names are no English
            own = re.sub(r"'[^']*'|`[^`]*`|/[\w/.-]*|\bPLAN\b|\(\*\.yaml.*?\)", "", own)
            assert not ENGLISH.search(own), (case, lines[0])


def test_the_language_comes_from_capf_lang_when_the_arguments_do_not_parse(tmp_path: Path) -> None:
    env_en = subprocess.run([sys.executable, "-m", "capf", "chek"], capture_output=True, text=True,
                            encoding="utf-8", check=False, cwd=ROOT, timeout=60,
                            env={**_environ(), "CAPF_LANG": "en"})
    assert env_en.stderr.startswith("capf: error: capf: argument COMMAND: invalid choice")
    plain = subprocess.run([sys.executable, "-m", "capf", "chek"], capture_output=True, text=True,
                           encoding="utf-8", check=False, cwd=ROOT, timeout=60, env=_environ())
    assert plain.stderr.startswith("capf: fejl: capf: argument KOMMANDO: ugyldigt valg")


def test_the_api_keeps_english_and_carries_the_danish() -> None:
    from capf import InvalidPlan, load_plan

    with pytest.raises(InvalidPlan) as caught:
        load_plan({"schema_version": "1", "municipality": {"name": 42}})
    assert "expected string, got integer 42" in str(caught.value)
    assert "forventede tekst, fik heltal 42" in caught.value.text("da")
    assert caught.value.problems[0].text("da") == "forventede tekst, fik heltal 42"


def _environ() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "CAPF_LANG"}

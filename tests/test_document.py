"""The strict reader: every hostile YAML/JSON construct is refused where it appears."""

from __future__ import annotations

from pathlib import Path

import pytest

from capf.model.errors import InvalidDocument
from capf.read.document import MAX_DEPTH, parse_text, read_file

REFUSED_YAML = [
    ("anchor", "a: &x [1]\nb: 2\n", "x.yaml:1: YAML anchors"),
    ("alias", "a: [1]\nb: *x\n", "x.yaml:2"),
    ("billion laughs", 'a: &a ["lol","lol"]\nb: &b [*a,*a]\nc: [*b,*b]\n', "anchors"),
    ("recursive alias", "a: &x [1, *x]\n", "anchors"),
    ("merge key", "a: {b: 1}\nc:\n  <<: {d: 1}\n", "x.yaml:3: YAML merge keys"),
    ("duplicate key", "a: 1\nb: 2\na: 3\n", "x.yaml:3: duplicate key 'a' (first defined on line 1)"),
    ("integer key", "2030: 5\n", "mapping key '2030' is not a string"),
    ("boolean key", "true: 5\n", "is not a string"),
    ("collection key", "? [a]\n: 1\n", "plain strings"),
    ("nan", "a: .nan\n", "not finite"),
    ("inf", "a: -.inf\n", "not finite"),
    ("overflow float", "a: 1e999\n", "not finite"),
    ("huge integer", "a: " + "9" * 5000 + "\n", "too long"),
    ("python tag", "a: !!python/object/apply:os.system ['ls']\n", "explicit YAML tag"),
    ("str tag", "a: !!str 1\n", "explicit YAML tag"),
    ("two documents", "a: 1\n---\nb: 2\n", "more than one YAML document"),
    ("syntax", "a: [1, 2\n", "x.yaml:2:1: invalid YAML"),
    # Our limit; a libyaml build whose scanner reaches its own (1000) first says the same.
    ("deep", "a: " + "[" * 10_000 + "]" * 10_000 + "\n", f"nested deeper than {MAX_DEPTH}"),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in REFUSED_YAML])
def test_hostile_yaml_is_refused_with_its_place(text: str, expected: str) -> None:
    with pytest.raises(InvalidDocument) as caught:
        parse_text(text, "x.yaml")
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message


REFUSED_JSON = [
    ("nan", '{"a": NaN}', "not finite"),
    ("infinity", '{"a": -Infinity}', "not finite"),
    ("overflow", '{"a": 1e999}', "not finite"),
    ("duplicate", '{"a": 1, "a": 2}', "duplicate key 'a'"),
    ("syntax", '{"a": 1', "x.json:1:8: invalid JSON"),
    ("deep", "[" * 10_000 + "]" * 10_000, "nested deeper"),
    ("huge integer", '{"a": ' + "9" * 5000 + "}", "longer than 4,300 digits"),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in REFUSED_JSON])
def test_hostile_json_is_refused(text: str, expected: str) -> None:
    with pytest.raises(InvalidDocument, match=expected.replace("(", r"\(").replace(")", r"\)")):
        parse_text(text, "x.json", json_syntax=True)


def test_yaml_12_core_scalars() -> None:
    text = ("no: no\non: on\noctal: 0755\ndate: 2020-01-01\ntime: 12:30\nfloat: 1.10\n"
            "nothing: ~\nyes: true\nquoted: '1'\nblock: |\n  two\n")
    assert parse_text(text).data == {
        "no": "no", "on": "on", "octal": 755, "date": "2020-01-01", "time": "12:30",
        "float": 1.1, "nothing": None, "yes": True, "quoted": "1", "block": "two\n"}


def test_line_of_finds_nested_values_and_falls_back_to_the_parent() -> None:
    document = parse_text("a:\n  b:\n    - 1\n    - x: 2\n", "f.yaml")
    assert document.line_of("/a/b/1/x") == 4
    assert document.line_of("/a/b/1/unknown") == 4
    assert document.line_of("/a") == 1  # a member's own line: its key, not its first child


def test_a_missing_key_is_placed_on_its_nearest_parents_own_line() -> None:
    # Issue 15: /scenarios/bau/years landed on `action_pathway:`, the first child of bau.
    text = ("scenarios:\n  bau:\n    action_pathway: 1\n  target:\n    years: [2030]\n"
            "other: 2\n")
    document = parse_text(text, "f.yaml")
    assert document.line_of("/scenarios/bau/years") == 2
    assert document.line_of("/scenarios/bau/action_pathway") == 3
    assert document.line_of("/scenarios/target/years/0") == 5
    assert document.line_of("/nothing/here") is None or document.line_of("/nothing/here") == 1


def test_json_lines_are_found_too() -> None:
    document = parse_text('{\n  "a": {\n    "b": 1\n  }\n}', "f.json", json_syntax=True)
    assert document.line_of("/a/b") == 3


def test_bom_is_accepted_and_non_utf8_refused(tmp_path: Path) -> None:
    good = tmp_path / "bom.yaml"
    good.write_bytes("\ufeffmunicipality: {name: Ærø}\n".encode())
    assert read_file(good).data == {"municipality": {"name": "Ærø"}}
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("name: Ærø\n".encode("latin-1"))
    with pytest.raises(InvalidDocument, match="not UTF-8"):
        read_file(bad)


def test_size_limit_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("capf.read.document.MAX_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 200 + "\n")
    with pytest.raises(InvalidDocument, match="limit is 100"):
        read_file(big)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InvalidDocument, match="cannot read file"):
        read_file(tmp_path / "nope.yaml")
    with pytest.raises(InvalidDocument, match="cannot read file"):
        read_file(tmp_path)


def test_our_depth_limit_is_reached_before_libyamls() -> None:
    with pytest.raises(InvalidDocument, match=f"nested deeper than {MAX_DEPTH} levels"):
        parse_text("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", "x.yaml")
    parse_text("a: " + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2) + "\n", "x.yaml")

"""Bad input through the real command line: one short line naming file, row and column; exit 2."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from netmap.cli import main

ROOT = Path(__file__).parent.parent
BAD = Path(__file__).parent / "data" / "bad"

# fixture -> words the English message must contain (file, row, column or value)
CASES = {
    "missing_column": ["actors.csv", 'missing column "id"'],
    "empty_id": ["actors.csv row 5", '"id"', "empty"],
    "duplicate_id": ["actors.csv row 5", '"b"', "row 3"],
    "unknown_actor": ["relationer.csv row 8", '"lavuk2" is not an actor id'],
    "self_tie": ["ties.csv row 4", '"a"', "itself"],
    "strength_text": ["ties.csv row 4", '"strength"', '"stærk" is not a number'],
    "strength_range": ["ties.csv row 4", "outside 1-3"],
    "unknown_sector": ["actors.csv row 5", '"sector"', '"kommune"', "public, civil, private, citizen"],
    "unknown_level": ["actors.csv row 5", '"level"', "operational, management, political"],
    "bad_partner": ["actors.csv row 5", '"partner"', '"måske"'],
    "duplicate_tie": ["ties.csv row 4", "repeated", "row 2"],
    "empty_file": ["actors.csv", "empty"],
    "binary_file": ["actors.csv", "not a text file"],
    "wrong_shape.json": ["wrong_shape.json", "top level"],
    "unknown_version.json": ["unknown_version.json", "netmap_version 2"],
    "truncated.json": ["truncated.json", "cut off", "line 1"],
    "json_unknown_actor.json": ["json_unknown_actor.json ties[1]", '"zz" is not an actor id'],
    "not_a_workbook.xlsx": ["not_a_workbook.xlsx", "not a readable XLSX"],
    "no_sheets.xlsx": ["no_sheets.xlsx", '"actors"', "Ark1"],
    "xlsx_strength.xlsx": ["xlsx_strength.xlsx sheet relationer row 3", '"styrke"', "outside 1-3"],
    "unknown_scope": ["actors.csv row 5", '"scope"', '"verden"', "local, municipal, regional, national"],
    "duplicate_header": ["actors.csv", '"name" and "navn"'],
    "unclosed_quote": ["actors.csv row 2", "never closed"],
    "directed_and_undirected": ["ties.csv row 3", "repeated", "row 2"],
    "actors_not_list.json": ["actors_not_list.json", '"actors" must be a list'],
    "bad_date.json": ["bad_date.json", '"last tuesday"', "YYYY-MM-DD"],
    "object_id.json": ["object_id.json actors[0]", '"id"', "JSON object"],
    "one_sheet.xlsx": ["one_sheet.xlsx", "found: aktører"],
}
DANISH = {
    "unknown_sector": ["actors.csv række 5", "offentlig, civil (civilsamfund), privat, borger"],
    "unknown_actor": ["relationer.csv række 8", "er ikke et aktør-id"],
    "xlsx_strength.xlsx": ["ark relationer række 3", "ikke mellem 1 og 3"],
}


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "netmap", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=60)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_message(case):
    r = run("validate", BAD / case, "--lang", "en")
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 3, r.stderr
    for words in CASES[case]:
        assert words in r.stderr, (words, r.stderr)


@pytest.mark.parametrize("case", sorted(CASES))
def test_analyze_gives_the_same_message(case, capsys):
    """The same entry point as `python -m netmap analyze`, in-process (the subprocess path is above)."""
    assert main(["analyze", str(BAD / case), "--lang", "en"]) == 2
    out = capsys.readouterr()
    assert out.out == "" and out.err.strip() == run("validate", BAD / case, "--lang", "en").stderr.strip()


@pytest.mark.parametrize("case", sorted(DANISH))
def test_bad_input_message_in_danish_from_environment(case):
    r = run("validate", BAD / case, env={"NETMAP_LANG": "da"})
    assert r.returncode == 2
    for words in DANISH[case]:
        assert words in r.stderr, (words, r.stderr)


def test_missing_path_and_wrong_count(tmp_path):
    r = run("analyze", tmp_path / "nowhere.json")
    assert r.returncode == 2 and "nowhere.json: no such file or folder" in r.stderr
    r = run("analyze", BAD / "self_tie" / "actors.csv")
    assert r.returncode == 2 and "two CSV files" in r.stderr
    r = run("analyze", tmp_path)
    assert r.returncode == 2 and "actors.csv and ties.csv" in r.stderr


def test_convert_bad_output(tmp_path):
    r = run("convert", ROOT / "sample_networks" / "copenhagen", "-o", tmp_path / "x.pdf")
    assert r.returncode == 2 and "x.pdf" in r.stderr and "Traceback" not in r.stderr


def test_bad_group_by_lists_choices():
    r = run("analyze", ROOT / "sample_networks" / "copenhagen", "--group-by", "colour")
    assert r.returncode == 2 and '"colour"' in r.stderr and "sector" in r.stderr


def test_warning_does_not_stop_analysis(tmp_path):
    (tmp_path / "actors.csv").write_text("id,name\na,A\nb,B\n", encoding="utf-8")
    (tmp_path / "ties.csv").write_text("source,target\na,b\n", encoding="utf-8")
    r = run("validate", tmp_path)
    assert r.returncode == 0 and 'actor "a" has no sector' in r.stdout
    r = run("analyze", tmp_path, "--json")
    assert r.returncode == 0 and '"unknown"' in r.stdout

"""Bad input through the real command line: one short line naming file, row and column; exit 2."""

from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
BAD = Path(__file__).parent / "data" / "bad"

# fixture -> words the English message must contain (file, row, column or value)
CASES = {
    "missing_column": ["actors.csv", 'missing column "name" or "id" (found: betegnelse, sektor)'],
    "empty_id": ["actors.csv row 5", '"id"', "empty"],
    "duplicate_id": ["actors.csv row 5", '"b"', "row 3"],
    "unknown_actor": ["relationer.csv row 8", '"lavuk2" is not an actor id'],
    "self_tie": ["ties.csv row 4", '"a"', "itself"],
    "strength_text": ["ties.csv row 4", '"strength"', '"stærk" is not a number'],
    "strength_range": ["ties.csv row 4", "outside 1-3"],
    "bad_status": ["ties.csv row 3", '"status"', '"måske"', "active, planned"],
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
    "bad_status": ["ties.csv række 3", '"måske"', "aktiv, planlagt"],
    "missing_column": ['actors.csv: kolonnen "navn" eller "id" mangler (fundet: betegnelse, sektor)'],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_message(case, cli_inprocess):
    """In-process: the library's error, said by the CLI's one error handler."""
    status, out, err = cli_inprocess("validate", BAD / case, "--lang", "en")
    assert status == 2 and out == "" and "Traceback" not in err
    assert 1 <= len(err.strip().splitlines()) <= 3, err
    for words in CASES[case]:
        assert words in err, (words, err)
    assert cli_inprocess("analyze", BAD / case, "--lang", "en")[2] == err


@pytest.mark.parametrize("case", sorted(DANISH))
def test_bad_input_message_in_danish(case, cli_inprocess):
    err = cli_inprocess("validate", BAD / case, "--lang", "da")[2]
    for words in DANISH[case]:
        assert words in err, (words, err)


def test_bad_input_as_a_process(cli):
    """A real process: one line on stderr, exit status 2, no traceback; NETMAP_LANG picks Danish."""
    r = cli("validate", BAD / "unknown_actor", env={"NETMAP_LANG": "da"})
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr
    assert (
        r.stderr.strip() == 'relationer.csv række 8: kolonne "source": "lavuk2" er ikke et aktør-id eller et aktørnavn'
    )


def test_every_bad_row_of_a_file_is_said_at_once(tmp_path, cli):
    """A file with three mistakes: all three in one go, each with its file, row and column (a
    coordinator fixed one and uploaded again, three times). A bad actor's ties are not blamed."""
    (tmp_path / "aktører.csv").write_text(
        "id;navn;sektor\nkommune;Kommunen;offentlig\nforening;Foreningen;kommune\nskole;Skolen;civil\n",
        encoding="utf-8",
    )
    (tmp_path / "relationer.csv").write_text(
        "fra;til;styrke\nkommune;forening;2\nkommune;skole;7\nskole;Zeta;1\n", encoding="utf-8"
    )
    r = cli("validate", tmp_path, env={"NETMAP_LANG": "da"})
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert lines[0].endswith("3 problemer:"), r.stderr
    assert lines[1].startswith('- aktører.csv række 3: kolonne "sektor": "kommune"'), r.stderr
    assert lines[2].startswith('- relationer.csv række 3: kolonne "styrke"'), r.stderr
    assert lines[3].startswith('- relationer.csv række 4: kolonne "til": "Zeta"'), r.stderr
    assert len(lines) == 4


def test_a_file_with_many_bad_rows_says_the_first_ten_and_how_many_more(tmp_path, cli):
    (tmp_path / "actors.csv").write_text("id,name\na,A\nb,B\n", encoding="utf-8")
    rows = "".join(f"a,b,{9 + i}\n" for i in range(13))
    (tmp_path / "ties.csv").write_text("source,target,strength\n" + rows, encoding="utf-8")
    lines = cli("validate", tmp_path).stderr.strip().splitlines()
    assert lines[0].endswith("13 problems:") and len(lines) == 12
    assert lines[1].startswith("- ties.csv row 2:") and lines[10].startswith("- ties.csv row 11:")
    assert lines[11] == "- and 3 more"


def test_missing_path_and_wrong_count(tmp_path, cli):
    r = cli("analyze", tmp_path / "nowhere.json")
    assert r.returncode == 2 and "nowhere.json: no such file or folder" in r.stderr
    r = cli("analyze", BAD / "self_tie" / "actors.csv")
    assert r.returncode == 2 and "two CSV files" in r.stderr
    r = cli("analyze", tmp_path)
    assert r.returncode == 2 and "actors.csv and ties.csv" in r.stderr


def test_convert_bad_output(tmp_path, cli):
    r = cli("convert", ROOT / "sample_networks" / "copenhagen", "-o", tmp_path / "x.pdf")
    assert r.returncode == 2 and "x.pdf" in r.stderr and "Traceback" not in r.stderr


def test_bad_group_by_lists_choices(cli):
    r = cli("analyze", ROOT / "sample_networks" / "copenhagen", "--group-by", "colour")
    assert r.returncode == 2 and '"colour"' in r.stderr and "sector" in r.stderr


def test_warning_does_not_stop_analysis(tmp_path, cli):
    (tmp_path / "actors.csv").write_text("id,name\na,A\nb,B\n", encoding="utf-8")
    (tmp_path / "ties.csv").write_text("source,target\na,b\n", encoding="utf-8")
    r = cli("validate", tmp_path)
    assert r.returncode == 0 and 'actor "a" has no sector' in r.stdout
    r = cli("analyze", tmp_path, "--json")
    assert r.returncode == 0 and '"unknown"' in r.stdout

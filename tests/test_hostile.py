"""Files made to hurt (issue 9): each ends in bounded work and one line with exit status 2.

The attack files are written by tests/data/make_hostile.py into a temporary folder. Cases that
could hang or eat memory (a FIFO, a link to /dev/zero, bombs) also run as a real process with a
timeout, so a regression fails instead of hanging the suite.
"""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "data"))
import make_hostile  # noqa: E402

from netmap import limits  # noqa: E402
from netmap.present.terminal import safe_text  # noqa: E402
from netmap.reading import read_network  # noqa: E402

# case -> words the English message must contain
CASES = {
    "dimension.xlsx": ["dimension.xlsx", "A1:XFD1048576", "NETMAP_MAX_COLUMNS"],
    "bomb.xlsx": ["bomb.xlsx", "compressed", "zip bomb", "NETMAP_MAX_XLSX_RATIO"],
    "doctype.xlsx": ["doctype.xlsx", "DOCTYPE"],
    "truncated.xlsx": ["truncated.xlsx", 'sheet "actors" cannot be read', "ParseError"],
    "fifo.json": ["fifo.json", "not a regular file"],
    "zero.json": ["zero.json", "not a regular file"],
    "deep.json": ["deep.json", "nested more than 32 deep", "NETMAP_MAX_JSON_DEPTH"],
    "long_int.json": ["long_int.json actors[0]", 'column "id"', "5000 characters", "NETMAP_MAX_NUMBER_CHARS"],
    "nan.json": ["nan.json actors[0]", 'column "score"', "NaN is not a usable number"],
    "huge_id.json": ["huge_id.json actors[0]", 'column "id"', "1e400 is not a usable number"],
    "control_name.json": ["control_name.json actors[0]", 'column "name"', "control character (U+001B)"],
    "control_csv": ["actors.csv row 202", 'column "name"', "control character (U+001B)"],
}
#: Cases that hung, read for ever or took minutes and gigabytes before issue 9.
HANGS = ["fifo.json", "zero.json", "bomb.xlsx", "dimension.xlsx", "deep.json"]


@pytest.fixture(scope="module")
def attacks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return {name: make(folder) for name, make in make_hostile.CASES.items()}


def _one_clean_line(status, out, err):
    assert status == 2 and out == "" and "Traceback" not in err, (status, out, err)
    assert 1 <= len(err.strip().splitlines()) <= 3, err
    assert "\x1b" not in err and "\x07" not in err, err


@pytest.mark.parametrize("case", sorted(CASES))
def test_attack_file_gives_one_line(case, attacks, cli_inprocess):
    status, out, err = cli_inprocess("validate", attacks[case], "--lang", "en")
    _one_clean_line(status, out, err)
    for words in CASES[case]:
        assert words in err, (words, err)
    status, _out, err_da = cli_inprocess("validate", attacks[case], "--lang", "da")
    assert status == 2 and err_da != err  # said in Danish too


@pytest.mark.parametrize("case", HANGS)
def test_attack_file_as_a_process_ends_quickly(case, attacks, cli):
    r = cli("validate", attacks[case], timeout=30)
    _one_clean_line(r.returncode, r.stdout, r.stderr)


def test_links_to_devices_and_pipes_in_a_folder_or_pair(tmp_path, cli):
    """A pipe or device given as one of two CSV files, or inside a folder, is refused too."""
    good = tmp_path / "ties.csv"
    good.write_text("source,target\na,b\n", encoding="utf-8")
    (tmp_path / "actors.csv").symlink_to("/dev/zero")
    r = cli("validate", tmp_path / "actors.csv", good, timeout=30)
    assert r.returncode == 2 and "not a regular file" in r.stderr
    r = cli("validate", tmp_path, timeout=30)
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_bomb_is_refused_by_size_and_ratio(tmp_path, cli_inprocess, monkeypatch):
    """The zip directory's sizes are checked: the unpacked total, then each part's ratio; both can be raised."""
    small = make_hostile.bomb_xlsx(tmp_path, megabytes=20)
    monkeypatch.setenv("NETMAP_MAX_XLSX_UNCOMPRESSED_MB", "10")
    err = cli_inprocess("validate", small)[2]
    assert "unpacks to more than 10 MB" in err and "NETMAP_MAX_XLSX_UNCOMPRESSED_MB" in err
    monkeypatch.delenv("NETMAP_MAX_XLSX_UNCOMPRESSED_MB")
    assert "zip bomb" in cli_inprocess("validate", small)[2]


def test_limits_are_settings(tmp_path, cli_inprocess, monkeypatch):
    d = tmp_path / "net"
    d.mkdir()
    (d / "actors.csv").write_text("id;name\n" + "".join(f"a{i};A{i}\n" for i in range(20)), encoding="utf-8")
    (d / "ties.csv").write_text("source;target\na0;a1\n", encoding="utf-8")
    assert cli_inprocess("validate", d)[0] == 0
    monkeypatch.setenv("NETMAP_MAX_ROWS", "10")
    status, _out, err = cli_inprocess("validate", d)
    assert status == 2 and "actors.csv row 11: more than 10 rows" in err and "NETMAP_MAX_ROWS" in err
    monkeypatch.setenv("NETMAP_MAX_ROWS", "lots")
    status, _out, err = cli_inprocess("validate", d)
    assert status == 2 and "NETMAP_MAX_ROWS must be a whole number" in err
    monkeypatch.delenv("NETMAP_MAX_ROWS")
    monkeypatch.setenv("NETMAP_MAX_COLUMNS", "1")
    assert "more than 1 columns" in cli_inprocess("validate", d)[2]
    monkeypatch.delenv("NETMAP_MAX_COLUMNS")
    monkeypatch.setenv("NETMAP_MAX_FILE_MB", "1")
    (d / "ties.csv").write_text("source;target\n" + "a0;a1\n" * 200_000, encoding="utf-8")
    status, _out, err = cli_inprocess("validate", d)
    assert status == 2 and "ties.csv: the file is larger than 1 MB" in err


def test_defaults_admit_two_million_ties():
    """The named defaults leave room for a 2,000,000-tie CSV (benchmarks/bench_read_large.py reads one)."""
    d = limits.DEFAULT
    assert d.max_rows > 2_000_001 and d.max_file_mb * 10**6 > 2_000_000 * 40
    assert limits.setting("max_file_mb") == "NETMAP_MAX_FILE_MB"


def test_dimension_limit_counts_cells(tmp_path, monkeypatch):
    """A sheet within the row and column limits can still declare too many cells."""
    path = make_hostile.dimension_xlsx(tmp_path)
    monkeypatch.setenv("NETMAP_MAX_COLUMNS", "20000")
    monkeypatch.setenv("NETMAP_MAX_ROWS", "2000000")
    with pytest.raises(Exception, match="more than 25000000 cells"):
        read_network(path)


@pytest.mark.parametrize(
    "actor, words",
    [
        ({"id": "a", "attributes": {"x": float("nan")}}, None),  # written as NaN by json.dumps below
        ({"id": "a", "x": "Infinity"}, '"Infinity" is not a number'),
        ({"id": "a", "name": "Jens\u202eevil"}, "U+202E"),
        ({"id": "a\tb"}, "U+0009"),
        ({"id": "a", "kind": "x\x85"}, "U+0085"),
        ({"id": "a", "attributes": {"note\x1b": "x"}}, "U+001B"),
        ({"id": "a", "attributes": {"deep": [[["\x9b2J"]]]}}, "U+009B"),
    ],
)
def test_refused_values_name_row_and_column(tmp_path, actor, words):
    path = tmp_path / "n.json"
    path.write_text(json.dumps({"netmap_version": 1, "actors": [actor], "ties": []}), encoding="utf-8")
    with pytest.raises(Exception, match=r"n\.json actors\[0\]: column") as info:
        read_network(path)
    if words:
        assert words in str(info.value)


def test_notes_and_names_keep_tabs_and_line_breaks(tmp_path):
    doc = {"netmap_version": 1, "actors": [{"id": "a", "name": "Line one\nline two", "notes": "a\tb\r\nc"}], "ties": []}
    path = tmp_path / "n.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    a = read_network(path).actors[0]
    assert a.name == "Line one\nline two" and a.notes == "a\tb\r\nc"


def test_xlsx_infinite_cell_is_refused(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actors"
    ws.append(["id", "score"])
    ws.append(["a", 1.5])
    wb.create_sheet("ties").append(["source", "target"])
    wb.save(tmp_path / "n.xlsx")
    data = make_hostile._rezip(
        (tmp_path / "n.xlsx").read_bytes(),
        lambda n, b: b.replace(b"<v>1.5</v>", b"<v>1e400</v>"),
        tmp_path / "inf.xlsx",
    )
    with pytest.raises(Exception, match=r'sheet actors row 2: column "score": inf is not a usable number'):
        read_network(data)


def test_terminal_output_escapes_control_characters(tmp_path, cli_inprocess):
    """A file name with escape sequences (names of files are free text) is shown, not obeyed."""
    path = tmp_path / "x\x1b]0;owned\x07\x1b[2J.json"
    path.write_text("{", encoding="utf-8")
    status, out, err = cli_inprocess("analyze", path)
    assert status == 2 and "\x1b" not in err and "\x07" not in err
    assert "x\\x1b]0;owned\\x07\\x1b[2J.json" in err
    assert safe_text("a\u202eb\nc", keep="") == "a\\u202eb\\x0ac"


def test_cells_read_are_counted_whatever_the_sheet_declares(tmp_path, monkeypatch):
    path = make_hostile.bomb_xlsx(tmp_path, megabytes=2)  # no <dimension>, 2 MB of rows
    monkeypatch.setenv("NETMAP_MAX_CELLS", "1000")
    monkeypatch.setenv("NETMAP_MAX_XLSX_RATIO", "100000")
    with pytest.raises(Exception, match=r"bomb.xlsx sheet actors row \d+: more than 1000 cells"):
        read_network(path)


def test_a_pipe_is_refused_when_opened_too(tmp_path):
    """The check on the open file: a FIFO given straight to the table reader (the app's import step)."""
    from netmap.model import ACTOR_FIELDS
    from netmap.reading import read_table_records

    path = make_hostile.fifo_json(tmp_path).rename(tmp_path / "actors.csv")
    with pytest.raises(Exception, match="not a regular file"):
        read_table_records(path, ACTOR_FIELDS, ["id"])


def test_csv_cells_are_counted(tmp_path, monkeypatch):
    """A CSV of nothing but delimiters is bounded by the cells read, not only by its size."""
    d = tmp_path / "net"
    d.mkdir()
    (d / "actors.csv").write_text("id;name\n" + (";" * 900 + "\n") * 50, encoding="utf-8")
    (d / "ties.csv").write_text("source;target\na;b\n", encoding="utf-8")
    monkeypatch.setenv("NETMAP_MAX_CELLS", "10000")
    with pytest.raises(Exception, match=r"actors.csv row 13: more than 10000 cells .*NETMAP_MAX_CELLS"):
        read_network(d)


def test_control_character_in_the_network_name_is_refused(tmp_path, cli_inprocess):
    """The network's own name (JSON "name") is text shown in titles and terminals too."""
    import json

    doc = {"netmap_version": 1, "name": "kort\x1b]0;pwned\x07", "actors": [{"id": "a"}], "ties": []}
    (tmp_path / "net.json").write_text(json.dumps(doc), encoding="utf-8")
    status, out, err = cli_inprocess("analyze", tmp_path / "net.json", "--json")
    assert status == 2 and out == "" and "U+001B" in err and "\x1b" not in err


def test_an_entity_declared_in_a_utf16_sheet_is_refused(tmp_path, cli_inprocess):
    """The declaration check reads UTF-16 parts too (found by review: a byte search for the UTF-8
    form alone let entities in a UTF-16 sheet through, and the name became "lollollollol")."""
    import zipfile

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "actors"
    wb.active.append(["id", "name"])
    wb.active.append(["a", "A"])
    wb.create_sheet("ties").append(["source", "target"])
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    sheet = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY l0 "lol">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>&l0;</t></is></c></row></sheetData></worksheet>'
    ).encode("utf-16")
    bad = tmp_path / "utf16.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, sheet if item.filename == "xl/worksheets/sheet1.xml" else data)
    status, out, err = cli_inprocess("validate", bad)
    assert status == 2 and out == "" and "DOCTYPE or ENTITY" in err and len(err.strip().splitlines()) == 1

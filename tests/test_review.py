"""The review of Table 7.1: the model, its files, and where it travels (JSON, XLSX, workspace,
snapshots, table edits, pseudonyms, the command line). Real files in tmp_path, the real CLI."""

import csv
import json
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from netmap.errors import InputError
from netmap.model import Actor, Network, Tie, validate
from netmap.reading import read_network, read_review
from netmap.review import Entry, review_changes, with_entry
from netmap.snapshots import SnapshotStore
from netmap.workspace import Workspace
from netmap.writing import to_json, write_network, write_review

ROOT = Path(__file__).resolve().parent.parent
COPENHAGEN = ROOT / "sample_networks" / "copenhagen"


def csv_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


def reviewed():
    net = read_network(COPENHAGEN)
    net = with_entry(net, 3, 2, "Socialforvaltningen er svær at nå efter personudskiftningen", "2017-02-01")
    net = with_entry(net, 13, "ikke på plads")
    return with_entry(net, 19, None, "=Tid afsat i budgettet", "2017-03-01")


def test_entries_hold_the_scale_and_drop_when_empty():
    net = reviewed()
    assert net.review == {
        3: Entry(3, 2, "Socialforvaltningen er svær at nå efter personudskiftningen", "2017-02-01"),
        13: Entry(13, 1, "", None),
        19: Entry(19, None, "=Tid afsat i budgettet", "2017-03-01"),
    }
    assert [e.group for e in net.review.values()] == ["relational", "structural", "organisations"]
    assert 13 not in with_entry(net, 13, None, "").review
    with pytest.raises(InputError, match="outside the scale"):
        with_entry(net, 4, 5)


def test_a_network_without_a_review_is_written_as_before(tmp_path):
    net = read_network(COPENHAGEN)
    assert net.review == {} and "review" not in to_json(net)
    path = write_network(net, tmp_path / "c.json")
    assert "review" not in json.loads(path.read_text("utf-8"))


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_review_travels_in_json_and_xlsx(tmp_path, suffix, lang):
    net = reviewed()
    path = write_network(net, tmp_path / f"c{suffix}", lang=lang)
    assert read_network(path).review == net.review
    if suffix == ".xlsx":
        sheets = openpyxl.load_workbook(path).sheetnames
        assert ("vurdering" if lang == "da" else "review") in sheets


def test_a_review_sheet_in_a_hand_made_workbook(tmp_path):
    """A coordinator adds a sheet "vurdering" to the template by hand: ratings as words or numbers."""
    path = tmp_path / "net.xlsx"
    write_network(read_network(COPENHAGEN), path, lang="da")
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("Vurdering")
    for row in (["Nr.", "Vurdering", "Bemærkning"], [1, "delvist", "Lokalt stærkt"], [14, 3, ""]):
        ws.append(row)
    wb.save(path)
    assert read_network(path).review == {1: Entry(1, 2, "Lokalt stærkt"), 14: Entry(14, 3)}


@pytest.mark.parametrize(
    "rows, message",
    [
        ([["3", "2"], ["20", "1"]], 'r.csv row 3: column "number": "20" is not an element of Table 7.1'),
        ([["3", "2"], ["4", "7"]], 'r.csv row 3: column "rating": the rating "7" is outside the scale'),
        ([["3", "2"], ["4", "0"]], 'r.csv row 3: column "rating": the rating "0" is outside the scale'),
        ([["3", "2"], ["4", "2,5"]], 'r.csv row 3: column "rating": the rating "2,5" is outside the scale'),
        ([["3", "2"], ["3", "1"]], 'r.csv row 3: column "number": element 3 is given twice \\(first at r.csv row 2\\)'),
        ([["x", "2"]], 'r.csv row 2: column "number": "x" is not an element'),
    ],
)
def test_bad_review_rows_name_the_file_row_and_column(tmp_path, rows, message):
    path = tmp_path / "r.csv"
    path.write_text("number;rating\n" + "".join(";".join(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_review(path)


def test_a_bad_review_in_json_names_the_item(tmp_path):
    doc = to_json(reviewed())
    doc["review"][1]["rating"] = 9
    path = tmp_path / "c.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError, match=r'c.json review\[1\]: column "rating": the rating "9"'):
        read_network(path)


def test_a_bad_review_sheet_names_the_sheet_and_row(tmp_path):
    path = write_network(reviewed(), tmp_path / "c.xlsx", lang="da")
    wb = openpyxl.load_workbook(path)
    wb["vurdering"]["A3"] = 33
    wb.save(path)
    with pytest.raises(InputError, match='c.xlsx sheet vurdering row 3: column "nr": "33" is not an element'):
        read_network(path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_review_files_round_trip_with_danish_headers(tmp_path, suffix):
    from netmap.analysis import analyze

    net = reviewed()
    path = write_review(net, tmp_path / f"vurdering{suffix}", lang="da", result=analyze(net))
    assert read_review(path) == net.review
    if suffix == ".csv":
        rows = csv_rows(path)
        assert rows[0] == ["nr", "gruppe", "element", "vurdering", "note", "dato", "netværket viser"]
        assert rows[13][:6] == [
            "13",
            "Strukturelle elementer",
            "Det politiske klima bakker op om partnerskabet",
            "1",
            "",
            "",
        ]
        assert rows[13][6].startswith("Imod: Ingen politisk forankring")
        # a note that a spreadsheet would run as a formula is written as text and read back unchanged
        assert "'=Tid afsat i budgettet" in path.read_text("utf-8-sig")


def test_the_workspace_keeps_the_review_with_the_revisions(tmp_path):
    ws = Workspace(tmp_path / "ws.sqlite")
    ws.create("kbh", read_network(COPENHAGEN))
    rev = ws.save("kbh", reviewed())
    assert rev == 2 and ws.load("kbh").review == reviewed().review
    ws.undo("kbh")
    assert ws.load("kbh").review == {}
    ws.redo("kbh")
    assert ws.load("kbh").review[13].rating == 1


def test_snapshots_keep_the_review_and_older_ones_still_load(tmp_path):
    store = SnapshotStore(tmp_path / "ws.sqlite")
    old = store.save("kbh", read_network(COPENHAGEN), label="før", date="2017-01-15")
    new = store.save("kbh", reviewed(), label="efter", date="2017-09-01")
    assert "review" not in json.loads(store.get(old)["content"])  # as snapshots were saved before reviews
    assert store.load(old).review == {}
    assert store.load(new).review == reviewed().review
    changes = review_changes(store.load(old).review, store.load(new).review)
    assert [(c["number"], c["changed"]) for c in changes] == [(3, ["rating", "note"]), (13, ["rating"]), (19, ["note"])]


def test_table_edits_and_validation_keep_the_review():
    from netmap.ui.edits import actors_frame, actors_from_frame

    net = reviewed()
    assert validate(net).review == net.review
    frame = actors_frame(net)
    frame.loc[0, "name"] = "Lavuk Stjernen"
    edited, _removed, _renamed = actors_from_frame(net, frame)
    assert edited.actors[0].name == "Lavuk Stjernen" and edited.review == net.review


def test_pseudonymised_review_notes_do_not_name_citizens():
    net = Network(
        actors=[Actor("k", name="Kommunen", partner=True), Actor("b", name="Jens Hansen", sector="citizen")],
        ties=[Tie("k", "b")],
    )
    net = with_entry(net, 14, 2, "Jens Hansen vil gerne med i styregruppen")
    from netmap.privacy import pseudonymise

    note = pseudonymise(net, key="k").review[14].note
    assert "Jens" not in note and "Hansen" not in note and note.endswith("vil gerne med i styregruppen")


def test_cli_review_export_import_and_show(cli, tmp_path):
    out = tmp_path / "vurdering.csv"
    r = cli("review", "export", COPENHAGEN, "-o", out, "--lang", "da")
    assert r.returncode == 0, r.stderr
    rows = csv_rows(out)
    assert rows[0] == ["nr", "gruppe", "element", "vurdering", "note", "dato", "netværket viser"]
    assert len(rows) == 20
    # the coordinator fills in element 13 in a spreadsheet and brings the file back
    rows[13][3:6] = ["1", "Ingen politiker tæt på partnerskabet", "2017-09-01"]
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    net_out = tmp_path / "kbh.json"
    r = cli("review", "import", out, COPENHAGEN, "-o", net_out)
    assert r.returncode == 0, r.stderr
    assert read_network(net_out).review == {13: Entry(13, 1, "Ingen politiker tæt på partnerskabet", "2017-09-01")}
    r = cli("review", "show", net_out, "--lang", "da")
    assert r.returncode == 0, r.stderr
    assert "13. Det politiske klima bakker op om partnerskabet: ikke på plads (1. september 2017)" in r.stdout
    assert "Ingen politiker tæt på partnerskabet" in r.stdout


@pytest.mark.parametrize(
    "body, words",
    [
        ("nr;vurdering\n3;2\n20;1\n", ['bad.csv række 3: kolonne "nr": "20" er ikke et element i tabel 7.1']),
        ("nr;vurdering\n3;2\n4;7\n", ['bad.csv række 3: kolonne "vurdering": vurderingen "7" ligger uden for skalaen']),
        ("nr;vurdering\n3;2\n3;1\n", ['bad.csv række 3: kolonne "nr": element 3 står der to gange']),
    ],
)
def test_cli_bad_review_file_one_line_exit_2_nothing_written(cli, tmp_path, body, words):
    bad = tmp_path / "bad.csv"
    bad.write_text(body, encoding="utf-8")
    out = tmp_path / "net.json"
    r = cli("review", "import", bad, COPENHAGEN, "-o", out, "--lang", "da")
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and all(w in r.stderr for w in words), r.stderr
    assert not out.exists()


def test_cli_review_import_refuses_a_format_that_would_drop_the_review(cli, tmp_path):
    r = cli("review", "import", tmp_path / "none.csv", COPENHAGEN, "-o", tmp_path / "out.graphml")
    assert r.returncode == 2 and "in a .json or .xlsx file" in r.stderr
    assert not (tmp_path / "out.graphml").exists()


def test_review_with_replace_is_checked_when_saved(tmp_path):
    """A review built in code goes through the same checks when the workspace saves it."""
    ws = Workspace(tmp_path / "ws.sqlite")
    ws.create("kbh", read_network(COPENHAGEN))
    with pytest.raises(InputError, match="outside the scale"):
        ws.save("kbh", replace(read_network(COPENHAGEN), review={2: Entry(2, 6)}))
    assert ws.revision("kbh") == 1


def test_cli_convert_says_when_a_format_drops_the_review(cli, tmp_path):
    net_file = write_network(reviewed(), tmp_path / "kbh.json")
    r = cli("convert", net_file, "-o", tmp_path / "kbh.graphml", "--lang", "da")
    assert r.returncode == 0 and "gemmer ikke vurderingen" in r.stderr
    r = cli("convert", net_file, "-o", tmp_path / "kbh.xlsx")
    assert r.returncode == 0 and r.stderr == ""
    assert read_network(tmp_path / "kbh.xlsx").review == reviewed().review


def test_netmap_diff_prints_and_returns_how_the_review_changed(tmp_path, cli):
    """`netmap diff` names each element whose rating or note changed, in English and Danish, and
    --json holds the same; the wording is Table 7.1's and the scale's (written out here)."""
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    write_network(read_network(COPENHAGEN), old)
    write_network(reviewed(), new)
    done = cli("diff", old, new)
    assert done.returncode == 0, done.stderr
    assert (
        "Ties: 0 added, 0 removed, 0 changed\n"
        "Review (Table 7.1): 3 elements changed\n"
        "  ~ 3. Good personal relations, kept up and developed, formally and informally: rating: not assessed"
        " → partly in place; note: - → Socialforvaltningen er svær at nå efter personudskiftningen\n"
        "  ~ 13. The political climate supports the partnership: rating: not assessed → not in place\n"
        "  ~ 19. Investment of time and resources: note: - → =Tid afsat i budgettet\n\n"
    ) in done.stdout
    da = cli("diff", old, new, "--lang", "da").stdout
    assert "Vurdering (tabel 7.1): 3 elementer er ændret\n" in da
    assert "  ~ 13. Det politiske klima bakker op om partnerskabet: vurdering: ikke vurderet → ikke på plads\n" in da
    assert json.loads(cli("diff", old, new, "--json").stdout)["review"] == [
        {"number": 3, "rating": [None, 2], "note": ["", "Socialforvaltningen er svær at nå efter personudskiftningen"]},
        {"number": 13, "rating": [None, 1], "note": ["", ""]},
        {"number": 19, "rating": [None, None], "note": ["", "=Tid afsat i budgettet"]},
    ]
    assert "Review (Table 7.1)" not in cli("diff", new, new).stdout  # nothing changed: no review lines

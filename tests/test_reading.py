"""Reading and writing every format, with Danish Excel CSV and unusual text kept exactly."""

import csv
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from netmap import read_network, to_json, write_network
from netmap.privacy import pseudonym

GOOD = Path(__file__).parent / "data" / "good"
SAMPLES = Path(__file__).parent.parent / "sample_networks"
FORMATS = ["net.json", "net.xlsx", "csvdir", "net.graphml", "net.gexf"]


def _doc(net):
    return json.dumps(to_json(net), sort_keys=True, ensure_ascii=False)


@pytest.mark.parametrize("folder", ["danish_excel_cp1252", "danish_excel_utf8_bom"])
def test_danish_excel_csv(folder):
    net = read_network(GOOD / folder)
    kff = net.actor("kff")
    assert kff.name == "Kultur- og Fritidsforvaltningen"
    assert (kff.sector, kff.level, kff.scope, kff.partner) == ("public", "management", "municipal", True)
    assert kff.notes == "Første linje\nanden linje; med semikolon"  # quoted newline, CRLF inside
    assert kff.attributes == {"kommune": "Fredericia"}
    assert net.actor("aft").name == "Aftenskolen Æblehaven" and net.actor("aft").sector == "civil"
    assert net.actor("bot").partner is False and net.actor("byr").level == "political"
    tie = net.ties[0]
    assert (tie.kind, tie.strength, tie.directed) == ("personlig", 2.5, False)
    assert net.ties[-1].directed is True


def test_both_encodings_give_the_same_network():
    a, b = read_network(GOOD / "danish_excel_cp1252"), read_network(GOOD / "danish_excel_utf8_bom")
    a.name = b.name = "same"
    assert _doc(a) == _doc(b)


def test_two_csv_files_actors_first():
    folder = GOOD / "danish_excel_utf8_bom"
    net = read_network(folder / "aktører.csv", folder / "relationer.csv")
    assert len(net.actors) == 5 and len(net.ties) == 5


@pytest.mark.parametrize("out", FORMATS)
@pytest.mark.parametrize("source", ["unusual_text", "danish_excel_cp1252"])
def test_round_trip_every_format(tmp_path, out, source):
    """Everything survives: text with æøå, emoji, RTL, quotes, newlines, formula-like text, custom columns."""
    net = read_network(GOOD / source)
    path = write_network(net, tmp_path / out)
    back = read_network(path)
    assert [a.__dict__ for a in back.actors] == [a.__dict__ for a in net.actors]
    assert [t.__dict__ for t in back.ties] == [t.__dict__ for t in net.ties]


def test_unusual_text_is_kept_exactly():
    net = read_network(GOOD / "unusual_text")
    names = {a.id: a.name for a in net.actors}
    assert names["007"] == "Ældre Sagen – Øst & Å"
    assert names["NA"] == "NA" and names["None"] == "None"
    assert names["emoji"] == "Frivillig 🎨🎭 café"
    assert names["rtl"] == "مركز ثقافي עברית"
    assert names["quotes"] == 'He said "hej"; \'ok\''
    assert names["newline"] == "Line one\nline two"
    assert names["eq"] == "=SUM(A1:A2)" and names["at"] == "@kommune"
    assert names["quote_eq"] == "'=already quoted"


def test_xlsx_writes_formula_text_as_text(tmp_path):
    net = read_network(GOOD / "unusual_text")
    path = write_network(net, tmp_path / "n.xlsx")
    ws = openpyxl.load_workbook(path)["actors"]
    cells = {row[0].value: row[1] for row in ws.iter_rows(min_row=2)}
    assert cells["eq"].value == "=SUM(A1:A2)" and cells["eq"].data_type == "s"
    assert cells["plus"].data_type == "s" and cells["007"].data_type == "s"  # "007" stays text
    # and no formula anywhere in the sheet XML
    with zipfile.ZipFile(path) as z:
        assert all("<f>" not in z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_csv_neutralises_formulas_as_owasp_advises(tmp_path):
    net = read_network(GOOD / "unusual_text")
    write_network(net, tmp_path / "out")
    with open(tmp_path / "out" / "actors.csv", encoding="utf-8-sig", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh, delimiter=";")}
    assert rows["eq"]["name"] == "'=SUM(A1:A2)"
    assert rows["plus"]["name"] == "'+45 12 34 56 78"
    assert rows["minus"]["name"] == "'-frivillig-"
    assert rows["at"]["name"] == "'@kommune"
    assert rows["quote_eq"]["name"] == "''=already quoted"
    assert rows["007"]["farve"] == "'=1+1"
    assert rows["emoji"]["name"] == "Frivillig 🎨🎭 café"


def test_samples_round_trip_through_json(tmp_path):
    for sample in ("copenhagen", "fredericia"):
        net = read_network(SAMPLES / sample)
        back = read_network(write_network(net, tmp_path / f"{sample}.json"))
        assert _doc(back) == _doc(net)


def test_pseudonymise_every_writer(tmp_path):
    net = read_network(GOOD / "unusual_text")  # "007" is a citizen with notes and a custom value
    assert net.actor("007").sector == "citizen"
    p = pseudonym("007")
    for out in FORMATS:
        path = write_network(net, tmp_path / out, pseudonymise=True)
        files = [path] if path.is_file() else list(path.iterdir())
        text = "".join(f.read_bytes().decode("utf-8", "ignore") for f in files if f.suffix != ".xlsx")
        back = read_network(path)
        ids = [a.id for a in back.actors]
        assert "007" not in ids and p in ids
        citizen = back.actor(p)
        assert citizen.name == p and citizen.notes == ""
        assert all(v == "" for v in citizen.attributes.values())  # a table keeps the column, empty
        assert all(t.notes == "" and not any(t.attributes.values()) for t in back.ties if p in (t.source, t.target))
        if text:
            assert "Ældre Sagen" not in text
        assert back.actor("eq").name == "=SUM(A1:A2)"  # other actors unchanged
    assert pseudonym("007") == p  # stable


def test_graphml_is_gephi_readable_xml(tmp_path):
    import networkx as nx
    net = read_network(SAMPLES / "fredericia")
    G = nx.read_graphml(write_network(net, tmp_path / "f.graphml"))
    assert G.number_of_nodes() == len(net.actors)
    assert set(next(iter(G.nodes(data=True)))[1]) >= {"name", "sector", "level", "scope", "partner"}
    H = nx.read_gexf(write_network(net, tmp_path / "f.gexf"))
    assert H.number_of_edges() == len(net.ties)

"""Reading and writing every format, with Danish Excel CSV and unusual text kept exactly."""

import csv
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from netmap import read_network, to_json, write_network
from netmap.present.report import warning_text
from netmap.privacy import pseudonym

GOOD = Path(__file__).parent / "data" / "good"
SAMPLES = Path(__file__).parent.parent / "sample_networks"
FORMATS = ["net.json", "net.xlsx", "csvdir", "net.graphml", "net.gexf"]
TABLES = ("net.xlsx", "csvdir")


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
    assert (tie.kind, tie.strength, tie.directed) == ("personal", 2.5, False)  # "personlig", as "offentlig"
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
    assert names["quotes"] == "He said \"hej\"; 'ok'"
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


def test_rich_network_round_trips_exactly(tmp_path):
    """A hand-written network with every kind of value: positions, decimal strength, directed ties,
    custom attributes of several types, empty ones, a planned tie, and names that collide with fields ("Type",
    "sector", "label") or look like formulas ("=1+1"). JSON and GraphML keep the values' types;
    CSV and XLSX (read as text, as METHODS.md asks) and GEXF keep their text. Name and date are
    kept by JSON, XLSX (sheet "netmap") and GraphML."""
    src = json.loads((GOOD / "rich.json").read_text(encoding="utf-8"))
    net = read_network(GOOD / "rich.json")
    assert to_json(net) == src
    for out in FORMATS:
        back = to_json(read_network(write_network(net, tmp_path / out)))
        assert [(a["id"], a["x"], a["y"]) for a in back["actors"]] == [("a", 1.25, -3.5), ("b", 10.0, 0.5)]
        assert [t["strength"] for t in back["ties"]] == [1.5, 3] and [t["directed"] for t in back["ties"]] == [
            False,
            True,
        ]
        for a, a0 in zip(back["actors"], src["actors"]):
            assert {k: str(v).lower() for k, v in a["attributes"].items()} == {
                k: str(v).lower() for k, v in a0["attributes"].items()
            }, out
            # a table reads a kind's Danish name as its code, as it reads a sector's ("offentlig")
            kind = {"aftenskole": "evening_school"}.get(a0["kind"], a0["kind"]) if out in TABLES else a0["kind"]
            assert a["kind"] == kind and a["sector"] == a0["sector"]
        assert [t["attributes"] for t in back["ties"]] == [t["attributes"] for t in src["ties"]]
        assert [t["status"] for t in back["ties"]] == ["active", "planned"], out
        if out in ("net.json", "net.xlsx", "net.graphml"):
            assert (back["name"], back["date"]) == ("Rig prøve", "2024-05-01")
        if out in ("net.json", "net.graphml"):
            assert back["actors"] == src["actors"], out  # types kept too


def test_danish_csv_is_written_with_decimal_commas(tmp_path):
    write_network(read_network(GOOD / "rich.json"), tmp_path / "out")
    actors = (tmp_path / "out" / "actors.csv").read_text(encoding="utf-8-sig")
    ties = (tmp_path / "out" / "ties.csv").read_text(encoding="utf-8-sig")
    assert ";1,25;-3,5;" in actors and ";1,5;" in ties
    assert "'=1+1" in actors.splitlines()[0] and "attr:Type" in actors and "attr:sector" in actors


def test_danish_tables_name_the_kinds_in_danish_and_read_them_back(tmp_path):
    net = read_network(SAMPLES / "copenhagen")
    write_network(net, tmp_path / "da", lang="da")
    actors = list(csv.reader((tmp_path / "da" / "aktører.csv").open(encoding="utf-8-sig"), delimiter=";"))
    ties = list(csv.reader((tmp_path / "da" / "relationer.csv").open(encoding="utf-8-sig"), delimiter=";"))
    kinds = {row[0]: row[2] for row in actors[1:]}
    # the sample's codes (day_service, coordinator, department, top_management) by their Danish names
    assert (kinds["dagtilbud_a"], kinds["lavuk_koordinator"], kinds["socialforvaltningen"], kinds["direktion"]) == (
        "dagtilbud",
        "koordinator",
        "forvaltning",
        "topledelse",
    )
    assert {row[2] for row in ties[1:]} == {
        "formel aftale",
        "samarbejde",
        "personlig (uformel)",
        "finansiering",
        "information",
    }
    for back in (read_network(tmp_path / "da"), read_network(write_network(net, tmp_path / "n.xlsx", lang="da"))):
        assert [a.kind for a in back.actors] == [a.kind for a in net.actors]
        assert [t.kind for t in back.ties] == [t.kind for t in net.ties]


def test_a_kind_by_a_word_netmap_knows_reads_as_its_code_and_a_users_own_kind_stays(tmp_path):
    d = tmp_path / "own"
    d.mkdir()
    (d / "aktører.csv").write_text(
        "navn;type\nSolsikken; Dagtilbud \nEngen;BOTILBUD\nAnna;borger med handicap\nSkolen;aftenskoler\nFri;Frivillige\n",
        encoding="utf-8",
    )
    (d / "relationer.csv").write_text(
        "fra;til;type\nSolsikken;Engen;Formel  aftale\nEngen;Anna;personlig (uformel)\nSkolen;Anna;kaffe\nFri;Anna;personlig\n",
        encoding="utf-8",
    )
    net = read_network(d)
    # the Danish names (any case and spacing), and the words the measures know (plurals: METHODS.md)
    assert [a.kind for a in net.actors] == [
        "day_service",
        "residential_home",
        "borger med handicap",
        "evening_school",
        "volunteer",
    ]
    assert [t.kind for t in net.ties] == ["formal_agreement", "personal", "kaffe", "personal"]


def test_gexf_saved_by_gephi():
    """Gephi keeps positions in viz:position and strength as weight; labels are names."""
    net = read_network(GOOD / "gephi.gexf")
    a = net.actor("0")
    assert (a.name, a.sector, a.x, a.y) == ("Kultur- og Fritidsforvaltningen", "public", -120.5, 44.25)
    assert net.ties[0].strength == 3.0 and net.ties[0].attributes == {}


def test_csv_oddities(tmp_path):
    """Blank rows before the header, trailing delimiters, a column called "attributes"."""
    d = tmp_path / "odd"
    d.mkdir()
    (d / "actors.csv").write_text("\n\nid;name;attributes;\na;Alpha;x;\nb;Beta;;\n", encoding="utf-8")
    (d / "ties.csv").write_text("source;target;\na;b;\n", encoding="utf-8")
    net = read_network(d)
    assert net.actor("a").attributes == {"attributes": "x"}
    texts = [warning_text(w, "en") for w in net.warnings]
    assert texts[0] == "actors.csv: column `attributes` is not a netmap field; kept as a custom attribute."
    assert texts[1].startswith("actors.csv row 4")


def test_pseudonymised_xlsx_and_scrubbed_notes(tmp_path):
    net = read_network(GOOD / "unusual_text")
    net.actors[1].notes = "Talked with Ældre Sagen – Øst & Å about her needs"
    path = write_network(net, tmp_path / "p.xlsx", pseudonymise=True)
    cells = [str(c.value) for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows() for c in row]
    assert not any("Ældre Sagen" in c for c in cells)
    assert any(pseudonym("007") in c and "about her needs" in c for c in cells)

"""Planned ties (METHODS.md, Tie fields): an idea not yet realised is kept in every format, drawn
apart, compared, and left out of every measure and flag. Expected values are counted by hand."""

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from netmap import analyze, read_network
from netmap.compare import compare
from netmap.errors import InputError
from netmap.export import export
from netmap.model import Actor, Network, Tie, validate
from netmap.present.diff import diff_text
from netmap.snapshots import SnapshotStore
from netmap.ui.edits import ties_frame, ties_from_frame
from netmap.ui.mapedits import map_data
from netmap.workspace import Workspace
from netmap.writing import write_network
from tests.test_app import open_form

SAMPLES = Path(__file__).parent.parent / "sample_networks"


def hand_network(planned="planned"):
    """The path a - b - c - d - e of active ties, f with no active tie, and three planned ties
    a - d, a - e, a - f that would change every measure if they counted. a and d are the core.

    a, d: public, operational, partners; b, c: civil; e: public, management (far); f: citizen.
    """
    actors = [
        Actor("a", sector="public", partner=True),
        Actor("b", sector="civil"),
        Actor("c", sector="civil"),
        Actor("d", sector="public", partner=True),
        Actor("e", sector="public", level="management"),
        Actor("f", sector="citizen"),
    ]
    active = [Tie("a", "b"), Tie("b", "c"), Tie("c", "d"), Tie("d", "e")]
    ideas = [Tie("a", "d", status=planned), Tie("a", "e", status=planned), Tie("a", "f", status=planned)]
    return validate(Network(actors=actors, ties=active + ideas, name="hand"))


def test_measures_count_active_ties_only():
    """By hand, on the active path a-b-c-d-e (f alone), n = 6:
    - betweenness, normalised by (n-1)(n-2)/2 = 10: b lies on the paths a-c, a-d, a-e (3), c on
      a-d, a-e, b-d, b-e (4), d on a-e, b-e, c-e (3): 0.3, 0.4, 0.3; a, e, f: 0;
    - degree: a 1, d 2, f 0;
    - reach of a: near {b} / {b, c}, far none (e is 4 steps away);
    - reach of the core {a, d}: within 1 and 2 steps b, c (near) and e (far);
    - brokerage (sectors): a has one neighbour, 0; b brokers a→b→c (gatekeeper) and c→b→a
      (representative); d brokers c→d→e (gatekeeper) and e→d→c (representative);
    - core E-I: E = a-b, d-c, d-e = 3, I = 0 (a-d is planned): +1;
    - whole-network E-I by sector: E = a-b, c-d; I = b-c, d-e: 0;
    - unintegrated: b, c, e each tied to one core member: 3 of 3;
    - f is isolated; b and c each hold the core together (SPANNER_DEPENDENCY)."""
    r = analyze(hand_network())
    m = {a["id"]: a for a in r["actors"]}
    assert {v: m[v]["betweenness"] for v in "abcdef"} == pytest.approx(
        {"a": 0, "b": 0.3, "c": 0.4, "d": 0.3, "e": 0, "f": 0}
    )
    assert (m["a"]["degree"], m["d"]["degree"], m["f"]["degree"]) == (1, 2, 0)
    assert (m["a"]["near_reach"], m["a"]["far_reach"]) == ({"1": 1, "2": 2}, {"1": 0, "2": 0})
    assert m["a"]["brokerage"]["total"] == 0
    assert (m["b"]["brokerage"]["gatekeeper"], m["b"]["brokerage"]["representative"]) == (1, 1)
    assert (m["d"]["brokerage"]["gatekeeper"], m["d"]["brokerage"]["representative"]) == (1, 1)
    p = r["partnership"]
    assert (p["near_reach"], p["far_reach"]) == ({"1": 2, "2": 2}, {"1": 1, "2": 1})
    assert (p["external"], p["internal"], p["ei_index"]) == (3, 0, 1.0)
    assert r["ei_index"] == 0.0
    assert (p["unintegrated"], p["unintegrated_share"]) == (["b", "c", "e"], 1.0)
    assert m["f"]["isolated"] and not m["a"]["isolated"]
    flags = {f["code"]: f for f in r["flags"]}
    assert flags["ISOLATED_ACTORS"]["actors"] == ["f"]
    assert sorted(flags["SPANNER_DEPENDENCY"]["actors"]) == ["b", "c"]
    assert (r["network"]["ties"], r["network"]["planned_ties"], r["network"]["components"]) == (7, 3, 2)


def test_the_same_ties_active_change_the_measures():
    """The control: with the three ideas realised, a is the hub and the flags above go."""
    r = analyze(hand_network(planned="active"))
    m = {a["id"]: a for a in r["actors"]}
    assert m["a"]["degree"] == 4 and m["a"]["far_reach"]["1"] == 1 and m["a"]["betweenness"] > 0.5
    flags = {f["code"]: f for f in r["flags"]}
    assert "ISOLATED_ACTORS" not in flags and flags["SPANNER_DEPENDENCY"]["actors"] == ["a"]  # f hangs on a
    assert r["network"]["planned_ties"] == 0


def test_the_sample_budget_negotiations_are_not_counted():
    """Fredericia: the city council's funding of the steering group is the planned budget
    negotiations, so the council is two steps from the core, not one (sample README)."""
    r = analyze(read_network(SAMPLES / "fredericia"))
    p = r["partnership"]
    assert (p["far_reach"], p["external"], p["internal"]) == ({"1": 3, "2": 4}, 13, 30)
    assert p["ei_index"] == pytest.approx(-17 / 43)
    assert p["unintegrated_share"] == pytest.approx(5 / 9)
    assert (r["network"]["ties"], r["network"]["planned_ties"]) == (36, 3)


# --- every format keeps the status --------------------------------------------------------------


@pytest.mark.parametrize("out", ["net.json", "net.xlsx", "csvdir", "net.graphml", "net.gexf"])
@pytest.mark.parametrize("lang", ["en", "da"])
def test_status_round_trips_through_every_file_format(tmp_path, out, lang):
    net = hand_network()
    back = read_network(write_network(net, tmp_path / out, lang=lang))
    assert sorted((t.source, t.target, t.status) for t in back.ties) == sorted(
        (t.source, t.target, t.status) for t in net.ties
    )


def test_danish_tables_say_aktiv_and_planlagt(tmp_path):
    write_network(hand_network(), tmp_path / "da", lang="da")
    text = (tmp_path / "da" / "relationer.csv").read_text(encoding="utf-8-sig")
    rows = text.splitlines()
    assert rows[0] == "fra;til;type;styrke;rettet;status;noter"
    assert rows[1].endswith(";aktiv;") and rows[5].startswith("a;d;") and rows[5].endswith(";planlagt;")


def test_files_without_the_column_read_every_tie_as_active():
    assert {t.status for t in read_network(SAMPLES / "copenhagen").ties} == {"active"}
    doc = json.loads((SAMPLES / "copenhagen_series" / "2016-03-01_start.json").read_text(encoding="utf-8"))
    assert all("status" not in t for t in doc["ties"])
    assert {t.status for t in read_network(SAMPLES / "copenhagen_series" / "2016-03-01_start.json").ties} == {"active"}


def test_status_round_trips_through_the_workspace_and_a_snapshot(tmp_path):
    path = tmp_path / "ws.sqlite"
    ws = Workspace(path)
    ws.create("hand", hand_network())
    loaded = Workspace(path).load("hand")
    assert [t.status for t in loaded.ties] == ["active"] * 4 + ["planned"] * 3
    # The revision in the file says it, as canonical JSON.
    doc = json.loads(sqlite3.connect(path).execute("SELECT doc FROM revisions").fetchone()[0])
    assert [t["status"] for t in doc["ties"]][-1] == "planned"
    store = SnapshotStore(path)
    sid = store.save("hand", loaded, label="idéer", date="2024-05-01")
    assert [t.status for t in SnapshotStore(path).load(sid).ties] == ["active"] * 4 + ["planned"] * 3


def test_a_status_change_is_a_change_in_the_diff(tmp_path, cli):
    """The budget negotiations decided: the planned tie becomes active; the diff says so, in
    Danish too, and the comparison's indicators follow (the council is now one step away)."""
    old = read_network(SAMPLES / "fredericia")
    new = replace(old, ties=[replace(t, status="active") if t.source == "byraad" else t for t in old.ties])
    d = compare(old, new)
    assert d["ties"]["added"] == [] and d["ties"]["removed"] == []
    assert d["ties"]["changed"] == [
        {
            "source": "byraad",
            "target": "styregruppe",
            "kind": "funding",
            "directed": True,
            "changes": {"status": ["planned", "active"]},
        }
    ]
    assert d["partnership"]["far_reach_1"] == [3, 4]
    assert "~ byraad \u2192 styregruppe (finansiering): Status: planlagt \u2192 aktiv" in diff_text(d, "da")
    write_network(new, tmp_path / "new.json")
    r = cli("diff", SAMPLES / "fredericia", tmp_path / "new.json", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "Ties: 0 added, 0 removed, 1 changed" in r.stdout
    assert "Status: planned \u2192 active" in r.stdout


def test_bad_status_in_an_xlsx_names_the_sheet_row_and_column(tmp_path, cli):
    import openpyxl

    path = write_network(hand_network(), tmp_path / "net.xlsx", lang="da")
    wb = openpyxl.load_workbook(path)
    wb["relationer"]["F4"] = "idé"
    wb.save(path)
    r = cli("validate", path, "--lang", "da")
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip() == (
        'net.xlsx ark relationer række 4: kolonne "status": "idé" er ikke tilladt; brug en af: aktiv, planlagt'
    )


# --- drawn apart, never by colour alone ---------------------------------------------------------


def test_the_exported_map_draws_planned_ties_dotted_and_labelled():
    page = export(read_network(SAMPLES / "fredericia"), lang="da")
    data = json.loads(page.split('id="netmap-data">', 1)[1].split("</script>", 1)[0])
    planned = [e for e in data["edges"] if e.get("label") == "planlagt"]
    assert len(planned) == 3 and all(e["dashes"] == [2, 6] for e in planned)
    assert all(e["tip"]["st"].startswith("Planlagt: en idé") for e in planned)
    others = [e for e in data["edges"] if e not in planned]
    assert all("st" not in e["tip"] and e.get("dashes") in (None, True) for e in others)
    # The legend explains the dotted line, and the table of ties says which are planned.
    assert 'stroke-dasharray="2 6"' in page and "prikket, mærket &quot;planlagt&quot;" in page
    assert page.count("<td>planlagt") == 3


def test_the_editable_map_draws_planned_ties_dotted_and_labelled():
    data = map_data(read_network(SAMPLES / "fredericia"), lang="en")
    planned = [e for e in data["edges"] if e["label"] == "planned"]
    assert len(planned) == 3 and all(e["dashes"] == [2, 6] for e in planned)
    assert all("Planned: an idea not yet realised, not counted in the measures" in e["title"] for e in planned)
    assert sum(e["label"] == "" for e in data["edges"]) == 33


def test_the_ties_table_sets_the_status():
    net = read_network(SAMPLES / "fredericia")
    frame = ties_frame(net)
    assert list(frame["status"]).count("planned") == 3
    frame.loc[0, "status"] = "planned"
    assert ties_from_frame(net, frame).ties[0].status == "planned"
    frame.loc[0, "status"] = "someday"
    with pytest.raises(InputError, match='column "Status": "someday" is not allowed'):
        ties_from_frame(net, frame)


# --- in the app -----------------------------------------------------------------------------------


@pytest.fixture
def app_ws(tmp_path, monkeypatch):
    path = tmp_path / "ws.sqlite"
    monkeypatch.setenv("NETMAP_WORKSPACE", str(path))
    monkeypatch.delenv("NETMAP_LANG", raising=False)
    Workspace(path, seed=True)
    return path


def _app(page=None):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=60)
    at.run()
    if page:
        at.switch_page(f"netmap/ui/pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def test_the_app_adds_a_planned_tie_and_sets_a_status_in_the_ties_table(app_ws):
    at = _app()
    open_form(at, "add_tie")
    at.selectbox(key="add_tie_source").set_value("dagtilbud_b")
    at.selectbox(key="add_tie_target").set_value("frivillige")
    at.checkbox(key="add_tie_planned").check()
    at.button(key="add_tie_submit").click().run()
    assert not at.exception, at.exception
    tie = next(
        t for t in Workspace(app_ws).load("copenhagen").ties if {t.source, t.target} == {"dagtilbud_b", "frivillige"}
    )
    assert tie.status == "planned"
    at.switch_page("netmap/ui/pages/ties.py").run()
    key = at.session_state["_editor_keys"]["ties"]
    at.session_state[key] = {"edited_rows": {0: {"status": "planned"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, at.exception
    net = Workspace(app_ws).load("copenhagen")
    assert net.ties[0].status == "planned" and sum(t.status == "planned" for t in net.ties) == 2

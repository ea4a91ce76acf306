"""netmap.snapshots: a real SQLite workspace file in tmp_path, and the real CLI end to end."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from netmap.compare import series
from netmap.errors import InputError, NetmapError
from netmap.reading import read_network
from netmap.snapshots import SnapshotStore, import_sample_series
from netmap.store import DB_ERRORS, is_url
from netmap.workspace import Workspace, connect
from tests.conftest import run_cli as shared_run_cli

ROOT = Path(__file__).resolve().parent.parent
SERIES = ROOT / "sample_networks" / "copenhagen_series"
COPENHAGEN = ROOT / "sample_networks" / "copenhagen"


def run_cli(*args, workspace):
    return shared_run_cli(*args, env={"NETMAP_WORKSPACE": str(workspace), "NETMAP_LANG": "en"})


@pytest.fixture
def store(location):
    """The snapshots of a new workspace, on SQLite and on PostgreSQL (conftest's ``location``)."""
    return SnapshotStore(location)


def test_save_and_load_round_trip(store):
    net = read_network(COPENHAGEN)
    sid = store.save("cph", net, label="nu", date="2018-05-01")
    back = store.load(sid)
    assert back.date == "2018-05-01"  # the stored copy carries the snapshot's date
    assert [a.id for a in back.actors] == [a.id for a in net.actors]
    assert [(t.source, t.target, t.kind, t.strength) for t in back.ties] == [
        (t.source, t.target, t.kind, t.strength) for t in net.ties
    ]
    row = store.get(sid)
    assert (row["network"], row["label"], row["date"]) == ("cph", "nu", "2018-05-01")
    assert len(row["sha256"]) == 64


def test_date_defaults_and_bad_date(store):
    net = read_network(SERIES / "2016-03-01_start.json")
    assert store.get(store.save("cph", net))["date"] == "2016-03-01"  # the network's own date
    net.date = None
    assert len(store.get(store.save("cph", net))["date"]) == 10  # today
    with pytest.raises(InputError, match='the date "1. maj" is not an ISO date'):
        store.save("cph", net, date="1. maj")


def test_list_rename_delete_and_stable_ids(store):
    net = read_network(COPENHAGEN)
    late = store.save("cph", net, label="late", date="2019-01-01")
    early = store.save("cph", net, label="early", date="2018-01-01")
    other = store.save("fred", net, date="2017-01-01")
    assert [r["id"] for r in store.list("cph")] == [early, late]  # by date
    assert store.networks() == ["cph", "fred"]
    sha = store.get(late)["sha256"]
    store.rename(late, "efter workshops")
    assert store.get(late)["label"] == "efter workshops" and store.get(late)["sha256"] == sha
    store.delete(early)
    assert [r["id"] for r in store.list()] == [late, other]  # the others keep their ids
    with pytest.raises(InputError, match=f"no snapshot {early} in the workspace"):
        store.load(early)
    with pytest.raises(InputError, match=f"no snapshot {late} of network fred"):
        store.load(late, network="fred")
    with pytest.raises(InputError):
        store.rename(early, "x")
    with pytest.raises(InputError):
        store.delete(early)


def test_an_id_is_never_reused_after_a_delete(store):
    """snapshot:NETWORK@ID must not come to mean another snapshot once one is deleted."""
    net = read_network(COPENHAGEN)
    first = store.save("cph", net, date="2018-01-01")
    second = store.save("cph", net, date="2019-01-01")
    store.delete(second)
    third = store.save("fred", net, date="2020-01-01")
    assert third not in (first, second)
    with pytest.raises(InputError):
        store.load(second)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE snapshots SET content = '{}' WHERE id = ?",
        "UPDATE snapshots SET date = '1999-01-01' WHERE id = ?",
        "UPDATE snapshots SET sha256 = 'x' WHERE id = ?",
        "UPDATE snapshots SET saved_at = 'x' WHERE id = ?",
        "UPDATE snapshots SET id = 99 WHERE id = ?",
    ],
)
def test_content_and_date_cannot_change_in_sql(store, sql):
    sid = store.save("cph", read_network(COPENHAGEN), date="2018-01-01")
    before = store.get(sid)
    con = connect(store.path)
    with pytest.raises(DB_ERRORS, match="cannot be changed"):
        con.execute(sql, (sid,))
    con.close()
    assert store.get(sid) == before


def test_checksum_catches_a_change_behind_the_trigger(store):
    sid = store.save("cph", read_network(COPENHAGEN), date="2018-01-01")
    con = connect(store.path)  # autocommit
    on = " ON snapshots" if is_url(store.path) else ""
    con.execute(f"DROP TRIGGER snapshots_immutable{on}")
    con.execute("UPDATE snapshots SET content = replace(content, 'Lavuk', 'Xavuk') WHERE id = ?", (sid,))
    con.close()
    with pytest.raises(NetmapError, match="does not match its checksum"):
        store.load(sid)


def test_shares_the_workspace_file(location):
    """Same file as the workspace: purge removes the snapshots; rename carries them along."""
    path = location
    ws = Workspace(path, seed=True)
    store = SnapshotStore(path)
    sid = store.save("copenhagen", ws.load("copenhagen"), date="2018-01-01")
    other = store.save("fredericia", ws.load("fredericia"), date="2018-01-01")
    ws.rename("copenhagen", "kbh")
    assert store.get(sid)["network"] == "kbh"
    ws.purge("kbh")
    assert [r["id"] for r in store.list()] == [other]


def test_import_series_dates_from_json_and_file_name(store, tmp_path):
    folder = tmp_path / "2015-10-01_csv"
    shutil.copytree(COPENHAGEN, folder)  # a CSV folder has no date: it comes from the name
    undated = tmp_path / "kbh 2016-05-02.json"
    doc = json.loads((SERIES / "2016-03-01_start.json").read_text(encoding="utf-8"))
    doc["date"] = None
    undated.write_text(json.dumps(doc), encoding="utf-8")
    ids = store.import_series("cph", [SERIES / "2017-01-15_turnover.json", undated, folder])
    rows = [store.get(i) for i in ids]
    assert [(r["date"], r["label"]) for r in rows] == [
        ("2015-10-01", "csv"),
        ("2016-05-02", "kbh"),
        ("2017-01-15", "turnover"),
    ]
    nodate = tmp_path / "start.json"
    nodate.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError, match="no date"):
        store.import_series("cph", [SERIES / "2016-03-01_start.json", nodate])
    assert len(store.list()) == 3  # nothing saved from the failed import


def test_sample_series_tells_the_story(store):
    """sample_networks/README.md section 3: core E-I -0.500, -0.379, -0.111; no CLOSING_TREND."""
    ids = import_sample_series(store, "cph")
    rows = [store.get(i) for i in ids]
    assert [r["date"] for r in rows] == ["2016-03-01", "2017-01-15", "2017-09-01"]
    assert all("illustrative" in r["label"] for r in rows)
    assert "illustrativ)" in store.get(import_sample_series(store, "kbh", lang="da")[0])["label"]
    result = series([(r["date"], store.load(r["id"])) for r in rows])
    assert result["indicators"]["core_ei"] == [pytest.approx(-0.5), pytest.approx(-11 / 29), pytest.approx(-4 / 36)]
    assert result["flags"] == []


def test_cli_end_to_end(tmp_path):
    ws = tmp_path / "ws.sqlite"
    Workspace(ws, seed=True)  # the samples, to save a snapshot of one from the workspace
    files = sorted(SERIES.glob("*.json"))
    r = run_cli("snapshot", "import", "cph", *files, workspace=ws)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "saved snapshot 1 of cph (2016-03-01)",
        "saved snapshot 2 of cph (2017-01-15)",
        "saved snapshot 3 of cph (2017-09-01)",
    ]
    r = run_cli("snapshot", "list", "--json", workspace=ws)
    assert [(x["id"], x["label"]) for x in json.loads(r.stdout)] == [(1, "start"), (2, "turnover"), (3, "workshops")]
    assert run_cli("snapshot", "rename", "2", "efter udskiftning", workspace=ws).returncode == 0
    r = run_cli("snapshot", "show", "2", workspace=ws)
    assert r.stdout.startswith("snapshot 2 of cph, 15 January 2017, efter udskiftning: 17 actors, 24 ties")
    out = tmp_path / "out.json"
    assert run_cli("snapshot", "export", "2", "-o", out, workspace=ws).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["date"] == "2017-01-15"
    r = run_cli("diff", "snapshot:cph@1", "snapshot:cph@2", "--json", workspace=ws)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["flags"]["raised"] == ["SPANNER_DEPENDENCY"]
    # save from the workspace (with the samples) and from a file
    r = run_cli("snapshot", "save", "copenhagen", "--label", "nu", "--date", "2020-02-02", workspace=ws)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "saved snapshot 4 of copenhagen (2020-02-02)"
    r = run_cli("snapshot", "save", "fred", "--input", ROOT / "sample_networks" / "fredericia", workspace=ws)
    assert r.returncode == 0, r.stderr
    assert run_cli("snapshot", "delete", "1", workspace=ws).returncode == 0
    r = run_cli("snapshot", "list", "cph", workspace=ws)
    assert [line.split()[0] for line in r.stdout.splitlines()] == ["2", "3"]
    r = run_cli("snapshot", "show", "1", workspace=ws)
    assert r.returncode == 2 and r.stderr.strip() == "no snapshot 1 in the workspace (see: snapshot list)"
    r = run_cli("snapshot", "save", "nosuch", workspace=ws)
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_core_modules_do_not_import_streamlit():
    code = "import sys, netmap.compare, netmap.snapshots; assert 'streamlit' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0

"""A mistyped --workspace never creates a workspace (issue 12): commands that read, rename or
delete refuse a missing one in one line; only ``snapshot save --input`` and ``snapshot import``
may create it."""

import json

import pytest

from tests.conftest import ROOT, csv_rows

FREDERICIA = ROOT / "sample_networks" / "fredericia"


@pytest.mark.parametrize(
    "command",
    [
        ["snapshot", "list"],
        ["snapshot", "show", "1"],
        ["snapshot", "export", "1", "-o", "OUT/x.json"],
        ["snapshot", "rename", "1", "new label"],
        ["snapshot", "delete", "1"],
        ["snapshot", "save", "fredericia"],
        ["diff", "snapshot:fredericia@1", "snapshot:fredericia@2"],
    ],
)
def test_a_missing_workspace_is_named_and_not_created(cli_inprocess, tmp_path, command):
    missing = tmp_path / "typo" / "ws.sqlite"
    command = [str(tmp_path / "x.json") if c == "OUT/x.json" else c for c in command]
    status, out, err = cli_inprocess(*command, "--workspace", missing)
    assert status == 2
    assert err.strip().splitlines() == [f"no workspace at {missing} (check --workspace or NETMAP_WORKSPACE)"]
    assert not missing.parent.exists()
    assert not (tmp_path / "x.json").exists()


def test_the_refusal_is_in_danish_with_lang_da(cli, tmp_path):
    missing = tmp_path / "ws.sqlite"
    done = cli("snapshot", "list", "--workspace", missing, "--lang", "da")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "intet arbejdsområde" in done.stderr and str(missing) in done.stderr
    assert not missing.exists()


def test_saving_from_a_file_creates_the_workspace(cli_inprocess, tmp_path):
    made = tmp_path / "new" / "ws.sqlite"
    status, out, err = cli_inprocess("snapshot", "save", "fredericia", "--input", FREDERICIA, "--workspace", made)
    assert (status, err) == (0, "")
    assert made.exists()
    status, out, _ = cli_inprocess("snapshot", "list", "--workspace", made)
    assert status == 0 and "fredericia" in out


def test_twenty_processes_saving_into_a_new_workspace_all_succeed(tmp_path):
    """20 ``snapshot save --input`` processes started at once on a workspace that does not exist
    yet: every one succeeds, the ids are unique and the file passes SQLite's integrity check."""
    import sqlite3
    import subprocess
    import sys

    ws = tmp_path / "new" / "ws.sqlite"
    command = [sys.executable, "-m", "netmap", "snapshot", "save", "fredericia", "--input", FREDERICIA]
    procs = [
        subprocess.Popen([*command, "--workspace", ws], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(20)
    ]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    assert [(status, err) for status, _, err in results] == [(0, "")] * 20
    said = sorted(int(out.split()[2]) for _, out, _ in results)  # "saved snapshot ID of ..."
    assert said == list(range(1, 21))
    con = sqlite3.connect(ws)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert con.execute("SELECT count(DISTINCT id) FROM snapshots").fetchone() == (20,)
    finally:
        con.close()


# --- the workspace from the command line: workspace:NAME, list, add, backup, restore, check ---

COPENHAGEN = ROOT / "sample_networks" / "copenhagen"


@pytest.fixture
def ws(tmp_path, cli_inprocess):
    """A workspace holding Fredericia (as "fred") with a second revision without its first actor."""
    from netmap.reading import read_network
    from netmap.workspace import Workspace

    path = tmp_path / "ws.sqlite"
    assert cli_inprocess("workspace", "add", "fred", FREDERICIA, "--workspace", path)[0] == 0
    net = read_network(FREDERICIA)
    gone = net.actors[0].id
    net.actors = net.actors[1:]
    net.ties = [t for t in net.ties if gone not in (t.source, t.target)]
    Workspace(path).save("fred", net)
    return path


def test_workspace_networks_are_inputs_of_every_command(ws, cli_inprocess, tmp_path):
    first = csv_rows(FREDERICIA / "actors.csv")[0]["id"]
    rows = csv_rows(FREDERICIA / "ties.csv")
    ties = sum(first not in (t["source"], t["target"]) for t in rows)  # all less the first actor's
    status, out, _ = cli_inprocess("workspace", "list", "--workspace", ws, "--lang", "da")
    assert (status, out) == (0, f"fred  17 aktører, {ties} relationer\n")
    status, out, _ = cli_inprocess("analyze", "workspace:fred@1", "--workspace", ws)
    assert status == 0 and out.startswith(f"fred: 18 actors, {len(rows)} ties")
    status, out, _ = cli_inprocess("analyze", "workspace:fred", "--workspace", ws)
    assert status == 0 and out.startswith(f"fred: 17 actors, {ties} ties")
    status, out, _ = cli_inprocess("diff", "workspace:fred@1", "workspace:fred", "--workspace", ws, "--json")
    assert status == 0 and len(json.loads(out)["actors"]["removed"]) == 1
    status, _, _ = cli_inprocess("convert", "workspace:fred", "-o", tmp_path / "fred.json", "--workspace", ws)
    assert status == 0 and len(json.loads((tmp_path / "fred.json").read_text())["actors"]) == 17
    status, _, err = cli_inprocess("analyze", "workspace:nope", "--workspace", ws)
    assert (status, err) == (2, 'there is no network "nope" in the workspace\n')


def test_adding_a_name_twice_is_refused_and_changes_nothing(ws, cli_inprocess):
    before = ws.read_bytes()
    status, _, err = cli_inprocess("workspace", "add", "fred", COPENHAGEN, "--workspace", ws)
    assert (status, err) == (2, 'a network "fred" already exists\n')
    assert ws.read_bytes() == before


def test_backup_and_restore_bring_back_what_was_there(ws, cli_inprocess, tmp_path):
    from netmap.workspace import Workspace

    backup = tmp_path / "backup.sqlite"
    assert cli_inprocess("workspace", "backup", backup, "--workspace", ws)[0] == 0
    assert sorted(p.name for p in tmp_path.glob("backup*")) == ["backup.sqlite"]  # one file, no -wal
    before = Workspace(ws).document("fred")
    Workspace(ws).purge("fred")
    assert cli_inprocess("workspace", "list", "--workspace", ws)[1] == "no networks\n"
    status, out, err = cli_inprocess("workspace", "restore", backup, "--workspace", ws)
    assert (status, err) == (0, "")
    assert Workspace(ws).document("fred") == before and Workspace(ws).revision("fred") == 2
    kept = out.splitlines()[1].rpartition(" ")[2]  # "the workspace as it was is kept in PATH"
    assert Workspace(kept, create=False).names() == []  # the purged state, kept


def test_a_backup_never_overwrites_a_file(ws, cli_inprocess, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("mine")
    status, _, err = cli_inprocess("workspace", "backup", other, "--workspace", ws)
    assert (status, err) == (2, f"{other} exists already: choose a new file for the backup\n")
    assert other.read_text() == "mine"


def test_a_damaged_backup_is_not_restored(ws, cli_inprocess, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)  # a truncated file
    before = ws.read_bytes()
    status, _, err = cli_inprocess("workspace", "restore", bad, "--workspace", ws)
    assert status == 2 and err.startswith(f"{bad} cannot be restored, nothing changed: ")
    assert len(err.strip().splitlines()) == 1
    assert ws.read_bytes() == before and not list(tmp_path.glob("ws.sqlite.before-restore-*"))


def test_check_finds_a_changed_snapshot_and_a_damaged_file(ws, cli_inprocess, tmp_path):
    import sqlite3

    assert cli_inprocess("snapshot", "save", "fred", "--workspace", ws)[0] == 0
    assert cli_inprocess("workspace", "check", "--workspace", ws)[:2] == (0, f"{ws}: no problems\n")
    con = sqlite3.connect(ws)  # changed outside netmap: past the trigger that guards snapshots
    con.execute("DROP TRIGGER snapshots_immutable")
    con.execute("UPDATE snapshots SET content = replace(content, 'Fredericia', 'Frederica')")
    con.commit()
    con.close()
    status, out, _ = cli_inprocess("workspace", "check", "--workspace", ws)
    assert (status, out) == (1, "snapshot 1 of fred does not match its checksum\n")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_text("not a database at all, " * 100)
    status, out, _ = cli_inprocess("workspace", "check", "--workspace", garbage, "--lang", "da")
    assert status == 1 and len(out.strip().splitlines()) == 1 and "sikkerhedskopi" in out

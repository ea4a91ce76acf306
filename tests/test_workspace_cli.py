"""A mistyped --workspace never creates a workspace (issue 12): commands that read, rename or
delete refuse a missing one in one line; only ``snapshot save --input`` and ``snapshot import``
may create it."""

import pytest

from tests.conftest import ROOT

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

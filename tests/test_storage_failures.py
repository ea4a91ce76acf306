"""Every storage failure is one line that says what to do, exit 2, no traceback, the file unchanged
(issue 12): a damaged or truncated workspace, a read-only one, one locked by another program, and a
workspace in a folder that does not exist."""

import sqlite3
import subprocess

import pytest

from netmap.workspace import Workspace
from tests.conftest import ROOT, csv_rows, run_cli

FREDERICIA = ROOT / "sample_networks" / "fredericia"
FREDERICIA_TIES = len(csv_rows(FREDERICIA / "ties.csv"))  # from the file itself
#: A command that reads, one that writes a new network, one that writes a snapshot.
COMMANDS = (
    ["workspace", "list"],
    ["workspace", "add", "new", FREDERICIA],
    ["snapshot", "save", "fred"],
)


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "ws.sqlite"
    Workspace(path).create("fred", __import__("netmap.reading").reading.read_network(FREDERICIA))
    return path


def one_line(done):
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_workspace_says_restore_a_backup(workspace, damage):
    if damage == "garbage":
        workspace.write_bytes(b"PK\x03\x04 a zip file saved over the workspace" * 50)
    else:
        workspace.write_bytes(workspace.read_bytes()[:5000])  # a copy cut short
    before = workspace.read_bytes()
    for command in COMMANDS:
        line = one_line(run_cli(*command, "--workspace", workspace))
        assert line.startswith(f"{workspace} is not a netmap workspace, or it is damaged (") and line.endswith(
            "): restore a backup"
        )
        assert workspace.read_bytes() == before


def test_a_locked_workspace_waits_then_says_try_again(workspace):
    before = workspace.read_bytes()  # not while locked: closing any handle of the file drops our POSIX locks
    holder = sqlite3.connect(workspace, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program in the middle of a long write
    holder.execute("UPDATE settings SET value = value")
    try:
        for command in COMMANDS[1:]:
            done = run_cli(*command, "--workspace", workspace, env={"NETMAP_LOCK_WAIT_S": "1"})
            assert one_line(done) == (
                f"the workspace {workspace} is still locked after 1 s: another program is using it; try again"
            )
        done = run_cli(*COMMANDS[1], "--workspace", workspace, "--lang", "da", env={"NETMAP_LOCK_WAIT_S": "1"})
        assert "stadig låst efter 1 s" in one_line(done)
        done = run_cli("workspace", "list", "--workspace", workspace, env={"NETMAP_LOCK_WAIT_S": "1"})
        assert done.stdout == f"fred  18 actors, {FREDERICIA_TIES} ties\n"  # reading goes on beside a writer (WAL)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert workspace.read_bytes() == before
    assert run_cli("workspace", "list", "--workspace", workspace).returncode == 0  # free again


def test_a_read_only_workspace_says_so_and_is_not_changed(workspace):
    """Read-only as the file system enforces it even for root: the immutable attribute."""
    con = sqlite3.connect(workspace)
    con.execute("PRAGMA journal_mode=DELETE")  # no -wal/-shm beside it: the file alone
    con.close()
    if subprocess.run(["chattr", "+i", workspace], capture_output=True).returncode != 0:
        pytest.skip("this file system has no immutable attribute (chattr +i)")
    try:
        before = workspace.read_bytes()
        for command in COMMANDS:
            line = one_line(run_cli(*command, "--workspace", workspace))
            assert line == (
                f"the workspace {workspace} is read-only: netmap cannot save in it (check the file's permissions)"
            )
        assert workspace.read_bytes() == before
    finally:
        subprocess.run(["chattr", "-i", workspace], check=True)


def test_a_workspace_in_a_missing_folder_is_not_made_by_a_command_that_reads(tmp_path):
    missing = tmp_path / "no such folder" / "ws.sqlite"
    for command in (["workspace", "list"], ["workspace", "check"], ["analyze", "workspace:fred"]):
        assert one_line(run_cli(*command, "--workspace", missing)) == (
            f"no workspace at {missing} (check --workspace or NETMAP_WORKSPACE)"
        )
    assert not missing.parent.exists()

"""The workspace on PostgreSQL (issue 12), beside the suites that run on both backends
(tests/test_workspace.py and tests/test_snapshots.py through conftest's ``location``): the command
line on a PostgreSQL workspace, concurrent editors on both backends, locks, a server that cannot be
reached, the schema version, and backup and restore."""

import threading

import psycopg
import pytest

from netmap.reading import read_network
from netmap.workspace import SCHEMA_VERSION, StaleEditError, Workspace, connect, has_table
from tests.conftest import ROOT, csv_rows, run_cli
from tests.pg import PASSWORD_ROLE
from tests.test_storage_failures import COMMANDS

FREDERICIA = ROOT / "sample_networks" / "fredericia"
FREDERICIA_TIES = len(csv_rows(FREDERICIA / "ties.csv"))  # from the file itself


def one_line(done):
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stdout == "", done
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr.strip()


def test_the_command_line_on_a_postgresql_workspace(postgres):
    url = postgres.new_database()
    env = {"NETMAP_WORKSPACE": url}
    assert run_cli("workspace", "add", "fred", FREDERICIA, env=env).returncode == 0
    assert run_cli("workspace", "list", env=env).stdout == f"fred  18 actors, {FREDERICIA_TIES} ties\n"
    assert run_cli("analyze", "workspace:fred", env=env).stdout.startswith(f"fred: 18 actors, {FREDERICIA_TIES} ties")
    assert run_cli("snapshot", "save", "fred", "--date", "2024-05-01", env=env).stdout.startswith(
        "saved snapshot 1 of fred (2024-05-01)"
    )
    done = run_cli("diff", "snapshot:fred@1", "workspace:fred", env=env)
    assert done.returncode == 0 and "0 added, 0 removed" in done.stdout
    assert run_cli("workspace", "check", env=env).stdout.startswith("postgresql://postgres@")


@pytest.mark.parametrize("threads", [6])
def test_concurrent_editors_lose_nothing(location, threads):
    """``threads`` editors save 8 edits each to one network, retrying a stale save from a fresh
    load as the app's user does: every accepted edit is in its own revision, numbers unique."""
    Workspace(location).create("net", read_network(FREDERICIA))
    accepted, errors = [], []

    def editor(who):
        ws = Workspace(location)
        try:
            for n in range(8):
                while True:
                    rev = ws.revision("net")
                    net = ws.load("net", rev)
                    net.actors[who].notes = f"editor {who} edit {n}"
                    try:
                        accepted.append((ws.save("net", net, expected_revision=rev), f"editor {who} edit {n}"))
                        break
                    except StaleEditError:
                        continue
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    workers = [threading.Thread(target=editor, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    assert len(accepted) == threads * 8 and len({rev for rev, _ in accepted}) == threads * 8
    ws = Workspace(location)
    assert all(marker in ws.document("net", rev) for rev, marker in accepted)


def test_a_locked_postgresql_workspace_says_try_again(postgres):
    url = postgres.new_database()
    Workspace(url).create("fred", read_network(FREDERICIA))
    holder = connect(url)
    holder.execute("BEGIN")  # another process in the middle of a write holds the writer lock
    try:
        done = run_cli("snapshot", "save", "fred", "--workspace", url, env={"NETMAP_LOCK_WAIT_S": "1"})
        assert one_line(done).endswith("is still locked after 1 s: another program is using it; try again")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert Workspace(url).revision("fred") == 1


@pytest.mark.parametrize("failure", ["wrong password", "unknown user", "server not running", "database missing"])
def test_a_postgresql_server_that_refuses_is_one_line_without_the_password(postgres, failure):
    """As tests/test_storage_failures.py for a file: a command that reads, one that adds a network
    and one that saves a snapshot each end in one line that says what to do, exit 2, and never
    print the password; nothing is created on the server."""
    if failure == "wrong password":
        with psycopg.connect(postgres.url(), autocommit=True) as con:
            con.execute(f"DROP ROLE IF EXISTS {PASSWORD_ROLE}")
            con.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN SUPERUSER PASSWORD 'the-right-one'")
        url = postgres.new_database().replace("postgres@", f"{PASSWORD_ROLE}:s3cret@")
        expected = "check the user name and password in its address"
    elif failure == "unknown user":
        url = postgres.new_database().replace("postgres@", "nobody:s3cret@")
        expected = "check the user name and password in its address"
    elif failure == "server not running":
        url = f"postgresql://netmap:s3cret@127.0.0.1:{postgres.port + 1}/nowhere"  # no server there
        expected = "is the server running, and are the host and port in the address right?"
    else:
        url = postgres.url("no_such_database").replace("postgres@", "postgres:s3cret@")
        expected = "check the name in the address, or create the database (createdb)"
    for command in COMMANDS:
        for lang in ("en", "da"):
            line = one_line(run_cli(*command, "--workspace", url, "--lang", lang, env={"NETMAP_LOCK_WAIT_S": "1"}))
            assert "s3cret" not in line and ":***@127.0.0.1" in line
            if lang == "en":
                assert line.endswith(expected), line
    if failure == "wrong password":  # the same address with the right password: still an empty database
        assert not has_table(connect(url.replace("s3cret", "the-right-one")), "networks")


def test_the_schema_version_is_kept_and_a_newer_one_refused(postgres):
    url = postgres.new_database()
    Workspace(url)
    con = connect(url)
    assert con.execute("SELECT version FROM netmap_schema").fetchall() == [(SCHEMA_VERSION,)]
    con.execute("UPDATE netmap_schema SET version = 99")
    con.close()
    line = one_line(run_cli("workspace", "list", "--workspace", url))
    assert "newer netmap (schema version 99" in line


def test_backup_to_a_file_and_restore_on_postgresql(postgres, tmp_path):
    url = postgres.new_database()
    ws = Workspace(url)
    ws.create("fred", read_network(FREDERICIA))
    env = {"NETMAP_WORKSPACE": url}
    assert run_cli("snapshot", "save", "fred", env=env).returncode == 0
    before = ws.document("fred")
    backup = tmp_path / "team.sqlite"
    assert run_cli("workspace", "backup", backup, env=env).returncode == 0
    # the backup is an ordinary SQLite workspace: it opens and checks without the server
    assert Workspace(backup, create=False).document("fred") == before
    assert run_cli("workspace", "check", "--workspace", backup).returncode == 0
    ws.purge("fred")
    done = run_cli("workspace", "restore", backup, env=env)
    assert done.returncode == 0, done.stderr
    assert Workspace(url).document("fred") == before
    assert run_cli("snapshot", "list", env=env).stdout.split()[:2] == ["1", "fred"]
    assert run_cli("snapshot", "save", "fred", env=env).stdout.startswith("saved snapshot 2 of fred")

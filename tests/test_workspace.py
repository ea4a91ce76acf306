"""The workspace: revisions, undo and redo across restarts, stale edits, purge, crash safety.

Real SQLite files in a temporary folder, real processes; no mocks (STYLE.md).
"""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from netmap.errors import InputError, NetmapError
from netmap.model import Actor, Network, Tie
from netmap.reading import read_network
from netmap.workspace import StaleEditError, Workspace, default_path

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "sample_networks"


@pytest.fixture
def ws(location):
    """A workspace holding the samples, on SQLite and on PostgreSQL (conftest's ``location``)."""
    return Workspace(location, seed=True)


def small():
    return Network(name="small", actors=[Actor("a", sector="public"), Actor("b", sector="civil")], ties=[Tie("a", "b")])


def renamed(net, actor_id, name):
    return replace(net, actors=[replace(a, name=name) if a.id == actor_id else a for a in net.actors])


def test_a_new_workspace_starts_empty(location):
    """No samples seeded: the first screen offers them as the user's own copy instead."""
    assert Workspace(location).names() == []


def test_a_sample_opened_as_your_own_copy(location):
    ws = Workspace(location)
    assert ws.add_sample("copenhagen") == "copenhagen"
    assert ws.add_sample("copenhagen") == "copenhagen 2"  # the first copy is kept
    assert ws.add_sample("fredericia", "Min kopi") == "Min kopi"
    assert ws.add_sample("fredericia", " Min kopi ") == "Min kopi 2"  # a name given is made unique too
    assert ws.load("copenhagen 2").name == "copenhagen 2" and len(ws.load("copenhagen 2").actors) == 21
    with pytest.raises(NetmapError, match="no sample network"):
        ws.add_sample("nowhere")


def test_seed_true_adds_the_samples_on_first_open(ws):
    assert ws.names() == ["copenhagen", "fredericia"]
    net = ws.load("copenhagen")
    sample = read_network(ROOT / "sample_networks" / "copenhagen")
    assert net.actor_ids == sample.actor_ids and len(net.ties) == len(sample.ties)
    assert ws.revision("copenhagen") == 1


def test_an_emptied_workspace_is_not_seeded_again(location):
    ws = Workspace(location, seed=True)
    for name in ws.names():
        ws.purge(name)
    assert Workspace(location, seed=True).names() == []


def test_seed_false_gives_an_empty_workspace(location):
    assert Workspace(location, seed=False).names() == []


def test_path_from_the_environment_and_per_user_default(tmp_path, monkeypatch):
    monkeypatch.setenv("NETMAP_WORKSPACE", str(tmp_path / "sub" / "w.sqlite"))
    ws = Workspace()
    assert ws.path == tmp_path / "sub" / "w.sqlite" and ws.path.exists()
    monkeypatch.delenv("NETMAP_WORKSPACE")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert default_path() == tmp_path / ".local" / "share" / "netmap" / "workspace.sqlite"


def test_connection_is_wal_with_full_sync(tmp_path):
    con = Workspace(tmp_path / "ws.sqlite").connect()
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    con.close()


def test_save_stores_a_new_revision_as_canonical_json(ws):
    ws.create("s", small())
    net = renamed(ws.load("s"), "a", "Ærø Aftenskole")
    assert ws.save("s", net) == 2
    assert ws.load("s").actor("a").name == "Ærø Aftenskole"
    con = ws.connect()
    doc = json.loads(con.execute("SELECT doc FROM revisions WHERE network='s' AND rev=2").fetchone()[0])
    con.close()
    assert doc["netmap_version"] == 1 and doc["actors"][0]["name"] == "Ærø Aftenskole"


def test_save_validated_gives_the_network_that_loading_the_revision_gives(ws):
    """The app shows the network it saved without parsing the revision again: it must be the
    one a load of that revision gives (strength 2 given as an int, loaded as a float)."""
    from netmap.generate import generate
    from netmap.layout import placed

    net = placed(generate(60, seed=3))
    ws.create("g", net)
    edited = renamed(replace(net, ties=[replace(t, strength=2) for t in net.ties]), net.actors[4].id, "Ny Skole")
    rev, saved = ws.save_validated("g", edited, expected_revision=1)
    assert rev == 2 and ws.save_validated("g", edited)[0] == 2  # the same again: no new revision
    loaded = ws.load("g", 2)
    assert saved.actors == loaded.actors and saved.ties == loaded.ties
    assert (saved.date, saved.warnings, saved.review) == (loaded.date, loaded.warnings, loaded.review)


def test_saving_the_same_content_adds_no_revision(ws):
    ws.create("s", small())
    assert ws.save("s", ws.load("s")) == 1
    assert len(ws.history("s")) == 1


def test_stale_edit_is_refused_and_changes_nothing(ws):
    ws.create("s", small())
    ws.save("s", renamed(ws.load("s"), "a", "tab one"), expected_revision=1)
    with pytest.raises(StaleEditError, match="changed elsewhere") as err:
        ws.save("s", renamed(ws.load("s", 1), "b", "tab two"), expected_revision=1)
    assert isinstance(err.value, NetmapError)
    assert "ændret et andet sted" in err.value.message("da")
    assert ws.revision("s") == 2 and ws.load("s").actor("b").name == "b"


def test_invalid_network_is_refused_and_changes_nothing(ws):
    ws.create("s", small())
    bad = replace(ws.load("s"), ties=[Tie("a", "nobody")])
    with pytest.raises(InputError, match='"nobody" is not an actor id'):
        ws.save("s", bad)
    dup = replace(ws.load("s"), actors=ws.load("s").actors + [Actor("a")])
    with pytest.raises(InputError, match="duplicate id"):
        ws.save("s", dup)
    assert ws.revision("s") == 1 and len(ws.history("s")) == 1


def test_undo_and_redo_survive_a_restart(location):
    path = location
    ws = Workspace(path, seed=False)
    ws.create("s", small())
    ws.save("s", renamed(ws.load("s"), "a", "v2"))
    ws.save("s", renamed(ws.load("s"), "a", "v3"))
    assert ws.undo("s") == 2
    again = Workspace(path)  # a new process would do exactly this
    assert again.load("s").actor("a").name == "v2"
    assert again.can_undo("s") and again.can_redo("s")
    assert again.redo("s") == 3 and again.load("s").actor("a").name == "v3"
    assert again.redo("s") is None
    assert again.undo("s") == 2 and again.undo("s") == 1 and again.undo("s") is None


def test_a_save_after_undo_drops_the_redo_branch_and_never_reuses_numbers(ws):
    ws.create("s", small())
    ws.save("s", renamed(ws.load("s"), "a", "v2"))
    ws.undo("s")
    rev = ws.save("s", renamed(ws.load("s"), "a", "other"))
    assert rev == 3  # revision 2 is gone, but its number is not given again
    assert [r for r, _, _ in ws.history("s")] == [1, 3]
    assert not ws.can_redo("s")


def test_undo_with_a_stale_revision_is_refused(ws):
    ws.create("s", small())
    ws.save("s", renamed(ws.load("s"), "a", "v2"))
    with pytest.raises(StaleEditError):
        ws.undo("s", expected_revision=1)
    assert ws.revision("s") == 2


def test_create_refuses_a_taken_or_empty_name(ws):
    with pytest.raises(NetmapError, match="already exists"):
        ws.create("copenhagen", small())
    with pytest.raises(NetmapError, match="needs a name"):
        ws.create("  ", small())
    with pytest.raises(NetmapError, match='no network "nope"'):
        ws.load("nope")


def test_rename_keeps_the_history(ws):
    ws.create("s", small())
    ws.save("s", renamed(ws.load("s"), "a", "v2"))
    ws.rename("s", "t")
    assert "t" in ws.names() and "s" not in ws.names()
    assert ws.revision("t") == 2 and ws.undo("t") == 1


def test_purge_removes_history_and_snapshots_from_the_file(tmp_path):
    ws = Workspace(tmp_path / "ws.sqlite", seed=True)
    secret = "Borger Bøgelund med diagnose"
    ws.create("s", replace(small(), actors=[Actor("a", name=secret, sector="citizen"), Actor("b")]))
    ws.save("s", renamed(ws.load("s"), "b", "v2"))
    con = ws.connect()
    con.execute("CREATE TABLE IF NOT EXISTS snapshots (id INTEGER PRIMARY KEY, network TEXT, doc TEXT)")
    con.execute("INSERT INTO snapshots (network, doc) VALUES ('s', ?)", (secret,))
    con.execute("INSERT INTO snapshots (network, doc) VALUES ('copenhagen', 'keep')")
    con.close()
    ws.purge("s")
    assert "s" not in ws.names()
    con = ws.connect()
    assert con.execute("SELECT count(*) FROM revisions WHERE network='s'").fetchone()[0] == 0
    assert con.execute("SELECT network FROM snapshots").fetchall() == [("copenhagen",)]
    con.close()
    data = b"".join(p.read_bytes() for p in ws.path.parent.glob("ws.sqlite*"))
    assert secret.encode("utf-8") not in data


def test_settings_persist(location):
    Workspace(location).set_setting("lang", "da")
    assert Workspace(location).get_setting("lang") == "da"


_WRITER = """
import sys
from dataclasses import replace
from netmap.workspace import Workspace
ws = Workspace(sys.argv[1])
i = 0
while True:
    net = ws.load("copenhagen")
    net = replace(net, actors=[replace(a, notes=f"round {sys.argv[2]} edit {i}") if k == 0 else a
                               for k, a in enumerate(net.actors)])
    print(f"{ws.save('copenhagen', net)} {i}", flush=True)
    i += 1
"""


def test_sigkill_during_saves_loses_no_save_reported_done(location):
    """A writer saving as fast as it can and printing each revision it got is killed with SIGKILL
    at a random moment, 5 times over: every revision it printed is there with its own edit, the
    numbers only grow, and the workspace passes ``workspace check`` (SQLite's integrity check,
    every revision readable)."""
    from netmap.backup import check

    Workspace(location, seed=True)
    moments = random.Random(12)  # the same moments on every run
    reported = []  # (round, revision, edit)
    for round_ in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(location), str(round_)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        lines = []
        reader = threading.Thread(target=lines.extend, args=(proc.stdout,))  # until the pipe closes
        reader.start()
        deadline = time.monotonic() + 30
        while not lines and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(moments.uniform(0, 1))  # somewhere in the middle of the next saves
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        reader.join()
        assert lines, f"round {round_}: the writer saved nothing in 30 s"
        done = [line.split() for line in lines if line.endswith("\n")]  # not a line cut short by the kill
        reported += [(round_, int(rev), int(i)) for rev, i in done]
    revisions = [rev for _, rev, _ in reported]
    assert revisions == sorted(set(revisions))
    ws = Workspace(location)
    for round_, rev, i in reported:
        assert ws.load("copenhagen", rev).actors[0].notes == f"round {round_} edit {i}"
    assert ws.revision("copenhagen") >= revisions[-1]
    assert check(location) == []


def test_seeded_samples_carry_saved_positions(location):
    """The first map is drawn from saved positions, so it does not jump after the first edit."""
    ws = Workspace(location, seed=True)
    for name in ws.names():
        assert all(a.x is not None and a.y is not None for a in ws.load(name).actors)


# --- schema version and migrations -------------------------------------------------

# The workspace as netmap wrote it before schema versions existed (user_version never set),
# with a snapshots table as `snapshot save` made it then (default journal, no WAL).
_PRE_VERSION_SCHEMA = """
CREATE TABLE networks (name TEXT PRIMARY KEY, head INTEGER NOT NULL, last INTEGER NOT NULL, created TEXT NOT NULL);
CREATE TABLE revisions (
    network TEXT NOT NULL REFERENCES networks(name) ON UPDATE CASCADE ON DELETE CASCADE,
    rev INTEGER NOT NULL, doc TEXT NOT NULL, saved TEXT NOT NULL, PRIMARY KEY (network, rev));
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE snapshots (id INTEGER PRIMARY KEY AUTOINCREMENT, network TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '', date TEXT NOT NULL, saved_at TEXT NOT NULL, content TEXT NOT NULL,
    sha256 TEXT NOT NULL);
"""


def _old_workspace(path):
    doc = json.dumps({"netmap_version": 1, "name": "old", "date": None, "actors": [{"id": "a"}], "ties": []})
    con = sqlite3.connect(path)
    con.executescript(_PRE_VERSION_SCHEMA)
    con.execute("INSERT INTO networks VALUES ('old', 1, 1, '2025-01-01T00:00:00+00:00')")
    con.execute("INSERT INTO revisions VALUES ('old', 1, ?, '2025-01-01T00:00:00+00:00')", (doc,))
    con.execute("INSERT INTO settings VALUES ('seeded', '1')")
    con.commit()
    con.close()


def _user_version(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


def test_a_workspace_of_todays_netmap_opens_and_is_upgraded(tmp_path):
    from netmap.workspace import PSEUDONYM_KEY_SETTING, SCHEMA_VERSION

    path = tmp_path / "old.sqlite"
    _old_workspace(path)
    assert _user_version(path) == 0
    ws = Workspace(path)
    assert _user_version(path) == SCHEMA_VERSION >= 1
    assert ws.names() == ["old"] and ws.load("old").actor_ids == ["a"]
    key = ws.get_setting(PSEUDONYM_KEY_SETTING)
    assert len(key) == 64 and int(key, 16)
    Workspace(path)  # opening again changes nothing
    assert Workspace(path).get_setting(PSEUDONYM_KEY_SETTING) == key


def test_a_network_keeps_its_language_and_older_workspaces_get_the_column(tmp_path):
    from netmap.workspace import PSEUDONYM_KEY_SETTING, SCHEMA_VERSION

    path = tmp_path / "v1.sqlite"
    _old_workspace(path)  # a workspace of schema version 1: the pseudonym key, no languages yet
    con = sqlite3.connect(path)
    con.execute("INSERT INTO settings VALUES (?, ?)", (PSEUDONYM_KEY_SETTING, "ab" * 32))
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    ws = Workspace(path)
    assert _user_version(path) == SCHEMA_VERSION >= 3  # author (2), language (3) and those after added
    assert ws.language("old") is None  # made before networks had a language
    ws.create("Kultur for alle", Network(), lang="da")
    ws.create("Culture for all", Network(), lang="en")
    ws.create("Uden sprog", Network())
    ws.rename("Kultur for alle", "Kultur 2025")
    again = Workspace(path)
    assert [again.language(n) for n in ("Kultur 2025", "Culture for all", "Uden sprog")] == ["da", "en", None]
    with pytest.raises(NetmapError, match='"de" is not a language netmap speaks'):
        ws.create("Kultur für alle", Network(), lang="de")
    assert "Kultur für alle" not in ws.names()


def test_snapshots_upgrade_the_workspace_the_same_way(tmp_path):
    from netmap.snapshots import SnapshotStore
    from netmap.workspace import PSEUDONYM_KEY_SETTING, SCHEMA_VERSION

    path = tmp_path / "old.sqlite"
    _old_workspace(path)
    SnapshotStore(path).list()
    assert _user_version(path) == SCHEMA_VERSION
    assert Workspace(path, seed=False).get_setting(PSEUDONYM_KEY_SETTING)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_a_failing_migration_changes_nothing(tmp_path, monkeypatch):
    import netmap.workspace as wsmod

    path = tmp_path / "old.sqlite"
    _old_workspace(path)

    def broken(con):
        con.execute("INSERT INTO settings VALUES ('half', 'done')")
        raise RuntimeError("power cut")

    monkeypatch.setattr(wsmod, "MIGRATIONS", (wsmod.MIGRATIONS[0], broken))
    monkeypatch.setattr(wsmod, "SCHEMA_VERSION", 2)
    with pytest.raises(RuntimeError):
        Workspace(path)
    assert _user_version(path) == 0
    con = sqlite3.connect(path)
    assert con.execute("SELECT key FROM settings").fetchall() == [("seeded",)]
    con.close()


def test_a_newer_workspace_is_refused_in_one_line(tmp_path, cli_inprocess):
    path = tmp_path / "new.sqlite"
    _old_workspace(path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 99")
    con.close()
    before = path.read_bytes()
    with pytest.raises(NetmapError, match="newer netmap"):
        Workspace(path)
    status, out, err = cli_inprocess("snapshot", "list", "--workspace", path)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "schema version 99" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_workspace_is_refused_in_one_line(tmp_path, cli_inprocess):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is not a database, just some text that happens to be long enough" * 20)
    before = path.read_bytes()
    status, out, err = cli_inprocess("snapshot", "list", "--workspace", path)
    assert status == 2 and len(err.strip().splitlines()) == 1 and "not a netmap workspace" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", ["folder", "device"])
def test_a_workspace_that_is_not_a_file_is_one_line(tmp_path, kind, cli_inprocess, monkeypatch):
    """Found by review: a folder or a link to /dev/zero as the workspace ended in a traceback."""
    path = tmp_path / "ws"
    if kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")
    monkeypatch.setenv("NETMAP_WORKSPACE", str(path))
    for args in (
        ["snapshot", "list"],
        ["convert", SAMPLES / "fredericia", "-o", tmp_path / "p.json", "--pseudonymise"],
    ):
        status, out, err = cli_inprocess(*args)
        assert status == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
        assert "ws" in err


def test_a_network_is_named_as_in_the_workspace_not_as_in_its_file(tmp_path):
    """An imported file's internal name ("aktører") gives way to the name the user chose."""
    ws = Workspace(tmp_path / "ws.sqlite", seed=False)
    ws.create("Kort 2024", replace(small(), name="aktører"))
    assert ws.load("Kort 2024").name == "Kort 2024"
    ws.save("Kort 2024", replace(small(), name="something else"))
    assert ws.load("Kort 2024").name == "Kort 2024"
    ws.rename("Kort 2024", "Kort 2025")
    assert ws.load("Kort 2025").name == "Kort 2025" and ws.load("Kort 2025", 1).name == "Kort 2025"

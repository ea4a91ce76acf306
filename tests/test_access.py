"""Roles in a shared workspace (issue 12): the workspace API itself refuses what a user's role does
not allow, on SQLite and on PostgreSQL (conftest's ``location``), and records who did what."""

import sqlite3

import pytest

from netmap.access import PermissionDenied, User
from netmap.backup import backup
from netmap.errors import NetmapError
from netmap.reading import read_network
from netmap.snapshots import SnapshotStore
from netmap.workspace import SCHEMA_VERSION, Workspace
from tests.conftest import ROOT, run_cli

FREDERICIA = ROOT / "sample_networks" / "fredericia"
ALICE, BOB, CAROL, DAVE = (User(f"{n}@example.org", n.title()) for n in ("alice", "bob", "carol", "dave"))


@pytest.fixture
def shared(location):
    """``fred`` owned by alice, edited by carol, viewed by bob; dave has no role. Made by the
    command line's workspace (no user), which may do everything."""
    admin = Workspace(location)
    admin.create("fred", read_network(FREDERICIA))
    admin.create("other", read_network(FREDERICIA))
    admin.grant("fred", "Alice@Example.org", "owner")  # e-mail addresses are kept lower-cased
    admin.grant("fred", BOB.id, "viewer")
    admin.grant("fred", CAROL.id, "editor")
    return location


def renamed_first(net, name):
    net.actors[0].name = name
    return net


def test_a_viewer_sees_the_network_and_every_change_is_refused_with_nothing_changed(shared):
    ws, store = Workspace(shared, user=BOB), SnapshotStore(shared, user=BOB)
    Workspace(shared).save("fred", renamed_first(Workspace(shared).load("fred"), "Jobcenter Nord"))  # revision 2
    before = (ws.revision("fred"), ws.count_revisions("fred"), ws.document("fred"))
    assert ws.load("fred").actors[0].name == "Jobcenter Nord" and ws.role("fred") == "viewer"
    changes = (
        lambda: ws.save("fred", renamed_first(ws.load("fred"), "Bob was here")),
        lambda: ws.restore("fred", 1),
        lambda: ws.undo("fred"),
        lambda: ws.redo("fred"),
        lambda: ws.purge("fred"),
        lambda: ws.rename("fred", "bob's"),
        lambda: ws.grant("fred", BOB.id, "owner"),
        lambda: store.save("fred", ws.load("fred"), label="bob's"),
    )
    for change in changes:
        with pytest.raises(PermissionDenied):
            change()
    assert (ws.revision("fred"), ws.count_revisions("fred"), ws.document("fred")) == before
    assert ws.names() == ["fred"] and store.list() == [] and ws.role("fred") == "viewer"


def test_undo_and_redo_take_back_only_the_users_own_change(shared):
    """Undo was one history per network, shared by everyone: Carol's Undo took back Alice's edit
    of a moment before. With a login, Undo takes back only the user's own last change and Redo
    brings back only their own undone change; the personal app and the command line (no user)
    still undo every change."""
    alice, carol = Workspace(shared, user=ALICE), Workspace(shared, user=CAROL)
    first = alice.save("fred", renamed_first(alice.load("fred"), "Alice's edit"))  # revision 2
    assert (carol.can_undo("fred"), carol.blocked("fred")) == (False, ALICE.id)
    with pytest.raises(NetmapError) as refused:
        carol.undo("fred")
    assert "(alice@example.org)" in refused.value.message("en") and "(alice@example.org)" in refused.value.message("da")
    assert carol.revision("fred") == first
    second = carol.save("fred", renamed_first(carol.load("fred"), "Carol's edit"))  # revision 3
    assert (carol.can_undo("fred"), carol.blocked("fred")) == (True, None)
    assert carol.undo("fred") == first and carol.load("fred").actors[0].name == "Alice's edit"
    # Alice may undo her own change now; the redo would bring back Carol's: not hers to redo
    assert (alice.can_undo("fred"), alice.can_redo("fred"), alice.blocked("fred", undo=False)) == (
        True,
        False,
        CAROL.id,
    )
    with pytest.raises(NetmapError):
        alice.redo("fred")
    assert carol.can_redo("fred") and carol.redo("fred") == second
    admin = Workspace(shared)  # no user: every change
    assert admin.can_undo("fred") and admin.undo("fred") == first and admin.undo("fred") == 1
    assert admin.can_undo("fred") is False and admin.blocked("fred") is None


def test_the_refusal_says_what_to_do_in_both_languages(shared):
    with pytest.raises(PermissionDenied) as refused:
        Workspace(shared, user=BOB).save("fred", read_network(FREDERICIA))
    assert refused.value.message("en") == (
        'you (bob@example.org) can view the network "fred" but not change it: ask its owner to let you edit'
    )
    assert "ejer" in refused.value.message("da") and "bob@example.org" in refused.value.message("da")


def test_an_editor_saves_as_themself_but_cannot_purge_rename_or_share(shared):
    ws, store = Workspace(shared, user=CAROL), SnapshotStore(shared, user=CAROL)
    rev = ws.save("fred", renamed_first(ws.load("fred"), "Carol's edit"), author="someone else")
    newest, _saved, author = ws.revisions("fred", limit=1)[0]
    assert (newest, author) == (rev, CAROL.id)
    assert ws.undo("fred") == 1 and ws.redo("fred") == rev
    sid = store.save("fred", ws.load("fred"), label="after the meeting")
    assert [(r["id"], r["author"]) for r in store.list("fred")] == [(sid, CAROL.id)]
    store.rename(sid, "after the June meeting")
    for change in (
        lambda: ws.purge("fred"),
        lambda: ws.rename("fred", "carol's"),
        lambda: ws.grant("fred", DAVE.id, "viewer"),
        lambda: ws.withdraw("fred", BOB.id),
        lambda: store.delete(sid),
    ):
        with pytest.raises(PermissionDenied):
            change()
    assert ws.names() == ["fred"] and len(store.list("fred")) == 1 and len(ws.roles("fred")) == 3


def test_an_owner_shares_renames_and_purges_and_the_roles_follow(shared):
    ws = Workspace(shared, user=ALICE)
    ws.grant("fred", "Dave@Example.org", "editor")
    assert [(u, r, by) for u, r, by, _ in ws.roles("fred")] == [
        (ALICE.id, "owner", None),
        (BOB.id, "viewer", None),
        (CAROL.id, "editor", None),
        (DAVE.id, "editor", ALICE.id),
    ]
    ws.withdraw("fred", CAROL.id)
    assert Workspace(shared, user=CAROL).names() == []
    ws.rename("fred", "Fredericia 2025")
    assert Workspace(shared, user=DAVE).names() == ["Fredericia 2025"]
    assert Workspace(shared, user=DAVE).role("Fredericia 2025") == "editor"
    SnapshotStore(shared, user=ALICE).save("Fredericia 2025", ws.load("Fredericia 2025"))
    ws.purge("Fredericia 2025")
    assert ws.names() == [] and SnapshotStore(shared).list() == []
    admin = Workspace(shared)
    admin.create("Fredericia 2025", read_network(FREDERICIA))
    assert admin.roles("Fredericia 2025") == []  # the roles went with the purged network


def test_the_last_owner_cannot_be_withdrawn_or_made_less(shared):
    ws = Workspace(shared, user=ALICE)
    for change in (lambda: ws.withdraw("fred", ALICE.id), lambda: ws.grant("fred", ALICE.id, "editor")):
        with pytest.raises(NetmapError, match='alice@example.org is the last owner of the network "fred"'):
            change()
    with pytest.raises(NetmapError, match="last owner"):
        Workspace(shared).withdraw("fred", ALICE.id)  # not even the command line
    ws.grant("fred", BOB.id, "owner")
    ws.withdraw("fred", ALICE.id)
    assert Workspace(shared, user=ALICE).names() == []
    assert [(u, r) for u, r, *_ in Workspace(shared).roles("fred")] == [(BOB.id, "owner"), (CAROL.id, "editor")]


def test_names_lists_only_the_networks_a_user_has_a_role_on(shared):
    assert Workspace(shared).names() == ["fred", "other"]
    assert Workspace(shared, user=User("root@example.org", is_admin=True)).names() == ["fred", "other"]
    assert Workspace(shared, user=BOB).names() == ["fred"]
    dave = Workspace(shared, user=DAVE)
    assert dave.names() == [] and SnapshotStore(shared, user=DAVE).networks() == []
    with pytest.raises(PermissionDenied, match='no access to the network "fred"'):
        dave.load("fred")
    with pytest.raises(PermissionDenied):
        dave.history("fred")


def test_anyone_logged_in_may_start_a_network_and_owns_it(shared):
    dave = Workspace(shared, user=DAVE)
    dave.create("Dave's", read_network(FREDERICIA), author="not dave")
    assert dave.names() == ["Dave's"] and dave.role("Dave's") == "owner"
    assert dave.revisions("Dave's")[0][2] == DAVE.id
    assert Workspace(shared, user=BOB).names() == ["fred"]
    copy = dave.add_sample("copenhagen")
    assert dave.names() == ["copenhagen", "Dave's"] and dave.role(copy) == "owner"
    # Bob does not see Dave's copy, but its name is taken: his copy gets the next free one.
    assert Workspace(shared, user=BOB).add_sample("copenhagen") == "copenhagen 2"
    with pytest.raises(PermissionDenied):
        Workspace(shared, user=User("")).create("nobody's", read_network(FREDERICIA))


def test_snapshots_are_seen_only_by_those_with_a_role(shared):
    admin = SnapshotStore(shared)
    one = admin.save("fred", read_network(FREDERICIA), date="2024-05-01", author="the coordinator")
    two = admin.save("other", read_network(FREDERICIA), date="2024-05-01")
    bob = SnapshotStore(shared, user=BOB)
    assert [(r["id"], r["author"]) for r in bob.list()] == [(one, "the coordinator")]
    assert bob.networks() == ["fred"] and bob.load(one).name
    with pytest.raises(PermissionDenied):
        bob.load(two)
    with pytest.raises(PermissionDenied):
        bob.list("other")
    with pytest.raises(PermissionDenied):
        bob.rename(one, "bob's")
    assert admin.get(one)["label"] == ""


def test_a_backup_keeps_the_roles_and_the_authors(shared, tmp_path):
    Workspace(shared, user=CAROL).save("fred", renamed_first(Workspace(shared).load("fred"), "x"))
    SnapshotStore(shared, user=CAROL).save("fred", Workspace(shared).load("fred"))
    copy = backup(shared, tmp_path / "backup.sqlite")
    assert [(u, r) for u, r, *_ in Workspace(copy).roles("fred")] == [
        (ALICE.id, "owner"),
        (BOB.id, "viewer"),
        (CAROL.id, "editor"),
    ]
    assert SnapshotStore(copy).list("fred")[0]["author"] == CAROL.id
    assert Workspace(copy).revisions("fred", limit=1)[0][2] == CAROL.id


def test_a_workspace_of_schema_3_gets_the_roles_and_its_snapshots_an_author(tmp_path):
    path = tmp_path / "v3.sqlite"
    Workspace(path).create("fred", read_network(FREDERICIA))
    SnapshotStore(path).save("fred", read_network(FREDERICIA), date="2024-05-01")
    con = sqlite3.connect(path)  # back to how netmap with schema 3 left it
    con.executescript("DROP TABLE roles; ALTER TABLE snapshots DROP COLUMN author; PRAGMA user_version = 3;")
    con.close()
    ws = Workspace(path)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "author" in {r[1] for r in con.execute("PRAGMA table_info(snapshots)")}
    con.close()
    ws.grant("fred", BOB.id, "viewer")
    assert SnapshotStore(path).list("fred")[0]["author"] is None and Workspace(path, user=BOB).names() == ["fred"]


def test_a_login_becomes_a_user():
    cfg = {"admins": ["Anna@Kommune.dk"]}
    anna = User.from_claims({"is_logged_in": True, "email": "ANNA@kommune.dk", "sub": "x1", "name": "Anna"}, cfg)
    assert anna == User("anna@kommune.dk", "Anna", True)
    assert User.from_claims({"sub": "Abc-123"}, cfg) == User("Abc-123", "Abc-123", False)


def test_the_command_line_shares_as_an_administrator(tmp_path):
    env = {"NETMAP_WORKSPACE": str(tmp_path / "ws.sqlite")}
    assert run_cli("workspace", "add", "fred", FREDERICIA, env=env).returncode == 0
    done = run_cli("workspace", "grant", "fred", "Alice@Example.org", "owner", env=env)
    assert done.returncode == 0 and done.stdout == 'Alice@Example.org is now owner of "fred"\n', done
    assert run_cli("workspace", "grant", "fred", BOB.id, "viewer", env=env).returncode == 0
    assert (
        run_cli("workspace", "roles", "fred", env=env).stdout == "alice@example.org  owner\nbob@example.org  viewer\n"
    )
    done = run_cli("workspace", "withdraw", "fred", ALICE.id, "--lang", "da", env=env)
    assert done.returncode == 2 and done.stdout == "" and len(done.stderr.splitlines()) == 1, done
    assert "ejer" in done.stderr and "Traceback" not in done.stderr
    assert run_cli("workspace", "withdraw", "fred", BOB.id, env=env).returncode == 0
    assert run_cli("workspace", "roles", "fred", env=env).stdout == "alice@example.org  owner\n"
    done = run_cli("workspace", "grant", "fred", BOB.id, "admin", env=env)
    assert done.returncode == 2 and "invalid choice" in done.stderr


def test_the_example_secrets_file_is_complete_and_the_real_one_is_never_committed(monkeypatch):
    import subprocess
    import tomllib

    from netmap import config

    example = ROOT / ".streamlit" / "secrets.example.toml"
    auth = tomllib.loads(example.read_text(encoding="utf-8"))["auth"]
    # What Streamlit's st.login needs (STYLE.md), and the callback under netmap's public address.
    assert set(auth) == {"redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"}
    cfg = config.load(example)
    monkeypatch.delenv("NETMAP_PUBLIC_URL", raising=False)
    assert auth["redirect_uri"] == config.public_url(cfg) + "/oauth2callback"
    assert config.admins(cfg) == {"anna.jensen@kommune.dk"}
    ignored = subprocess.run(["git", "check-ignore", "-q", ".streamlit/secrets.toml"], cwd=ROOT)
    assert ignored.returncode == 0

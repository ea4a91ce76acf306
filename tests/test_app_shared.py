"""The app in shared mode (issue 12) through streamlit's AppTest: ``[auth]`` in the secrets turns
the login gate on; each person sees the networks shared with them and only the controls their role
allows, and what they save is recorded as theirs. The login itself against a real OpenID Connect
provider in a real browser: tests/test_login_browser.py."""

import pytest
from streamlit.testing.v1 import AppTest

from netmap.snapshots import SnapshotStore
from netmap.workspace import Workspace
from tests.test_app import APP, open_form, plain, texts

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "a test secret, not a real one",
    "client_id": "netmap",
    "client_secret": "test",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


def person(name):
    return {"is_logged_in": True, "email": f"{name}@example.org", "sub": name, "name": name.title()}


@pytest.fixture
def shared_ws(ws_path):
    """The two samples; alice owns copenhagen, bob views it, carol edits it; nobody has fredericia."""
    ws = Workspace(ws_path)
    ws.grant("copenhagen", "alice@example.org", "owner")
    ws.grant("copenhagen", "bob@example.org", "viewer")
    ws.grant("copenhagen", "carol@example.org", "editor")
    return ws_path


def start(user, page=None, admins=()):
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets = {"auth": AUTH, "netmap": {"admins": list(admins)}}
    at.user = user
    at.run()
    if page:
        at.switch_page(f"netmap/ui/pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def sidebar_texts(at):
    return [plain(c.value) for c in at.sidebar.markdown]


def test_nothing_but_the_login_screen_before_the_login(shared_ws):
    for page in (None, "actors", "history"):
        at = start({}, page)
        assert [b.label for b in at.button] == ["Log in"]
        assert [t.value for t in at.title] == ["netmap"]
        assert not at.sidebar.selectbox and not at.dataframe and not at.text_input
        assert "copenhagen" not in " ".join(texts(at, "markdown") + texts(at, "caption"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets, at.user, at.query_params["lang"] = {"auth": AUTH}, {}, "da"
    at.run()
    assert [b.label for b in at.button] == ["Log ind"]
    assert texts(at, "markdown") == [
        "Denne netmap er delt: log ind for at se og redigere de netværk, der er delt med dig."
    ]


def test_a_viewer_sees_the_network_but_no_control_that_changes_it(shared_ws):
    at = start(person("bob"))
    assert at.sidebar.selectbox(key="network").options == ["copenhagen"]  # not fredericia
    assert "Logged in as Bob (bob@example.org)" in sidebar_texts(at)
    assert at.sidebar.button(key="logout").label == "Log out"
    assert "You can view this network; ask its owner to let you edit." in texts(at, "info")
    labels = [b.label for b in at.button] + [b.label for b in at.sidebar.button]
    assert (
        "Undo" not in labels
        and "Add actor" not in labels
        and "Add tie" not in labels
        and "Add an actor with a form" not in labels
    )
    assert not [t for t in at.toggle if t.key == "map_editing"]
    at.switch_page("netmap/ui/pages/actors.py").run()
    assert not at.exception and "You can view this network; ask its owner to let you edit." in texts(at, "info")
    at.session_state[at.session_state["_editor_keys"]["actors"]] = {
        "edited_rows": {0: {"name": "Bob was here"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception and not at.expander  # no paste or merge tools
    assert Workspace(shared_ws).revision("copenhagen") == 1
    at.switch_page("netmap/ui/pages/review.py").run()
    ratings = [s for s in at.main.selectbox if "_rating_" in (s.key or "")]
    assert len(ratings) == 19 and all(s.disabled for s in ratings) and not at.get("file_uploader")
    at.switch_page("netmap/ui/pages/history.py").run()
    assert not [b for b in at.button if b.label == "Restore as a new revision"]
    at.switch_page("netmap/ui/pages/import_export.py").run()
    assert not [b for b in at.button if b.key in ("purge", "import_replace")] and not at.expander


def test_an_owner_edits_as_themself_and_shares_by_e_mail(shared_ws):
    at = start(person("alice"))
    open_form(at, "add_actor")
    at.text_input(key="add_actor_name").input("Aftenskole Ølby")
    at.button(key="add_actor_submit").click().run()
    assert any("Added Aftenskole Ølby" in s for s in texts(at, "success"))
    assert Workspace(shared_ws).revisions("copenhagen", limit=1)[0][2] == "alice@example.org"
    at.switch_page("netmap/ui/pages/history.py").run()
    assert any("by alice@example.org" in m for m in texts(at, "markdown"))
    at.switch_page("netmap/ui/pages/import_export.py").run()
    assert at.button(key="purge")  # an owner may delete
    at.text_input(key="share_user").input("Dave@Example.org")
    at.selectbox(key="share_role").set_value("editor")
    at.button(key="share_give").click().run()
    assert not at.exception and "Shared with Dave@Example.org: can edit." in texts(at, "success")
    assert Workspace(shared_ws).role("copenhagen") == "owner"
    assert ("dave@example.org", "editor") in [(u, r) for u, r, *_ in Workspace(shared_ws).roles("copenhagen")]
    at.selectbox(key="share_withdraw_user").set_value("alice@example.org").run()
    at.button(key="share_withdraw").click().run()
    assert any("alice@example.org is the last owner" in e for e in texts(at, "error"))


def test_an_editor_saves_a_snapshot_shown_as_theirs_and_cannot_delete_or_share(shared_ws):
    at = start(person("carol"), "snapshots")
    assert at.selectbox(key="snap_save_network").options == ["copenhagen"]
    assert not at.button(key="snap_save_btn").disabled
    assert not [b for b in at.button if b.key == "snap_sample_btn"]  # a made-up network: administrators only
    at.text_input(key="snap_save_label").input("after the meeting")
    at.button(key="snap_save_btn").click().run()
    assert SnapshotStore(shared_ws).list("copenhagen")[0]["author"] == "carol@example.org"
    at.run()
    table = at.dataframe[0].value
    assert list(table.columns) == ["id", "network", "date", "label", "saved at", "saved by"]
    assert table["saved by"].tolist() == ["carol@example.org"]
    at.checkbox(key="snap_delete_confirm").check().run()
    assert at.button(key="snap_delete_btn").disabled and not at.button(key="snap_rename_btn").disabled
    at.switch_page("netmap/ui/pages/import_export.py").run()
    assert not at.expander and not [b for b in at.button if b.key == "purge"]


def test_an_administrator_sees_every_network_and_one_without_a_role_sees_none(shared_ws):
    at = start(person("root"), admins=["Root@example.org"])
    assert at.sidebar.selectbox(key="network").options == ["copenhagen", "fredericia"]
    assert at.button(key="map_form_actor")
    at = start(person("erin"))
    assert not at.sidebar.selectbox and "Welcome to netmap" in [s.value for s in at.subheader]
    assert "A network someone shares with you appears here once they have shared it." in texts(at, "caption")


def test_undo_is_offered_only_for_your_own_change(shared_ws):
    """Carol's Undo took back Alice's edit of a moment before (one history for everyone). Now
    Carol's Undo is off while the last change is Alice's, and the sidebar says whose it is and
    where to go instead; once Carol has saved, her Undo takes back her change only."""
    from netmap.access import User

    alice = Workspace(shared_ws, user=User("alice@example.org", "Alice"))
    net = alice.load("copenhagen")
    net.actors[0].name = "Alice's edit"
    alice.save("copenhagen", net)
    at = start(person("carol"))
    assert at.sidebar.button(key="undo").disabled
    assert (
        "The last change was made by alice@example.org. Undo takes back only your own changes; "
        "History can restore an earlier version."
    ) in [plain(c.value) for c in at.sidebar.caption]
    at.switch_page("netmap/ui/pages/actors.py").run()
    at.session_state[at.session_state["_editor_keys"]["actors"]] = {
        "edited_rows": {1: {"name": "Carol's edit"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception and not at.sidebar.button(key="undo").disabled
    assert not [c for c in at.sidebar.caption if "The last change was made by" in c.value]
    at.sidebar.button(key="undo").click().run()
    names = [a.name for a in Workspace(shared_ws).load("copenhagen").actors[:2]]
    assert names[0] == "Alice's edit" and names[1] != "Carol's edit"
    assert at.sidebar.button(key="undo").disabled  # Alice's change is next: not Carol's to undo

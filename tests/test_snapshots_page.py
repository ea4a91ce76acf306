"""The Snapshots page in Streamlit's AppTest, on a real workspace file in tmp_path."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from netmap.reading import read_network
from netmap.snapshots import SnapshotStore

ROOT = Path(__file__).resolve().parent.parent
SERIES = ROOT / "sample_networks" / "copenhagen_series"
SCRIPT = "from netmap.ui.snapshots_page import page\npage()\n"


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    path = tmp_path / "ws.sqlite"
    monkeypatch.setenv("NETMAP_WORKSPACE", str(path))
    monkeypatch.setenv("NETMAP_LANG", "en")
    return path


def app():
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def listed(at):
    return at.dataframe[0].value[["id", "label"]].values.tolist()


def test_empty_workspace(workspace):
    at = app()
    assert at.title[0].value == "Snapshots"
    assert "No snapshots yet." in [x.body for x in at.info]


def test_sample_series_compare_and_trend(workspace):
    at = app()
    at.button(key="snap_sample_btn").click().run()
    assert not at.exception
    at.run()  # a fresh run, as after any next click
    assert [row[0] for row in listed(at)] == [1, 2, 3]
    assert all("illustrative" in row[1] for row in listed(at))
    # default comparison: the last two snapshots (turnover -> workshops)
    table = at.dataframe[1].value
    ei = table[table["indicator"] == "core E-I index"].iloc[0]
    assert ei["before"] == pytest.approx(-11 / 29) and ei["after"] == pytest.approx(-4 / 36)
    assert any("Actors: 4 added, 0 removed" in m.value for m in at.markdown)
    assert any(x.body.startswith("No closing trend") for x in at.success)
    # choose start -> turnover: the contact person is replaced
    at.selectbox(key="snap_old").set_value(1)
    at.selectbox(key="snap_new").set_value(2).run()
    assert not at.exception
    assert any("Actors: 3 added, 1 removed" in m.value for m in at.markdown)
    assert "Flags raised: SPANNER_DEPENDENCY. Flags cleared: none." in [m.value for m in at.markdown]
    assert "snap_sample_btn" not in [b.key for b in at.button]  # imported once only
    frames = [e for e in at.main if getattr(e, "proto", None) is not None and hasattr(e.proto, "srcdoc")
              and e.proto.srcdoc]
    if hasattr(__import__("netmap.export").export, "export_compare"):
        assert len(frames) == 1 and "sf_kontakt" in frames[0].proto.srcdoc  # the compare map


def test_closing_trend_is_shown(workspace):
    """Saved in the reverse order of the story, the core E-I falls from -0.111 to -0.379 (by 0.268)."""
    store = SnapshotStore(workspace)
    store.save("rev", read_network(SERIES / "2017-09-01_workshops.json"), date="2016-01-01")
    store.save("rev", read_network(SERIES / "2017-01-15_turnover.json"), date="2017-01-01")
    at = app()
    assert [w.body for w in at.warning] == [
        "CLOSING_TREND: Between 2016-01-01 and 2017-01-01 the core's E-I index fell from -0.11 to -0.38: "
        "the partnership is closing in on itself, the tendency the evaluation found in both partnerships "
        "(Fotaki 2011; Andersen & Espersen 2017a)."]


def test_save_rename_delete(workspace):
    at = app()  # the workspace is seeded with the sample networks
    at.selectbox(key="snap_save_network").set_value("copenhagen")
    at.text_input(key="snap_save_label").input("før sommerferien")
    at.button(key="snap_save_btn").click().run()
    assert not at.exception
    assert "Saved snapshot 1." in [x.body for x in at.success]
    at.run()
    assert listed(at) == [[1, "før sommerferien"]]
    at.text_input(key="snap_rename_label").input("efter sommerferien")
    at.button(key="snap_rename_btn").click().run()
    assert listed(at) == [[1, "efter sommerferien"]]
    assert at.button(key="snap_delete_btn").disabled
    at.checkbox(key="snap_delete_confirm").check().run()
    at.button(key="snap_delete_btn").click().run()
    assert not at.exception
    assert SnapshotStore(workspace).list() == []
    assert "No snapshots yet." in [x.body for x in at.info]


def test_danish(workspace):
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.session_state["lang"] = "da"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Øjebliksbilleder"
    assert at.button(key="snap_save_btn").label == "Gem øjebliksbillede"

"""The Snapshots page in Streamlit's AppTest, on a real workspace file in tmp_path."""

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from netmap.reading import read_network
from netmap.snapshots import SnapshotStore
from netmap.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
SERIES = ROOT / "sample_networks" / "copenhagen_series"
SCRIPT = "from netmap.ui.snapshots_page import page\npage()\n"


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    path = tmp_path / "ws.sqlite"
    monkeypatch.setenv("NETMAP_WORKSPACE", str(path))
    monkeypatch.setenv("NETMAP_LANG", "en")
    Workspace(path, seed=True)  # the two samples, as "Open a sample as your own copy" makes them
    return path


def app():
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def plain(text):
    """Markdown-escaped text as the user reads it."""
    return re.sub(r"\\(.)", r"\1", text)


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
    # the series charts have a table alternative with the same values: core E-I -0.50, -0.38, -0.11
    series = at.table[0].value
    assert list(series.loc["core E-I index"]) == ["-0.50", "-0.38", "-0.11"]
    # choose start -> turnover: the contact person is replaced
    at.selectbox(key="snap_old").set_value(1)
    at.selectbox(key="snap_new").set_value(2).run()
    assert not at.exception
    assert any("Actors: 3 added, 1 removed" in m.value for m in at.markdown)
    assert "Flags raised: Depends on single actors. Flags cleared: none." in [m.value for m in at.markdown]
    assert "snap_sample_btn" not in [b.key for b in at.button]  # imported once only
    frames = [
        e for e in at.main if getattr(e, "proto", None) is not None and hasattr(e.proto, "srcdoc") and e.proto.srcdoc
    ]
    assert len(frames) == 1 and "sf_kontakt" in frames[0].proto.srcdoc  # the compare map


def test_the_series_tables_danish_dates_are_not_numbered_lists(workspace, monkeypatch):
    """Walk-through: st.table reads its headers as Markdown, and "1. marts 2016 #1" became a list
    (indented, and a list to a screen reader)."""
    monkeypatch.setenv("NETMAP_LANG", "da")
    at = app()
    at.button(key="snap_sample_btn").click().run()
    columns = list(at.table[0].value.columns)
    assert [plain(c) for c in columns] == ["1. marts 2016 #1", "15. januar 2017 #2", "1. september 2017 #3"]
    assert not any(re.match(r"\d+\. ", c) for c in columns)  # a digit, a full stop and a space: a list


def test_closing_trend_is_shown(workspace):
    """Saved in the reverse order of the story, the core E-I falls from -0.111 to -0.379 (by 0.268)."""
    store = SnapshotStore(workspace)
    store.save("rev", read_network(SERIES / "2017-09-01_workshops.json"), date="2016-01-01")
    store.save("rev", read_network(SERIES / "2017-01-15_turnover.json"), date="2017-01-01")
    at = app()
    assert [plain(w.body) for w in at.warning] == [
        "Closing in over time: Between 2016-01-01 and 2017-01-01 the core's E-I index fell from -0.11 to -0.38: "
        "the partnership is closing in on itself, the tendency the evaluation found in both partnerships "
        "(Fotaki 2011; Andersen & Espersen 2017a)."
    ]


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


HOSTILE = "**x** [l](http://e.example) :red[r] <b>h</b>"


def test_a_label_is_shown_as_text_not_markdown(workspace):
    store = SnapshotStore(workspace)
    store.save("rev", read_network(SERIES / "2017-09-01_workshops.json"), date="2016-01-01", label=HOSTILE)
    store.save("rev", read_network(SERIES / "2017-01-15_turnover.json"), date="2017-01-01", label=HOSTILE)
    at = app()
    (raw,) = [w.value for w in at.warning]
    assert plain(raw).startswith(f"Closing in over time: Between 2016-01-01 {HOSTILE} and 2017-01-01 {HOSTILE} ")
    assert "[l](http" not in raw and "<b>" not in raw and "**x**" not in raw


def test_rename_or_delete_of_a_snapshot_deleted_elsewhere_is_told(workspace):
    store = SnapshotStore(workspace)
    store.save("a", read_network(SERIES / "2016-03-01_start.json"), label="one", date="2016-01-01")
    store.save("a", read_network(SERIES / "2017-01-15_turnover.json"), label="two", date="2017-01-01")
    at = app()
    at.selectbox(key="snap_manage_id").set_value(2).run()
    store.delete(2)  # in another tab
    at.text_input(key="snap_rename_label").input("new")
    at.button(key="snap_rename_btn").click().run()
    assert not at.exception
    (raw,) = [e.value for e in at.error]
    assert plain(raw) == "no snapshot 2 in the workspace (see: snapshot list)"
    assert "(" not in re.sub(r"\\.", "", raw)  # escaped like every message
    at.checkbox(key="snap_delete_confirm").check().run()
    at.button(key="snap_delete_btn").click().run()
    assert not at.exception
    assert [plain(e.value) for e in at.error] == ["no snapshot 2 in the workspace (see: snapshot list)"]
    assert [(r["id"], r["label"]) for r in store.list()] == [(1, "one")]  # the other one untouched
    at.selectbox(key="snap_manage_id").set_value(1).run()
    at.button(key="snap_delete_btn").click().run()
    assert not at.exception and store.list() == []


def test_saving_a_network_purged_elsewhere_is_told_not_redirected(workspace):
    """If another tab purges the chosen network, "save snapshot" says so; it never saves another network."""
    at = app()
    at.selectbox(key="snap_save_network").set_value("fredericia").run()
    Workspace(workspace).purge("fredericia")  # in another tab
    at.run()
    assert at.selectbox(key="snap_save_network").value == "fredericia"
    at.button(key="snap_save_btn").click().run()
    assert not at.exception and at.error
    assert SnapshotStore(workspace).list() == []


def test_danish_tables_name_fields_kinds_and_flags(workspace):
    store = SnapshotStore(workspace)
    old = read_network(SERIES / "2016-03-01_start.json")
    first = old.actors[0]  # lavuk_ledelse: an institution, public, in the core
    new = read_network(SERIES / "2017-01-15_turnover.json")
    actors = [
        replace(a, kind="evening_school", sector="civil", partner=False) if a.id == first.id else a for a in new.actors
    ]
    ties = [replace(new.ties[0], strength=1.5 if new.ties[0].strength != 1.5 else 2.5)] + list(new.ties[1:])
    store.save("a", old, label="før", date="2016-01-01")
    store.save("a", replace(new, actors=actors, ties=ties), label="efter", date="2017-01-01")
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.session_state["lang"] = "da"
    at.run()
    assert not at.exception
    assert list(at.dataframe[0].value.columns) == ["nr.", "netværk", "dato", "etiket", "gemt"]
    assert "Advarsler rejst: Afhængig af enkelte aktører. Advarsler ophævet: ingen." in [m.value for m in at.markdown]
    frames = [d.value for d in at.dataframe]
    actor_changes = next(f for f in frames if "aktør" in f.columns and "hvad" in f.columns)
    rows = actor_changes[actor_changes["hvad"] == "ændret"][["felt", "før", "efter"]].values.tolist()
    assert rows == [
        ["Type", "institution", "aftenskole"],
        ["Sektor", "offentlig", "civil"],
        ["Partner (kerne)", "ja", "nej"],
    ]
    tie_changes = next(f for f in frames if "relation" in f.columns)
    text = json.dumps(tie_changes.values.tolist(), ensure_ascii=False)
    assert "Styrke" in text and "samarbejde" in text
    for code in ("collaboration", "formal_agreement", "personal", '"strength"', '"kind"', "SPANNER"):
        assert code not in text


APP = str(ROOT / "app.py")


def arrow_types(element):
    """``{column: Arrow type}`` of a dataframe as the browser gets it."""
    import pyarrow as pa

    table = pa.ipc.open_stream(element.proto.arrow_data.data).read_all()
    return {name: str(table.schema.field(name).type) for name in table.column_names}


def test_the_page_follows_the_open_network_and_the_newest_pair(workspace):
    """The series, the save and the comparison start on the network open in the sidebar; a new
    snapshot moves the comparison to the newest pair."""
    store = SnapshotStore(workspace)
    ws = Workspace(workspace)
    for name in ("copenhagen", "fredericia"):
        store.save(name, ws.load(name), label="one", date="2024-01-01")
        store.save(name, ws.load(name), label="two", date="2024-06-01")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.selectbox(key="network").set_value("fredericia").run()
    at.switch_page("netmap/ui/pages/snapshots.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="snap_series_network").value == "fredericia"
    assert at.selectbox(key="snap_save_network").value == "fredericia"
    assert (at.selectbox(key="snap_old").value, at.selectbox(key="snap_new").value) == (3, 4)
    at.text_input(key="snap_save_label").input("three")
    at.button(key="snap_save_btn").click().run()
    at.run()
    assert (at.selectbox(key="snap_old").value, at.selectbox(key="snap_new").value) == (4, 5)
    at.selectbox(key="snap_old").set_value(1).run()  # the user's own pick stays
    assert at.selectbox(key="snap_old").value == 1
    at.selectbox(key="network").set_value("copenhagen").run()  # another network opened
    assert at.selectbox(key="snap_series_network").value == "copenhagen"
    assert (at.selectbox(key="snap_old").value, at.selectbox(key="snap_new").value) == (1, 2)


def test_counts_show_as_whole_numbers(workspace):
    at = app()
    at.button(key="snap_sample_btn").click().run()
    at.run()
    (metrics,) = [d for d in at.dataframe if "measure" in d.value.columns]
    types = arrow_types(metrics)
    assert types["before"].startswith("int") and types["after"].startswith("int"), types


def test_series_legends_are_whole_and_in_columns_below_the_chart(workspace):
    """Long Danish indicator names are neither cut nor drawn over each other."""
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.session_state["lang"] = "da"
    at.run()
    at.button(key="snap_sample_btn").click().run()
    at.run()
    charts = at.get("vega_lite_chart")
    assert len(charts) == 3  # the core's E-I index, the unintegrated share, the counts
    for chart in charts:
        spec = json.loads(chart.proto.spec)
        legend = spec["encoding"]["color"]["legend"]
        assert legend["orient"] == "bottom" and legend["labelLimit"] == 0 and legend["columns"] == 2
        # the axes write numbers as the tables do in Danish (-0,05), and the snapshots whole
        assert spec["config"]["locale"]["number"]["decimal"] == ","
        assert spec["encoding"]["x"]["axis"]["labelLimit"] == 0


def chart_values(chart):
    """``{line: [values]}`` of a series chart, as the browser gets them."""
    import pyarrow as pa

    (dataset,) = chart.proto.datasets
    data = pa.ipc.open_stream(dataset.data.data).read_all().to_pydict()
    out = {}
    for line, value in zip(data["line"], data["value"], strict=True):
        out.setdefault(line, []).append(value)
    return out


def test_the_share_is_drawn_in_per_cent_as_the_table_says_it(workspace):
    """The sample series' unintegrated shares are 5/6, 7/8 and 3/4 of the actors outside the
    core (hand count: 83 %, 88 %, 75 % in the table): the chart draws 83.3, 87.5, 75 on a
    0-100 % axis, not 0.83 on a 0-1 axis beside the E-I index."""
    at = app()
    at.button(key="snap_sample_btn").click().run()
    at.run()
    assert list(at.table[0].value.loc["unintegrated share"]) == ["83%", "88%", "75%"]
    share = [c for c in at.get("vega_lite_chart") if "unintegrated share" in chart_values(c)]
    (chart,) = share
    assert chart_values(chart) == {"unintegrated share": [pytest.approx(500 / 6), 87.5, 75.0]}
    y = json.loads(chart.proto.spec)["encoding"]["y"]
    assert y["title"] == "%" and y["scale"]["domain"] == [0, 100]


def test_dates_and_times_in_the_users_format_and_the_map_titled_by_labels(workspace):
    """Danish: the saved moment as 2. dec. 2026 05.37.18 (not 2026-12-02T05:37:18+00:00), the
    described date as 1. januar 2024, and the compare map titled by the two snapshots' labels,
    else by their dates in the user's format."""
    store, ws = SnapshotStore(workspace), Workspace(workspace)
    store.save("copenhagen", ws.load("copenhagen"), label="Før mødet", date="2024-01-01")
    store.save("copenhagen", ws.load("copenhagen"), label="Efter mødet", date="2024-06-01")
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.session_state["lang"] = "da"
    at.run()
    saved = at.dataframe[0].value
    assert list(saved["dato"]) == ["1. januar 2024", "1. juni 2024"]
    for moment in saved["gemt"]:  # no browser time zone in AppTest: UTC, and said so
        assert re.fullmatch(r"\d{1,2}\. [a-zæøå]+\.? \d{4} \d\d\.\d\d\.\d\d UTC", moment), moment
    assert "Ændringer: Før mødet → Efter mødet" in compare_map(at)
    # In the browser's time zone: stored in UTC, shown in Copenhagen's time, without "UTC".
    import datetime as dt
    from zoneinfo import ZoneInfo

    at.context = {"timezone": "Europe/Copenhagen"}
    at.run()
    when = dt.datetime.fromisoformat(store.list()[0]["saved_at"]).astimezone(ZoneInfo("Europe/Copenhagen"))
    first = at.dataframe[0].value["gemt"][0]
    assert first.endswith(when.strftime("%H.%M.%S")) and "UTC" not in first, first
    store.rename(1, "")
    store.rename(2, "")
    at.run()
    assert "Ændringer: 1. januar 2024 → 1. juni 2024" in compare_map(at)


def compare_map(at):
    (frame,) = [
        e for e in at.main if getattr(e, "proto", None) is not None and hasattr(e.proto, "srcdoc") and e.proto.srcdoc
    ]
    return frame.proto.srcdoc


def test_a_value_a_new_actor_did_not_have_shows_empty_not_none(workspace):
    """The comparison's tables leave a missing value empty: a new actor had no degree before."""
    at = app()
    at.button(key="snap_sample_btn").click().run()
    at.run()
    (metrics,) = [d for d in at.dataframe if "measure" in d.value.columns]
    assert metrics.value["before"].isna().any()  # the new actors' (the tables' other rows have one)
    for table in at.dataframe[2:]:  # the comparison's tables (after the saved list and indicators)
        assert table.proto.HasField("placeholder") and table.proto.placeholder == ""

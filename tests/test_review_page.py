"""The Review page (Vurdering) and the review on the Snapshots page, through Streamlit's AppTest on a
real workspace file in tmp_path."""

from streamlit.testing.v1 import AppTest

from netmap.review import with_entry
from netmap.snapshots import SnapshotStore
from netmap.workspace import Workspace
from tests.test_app import APP, plain


def review_page(lang=None):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if lang:
        at.radio(key="lang").set_value(lang).run()
    at.switch_page("netmap/ui/pages/review.py").run()
    assert not at.exception, at.exception
    return at


def keys(at):
    return at.session_state["_editor_keys"]["review"]


def test_save_a_rating_and_see_it_after_a_reload(ws_path):
    at = review_page()
    assert [t.value for t in at.title] == ["Review"]
    assert len(at.text_area) == 19
    prefix = keys(at)
    at.selectbox(key=f"{prefix}_rating_13").set_value(1)
    at.text_area(key=f"{prefix}_note_13").input("Ingen politiker tæt på partnerskabet")
    at.button(key="review_save").click().run()
    assert not at.exception
    assert [plain(t.value) for t in at.toast] == ["Review saved."]  # in sight: saved at the foot of the page
    ws = Workspace(ws_path)
    assert ws.revision("copenhagen") == 2
    entry = ws.load("copenhagen").review[13]
    assert (entry.rating, entry.note) == (1, "Ingen politiker tæt på partnerskabet") and entry.date

    again = review_page()  # a reload: a new session on the same workspace
    prefix = keys(again)
    assert again.selectbox(key=f"{prefix}_rating_13").value == 1
    assert again.selectbox(key=f"{prefix}_rating_12").value is None
    assert again.text_area(key=f"{prefix}_note_13").value == "Ingen politiker tæt på partnerskabet"
    assert any(plain(c.value).startswith("Assessed ") for c in again.caption)


def test_undo_takes_the_rating_back(ws_path):
    at = review_page()
    prefix = keys(at)
    at.selectbox(key=f"{prefix}_rating_6").set_value(3)
    at.button(key="review_save").click().run()
    at.button(key="undo").click().run()
    assert not at.exception
    assert Workspace(ws_path).load("copenhagen").review == {}
    assert at.selectbox(key=f"{keys(at)}_rating_6").value is None


def test_the_page_in_danish_with_the_evidence_beside_the_elements(ws_path):
    at = review_page("da")
    assert [t.value for t in at.title] == ["Vurdering"]
    assert [plain(h.value) for h in at.header][:3] == [
        "Relationelle elementer",
        "Strukturelle elementer",
        "Elementer i partnerorganisationerne",
    ]
    select = at.selectbox(key=f"{keys(at)}_rating_1")
    assert select.options == [
        "ikke vurderet",
        "1 – ikke på plads",
        "2 – delvist på plads",
        "3 – i høj grad på plads",
        "4 – fuldt på plads",
    ]
    shown = [plain(m.value) for m in at.markdown]
    assert "**Imod:** Socialforvaltningen har ingen relation til andre kernemedlemmer." in shown
    assert any(s.startswith("**Imod:** De nærmeste aktører på politisk niveau er 3 skridt fra kernen") for s in shown)
    # the actors a text does not name are listed below it (here: the core, for the missing political anchor)
    assert any(plain(c.value).startswith("Berørte aktører: Lavuk Stjernen (ledelse); ") for c in at.caption)
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Hent vurderingen (CSV)", "Hent vurderingen (XLSX)"]


def test_unchanged_form_saves_nothing(ws_path):
    at = review_page()
    at.button(key="review_save").click().run()
    assert "Nothing changed in the review." in [i.value for i in at.info]
    assert Workspace(ws_path).revision("copenhagen") == 1


def test_snapshots_show_how_the_ratings_changed(ws_path, monkeypatch):
    monkeypatch.setenv("NETMAP_LANG", "en")
    ws = Workspace(ws_path)
    store = SnapshotStore(ws_path)
    net = ws.load("copenhagen")
    store.save("copenhagen", with_entry(net, 13, 1, "Langt til politikerne"), label="før", date="2017-01-15")
    store.save(
        "copenhagen", with_entry(with_entry(net, 13, 2, "Møde med udvalget"), 6, 3), label="efter", date="2017-09-01"
    )
    at = AppTest.from_string("from netmap.ui.snapshots_page import page\npage()\n", default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert any("Review (Table 7.1): 2 elements changed" in plain(m.value) for m in at.markdown)
    table = next(d.value for d in at.dataframe if "rating before" in d.value.columns)
    assert table.values.tolist() == [
        [
            "6. Frequent, open dialogue and communication, formal and informal",
            "not assessed",
            "largely in place",
            "",
            "",
        ],
        [
            "13. The political climate supports the partnership",
            "not in place",
            "partly in place",
            "Langt til politikerne",
            "Møde med udvalget",
        ],
    ]


def test_each_group_of_elements_ends_with_a_save_button(ws_path):
    """Walk-through: the only save was under all 19 elements (about 6,500 px down), and ratings
    not saved were lost on leaving the page. Table 7.1's groups: relational 1-6, structural 7-16,
    in the partner organisations 17-19; a save after each of the first two, and the last."""
    at = review_page("da")
    assert [b.key for b in at.button if b.key.startswith("review_save")] == [
        "review_save_0",
        "review_save_1",
        "review_save",
    ]
    prefix = keys(at)
    at.selectbox(key=f"{prefix}_rating_2").set_value(3)
    at.selectbox(key=f"{prefix}_rating_9").set_value(1)
    at.button(key="review_save_0").click().run()  # under element 6: saves every element
    assert not at.exception
    review = Workspace(ws_path).load("copenhagen").review
    assert (review[2].rating, review[9].rating) == (3, 1)
    assert "Gem, før du forlader siden" in " ".join(c.value for c in at.caption)

"""The Diagnosis and What if pages, the exported map and the report say the same things in the same
words: notes on the data name actors by their current names, severity has one box and one word,
flag codes stay out of the reader's text, and the brokerage roles agree between app and report.

The brokerage counts are worked out by hand on a small network (Gould & Fernandez 1989, as
docs/METHODS.md states the roles): Kommunen's coordinator b (public) is tied to two public actors
a1, a2 and one civil actor c1, and a1, a2, c1 have no tie of their own. The two-paths through b:
a1-b-a2 and a2-b-a1 stay in the public sector (coordinator, 2); a1-b-c1 and a2-b-c1 go from b's
sector out (representative, 2); c1-b-a1 and c1-b-a2 come in to b's sector (gatekeeper, 2).
Cross-sector brokerage = 2 + 2 = 4. The two actors of sector unknown are tied only to each other.
"""

import re
from html.parser import HTMLParser

from netmap.model import Actor, Network, Tie
from netmap.workspace import Workspace
from tests.test_app import plain, start, texts

NAME = "Ældrenetværk Nord"


def small_network():
    actors = [
        Actor("b", name="Koordinator, Kommunen", kind="coordinator", sector="public", partner=True),
        Actor("a1", name="Plejecentret", sector="public", partner=True),
        Actor("a2", name="Hjemmeplejen", sector="public"),
        Actor("c1", name="Frivilligcentret", sector="civil"),
        # the id made from an old name, the sector chosen as unknown on purpose
        Actor("aeldrecentret_solhaven", name="Solhavens Venner", sector="unknown"),
        Actor("kirkens_korshaer", name="Kirkens Korshær", sector="unknown"),
    ]
    ties = [Tie("b", "a1"), Tie("b", "a2"), Tie("b", "c1"), Tie("aeldrecentret_solhaven", "kirkens_korshaer")]
    return Network(name=NAME, actors=actors, ties=ties)


def danish_app(ws_path, page):
    Workspace(ws_path).create(NAME, small_network())
    at = start()
    at.radio(key="lang").set_value("da").run()
    at.selectbox(key="network").set_value(NAME).run()
    at.switch_page(f"netmap/ui/pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def test_the_notes_on_the_data_name_the_actors_of_unknown_sector_once_by_their_names(ws_path):
    at = danish_app(ws_path, "diagnosis")
    headers = texts(at, "header")
    assert "Bemærkninger om data" in headers
    notes = [t.value for t in at.text][-1:]  # the section's lines are its last texts
    assert notes == [
        '2 aktører har sektoren "ukendt": Solhavens Venner; Kirkens Korshær. '
        "Målene efter sektor regner dem som én gruppe for sig."
    ]
    shown = " ".join(t.value for t in at.text)
    for internal in ("actors[", "aeldrecentret_solhaven", "har ingen sektor", NAME + " actors"):
        assert internal not in shown


def test_the_boundary_spanners_table_and_the_report_give_the_same_roles_and_counts(ws_path):
    at = danish_app(ws_path, "diagnosis")
    table = at.dataframe[0].value
    row = table[table["Aktør"] == "Koordinator, Kommunen"].iloc[0].to_dict()
    assert row == {
        "Aktør": "Koordinator, Kommunen",
        "Sektor": "offentlig",
        "Brobygning på tværs af sektorer": 4,
        "Forbindelsesled": 0,
        "Portvogter": 2,
        "Repræsentant": 2,
        "Konsulent": 0,
    }

    from netmap.report import build_report
    from netmap.report.document import Table

    report = build_report(small_network(), "da")
    spanners = next(b for b in report.blocks if isinstance(b, Table) and b.caption == "Brobyggere")
    (line,) = [r for r in spanners.rows if r[0] == "Koordinator, Kommunen"]
    # The same figure and the same role words as the app; the roles add up to it. The role
    # inside a sector (2 here) is not a cross-sector role and never reads as the actor type.
    assert line[3] == "4" and line[4] == "Portvogter 2, Repræsentant 2"
    assert "oordinator" not in line[4]


def test_the_coordinator_role_has_a_name_that_is_not_the_actor_type():
    from netmap.analysis import analyze
    from netmap.present.report import actor_words

    words = actor_words(analyze(small_network()), "b", "da")["brokerage"]
    assert "Formidler i egen sektor, 2 gange: forbinder to aktører fra sin egen sektor" in words
    assert not any(w.startswith("Koordinator") for w in words)


def test_what_if_shows_each_flag_in_the_box_of_its_severity(ws_path):
    at = danish_app(ws_path, "whatif")
    at.selectbox(key="whatif_actor").set_value("c1").run()
    assert not at.exception
    titles = {kind: [f.split(":")[0] for f in texts(at, kind)] for kind in ("error", "warning", "info", "success")}
    # Without the civil actor c1 the core still reaches no far actor (high, stays), it closes in on
    # itself (appears); three flags clear. Each stays or appears in the box of its severity, as on
    # the Diagnosis page (high red, warning yellow), not in blue; a cleared one is green.
    assert titles["error"] == ["Høj – Ingen fjern rækkevidde"]
    assert titles["warning"] == [
        "Advarsel – Kernen lukker sig om sig selv",
        "Advarsel – Isolerede aktører",
        "Advarsel – Ingen politisk forankring",
        "Advarsel – Svag deltagelse",
    ]
    assert titles["info"] == [] and len(titles["success"]) == 3


class _Visible(HTMLParser):
    """The text a reader sees: no tags, attributes, scripts or styles."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def test_the_exported_map_shows_no_flag_codes_but_keeps_them_for_researchers():
    from netmap.export import export
    from netmap.reading import read_network
    from netmap.workspace import SAMPLES_DIR

    page = export(read_network(SAMPLES_DIR / "copenhagen"), lang="da")
    seen = _Visible()
    seen.feed(page)
    visible = " ".join(seen.parts)
    codes = ("NO_POLITICAL_ANCHOR", "WEAK_PARTICIPATION", "UNINTEGRATED_COLLABORATIONS", "SPANNER_DEPENDENCY")
    for code in codes:
        assert code not in visible
        assert f'data-code="{code}"' in page
    assert "Svag deltagelse" in visible
    assert re.search(r"\bHøj\b", visible) and re.search(r"\bAdvarsel\b", visible)


def test_the_report_says_severity_as_the_app_does(tmp_path):
    from netmap.reading import read_network
    from netmap.report import build_report
    from netmap.report.document import Heading
    from netmap.workspace import SAMPLES_DIR

    report = build_report(read_network(SAMPLES_DIR / "copenhagen"), "da")
    headings = [plain(b.text) for b in report.blocks if isinstance(b, Heading)]
    assert "Advarsel – Svag deltagelse" in headings
    assert "Høj – Afhængig af enkelte aktører" in headings
    assert not any("HØJ" in h or "(advarsel)" in h for h in headings)

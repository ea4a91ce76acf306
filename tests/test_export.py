"""The HTML export without a browser: the real CLI on real files, the page's text and its data.

Expected values come from outside the code: the sample networks' README (counted by hand),
hand-built networks whose measures are worked out in the docstrings, and the issue's rules
for offline files (no http(s):// or // in any src, href, url() or import).
"""

import base64
import hashlib
import json
import math
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from netmap import InputError, read_network
from netmap.export import CURVE_LIMIT, export, export_compare
from netmap.layout import layout
from netmap.model import Actor, Network, Tie

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "sample_networks"
HOSTILE = Path(__file__).parent / "data" / "export" / "hostile"

REMOTE = [
    re.compile(r"""\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""url\(\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""@import""", re.I),
    re.compile(r"""\bimport\s*\(?\s*["'](?:https?:)?//""", re.I),
]


def run_cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "netmap", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def page_data(page):
    """The JSON the page's script reads (``<script type="application/json" id="netmap-data">``)."""
    m = re.search(r'<script type="application/json" id="netmap-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


class Tags(HTMLParser):
    """Every start tag with its attributes, as the browser's tokenizer would see them."""

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self._in_script = [], [], False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append(["", dict(attrs)])

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1][0] += data


@pytest.fixture(scope="module")
def copenhagen_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("cph") / "map.html"
    r = run_cli("export", SAMPLES / "copenhagen", "-o", out)
    assert r.returncode == 0, r.stderr
    return out.read_text(encoding="utf-8")


def test_cli_writes_one_file_and_nothing_beside_it(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    r = run_cli(
        "export",
        SAMPLES / "fredericia",
        "-o",
        "map.html",
        "--title",
        "Fredericia",
        "--size-by",
        "betweenness",
        cwd=work,
    )
    assert r.returncode == 0, r.stderr
    assert "map.html" in r.stdout
    assert sorted(p.name for p in work.iterdir()) == ["map.html"]
    page = (work / "map.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Fredericia</title>" in page


@pytest.mark.parametrize(
    "args, message",
    [
        (["-o", "map.txt"], ".html"),
        (["-o", "map.html", "--color-by", "nope"], '"nope"'),
        (["-o", "no/such/folder/map.html"], "cannot write"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    r = run_cli("export", SAMPLES / "copenhagen", *args, cwd=tmp_path)
    assert r.returncode == 2
    assert message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_cli_rejects_unknown_measure(tmp_path):
    r = run_cli("export", SAMPLES / "copenhagen", "-o", "m.html", "--size-by", "fame", cwd=tmp_path)
    assert r.returncode == 2 and "fame" in r.stderr


def test_library_raises_input_errors():
    net = read_network(SAMPLES / "copenhagen")
    with pytest.raises(InputError, match='"fame"'):
        export(net, size_by="fame")
    with pytest.raises(InputError, match='"nope"'):
        export(net, color_by="nope")


def test_offline_no_remote_reference_and_no_bootstrap(copenhagen_page):
    for pattern in REMOTE:
        assert not pattern.search(copenhagen_page), pattern.pattern
    assert "bootstrap" not in copenhagen_page.lower()
    assert "sourceMappingURL" not in copenhagen_page
    tags = Tags(copenhagen_page).tags
    assert not [t for t in tags if t[0] in ("link", "iframe", "img", "object", "embed", "base")]
    assert all("src" not in attrs for tag, attrs in tags)


def test_content_security_policy_allows_only_the_pages_own_scripts(copenhagen_page):
    parsed = Tags(copenhagen_page)
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    code = [text for text, attrs in parsed.scripts if attrs.get("type") != "application/json"]
    assert len(code) == 2  # vis-network and the page's own script
    for text in code:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]


def test_hostile_strings_are_escaped(tmp_path):
    out = tmp_path / "hostile.html"
    title = '<script>alert("title")</script>'
    r = run_cli("export", HOSTILE, "-o", out, "--color-by", "group", "--title", title)
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    parsed = Tags(page)
    # Only the page's own tags: three scripts, no image, frame or link, no event handler.
    assert [t for t, _ in parsed.tags].count("script") == 3
    assert not [t for t, _ in parsed.tags if t in ("img", "iframe", "b", "object")]
    assert [a for t, a in parsed.tags if t == "a"] == [{"class": "skip", "href": "#tables"}]
    assert not [(t, k) for t, a in parsed.tags for k in a if k.lower().startswith("on")]
    assert not [a for t, a in parsed.tags for v in a.values() if v and "javascript:" in v]
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in page
    # The data block cannot be closed early: no "<" survives inside it.
    data_text = re.search(r'id="netmap-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data_text and ">" not in data_text and "&" not in data_text
    data = page_data(page)
    names = {n["name"] for n in data["nodes"]}
    assert '<img src=x onerror="window.__pwned=4;alert(4)">' in names
    assert "{{7*7}}" in names
    # Template syntax is shown as written, never evaluated.
    assert "&lt;th scope" not in page and "{{7*7}}" in page


def test_same_network_same_page_and_positions():
    net = read_network(SAMPLES / "copenhagen")
    assert export(net) == export(read_network(SAMPLES / "copenhagen"))
    assert layout(net, seed=3) == layout(net, seed=3)


def test_saved_positions_are_kept_and_others_placed_near():
    """a, b saved; c tied to both gets a position; physics is off so nothing moves."""
    net = Network(
        actors=[Actor("a", x=0.0, y=0.0), Actor("b", x=300.0, y=0.0), Actor("c"), Actor("d")],
        ties=[Tie("a", "c"), Tie("b", "c")],
    )
    data = page_data(export(net))
    pos = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    assert pos["a"] == (0.0, 0.0) and pos["b"] == (300.0, 0.0)
    assert -300 < pos["c"][0] < 600 and abs(pos["c"][1]) < 600
    assert pos["d"][1] > 0  # the untied actor sits below the others (y grows downwards)
    assert data["options"]["physics"]["enabled"] is False


def test_layout_keeps_a_saved_map_steady_after_an_edit():
    """Saving every position, then adding one actor, moves no saved actor."""
    net = read_network(SAMPLES / "fredericia")
    first = layout(net)
    for a in net.actors:
        a.x, a.y = first[a.id]
    net.actors.append(Actor("new", sector="civil"))
    net.ties.append(Tie("new", net.actors[0].id))
    second = layout(net)
    assert all(second[v] == first[v] for v in first)
    assert "new" in second


def test_actors_added_one_at_a_time_to_a_saved_map_sit_side_by_side_under_it():
    """Actors added with the form (no ties) went each a row further down: five made the map
    1,050 units taller, and the fitted map ever smaller (Danish walk-through). Now they fill a
    row under the tied actors, left to right, SPACING (140) apart, none nearer to an actor."""
    from netmap.layout import SPACING

    net = read_network(SAMPLES / "copenhagen")
    for a, (x, y) in zip(net.actors, layout(net).values()):
        a.x, a.y = x, y
    tied = {v for t in net.ties for v in (t.source, t.target)}
    bottom = max(a.y for a in net.actors if a.id in tied)
    left = min(a.x for a in net.actors)
    for i in range(4):  # the form saves each with its place before the next comes
        net.actors.append(Actor(f"new{i}", sector="civil"))
        place = layout(net)[f"new{i}"]
        net.actors[-1].x, net.actors[-1].y = place
    new = [(a.x, a.y) for a in net.actors[-4:]]
    # by hand: row y = bottom + 140; columns left, left + 140, ... where no actor is within 140
    assert all(y == pytest.approx(bottom + SPACING, abs=0.1) for _, y in new), new
    assert [x for x, _ in new] == sorted(x for x, _ in new) and new[0][0] == pytest.approx(left, abs=0.1)
    for a in net.actors[:-4]:
        for x, y in new:
            assert math.hypot(a.x - x, a.y - y) >= SPACING - 0.1
    assert math.hypot(new[1][0] - new[0][0], 0) >= SPACING - 0.1


def test_actors_added_one_at_a_time_to_a_map_without_ties_fill_its_rows():
    """A pasted list of six names (no ties yet), saved; four more added one at a time went a row
    further down each (review). They now fill the free places beside and under the list, at
    most two rows (280) under it, none nearer than GAP (98) to another."""
    from netmap.layout import SPACING

    net = Network(actors=[Actor(f"n{i}", name=f"Navn {i}") for i in range(6)])
    for a, (x, y) in zip(net.actors, layout(net).values(), strict=True):
        a.x, a.y = x, y
    bottom = max(a.y for a in net.actors)
    for i in range(4):
        net.actors.append(Actor(f"new{i}", name=f"Ny {i}"))
        net.actors[-1].x, net.actors[-1].y = layout(net)[f"new{i}"]
    new = [(a.x, a.y) for a in net.actors[-4:]]
    assert max(y for _, y in new) <= bottom + 2 * SPACING, new  # before: 475 under the bottom, a row (140) each
    for a in net.actors[-4:]:
        for b in net.actors:
            assert a is b or math.hypot(a.x - b.x, a.y - b.y) >= SPACING * 0.7 - 0.1, (a.id, b.id)


def test_no_physics_moves_the_laid_out_map_and_large_maps_draw_straight_ties():
    """The page draws the layout's places (the app's map draws the same): physics is off."""
    small = read_network(SAMPLES / "copenhagen")
    data = page_data(export(small))
    assert data["options"]["physics"]["enabled"] is False
    pos = layout(small)
    assert {n["id"]: (n["x"], n["y"]) for n in data["nodes"]} == pos
    n = CURVE_LIMIT + 1
    big = Network(
        actors=[Actor(f"a{i}", sector="public") for i in range(n)],
        ties=[Tie(f"a{i}", f"a{i + 1}") for i in range(n - 1)],
    )
    options = page_data(export(big))["options"]
    assert options["physics"]["enabled"] is False
    assert options["edges"]["smooth"] is False


def test_encodings_on_a_hand_built_network():
    """p (public, core) - c (civil, management) - z (citizen, political); c -> z directed funding.

    By hand (Gould & Fernandez): the arcs are p->c, c->p and c->z (the funding tie is directed),
    so c brokers the one two-path p->c->z, whose three groups differ: one liaison, cross-sector
    brokerage 1, a boundary spanner; p and z broker nothing. Degrees 1, 2, 1.
    """
    net = Network(
        actors=[
            Actor("p", name="P", sector="public", partner=True),
            Actor("c", name="C", sector="civil", level="management"),
            Actor("z", name="Z", sector="citizen", level="political"),
        ],
        ties=[Tie("p", "c", kind="personal", strength=1.0), Tie("c", "z", kind="funding", strength=3.0, directed=True)],
    )
    data = page_data(export(net))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["p"]["label"].startswith("\u2605") and nodes["p"]["borderWidth"] >= 3
    assert nodes["c"]["label"].startswith("\u21c4") and nodes["c"]["shapeProperties"]["borderDashes"]
    assert "shapeProperties" not in nodes["p"] and "shapeProperties" not in nodes["z"]
    assert [nodes[v]["shape"] for v in "pcz"] == ["dot", "square", "triangle"]
    assert nodes["c"]["size"] > nodes["p"]["size"] == nodes["z"]["size"]
    assert nodes["c"]["tip"]["x"] == 1 and nodes["c"]["tip"]["d"] == 2
    groups = data["options"]["groups"]
    fills = {v: groups[nodes[v]["group"]]["color"]["background"] for v in "pcz"}
    assert len(set(fills.values())) == 3
    personal, funding = data["edges"]
    assert personal.get("dashes") is True and "arrows" not in personal
    assert funding["arrows"] == "to" and "dashes" not in funding
    assert funding["width"] > personal["width"]
    assert sorted(data["sets"]["spanners"]) == ["c"] and data["sets"]["core"] == ["p"]


def test_size_by_brokerage_and_colour_by_level():
    net = read_network(SAMPLES / "fredericia")
    page = export(net, size_by="brokerage", color_by="level")
    assert "Colour: level" in page and "cross-sector brokerage" in page


def test_flags_beside_the_map_with_their_actors():
    """README: Copenhagen raises SPANNER_DEPENDENCY (high) for lavuk_koordinator and sf_kontakt."""
    page = export(read_network(SAMPLES / "copenhagen"))
    data = page_data(page)
    for code in (
        "CLOSING_IN",
        "UNINTEGRATED_COLLABORATIONS",
        "WEAK_PARTICIPATION",
        "NO_POLITICAL_ANCHOR",
        "SPANNER_DEPENDENCY",
    ):
        assert f'data-code="{code}"' in page and f"<code>{code}</code>" not in page  # for researchers, not shown
    spanner_sets = [ids for ids in data["sets"].values() if sorted(ids) == ["lavuk_koordinator", "sf_kontakt"]]
    assert spanner_sets
    marked = {n["id"] for n in data["nodes"] if "\u26a0" in n["label"]}
    assert marked == {"lavuk_koordinator", "sf_kontakt"}


def test_tables_hold_every_actor_and_tie(copenhagen_page):
    """README: Copenhagen has 21 actors and 36 ties; 6 partners."""
    assert "<caption>Actors (21)</caption>" in copenhagen_page
    assert "<caption>Ties (36)</caption>" in copenhagen_page
    assert copenhagen_page.count('<tr><th scope="row">') == 21 + 36
    assert "partnership core: thick border (6)" in copenhagen_page


def test_danish_page():
    page = export(read_network(SAMPLES / "copenhagen"), lang="da")
    assert '<html lang="da">' in page
    for text in ("Signaturforklaring", "Aktører (21)", "Relationer (36)", "Advarsler", "Vis navne"):
        assert text in page
    assert page_data(page)["text"]["tip_strength"] == "styrke {v}"


def test_pseudonymise_hides_citizens_names():
    net = read_network(SAMPLES / "copenhagen")
    citizens = [a.name for a in net.actors if a.sector == "citizen"]
    assert citizens
    page = export(net, pseudonymise=True)
    for name in citizens:
        assert name not in page
    assert "citizen-" in page and "citizens pseudonymised" in page


def test_compare_marks_added_removed_and_changed():
    """README, Copenhagen series 1 -> 2: sf_kontakt_tidl and its 3 ties and the department's 2
    direct ties into the core are removed; sf_kontakt, bibliotek and museum are added."""
    old = read_network(SAMPLES / "copenhagen_series" / "2016-03-01_start.json")
    new = read_network(SAMPLES / "copenhagen_series" / "2017-01-15_turnover.json")
    page = export_compare(old, new)
    data = page_data(page)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert sorted(data["sets"]["added"]) == ["bibliotek", "museum", "sf_kontakt"]
    assert data["sets"]["removed"] == ["sf_kontakt_tidl"]
    assert nodes["sf_kontakt_tidl"]["label"].startswith("\u2212")
    assert nodes["sf_kontakt_tidl"]["opacity"] < 1
    assert nodes["museum"]["label"].startswith("+")
    removed_edges = [e for e in data["edges"] if e.get("label") == "\u2212"]
    assert len(removed_edges) == 5
    assert sum(1 for e in removed_edges if "sf_kontakt_tidl" in (e["from"], e["to"])) == 3
    assert len(data["nodes"]) == len(new.actors) + 1
    for pattern in REMOTE:
        assert not pattern.search(page)


def test_cli_compare(tmp_path):
    series = SAMPLES / "copenhagen_series"
    r = run_cli(
        "export",
        series / "2017-09-01_workshops.json",
        "--compare-to",
        series / "2017-01-15_turnover.json",
        "-o",
        tmp_path / "c.html",
        "--lang",
        "da",
    )
    assert r.returncode == 0, r.stderr
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "Ændringer: 15. januar 2017 \u2192 1. september 2017" in page  # the dates as a Danish reader writes them


@pytest.mark.parametrize("sample", ["copenhagen", "fredericia"])
def test_a_new_map_leaves_room_for_every_label(sample):
    """No two names overlap on a newly laid-out sample map: checked pair by pair with boxes of
    8 map units a character (font 16; the samples' names average 8.3 in DejaVu Sans) for the
    widest line drawn, 16 units a line, starting 30 units under the actor (mark and gap).
    The browser tests (test_readable_maps_browser.py) measure the drawn names."""
    from netmap.layout import layout
    from netmap.present.mapview import map_label
    from netmap.reading import read_network

    net = read_network(Path(__file__).parent.parent / "sample_networks" / sample)
    pos = layout(net)
    lines = {a.id: map_label(a.label).split("\n") for a in net.actors}
    box = {
        v: (x - 4 * max(map(len, lines[v])), y + 30, x + 4 * max(map(len, lines[v])), y + 30 + 16 * len(lines[v]))
        for v, (x, y) in pos.items()
    }
    ids = list(pos)
    clashes = [
        (u, v)
        for i, u in enumerate(ids)
        for v in ids[i + 1 :]
        if box[u][0] < box[v][2] and box[v][0] < box[u][2] and box[u][1] < box[v][3] and box[v][1] < box[u][3]
    ]
    assert clashes == []

"""Readable maps in a real browser (Chromium through Playwright, 1280x720): on both samples, in
the exported HTML map and in the app's editable map, every name is at least 11 px high at the
fitted zoom, lies on the map, and overlaps no other name; a 2,000-character name or an actor
placed far away does not change the zoom.

A name's box is measured in the page: where vis-network draws it (the node's place and the top
of its label, through ``network.canvasToDOM``), its width from the canvas's ``measureText`` with
the node's font, its height the font size a line; both times ``network.getScale()``.
"""

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from netmap.layout import placed
from netmap.model import Actor, Network, Tie
from netmap.reading import read_network
from netmap.workspace import Workspace
from tests.test_app_browser import ARGS, CHROMIUM, running_app

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "sample_networks"
VIEWPORT = {"width": 1280, "height": 720}
#: The smallest name on a fitted map, in CSS pixels.
MIN_PX = 11

#: The drawn names' boxes on the page (CSS pixels) of the map ``network``, and the map's box.
LABEL_BOXES = """(which) => {
  const net = which === "editor" ? globalThis.netmapEditor : window.netmapNetwork;
  const scale = net.getScale(), frame = net.body.container.getBoundingClientRect();
  const ctx = document.createElement("canvas").getContext("2d");
  const boxes = [];
  for (const id of net.body.nodeIndices) {
    const node = net.body.nodes[id];
    if (node.options.hidden || !node.options.label) continue;
    const font = node.labelModule.fontOptions;
    ctx.font = `${font.size}px ${font.face}`;
    const lines = String(node.options.label).split("\\n");
    const w = Math.max(...lines.map((line) => ctx.measureText(line).width)) * scale;
    const top = net.canvasToDOM({ x: node.x, y: node.labelModule.size.top });
    boxes.push({ id, label: node.options.label, px: font.size * scale, w, h: font.size * lines.length * scale,
                 x: frame.left + top.x - w / 2, y: frame.top + top.y });
  }
  return { scale, boxes, frame: { x: frame.left, y: frame.top, w: frame.width, h: frame.height } };
}"""


def overlapping(boxes):
    """Pairs of names whose boxes overlap."""
    return [
        (a["label"], b["label"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["x"] < b["x"] + b["w"]
        and b["x"] < a["x"] + a["w"]
        and a["y"] < b["y"] + b["h"]
        and b["y"] < a["y"] + a["h"]
    ]


def outside(drawn):
    """Names not wholly on the map's box (and on the screen)."""
    f = drawn["frame"]
    right, bottom = min(f["x"] + f["w"], VIEWPORT["width"]), min(f["y"] + f["h"], VIEWPORT["height"])
    return [
        b["label"]
        for b in drawn["boxes"]
        if b["x"] < f["x"] or b["y"] < f["y"] or b["x"] + b["w"] > right or b["y"] + b["h"] > bottom
    ]


def check_readable(drawn, n_actors):
    assert len(drawn["boxes"]) == n_actors
    small = [(b["label"], round(b["px"], 1)) for b in drawn["boxes"] if b["px"] < MIN_PX]
    assert small == []
    assert overlapping(drawn["boxes"]) == []
    assert outside(drawn) == []


@pytest.fixture(scope="class")
def browser():
    """One Chromium for the exported maps' tests (a class: it closes before the app's tests start
    their own)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def exported(browser, path):
    """The exported map at ``path``, opened at 1280x720: what :data:`LABEL_BOXES` measures."""
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-stable=true]", state="attached", timeout=30000)
    drawn = page.evaluate(LABEL_BOXES, "export")
    page.close()
    return drawn


#: A 2,000-character name (400 words), drawn "Lang Lang Lang / Lang Lang…" (cut at the last word
#: within 27 characters, then in lines of up to 16).
LONG = ("Lang " * 400).strip() + "e"
LONG_LABEL = "Lang Lang Lang\nLang Lang\u2026"


def wide_network():
    """Copenhagen (placed, as the workspace keeps it) with an actor of a 2,000-character name in
    the middle and one placed far away, both tied to the rest."""
    net = placed(read_network(SAMPLES / "copenhagen"))
    xs, ys = [a.x for a in net.actors], [a.y for a in net.actors]
    middle = (sum(xs) / len(xs), sum(ys) / len(ys))
    long_one = Actor("long", name=LONG, sector="civil", x=middle[0], y=middle[1])
    far = Actor("far", name="Far away", sector="public", x=max(xs) + 100_000, y=max(ys) + 80_000)
    ties = [*net.ties, Tie("long", "bibliotek"), Tie("far", "museum")]
    return net, replace(net, actors=[*net.actors, long_one, far], ties=ties)


class TestTheExportedMap:
    @pytest.mark.parametrize("sample", ["copenhagen", "fredericia"])
    def test_the_exported_sample_maps_are_readable_at_1280x720(self, browser, sample, tmp_path):
        out = tmp_path / f"{sample}.html"
        r = subprocess.run(
            [sys.executable, "-m", "netmap", "export", str(SAMPLES / sample), "-o", str(out)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert r.returncode == 0, r.stderr
        check_readable(exported(browser, out), len(read_network(SAMPLES / sample).actors))

    def test_on_the_copenhagen_map_two_long_names_no_longer_print_over_each_other(self, browser, tmp_path):
        """The issue's example: the two names are drawn (shortened) and apart."""
        out = tmp_path / "copenhagen.html"
        subprocess.run(
            [sys.executable, "-m", "netmap", "export", str(SAMPLES / "copenhagen"), "-o", str(out)], check=True
        )
        boxes = {b["id"]: b for b in exported(browser, out)["boxes"]}
        a, b = boxes["borgere_lavuk"], boxes["lavuk_medarbejdere"]
        assert a["label"] == "Borgere med\nhandicap\u2026"
        assert b["label"] == "\u2605\u21c4 Medarbejdere p\u00e5\nLavuk\u2026"
        assert overlapping([a, b]) == []

    def test_a_long_name_and_a_far_actor_do_not_change_the_exported_maps_zoom(self, browser, tmp_path):
        from netmap.export import export

        base, wide = wide_network()
        (tmp_path / "base.html").write_text(export(base), encoding="utf-8")
        (tmp_path / "wide.html").write_text(export(wide), encoding="utf-8")
        before, after = exported(browser, tmp_path / "base.html"), exported(browser, tmp_path / "wide.html")
        assert after["scale"] == pytest.approx(before["scale"], rel=0.01)
        long_box = next(b for b in after["boxes"] if b["id"] == "long")
        assert long_box["label"].endswith(LONG_LABEL)
        assert min(b["px"] for b in after["boxes"]) >= MIN_PX


def editor_boxes(page, url, network, n_actors):
    """The app's editable map of ``network`` at 1280x720, drawn: :data:`LABEL_BOXES`."""
    page.set_viewport_size(VIEWPORT)
    page.goto(f"{url}/?network={network}")
    page.wait_for_function(f"() => globalThis.netmapEditor?.body.data.nodes.length === {n_actors}", timeout=30000)
    page.locator(".netmap-editor").scroll_into_view_if_needed()  # 640 px high: it fits the screen
    page.wait_for_timeout(300)
    return page.evaluate(LABEL_BOXES, "editor")


def test_the_apps_editable_sample_maps_are_readable_at_1280x720(tmp_path):
    with running_app(tmp_path) as (page, url, _workspace, errors):
        for sample in ("copenhagen", "fredericia"):
            n = len(read_network(SAMPLES / sample).actors)
            check_readable(editor_boxes(page, url, sample, n), n)
        assert errors == []


#: A coordinator's first list of partners, pasted one a line into a new network: no ties yet.
PASTED = [
    f"{name} {town}"
    for town in ("Vejle", "Kolding", "Fredericia")
    for name in (
        "Socialforvaltningen", "Aftenskolen", "Bofællesskabet Toftegården", "Frivilligcenter", "Dagtilbud Nord",
        "Jobcentret", "Handicaprådet", "Idrætsforeningen", "Borgerservice", "Kulturhuset", "Biblioteket",
        "Ældrerådet",
    )
]  # fmt: skip


def test_a_pasted_list_of_names_is_readable_on_the_apps_map(tmp_path):
    """36 actors without ties or places (a pasted list): set out in rows the shape of the app's
    map, their names at least 11 px and apart at 1280x720 (before: five wide rows and a lone
    first actor above them, names about 8 px)."""
    net = placed(Network(actors=[Actor(f"p{i}", name=name) for i, name in enumerate(PASTED)], ties=[]))
    Workspace(tmp_path / "ws.sqlite", seed=False).create("pasted", net)
    with running_app(tmp_path, seed=False) as (page, url, _workspace, errors):
        check_readable(editor_boxes(page, url, "pasted", len(PASTED)), len(PASTED))
        assert errors == []


def test_most_of_the_map_is_in_a_1280x720_window_on_opening(tmp_path):
    """An office laptop's window, in Danish: the page's title clears Streamlit's header, and at
    least 400 of the map's 640 px show without scrolling (before, the map began 373 px down under
    a 6rem gap and a 2.75rem title: 347 px of it showed). A flash message would push it down, so
    the figure leaves room for one line more."""
    with running_app(tmp_path, viewport=VIEWPORT) as (page, url, _workspace, errors):
        page.goto(f"{url}/?network=copenhagen&lang=da")
        page.wait_for_function("() => globalThis.netmapEditor?.body.data.nodes.length > 0", timeout=30000)
        boxes = page.evaluate(
            """() => { const box = e => { const b = e.getBoundingClientRect(); return [b.top, b.bottom]; };
                       return {header: box(document.querySelector('[data-testid=stHeader]')),
                               h1: box(document.querySelector('h1')),
                               map: box(globalThis.netmapEditor.body.container)}; }"""
        )
        assert page.evaluate("scrollY") == 0
        # The title is not under the header's buttons: a click on its words reaches it.
        assert page.evaluate(
            """() => { const h = document.querySelector('h1'), r = h.firstChild.getBoundingClientRect ? h.firstChild.getBoundingClientRect() : h.getBoundingClientRect();
                       return h.contains(document.elementFromPoint(r.left + 5, (r.top + r.bottom) / 2)); }"""
        ), boxes
        top, bottom = boxes["map"]
        assert bottom - top == pytest.approx(640, abs=2)
        assert VIEWPORT["height"] - top >= 400, boxes
        assert errors == []


def test_a_long_name_and_a_far_actor_do_not_change_the_editable_maps_zoom(tmp_path):
    from playwright.sync_api import expect

    base, wide = wide_network()
    ws = Workspace(tmp_path / "ws.sqlite", seed=False)
    ws.create("base", base)
    ws.create("wide", wide)
    with running_app(tmp_path, seed=False) as (page, url, _workspace, errors):
        before = editor_boxes(page, url, "base", len(base.actors))
        after = editor_boxes(page, url, "wide", len(wide.actors))
        assert after["scale"] == pytest.approx(before["scale"], rel=0.01)
        assert min(b["px"] for b in after["boxes"]) >= MIN_PX
        node = page.evaluate("globalThis.netmapEditor.body.data.nodes.get('a:long')")
        assert node["label"] == LONG_LABEL
        assert node["title"].startswith(LONG + "\n")  # the tooltip has it whole
        # The panel has it whole too: open it from the map.
        spot = page.evaluate(
            """() => { const n = globalThis.netmapEditor, d = n.canvasToDOM(n.getPositions(["a:long"])["a:long"]);
                       const r = n.body.container.getBoundingClientRect(); return {x: r.left + d.x, y: r.top + d.y}; }"""
        )
        page.mouse.click(spot["x"], spot["y"])
        name = page.locator(".st-key-map_panel").get_by_label("Name", exact=True)
        expect(name).to_have_value(LONG, timeout=15000)
        assert errors == []

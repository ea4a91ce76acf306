"""The exported HTML map in a real headless Chromium (Playwright): it draws, it stays offline,
no injected code runs, and its controls work.

Expected names, sectors and flagged actors come from the sample and fixture files themselves
(read with the csv module) and from sample_networks/README.md. Skipped, with the reason shown,
only where Chromium is absent.
"""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from netmap import read_network
from netmap.export import export, export_compare
from tests.test_app_browser import ARGS, CHROMIUM

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "sample_networks"
HOSTILE = Path(__file__).parent / "data" / "export" / "hostile"

NON_BLANK = """() => {
  const c = document.querySelector('#graph canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3] > 0 && !(d[i] > 240 && d[i + 1] > 240 && d[i + 2] > 240)) n++;
  }
  return n;
}"""


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """The sample maps, written by the real CLI."""
    folder = tmp_path_factory.mktemp("maps")
    out = {}
    for name in ("copenhagen", "fredericia"):
        out[name] = folder / f"{name}.html"
        r = subprocess.run(
            [sys.executable, "-m", "netmap", "export", str(SAMPLES / name), "-o", str(out[name])],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert r.returncode == 0, r.stderr
    return out


def open_map(browser, path):
    """Open a file:// map and record what it does: requests, dialogs, errors, console."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    seen = {"requests": [], "dialogs": [], "errors": [], "console": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}"))
    page.goto(Path(path).as_uri())
    page.wait_for_selector("html[data-stable=true]", state="attached", timeout=45000)
    page.wait_for_timeout(100)
    return page, seen


def assert_quiet(path, seen):
    assert seen["requests"] == [Path(path).as_uri()]  # the page itself, nothing else
    assert seen["dialogs"] == []
    assert seen["errors"] == []
    assert not [c for c in seen["console"] if c.startswith("error")]


@pytest.mark.parametrize("name", ["copenhagen", "fredericia"])
def test_samples_draw_offline(chromium, files, name):
    page, seen = open_map(chromium, files[name])
    try:
        assert page.evaluate(NON_BLANK) > 2000
        actors = rows(SAMPLES / name / "actors.csv")
        assert page.locator("#actors-table tbody tr").count() == len(actors)
        assert page.locator("#ties-table tbody tr").count() == len(rows(SAMPLES / name / "ties.csv"))
        assert_quiet(files[name], seen)
    finally:
        page.close()


def test_hostile_names_stay_text(chromium, tmp_path):
    path = tmp_path / "hostile.html"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "netmap",
            "export",
            str(HOSTILE),
            "-o",
            str(path),
            "--color-by",
            "group",
            "--title",
            "<img src=t onerror=alert('title')>",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    page, seen = open_map(chromium, path)
    try:
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate(NON_BLANK) > 500
        actors = rows(HOSTILE / "actors.csv")
        cells = page.locator("#actors-table tbody tr")
        assert page.locator("#actors-table tbody th").all_text_contents() == [a["name"] for a in actors]
        for i, a in enumerate(actors):
            texts = cells.nth(i).locator("td").all_text_contents()
            assert texts[0] == a["kind"] and texts[-1] == a["notes"]
            assert a["group"] in texts
        ties = rows(HOSTILE / "ties.csv")
        notes = [row.locator("td").last.text_content() for row in page.locator("#ties-table tbody tr").all()]
        assert notes == [t["notes"] for t in ties]
        assert page.locator("h1").text_content() == "<img src=t onerror=alert('title')>"
        # The tooltip is plain text (vis-network sets innerText): the raw name, and no element
        # inside but the line breaks innerText makes of "\n".
        target = actors[2]
        pos = page.evaluate(f"""() => {{
            const n = window.netmapNetwork;
            const p = n.canvasToDOM(n.getPositions([{target["id"]!r}])[{target["id"]!r}]);
            const r = document.getElementById('graph').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }}""")
        page.mouse.move(pos[0] - 3, pos[1] - 3)
        page.mouse.move(pos[0], pos[1])
        tip = page.locator("div.vis-tooltip")
        tip.wait_for(state="visible", timeout=5000)
        assert tip.evaluate("e => [...e.children].every(c => c.tagName === 'BR')")
        assert tip.inner_text().startswith(target["name"] + "\n")
        assert seen["dialogs"] == [] and page.evaluate("typeof window.__pwned") == "undefined"
        assert_quiet(path, seen)
    finally:
        page.close()


def test_find_filter_labels_and_flag_buttons(chromium, files):
    actors = rows(SAMPLES / "copenhagen" / "actors.csv")
    page, seen = open_map(chromium, files["copenhagen"])
    try:
        selected = "window.netmapNetwork.getSelectedNodes()"
        direktion = next(a for a in actors if a["name"] == "Direktion")
        page.fill("#find", "direktion")
        page.press("#find", "Enter")
        assert page.evaluate(selected) == [direktion["id"]]
        assert "Direktion" in page.locator("#status").text_content()
        page.fill("#find", "no such actor at all")
        page.press("#find", "Enter")
        assert page.locator("#status").text_content() == "No actor has that name."

        page.uncheck("input[data-sector=citizen]")
        hidden = page.evaluate("window.netmapNetwork.body.data.nodes.get({filter: n => n.hidden}).map(n => n.id)")
        assert sorted(hidden) == sorted(a["id"] for a in actors if a["sector"] == "citizen")
        page.check("input[data-sector=citizen]")

        labels = "window.netmapNetwork.body.data.nodes.get().map(n => n.label)"
        page.uncheck("#show-labels")
        assert set(page.evaluate(labels)) == {""}
        page.check("#show-labels")
        assert "Direktion" in page.evaluate(labels)

        # README: SPANNER_DEPENDENCY concerns lavuk_koordinator and sf_kontakt.
        item = page.locator("ol.flags li[data-code=SPANNER_DEPENDENCY]")
        item.locator("button").click()
        assert sorted(page.evaluate(selected)) == ["lavuk_koordinator", "sf_kontakt"]
        page.click("#fit")
        assert page.evaluate(selected) == []
        assert_quiet(files["copenhagen"], seen)
    finally:
        page.close()


def test_compare_map_draws(chromium, tmp_path):
    series = SAMPLES / "copenhagen_series"
    path = tmp_path / "compare.html"
    path.write_text(
        export_compare(
            read_network(series / "2016-03-01_start.json"), read_network(series / "2017-01-15_turnover.json"), lang="da"
        ),
        encoding="utf-8",
    )
    page, seen = open_map(chromium, path)
    try:
        assert page.evaluate(NON_BLANK) > 2000
        page.locator("button[data-set=removed]").click()
        assert page.evaluate("window.netmapNetwork.getSelectedNodes()") == ["sf_kontakt_tidl"]
        assert_quiet(path, seen)
    finally:
        page.close()


def test_the_legend_is_beside_the_map_in_the_apps_frame(chromium, tmp_path):
    """In the app a map is a frame about 820 x 620 px (the Snapshots and Survey pages' compare
    map at 1280x720): the legend sits beside the map there. Under it, it was cut off after its
    heading (the page went to one column below 800 px)."""
    path = tmp_path / "compare.html"
    series = SAMPLES / "copenhagen_series"
    old, new = (read_network(series / f) for f in ("2016-03-01_start.json", "2017-01-15_turnover.json"))
    path.write_text(export_compare(old, new, lang="da"), encoding="utf-8")
    page = chromium.new_page(viewport={"width": 786, "height": 620})
    try:
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-stable=true]", state="attached", timeout=45000)
        graph, aside = (page.locator(s).bounding_box() for s in ("#graph", "aside"))
        assert aside["x"] >= graph["x"] + graph["width"] - 1 and aside["y"] < 620
    finally:
        page.close()


def test_5000_actors_draw(chromium, tmp_path):
    from netmap.generate import generate

    path = tmp_path / "big.html"
    path.write_text(export(generate(5000, seed=0)), encoding="utf-8")
    assert path.stat().st_size < 5_000_000
    page, seen = open_map(chromium, path)
    try:
        assert page.evaluate(NON_BLANK) > 5000
        assert page.evaluate("window.netmapNetwork.body.data.nodes.length") == 5000
        assert_quiet(path, seen)
    finally:
        page.close()


PROTO_IDS = ["constructor", "toString", "hasOwnProperty", "valueOf", "__proto__", "isPrototypeOf"]


def proto_network():
    """Actors whose ids are JavaScript property names (and one that is not, for contrast)."""
    from netmap.model import Actor, Network, Tie

    sectors = ["public", "civil", "private", "citizen"]
    actors = [Actor(i, name=f"Actor {i}", sector=sectors[n % 4], partner=n == 0) for n, i in enumerate(PROTO_IDS)]
    actors.append(Actor("plain", name="Plain", sector="public"))
    ids = [a.id for a in actors]
    ties = [Tie(a, b) for a, b in zip(ids, ids[1:], strict=False)] + [Tie("constructor", "__proto__", kind="personal")]
    return Network(actors=actors, ties=ties, name="__proto__")


def test_ids_that_are_javascript_property_names_draw_and_work(chromium, tmp_path):
    path = tmp_path / "proto.html"
    path.write_text(export(proto_network()), encoding="utf-8")
    page, seen = open_map(chromium, path)
    try:
        assert page.evaluate(NON_BLANK) > 1000
        drawn = page.evaluate("window.netmapActorIds(window.netmapNetwork.body.data.nodes.getIds())")
        assert sorted(drawn) == sorted(PROTO_IDS + ["plain"])
        selected = "window.netmapActorIds(window.netmapNetwork.getSelectedNodes())"
        for actor_id in PROTO_IDS:
            page.fill("#find", f"actor {actor_id}")
            page.press("#find", "Enter")
            assert page.evaluate(selected) == [actor_id]
            assert f"Actor {actor_id}" in page.locator("#status").text_content()
        page.uncheck("input[data-sector=civil]")
        hidden = page.evaluate("window.netmapNetwork.body.data.nodes.get({filter: n => n.hidden}).map(n => n.id)")
        assert page.evaluate(f"window.netmapActorIds({hidden!r})") == ["toString", "isPrototypeOf"]
        page.check("input[data-sector=civil]")
        page.uncheck("#show-labels")
        page.check("#show-labels")
        labels = page.evaluate("window.netmapNetwork.body.data.nodes.get().map(n => n.label)")
        # Names are drawn in lines of up to 16 characters.
        assert all(label.replace("\n", " ").endswith(f"Actor {i}") for label, i in zip(labels, PROTO_IDS, strict=False))
        page.locator("button[data-set=core]").click()
        assert page.evaluate(selected) == ["constructor"]
        assert "Actor constructor" in page.locator("#status").text_content()
        page.click("#fit")
        assert_quiet(path, seen)
    finally:
        page.close()


def test_compare_map_with_property_name_ids(chromium, tmp_path):
    old = proto_network()
    new = proto_network()
    new.actors = [a for a in new.actors if a.id != "valueOf"]
    new.ties = [t for t in new.ties if "valueOf" not in (t.source, t.target)]
    path = tmp_path / "proto_compare.html"
    path.write_text(export_compare(old, new), encoding="utf-8")
    page, seen = open_map(chromium, path)
    try:
        assert page.evaluate(NON_BLANK) > 1000
        page.locator("button[data-set=removed]").click()
        assert page.evaluate("window.netmapActorIds(window.netmapNetwork.getSelectedNodes())") == ["valueOf"]
        assert_quiet(path, seen)
    finally:
        page.close()


def test_planned_ties_are_dotted_labelled_and_explained(chromium, tmp_path):
    """Fredericia's three idea-ties (status planned in its ties.csv) in Danish: dotted, the word
    "planlagt" on the line and in the tooltip, explained in the legend, named in the table."""
    planned = [r for r in rows(SAMPLES / "fredericia" / "ties.csv") if r["status"] == "planned"]
    assert len(planned) == 3
    path = tmp_path / "fredericia.html"
    path.write_text(export(read_network(SAMPLES / "fredericia"), lang="da"), encoding="utf-8")
    page, seen = open_map(chromium, path)
    try:
        edges = page.evaluate(
            "() => window.netmapNetwork.body.data.edges.get().map(e => [e.from, e.to, e.label || '', e.dashes || false, e.title])"
        )
        drawn = [e for e in edges if e[2] == "planlagt"]
        assert sorted((f, t) for f, t, *_ in drawn) == sorted((r["source"], r["target"]) for r in planned)
        assert all(e[3] == [2, 6] and "Planlagt: en idé, der endnu ikke er ført ud i livet" in e[4] for e in drawn)
        assert not any("Planlagt:" in e[4] for e in edges if e[2] != "planlagt")
        legend = page.locator("aside li", has_text="prikket").first
        assert legend.locator("line").get_attribute("stroke-dasharray") == "2 6"
        assert "planlagt" in legend.inner_text()
        cells = page.evaluate("() => [...document.querySelectorAll('#ties-table td')].map(td => td.textContent)")
        assert cells.count("planlagt") == 3 and cells.count("aktiv") == 33
        assert page.evaluate(NON_BLANK) > 2000
        assert_quiet(path, seen)
    finally:
        page.close()

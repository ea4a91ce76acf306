"""Benchmark: the app's editable map in real Chromium (Playwright): the Map page's first show, and
an edit in the panel (rename an actor) until the map draws it.

Runs ``streamlit run app.py`` on a workspace holding ``netmap.generate.generate(n, seed=1)``
(placed, as the workspace stores networks) and prints medians of ``--runs`` (at least 10).

- first show: a new session's ``goto`` until the map has drawn every actor (a new page each run,
  so vis-network is sent each time, as to a new user);
- rename: "Save changes" in the open actor's panel until vis-network's node has the new name
  (saved as a new revision in between). The actor is opened by a click on its mark, after the map
  was zoomed onto it (``network.focus``), so that a small mark on a large map is hit.

    python benchmarks/bench_app_browser.py --actors 300 --runs 10 [--first-show]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from netmap.generate import generate  # noqa: E402
from netmap.layout import placed  # noqa: E402
from netmap.workspace import Workspace  # noqa: E402
from tests.test_app_browser import CHROMIUM, free_port, start_server, stop_server  # noqa: E402

#: The map has drawn ``n`` actors (its box says which revision it drew last).
DRAWN = """(n) => { const net = globalThis.netmapEditor;
  return !!(net && net.body.container.dataset.drawn !== undefined && net.body.data.nodes.length === n); }"""
#: Zoom onto an actor, then where its mark is on the page.
SPOT = """(id) => { const net = globalThis.netmapEditor;
  net.focus(id, { scale: 1.5, animation: false });
  const d = net.canvasToDOM(net.getPositions([id])[id]), r = net.body.container.getBoundingClientRect();
  return { x: r.left + d.x, y: r.top + d.y }; }"""


def ms(values):
    return f"median {statistics.median(values) * 1000:.0f} ms (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, n={len(values)})"


def first_show(browser, url, n, runs):
    times = []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        t0 = time.perf_counter()
        page.goto(url)
        page.wait_for_function(DRAWN, arg=n, timeout=60000, polling="raf")
        times.append(time.perf_counter() - t0)
        page.close()
    return times


def renames(browser, url, net, runs):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(url)
    page.wait_for_function(DRAWN, arg=len(net.actors), timeout=60000)
    panel = page.locator(".st-key-map_panel")
    times = []
    for i in range(runs):
        actor = net.actors[(i * 37) % len(net.actors)]
        name = panel.get_by_label("Name", exact=True)
        for attempt in range(5):  # a click during a rerun can be lost: click again
            page.locator(".netmap-editor").scroll_into_view_if_needed()
            spot = page.evaluate(SPOT, "a:" + actor.id)
            page.mouse.click(spot["x"], spot["y"])
            # Marks can overlap: the panel opens for the actor the click selected.
            chosen = (page.evaluate("globalThis.netmapEditor.getSelectedNodes()[0]") or "a:" + actor.id)[2:]
            try:
                expect(name).to_have_value(net.actor(chosen).label, timeout=10000)
                break
            except AssertionError:
                if attempt == 4:
                    raise
        page.wait_for_timeout(300)  # not timed: the run that opened the panel ends
        new = f"Renamed {i}"
        name.fill(new)
        t0 = time.perf_counter()
        panel.get_by_role("button", name="Save changes").click()
        page.wait_for_function(
            "([id, name]) => globalThis.netmapEditor.body.data.nodes.get(id).name === name",
            arg=["a:" + chosen, new],
            timeout=60000,
            polling="raf",
        )
        times.append(time.perf_counter() - t0)
        net.actor(chosen).name = new
        page.wait_for_timeout(300)
    page.close()
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--first-show", action="store_true", help="also time the Map page's first show")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="bench-app-browser-"))
    net = placed(generate(args.actors, seed=1))
    ws = Workspace(folder / "ws.sqlite", seed=False)
    ws.create("bench", net)
    port = free_port()
    log = open(folder / "server.log", "w")
    server = start_server(port, folder / "ws.sqlite", log)
    url = f"http://127.0.0.1:{port}/?network=bench"
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            if args.first_show:
                results["first show"] = first_show(browser, url, len(net.actors), args.runs)
            results["rename to redraw"] = renames(browser, url, net, args.runs)
            browser.close()
    finally:
        stop_server(server)
        log.close()
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    print(f"network: generate({args.actors}, seed=1): {len(net.actors)} actors, {len(net.ties)} ties")
    for label, values in results.items():
        print(f"{label}: {ms(values)}")


if __name__ == "__main__":
    main()

"""Benchmark: the app's editable map in real Chromium (Playwright): the Map page's first show, and
an edit in the panel (rename an actor) until the map draws it.

Runs ``streamlit run app.py`` on a workspace holding ``netmap.generate.generate(n, seed=1)``
(placed, as the workspace stores networks) and prints medians of ``--runs`` (at least 10).

- first show: a new session's ``goto`` until the map has drawn every actor (a new page each run,
  so vis-network is sent each time), with a cold browser cache (someone's first visit) and a warm
  one (anyone who has opened netmap before: Streamlit's own scripts come from the cache), and
  opened from another page of the app (the Actors page, then "Map" in the sidebar);
- rename: "Save changes" in the open actor's panel until vis-network's node has the new name
  (saved as a new revision in between). The actor is opened by a click on its mark, after the map
  was zoomed onto it (``network.focus``), so that a small mark on a large map is hit;
- rename until its measures show: the same rename, until the panel shows the measures of the new
  revision (its box is keyed ``map_measures_<revision>``; they follow the map, computed beside it).

Each is reported as wall time and, as wall time on a busy machine says little, as the server
process's CPU time (/proc) and the page's main-thread time (Chromium's TaskDuration) it took.

The first show is also split into steps, as the page saw them (:data:`STEPS`); ``--floor`` also
times a bare Streamlit page (:data:`BARE`), the part of a first show that is Streamlit's own.

    python benchmarks/bench_app_browser.py --actors 300 --runs 10 [--first-show] [--floor] [--no-renames]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from netmap.generate import generate  # noqa: E402
from netmap.layout import placed  # noqa: E402
from netmap.workspace import Workspace  # noqa: E402
from tests.test_app_browser import ARGS, CHROMIUM, free_port, start_server, stop_server  # noqa: E402

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


def server_cpu(pid):
    """CPU seconds the server process has used (user + system), from /proc: unlike wall time,
    not stretched by other work on the machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def page_cpu(cdp):
    """Seconds the page's main thread spent in tasks (Chromium's Performance.getMetrics)."""
    return next(m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "TaskDuration")


class Timer:
    """Wall time, the server's CPU time and the page's main-thread time of one action."""

    def __init__(self, pid):
        self.pid, self.wall, self.server, self.page = pid, [], [], []

    def start(self, cdp):
        self.t0, self.s0, self.p0 = time.perf_counter(), server_cpu(self.pid), page_cpu(cdp)

    def stop(self, cdp):
        self.wall.append(time.perf_counter() - self.t0)
        self.server.append(server_cpu(self.pid) - self.s0)
        self.page.append(page_cpu(cdp) - self.p0)


#: Page times (ms since the navigation started) of the first show's steps, from the page's
#: performance marks: Streamlit's own (``notRunning`` once its front end is up and connected,
#: ``running`` while the script runs, ``notRunning`` again when it has finished) and the map's
#: (netmap/static/mapeditor.js: its data arrived, vis-network evaluated, first drawn, fitted).
STEPS = """() => {
  const marks = performance.getEntriesByType("mark"), at = (name) => (marks.find((m) => m.name === name) || {}).startTime;
  const running = at("running");
  const done = marks.find((m) => m.name === "notRunning" && m.startTime > running);
  return { up: at("notRunning"), running, finished: done && done.startTime, data: at("netmap-data"),
           vis: at("netmap-vis"), drawn: at("netmap-drawn"), fitted: at("netmap-fitted") };
}"""


def first_show(browser, url, n, runs, pid, warm=False):
    """The first show's timer, and its steps (:data:`STEPS`) for each run.

    Cold (``warm=False``): each run in a new browser context, with an empty cache, as for someone
    opening netmap for the first time: Streamlit's 60-odd scripts are fetched from the server.
    Warm: every run in one context (a page opened once before, not counted), as for anyone who
    has opened netmap before: Streamlit's scripts come from the browser's cache; each run is still
    a new page, so a new Streamlit session, to which vis-network and the map are sent."""
    timer, steps = Timer(pid), []
    context = browser.new_context(viewport={"width": 1280, "height": 720}) if warm else None
    if warm:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(DRAWN, arg=n, timeout=60000)
        page.close()
    for _ in range(runs):
        page = context.new_page() if warm else browser.new_page(viewport={"width": 1280, "height": 720})
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        timer.start(cdp)
        page.goto(url)
        page.wait_for_function(DRAWN, arg=n, timeout=60000, polling="raf")
        timer.stop(cdp)
        page.wait_for_function("() => performance.getEntriesByName('netmap-fitted').length > 0", timeout=60000)
        steps.append(page.evaluate(STEPS))
        page.close()
    if context:
        context.close()
    return timer, steps


def step_lines(steps):
    """The median page time of each step of the first show, and of the time between steps."""
    names = ["up", "running", "finished", "data", "vis", "drawn", "fitted"]
    what = {
        "up": "Streamlit's front end up and connected",
        "running": "the script started",
        "finished": "the script finished (its last element received)",
        "data": "the map's component called with its data",
        "vis": "vis-network evaluated",
        "drawn": "the map built and first drawn",
        "fitted": "the map fitted to the actors",
    }
    lines, last = [], None
    for name in names:
        times = [s[name] for s in steps if s.get(name) is not None]
        if not times:
            continue
        gaps = [s[name] - s[last] for s in steps if last and s.get(name) is not None and s.get(last) is not None]
        gap = f" (+{statistics.median(gaps):.0f} ms)" if gaps else ""
        lines.append(f"  {what[name]}: at {statistics.median(times):.0f} ms{gap}")
        last = name
    return lines


def page_switch(browser, url, n, runs, pid):
    """The Map page's first show when it is opened from another page of the app: a new session
    starts on the Actors page (its table drawn); then "Map" in the sidebar's list of pages until
    the map has drawn every actor. Streamlit's front end is up already; vis-network and the map
    are sent (the session has not had a map yet). Browser cache warm, as in :func:`first_show`."""
    from playwright.sync_api import expect

    timer = Timer(pid)
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    actors = url.replace("/?", "/actors?")
    for i in range(runs + 1):  # the first run fills the browser's cache: not counted
        page = context.new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(actors)
        expect(page.locator("[data-testid='stDataFrame']").first).to_be_visible(timeout=60000)
        page.wait_for_timeout(500)  # the Actors page's run has ended
        if i:
            timer.start(cdp)
        page.locator("[data-testid='stSidebarNav']").get_by_role("link", name="Map").click()
        page.wait_for_function(DRAWN, arg=n, timeout=60000, polling="raf")
        if i:
            timer.stop(cdp)
        page.close()
    context.close()
    return timer


def renames(browser, url, net, runs, pid, ws):
    """Timers of the renames until the map draws them, and until the panel shows their measures."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 720})
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    timer, measured = Timer(pid), Timer(pid)
    page.goto(url)
    page.wait_for_function(DRAWN, arg=len(net.actors), timeout=60000)
    panel = page.locator(".st-key-map_panel")
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
        rev = ws.revision("bench") + 1
        timer.start(cdp)
        measured.start(cdp)
        panel.get_by_role("button", name="Save changes").click()
        page.wait_for_function(
            "([id, name]) => globalThis.netmapEditor.body.data.nodes.get(id).name === name",
            arg=["a:" + chosen, new],
            timeout=60000,
            polling="raf",
        )
        timer.stop(cdp)
        page.wait_for_function(
            "(key) => !!document.querySelector('.' + key)",
            arg=f"st-key-map_measures_{rev}",
            timeout=120000,
            polling="raf",
        )
        measured.stop(cdp)
        net.actor(chosen).name = new
        page.wait_for_timeout(300)
    page.close()
    return timer, measured


#: Streamlit's floor: a page with a title and a line of text, nothing of netmap.
BARE = 'import streamlit as st\n\nst.title("Bare")\nst.write("A bare Streamlit page")\n'


def bare_page(browser, folder, runs, log, warm=False):
    """Wall times of a bare Streamlit page's first show (``goto`` until its text shows), served
    by its own ``streamlit run`` on the same machine; cold or warm as in :func:`first_show`."""
    (folder / "bare.py").write_text(BARE)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(folder / "bare.py"), "--server.port", str(port)]
        + ["--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    times = []
    context = browser.new_context(viewport={"width": 1280, "height": 720}) if warm else None
    try:
        for i in range(runs + 1):  # the first run starts the server's session machinery: not counted
            page = context.new_page() if warm else browser.new_page(viewport={"width": 1280, "height": 720})
            t0 = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}/", timeout=60000) if i else _retry_goto(page, port)
            page.get_by_text("A bare Streamlit page").wait_for(timeout=60000)
            if i:
                times.append(time.perf_counter() - t0)
            page.close()
    finally:
        if context:
            context.close()
        proc.kill()
        proc.wait(timeout=10)
    return times


def _retry_goto(page, port):
    """The bare server's first page, once it answers."""
    for _ in range(150):
        try:
            return page.goto(f"http://127.0.0.1:{port}/", timeout=60000)
        except Exception:  # noqa: BLE001  (not listening yet)
            time.sleep(0.2)
    raise RuntimeError("the bare Streamlit page did not start")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--first-show", action="store_true", help="also time the Map page's first show")
    parser.add_argument("--no-renames", action="store_true", help="do not time renames")
    parser.add_argument("--floor", action="store_true", help="also time a bare Streamlit page's first show")
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
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            if args.first_show:
                results["first show, cold cache"], steps = first_show(
                    browser, url, len(net.actors), args.runs, server.pid
                )
                results["first show, warm cache"], warm_steps = first_show(
                    browser, url, len(net.actors), args.runs, server.pid, warm=True
                )
                results["first show, from another page"] = page_switch(
                    browser, url, len(net.actors), args.runs, server.pid
                )
            if args.floor:
                floor = bare_page(browser, folder, args.runs, log)
                warm_floor = bare_page(browser, folder, args.runs, log, warm=True)
            if not args.no_renames:
                results["rename to redraw"], results["rename to measures"] = renames(
                    browser, url, net, args.runs, server.pid, ws
                )
            browser.close()
    finally:
        stop_server(server)
        log.close()
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    print(f"network: generate({args.actors}, seed=1): {len(net.actors)} actors, {len(net.ties)} ties")
    if args.floor:
        print(f"a bare Streamlit page's first show, cold cache: wall {ms(floor)}")
        print(f"a bare Streamlit page's first show, warm cache: wall {ms(warm_floor)}")
    for label, timer in results.items():
        print(f"{label}: wall {ms(timer.wall)}")
        print(f"{label}: server CPU {ms(timer.server)}; page main thread {ms(timer.page)}")
        if label.endswith("cache"):
            print(f"{label}, medians of the page's times since the navigation started:")
            print("\n".join(step_lines(steps if "cold" in label else warm_steps)))


if __name__ == "__main__":
    main()

"""Benchmark: the editable map in real Chromium (Playwright): first show, click an actor until its
panel shows it, and rename it in the panel until the map draws the new name, and until the panel
shows the measures of the new revision.

Runs ``streamlit run app.py`` on a workspace holding ``netmap.generate.generate(n, seed=1)``
(placed, as the workspace stores networks) and prints medians of ``--runs`` (at least 10).

    python benchmarks/bench_map_editor.py --actors 300 --runs 10
"""

from __future__ import annotations

import argparse
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
from tests.test_map_editor_browser import PLACE, wait_for_map  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    from playwright.sync_api import expect, sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="bench-map-editor-"))
    net = placed(generate(args.actors, seed=1))
    ws = Workspace(folder / "ws.sqlite", seed=False)
    ws.create("bench", net)
    ws.set_setting("seeded", "1")
    port = free_port()
    log = open(folder / "server.log", "w")
    server = start_server(port, folder / "ws.sqlite", log)
    first, click, rename, measures = [], [], [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for _ in range(args.runs):
                t0 = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/")
                wait_for_map(page)
                first.append(time.perf_counter() - t0 - 0.2)  # wait_for_map waits 0.2 s at the end
            panel = page.locator(".st-key-map_panel")
            ids = [a.id for a in net.actors]
            on_top = """(id) => { const n = globalThis.netmapEditor, p = n.getPositions([id])[id];
                const d = n.canvasToDOM(p), r = n.body.container.getBoundingClientRect();
                const y = r.top + d.y, x = r.left + d.x;
                return n.getNodeAt(d) === id && y > 10 && y < innerHeight - 10 && x > 10 && x < innerWidth - 10; }"""
            candidates = iter(ids[(k * 37) % len(ids)] for k in range(len(ids)))
            for i in range(args.runs):
                # An actor not hidden under another one, on screen.
                page.locator(".netmap-editor").scroll_into_view_if_needed()
                actor = next(a for a in candidates if page.evaluate(on_top, "a:" + a))
                place = page.evaluate(PLACE, actor)
                t0 = time.perf_counter()
                page.mouse.click(place["x"], place["y"])
                # Small marks can still overlap: the panel opens for the actor the click selected.
                actor = (page.evaluate("globalThis.netmapEditor.getSelectedNodes()[0]") or ("a:" + actor))[2:]
                label = page.evaluate("(id) => globalThis.netmapEditor.body.data.nodes.get(id).name", "a:" + actor)
                try:
                    panel.locator(f"input[aria-label='Name'][value='{label}']").wait_for(timeout=30000)
                except Exception:
                    page.screenshot(path=str(folder / "failed.png"))
                    sel = page.evaluate("globalThis.netmapEditor.getSelectedNodes()")
                    print("no panel at", i, actor, sel, folder, file=sys.stderr)
                    raise
                click.append(time.perf_counter() - t0)
                page.wait_for_timeout(300)  # not timed: let the run finish before typing
                new = f"Renamed {i}"
                name = panel.get_by_label("Name", exact=True)
                expect(name).to_have_count(1, timeout=30000)  # the last run's panel has gone
                name.fill(new)
                t0 = time.perf_counter()
                panel.get_by_role("button", name="Save changes").click()
                try:
                    page.wait_for_function(
                        "([id, name]) => globalThis.netmapEditor.body.data.nodes.get(id).name === name",
                        arg=["a:" + actor, new],
                        timeout=30000,
                    )
                except Exception:
                    page.screenshot(path=str(folder / "failed.png"))
                    print("failed at", i, actor, folder, file=sys.stderr)
                    raise
                rename.append(time.perf_counter() - t0)
                # The measures follow: the panel shows those of the new revision.
                page.locator(f".st-key-map_measures_{ws.revision('bench')}").wait_for(timeout=30000)
                measures.append(time.perf_counter() - t0)
                net.actor(actor).name = new
            browser.close()
    finally:
        stop_server(server)
        log.close()
    print(f"network: generate({args.actors}, seed=1): {len(net.actors)} actors, {len(net.ties)} ties")
    for label, values in (
        ("first show", first),
        ("click to panel", click),
        ("rename to redraw", rename),
        ("rename to its measures", measures),
    ):
        print(
            f"{label}: median {statistics.median(values) * 1000:.0f} ms (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, n={len(values)})"
        )


if __name__ == "__main__":
    main()

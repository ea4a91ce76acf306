"""Benchmark: the editable map's first draw in Chromium, outside Streamlit.

The map component (netmap/static/mapeditor.js, after mapfit.js) is called with the Map page's
data for ``generate(n, seed=1)`` on a plain page that already has vis-network (as after its
eval), and timed until two animation frames later (built, drawn, fitted). Streamlit's front
end, the script run and the transfer are left out: this is the part of the first show that is
netmap's own code. Several versions of the component can be compared, run in turn:

    python benchmarks/bench_map_draw.py --actors 300 --runs 10 [old_mapeditor.js ...]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from netmap import assets  # noqa: E402
from netmap.generate import generate  # noqa: E402
from netmap.layout import placed  # noqa: E402
from netmap.ui.mapedits import map_data  # noqa: E402
from tests.test_app_browser import ARGS, CHROMIUM  # noqa: E402

ROOT = Path(__file__).parent.parent

#: Call the component once, as Streamlit does for a new page; ms until two frames later.
DRAW = """async ([module, data]) => {
  const m = await import(module), d = await (await fetch(data)).json(), host = document.getElementById("host");
  await new Promise((r) => requestAnimationFrame(() => r()));
  const t = performance.now();
  m.default({ data: d, parentElement: host, setTriggerValue: () => {} });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  return performance.now() - t;
}"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("versions", nargs="*", help="other versions of mapeditor.js to compare")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    data = map_data(placed(generate(args.actors, seed=1)), "en")
    data.update(rev=1, gen=1, mode="select", text={}, label="map")
    folder = Path(tempfile.mkdtemp(prefix="bench-map-draw-"))
    (folder / "vis.js").write_text(assets.vis_network().script, encoding="utf-8")
    (folder / "data.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "index.html").write_text(
        "<html><body><div id=host style='width:800px'></div><script src=vis.js></script></body></html>"
    )
    versions = [ROOT / "netmap" / "static" / "mapeditor.js", *map(Path, args.versions)]
    modules = {}
    for i, v in enumerate(versions):
        modules[v] = folder / f"v{i}.mjs"
        modules[v].write_text(assets.static_text("mapfit.js") + v.read_text(encoding="utf-8"), encoding="utf-8")
    times = {v: [] for v in versions}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, "--allow-file-access-from-files"])
        for _ in range(args.runs):
            for v in versions:  # in turn, so a change of the machine's load falls on each
                page = browser.new_page(viewport={"width": 1280, "height": 720})
                page.goto((folder / "index.html").as_uri())
                page.wait_for_function("() => !!globalThis.vis")
                times[v].append(page.evaluate(DRAW, [modules[v].as_uri(), (folder / "data.json").as_uri()]) / 1000)
                page.close()
        browser.close()
    print(f"network: generate({args.actors}, seed=1); load average {os.getloadavg()[0]:.1f}")
    for v, t in times.items():
        print(
            f"{v}: median {statistics.median(t) * 1000:.0f} ms (min {min(t) * 1000:.0f}, max {max(t) * 1000:.0f}, n={len(t)})"
        )


if __name__ == "__main__":
    main()

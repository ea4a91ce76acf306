"""Benchmark of the HTML export: export time, file size, and load + draw time in Chromium.

python benchmarks/bench_export.py [--actors 5000] [--runs 5]

Exports a network from ``netmap.generate.generate(n, seed=0)`` several times and prints the
median (and min-max) of the export, then opens the file in headless Chromium (Playwright)
several times and prints the median time until vis-network's first drawing (measured inside
the page: navigation start to the first ``afterDrawing``) and until the load event (the page
with its tables fully parsed).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netmap.export import export  # noqa: E402
from netmap.generate import generate  # noqa: E402
from tests.test_app_browser import ARGS, CHROMIUM  # noqa: E402


def summary(values):
    return f"{statistics.median(values):6.2f} s  ({min(values):.2f}-{max(values):.2f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    net = generate(args.actors, seed=0)
    export(generate(30, seed=0))  # warm-up: imports, the inlined vis-network read once
    times, page = [], ""
    for _ in range(args.runs):
        start = time.perf_counter()
        page = export(net)
        times.append(time.perf_counter() - start)
    folder = tempfile.mkdtemp(prefix="netmap-bench-")
    path = Path(folder) / "map.html"
    path.write_text(page, encoding="utf-8")
    size = path.stat().st_size

    print(f"netmap export benchmark: {len(net.actors)} actors, {len(net.ties)} ties")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.runs} runs (min-max)")
    print(f"  export                {summary(times)}")
    print(f"  file size             {size / 1e6:6.2f} MB")
    if not Path(CHROMIUM).exists():
        print("  (Chromium not installed at /usr/bin/chromium: no load time)")
        return
    from playwright.sync_api import sync_playwright

    drawn, loaded = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(args.runs):
            tab = browser.new_page(viewport={"width": 1280, "height": 800})
            tab.goto(path.as_uri(), wait_until="load", timeout=120000)
            tab.wait_for_selector("html[data-drawn=true]", state="attached", timeout=120000)
            drawn.append(int(tab.evaluate("document.documentElement.dataset.drawnMs")) / 1000)
            loaded.append(tab.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000)
            tab.close()
        browser.close()
    print(f"  load + first drawing  {summary(drawn)}")
    print(f"  load event (tables)   {summary(loaded)}")
    path.unlink()
    os.rmdir(folder)


if __name__ == "__main__":
    main()

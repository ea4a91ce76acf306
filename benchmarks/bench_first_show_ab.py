"""Benchmark: the Map page's first show of two (or more) versions of netmap, in turn.

On a machine whose speed changes by half within minutes, two benchmark runs taken one after the
other compare the machine, not the code. This starts ``streamlit run app.py`` from each given
folder (a git worktree: ``git worktree add /tmp/a COMMIT``) on one workspace holding
``generate(n, seed=1)``, and opens the Map page of each in turn in one Chromium (a new page, so a
new Streamlit session, each time; each server's scripts cached after its first page, which is not
counted), until the map has drawn every actor. Prints the median of ``--runs`` per version.

    python benchmarks/bench_first_show_ab.py /tmp/a /tmp/b [--actors 300] [--runs 10]
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
sys.path.insert(0, str(Path(__file__).parent))

from bench_app_browser import DRAWN  # noqa: E402

from netmap.generate import generate  # noqa: E402
from netmap.layout import placed  # noqa: E402
from netmap.workspace import Workspace  # noqa: E402
from tests.test_app_browser import ARGS, CHROMIUM, free_port, start_server, stop_server  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", help="netmap checkouts to compare")
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="bench-first-show-ab-"))
    Workspace(tmp / "ws.sqlite", seed=False).create("bench", placed(generate(args.actors, seed=1)))
    log = open(tmp / "servers.log", "w")
    ports = [free_port() for _ in args.folders]
    servers = [
        start_server(port, tmp / "ws.sqlite", log, root=Path(f).resolve())
        for f, port in zip(args.folders, ports, strict=True)
    ]
    times = {f: [] for f in args.folders}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            for i in range(args.runs + 1):  # the first round fills the cache: not counted
                for folder, port in zip(args.folders, ports, strict=True):
                    page = context.new_page()
                    t0 = time.perf_counter()
                    page.goto(f"http://127.0.0.1:{port}/?network=bench", timeout=60000)
                    page.wait_for_function(DRAWN, arg=args.actors, timeout=60000, polling="raf")
                    if i:
                        times[folder].append(time.perf_counter() - t0)
                    page.close()
            browser.close()
    finally:
        for proc in servers:
            stop_server(proc)
        log.close()
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    print(f"network: generate({args.actors}, seed=1); first show, warm cache, in turn")
    for folder, values in times.items():
        ms = [v * 1000 for v in values]
        print(f"{folder}: median {statistics.median(ms):.0f} ms (min {min(ms):.0f}, max {max(ms):.0f}, n={len(ms)})")


if __name__ == "__main__":
    main()

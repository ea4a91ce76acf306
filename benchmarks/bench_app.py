"""Server-side time of an app rerun after an edit, on a 300-actor network.

Runs the real app in streamlit's AppTest (the script runs in this process, as on the server;
no browser, no network). Each timed call is one user action: the run that saves the edit plus
the rerun that shows the result. Prints medians; see benchmarks/README.md, section App.

    python benchmarks/bench_app.py [--actors 300] [--edits 15]
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(at):
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--edits", type=int, default=15)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="netmap-bench-")
    os.environ["NETMAP_WORKSPACE"] = str(Path(folder) / "ws.sqlite")
    from streamlit.testing.v1 import AppTest

    from netmap.generate import generate
    from netmap.ui.edits import with_positions
    from netmap.workspace import Workspace

    net = generate(args.actors, seed=1)
    name = f"bench{args.actors}"
    Workspace(seed=False).create(name, with_positions(net))

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.selectbox(key="network").set_value(name).run()
    results = {}

    # Actors table: edit one cell (save, then the rerun that shows the new revision).
    at.switch_page("netmap/ui/pages/actors.py").run()
    times = []
    for i in range(args.edits):
        key = at.session_state["_editor_keys"]["actors"]
        at.session_state[key] = {"edited_rows": {i: {"notes": f"edit {i}"}}, "added_rows": [], "deleted_rows": []}
        times.append(timed(at))
    results["Actors: edit a cell"] = times

    # Map: add an actor with the form (save, rerun, new map HTML for the changed network).
    at.switch_page("netmap/ui/pages/map.py").run()
    times = []
    for i in range(args.edits):
        at.text_input(key="add_actor_name").input(f"New actor {i}")
        at.button(key="add_actor_submit").click()
        times.append(timed(at))
    results["Map: add an actor (form)"] = times

    # Map: a widget-only rerun (nothing changed: analysis and map come from the cache).
    times = []
    for i in range(args.edits):
        at.selectbox(key="map_color_by").set_value(["sector", "level"][i % 2])
        times.append(timed(at))
    results["Map: widget rerun, no edit"] = times

    # Diagnosis after an edit made elsewhere (analysis recomputed once for the new content).
    at.switch_page("netmap/ui/pages/diagnosis.py").run()
    ws = Workspace(seed=False)
    times = []
    for i in range(args.edits):
        current = ws.load(name)
        current.actors[0].notes = f"diagnosis edit {i}"
        ws.save(name, current)
        times.append(timed(at))
    results["Diagnosis: rerun after an edit"] = times

    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    print(f"network: generate({args.actors}, seed=1): {len(net.actors)} actors, {len(net.ties)} ties")
    print("| action | runs | median (ms) | min-max (ms) |")
    print("|---|---:|---:|---|")
    for label, times in results.items():
        ms = [1000 * x for x in times]
        print(f"| {label} | {len(ms)} | {statistics.median(ms):.0f} | {min(ms):.0f}-{max(ms):.0f} |")


if __name__ == "__main__":
    main()

"""What the role checks of shared mode (issue 12) cost: a save, a load and the list of networks,
as the command line (no user: nothing checked) and as a logged-in editor.

``python benchmarks/bench_roles.py [--workspace PATH_OR_URL] [--networks 200] [--runs 15]``:
a new workspace (a temporary SQLite file unless ``--workspace`` names an empty one) with
``--networks`` copies of the Fredericia sample; the editor has a role on every tenth. Medians
(min-max) in milliseconds, the two ways interleaved.
"""

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netmap.access import User  # noqa: E402
from netmap.reading import read_network  # noqa: E402
from netmap.workspace import SAMPLES_DIR, Workspace  # noqa: E402


def timed(call):
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace", default=None)
    parser.add_argument("--networks", type=int, default=200)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    location = args.workspace or str(Path(tempfile.mkdtemp()) / "ws.sqlite")
    admin = Workspace(location)
    net = read_network(SAMPLES_DIR / "fredericia")
    editor = User("editor@example.org")
    for i in range(args.networks):
        admin.create(f"net {i:04d}", net)
        if i % 10 == 0:
            admin.grant(f"net {i:04d}", editor.id, "editor")
    ways = {"command line": admin, "editor": Workspace(location, user=editor)}
    times = {(way, op): [] for way in ways for op in ("save", "load", "names")}
    for run in range(args.runs):
        for way, ws in ways.items():
            edited = replace(net, actors=[replace(net.actors[0], notes=f"{way} {run}"), *net.actors[1:]])
            times[way, "save"].append(timed(lambda ws=ws, edited=edited: ws.save("net 0000", edited)))
            times[way, "load"].append(timed(lambda ws=ws: ws.load("net 0000")))
            times[way, "names"].append(timed(ws.names))
    print(f"{args.networks} networks, {args.runs} runs, ms: median (min-max)")
    for (way, op), values in times.items():
        print(f"  {op:6} as {way:13} {statistics.median(values):7.2f} ({min(values):.2f}-{max(values):.2f})")


if __name__ == "__main__":
    main()

"""Benchmark: one page of a network's History (issue 10).

Run: ``python benchmarks/bench_history.py [--actors 300 3000] [--runs 10]``. For a network of
each size with 30 revisions (each renames one actor) in a real SQLite workspace, prints the
median wall time, in seconds, of

* ``page, first time``: :func:`netmap.history.page`, the newest 20 revisions with what each
  changed (21 revisions read from the file and compared), with nothing compared before;
* ``page, again``: the same once the comparisons are remembered (revisions never change; the
  page after a new edit compares one new pair);
* ``page in words``: that and :func:`netmap.present.diff.revision_lines` for each, in Danish;
* ``restore``: :meth:`netmap.workspace.Workspace.restore` of the oldest revision.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netmap import history  # noqa: E402
from netmap.generate import generate  # noqa: E402
from netmap.history import page  # noqa: E402
from netmap.present.diff import revision_lines  # noqa: E402
from netmap.workspace import Workspace  # noqa: E402


def median(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(n, runs):
    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace(Path(folder) / "ws.sqlite")
        net = generate(n, seed=1)
        ws.create("bench", net)
        for i in range(29):
            net.actors[i].name = f"Renamed {i}"
            ws.save("bench", net)
        cold = median(lambda: history._CACHE.clear() or page(ws, "bench"), runs)
        print(f"{n} actors, page, first time:  {cold:.3f} s")
        page(ws, "bench")
        shown = median(lambda: page(ws, "bench"), runs)
        print(f"{n} actors, page, again:       {shown:.3f} s")
        words = median(lambda: [revision_lines(r, "da") for r in page(ws, "bench")], runs)
        print(f"{n} actors, page in words:     {words:.3f} s")
        restore = median(lambda: ws.restore("bench", 1) and ws.undo("bench"), runs)
        print(f"{n} actors, restore:           {restore:.3f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, nargs="+", default=[300, 3000])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {platform.machine()}, median of {args.runs} runs")
    for n in args.actors:
        measure(n, args.runs)


if __name__ == "__main__":
    main()

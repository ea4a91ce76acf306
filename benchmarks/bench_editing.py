"""Benchmark: the edits of issue 10 that work on the whole network, at 300 and 3,000 actors.

Run: ``python benchmarks/bench_editing.py [--actors 300 3000] [--runs 11]``. Prints the median
(min-max) wall time, in milliseconds, of

* ``undo message``: :func:`netmap.present.diff.edit_text` of one rename, the words the sidebar
  shows after an undo (the app has both revisions parsed already: its parse is cached);
* ``read 2 revisions``: the same two revisions read from a real workspace file
  (``Workspace.document`` + ``network_from_json``), what the app pays when neither is cached;
* ``merge``: :func:`netmap.editing.merge_actors` of the two actors with the most ties, with
  :func:`netmap.present.diff.merge_texts` (the cascade the Actors page shows);
* ``paste 200 names``: :func:`netmap.editing.read_names` and :func:`netmap.editing.add_names` of
  200 new names (kind association: ids made from names), then :func:`netmap.model.validate` (as a save
  validates it);
* ``place 200 pasted``: :func:`netmap.layout.layout` of the saved map with those 200 names (no
  ties, no place): where the save puts them (``layout._free_places``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netmap.editing import add_names, merge_actors, read_names  # noqa: E402
from netmap.generate import generate  # noqa: E402
from netmap.layout import layout, placed  # noqa: E402
from netmap.model import validate  # noqa: E402
from netmap.present.diff import edit_text, merge_texts  # noqa: E402
from netmap.reading import network_from_json  # noqa: E402
from netmap.workspace import Workspace  # noqa: E402


def timed(fn, runs):
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def line(label, times):
    return f"  {label:<22} {statistics.median(times):8.1f} ms ({min(times):.1f}-{max(times):.1f})"


def bench(n, runs, folder):
    net = generate(n, seed=1)
    ws = Workspace(Path(folder) / f"ws{n}.sqlite")
    ws.create("bench", net)
    first = net.actors[0]
    ws.save("bench", replace(net, actors=[replace(first, name=first.name + " (ny)")] + net.actors[1:]))

    def read():
        return [network_from_json(json.loads(ws.document("bench", rev)), "bench") for rev in (2, 1)]

    before, after = read()

    def undo_message():
        edit_text(after, before, "da")

    degree = {}
    for t in net.ties:
        for end in (t.source, t.target):
            degree[end] = degree.get(end, 0) + 1
    keep, other = sorted(degree, key=degree.get, reverse=True)[:2]
    names = {a.id: a.label for a in net.actors}

    def merge():
        _new, plan = merge_actors(net, keep, other)
        merge_texts(plan, names, "da")

    text = "\n".join(f"Ny aktør {i}" for i in range(200))

    def paste():
        plan = read_names(text, net)
        new, _ids = add_names(net, plan.names, "association", "civil")
        validate(new)

    pasted = add_names(placed(net), read_names(text, net).names, "association", "civil")[0]

    def place():
        layout(pasted)

    print(f"{n} actors, {len(net.ties)} ties")
    for label, fn in (
        ("undo message", undo_message),
        ("read 2 revisions", read),
        ("merge", merge),
        ("paste 200 names", paste),
        ("place 200 pasted", place),
    ):
        print(line(label, timed(fn, runs)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, nargs="+", default=[300, 3000])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        for n in args.actors:
            bench(n, args.runs, folder)


if __name__ == "__main__":
    main()

"""Benchmark: compare two 3,000-actor snapshots (issue 5: under 2 s).

Run: ``python benchmarks/bench_compare.py [--actors 3000] [--runs 5]``. Prints the median
wall time, in seconds, of

* ``compare``: :func:`netmap.compare.compare` of a network and a random edit of it, in memory;
* ``compare unrelated``: the same for two independently generated networks;
* ``load + compare``: both read from a SnapshotStore (a real SQLite file) and compared;
* ``CLI diff --json``: ``python -m netmap diff snapshot:bench@1 snapshot:bench@2 --json``,
  including Python start-up and imports.
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netmap.compare import compare  # noqa: E402
from netmap.generate import generate  # noqa: E402
from netmap.model import Actor, Tie  # noqa: E402
from netmap.snapshots import SnapshotStore  # noqa: E402


def random_edit(net, seed=1, share=0.05):
    """Remove, add and rename about ``share`` of the actors; drop, add and re-weight ties."""
    rnd = random.Random(seed)
    new = copy.deepcopy(net)
    n = len(new.actors)
    gone = {a.id for a in rnd.sample(new.actors, int(share * n))}
    new.actors = [a for a in new.actors if a.id not in gone]
    for a in rnd.sample(new.actors, int(share * n)):
        a.name += " (ny)"
    for i in range(int(share * n)):
        new.actors.append(Actor(id=f"new{i:05d}", name=f"New actor {i}", sector=rnd.choice(["public", "civil"])))
    new.ties = [t for t in new.ties if t.source not in gone and t.target not in gone and rnd.random() > share]
    for t in rnd.sample(new.ties, int(share * len(new.ties))):
        t.strength = float(rnd.randint(1, 3))
    keys = {t.key for t in new.ties}
    ids = [a.id for a in new.actors]
    for _ in range(int(share * len(net.ties))):
        s, e = rnd.sample(ids, 2)
        tie = Tie(s, e, kind="collaboration")
        if tie.key not in keys:
            keys.add(tie.key)
            new.ties.append(tie)
    new.date = "2021-01-01"
    return new


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), max(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--actors", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    a = generate(args.actors, seed=0)
    a.date = "2020-01-01"
    b = random_edit(a)
    c = generate(args.actors, seed=1)
    d = compare(a, b)
    print(
        f"netmap compare benchmark: {args.actors} actors, {len(a.ties)} / {len(b.ties)} ties; "
        f"edit: {len(d['actors']['added'])} actors added, {len(d['actors']['removed'])} removed, "
        f"{len(d['actors']['changed'])} changed; {len(d['ties']['added'])} ties added, "
        f"{len(d['ties']['removed'])} removed, {len(d['ties']['changed'])} changed"
    )
    print(f"Python {platform.python_version()}, {os.cpu_count()} cores, median of {args.runs} runs (min-max)")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ws.sqlite"
        store = SnapshotStore(path)
        ida = store.save("bench", a)
        idb = store.save("bench", b)
        env = dict(os.environ, NETMAP_WORKSPACE=str(path))
        cli = [sys.executable, "-m", "netmap", "diff", f"snapshot:bench@{ida}", f"snapshot:bench@{idb}", "--json"]
        cases = [
            ("compare", lambda: compare(a, b)),
            ("compare unrelated", lambda: compare(a, c)),
            ("load + compare", lambda: compare(store.load(ida), store.load(idb))),
            ("CLI diff --json", lambda: subprocess.run(cli, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)),
        ]
        for name, fn in cases:
            med, lo, hi = median_time(fn, args.runs)
            print(f"  {name:<20} {med:6.2f} s  ({lo:.2f}-{hi:.2f})")


if __name__ == "__main__":
    main()

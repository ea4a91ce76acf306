"""Benchmark: what planned ties and the concrete overlaps add to an analysis (issue 11).

Run by hand, not in the test suite:  python benchmarks/bench_overlap.py

On networks from ``netmap.generate.generate(n, seed=1)`` (a tenth of the ties made planned),
times, as medians of 15 runs each: ``netmap.overlap.overlaps`` (the three forms and what
COORDINATORS_ONLY needs), ``Network.active_ties`` (the filter every graph of the measures goes
through) and ``Network.simple_graph`` (the undirected graph the measures use, filter included).
"""

import os
import platform
import statistics
import time
from dataclasses import replace

from netmap.generate import generate
from netmap.overlap import overlaps

RUNS = 15


def median(f):
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), max(times)


def main():
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    print("| actors | ties (planned) | overlaps (ms) | active_ties (ms) | simple_graph (ms) |")
    print("|---:|---:|---:|---:|---:|")
    for n in (300, 3000, 30000):
        net = generate(n, seed=1)
        net.ties = [replace(t, status="planned") if i % 10 == 0 else t for i, t in enumerate(net.ties)]
        planned = sum(t.status == "planned" for t in net.ties)
        cells = []
        for f in (overlaps, lambda g: g.active_ties, lambda g: g.simple_graph()):
            med, lo, hi = median(lambda f=f, g=net: f(g))
            cells.append(f"{med * 1000:.1f} ({lo * 1000:.1f}-{hi * 1000:.1f})")
        print(f"| {n:,} | {len(net.ties):,} ({planned:,}) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()

"""Benchmark of the meeting report: a 300-actor network to DOCX, PDF and HTML.

python benchmarks/bench_report.py [--actors 300] [--runs 10] [--lang da]

For each format, times the whole report as ``netmap report`` makes it in one process (the
analysis, the layout, the map and its legend drawn with matplotlib, the words, and the file
rendered and written), on ``netmap.generate.generate(n, seed=0)``, and prints the median (and
min-max) of the runs, after one warm-up run (imports, fonts), as wall-clock time and as the
process's CPU time (all its threads; less sensitive to other work on a shared machine). Also
prints the shared part (:func:`netmap.report.build_report`) and the file sizes.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netmap.generate import generate  # noqa: E402
from netmap.report import build_report, write_report  # noqa: E402


def summary(values):
    return f"{statistics.median(values):6.2f} s  ({min(values):.2f}-{max(values):.2f})"


def timed(f, runs):
    """``(wall-clock times, CPU times)`` of ``runs`` calls of ``f``."""
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        f()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--lang", default="da")
    args = parser.parse_args()

    net = generate(args.actors, seed=0)
    folder = Path(tempfile.mkdtemp(prefix="netmap-bench-"))
    for suffix in (".docx", ".pdf", ".html"):  # warm-up
        write_report(build_report(net, args.lang), folder / f"warm{suffix}")
    print(f"netmap report benchmark: {len(net.actors)} actors, {len(net.ties)} ties, --lang {args.lang}")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"median of {args.runs} runs (min-max)   wall clock              CPU time")
    wall, cpu = timed(lambda: build_report(net, args.lang), args.runs)
    print(f"  build (shared)  {summary(wall)}  {summary(cpu)}")
    for suffix in (".docx", ".pdf", ".html"):
        path = folder / f"report{suffix}"
        wall, cpu = timed(lambda path=path: write_report(build_report(net, args.lang), path), args.runs)
        print(f"  {suffix:<15} {summary(wall)}  {summary(cpu)}  {path.stat().st_size / 1e6:5.2f} MB")


if __name__ == "__main__":
    main()

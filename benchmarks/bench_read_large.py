"""Benchmark: reading a 2,000,000-tie CSV (issue 9: under 2 GB peak, within the default limits).

Run by hand, not in the test suite:
    python benchmarks/bench_read_large.py [--ties 2000000] [--actors 200000] [--runs 3]

Writes a CSV folder (``actors.csv``, ``ties.csv``; ``;``-separated, UTF-8 with BOM, as Danish
Excel saves it) of ``--actors`` actors and ``--ties`` distinct undirected ties with kind,
strength and notes columns, into a temporary folder; then runs ``python -m netmap validate
FOLDER`` as a whole process ``--runs`` times with the default limits and reports the wall time
and the process's peak resident memory (``os.wait4``'s ``ru_maxrss``), median and range.
"""

import argparse
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
KINDS = ["samarbejde", "formel aftale", "personlig", "henvisning", "finansiering"]
SECTORS = ["offentlig", "civil", "privat", "borger"]


def write_network(folder, actors, ties, seed=1):
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "actors.csv", "w", encoding="utf-8-sig", newline="") as fh:
        fh.write("id;navn;sektor;niveau;partner\r\n")
        for i in range(actors):
            fh.write(f"a{i};Aktør nummer {i};{SECTORS[i % 4]};udfører;{'ja' if i < 10 else 'nej'}\r\n")
    seen = set()
    with open(folder / "ties.csv", "w", encoding="utf-8-sig", newline="") as fh:
        fh.write("fra;til;type;styrke;noter\r\n")
        while len(seen) < ties:
            u, v = rng.randrange(actors), rng.randrange(actors)
            if u == v:
                continue
            kind = KINDS[(u + v) % len(KINDS)]
            key = (min(u, v), max(u, v), kind)
            if key in seen:
                continue
            seen.add(key)
            fh.write(f"a{u};a{v};{kind};{1 + (u * 7 + v) % 3};\r\n")
    return sum(f.stat().st_size for f in folder.iterdir())


def run(args):
    """``python -m netmap ARGS`` as a process: (exit status, seconds, peak RSS in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "netmap", *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace").strip()
    proc.stderr.close()
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ties", type=int, default=2_000_000)
    ap.add_argument("--actors", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "large"
        t0 = time.perf_counter()
        size = write_network(folder, a.actors, a.ties)
        print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
        print(
            f"{a.actors:,} actors, {a.ties:,} ties, {size / 1e6:.0f} MB of CSV (written in {time.perf_counter() - t0:.0f} s)"
        )
        times, peaks = [], []
        for i in range(a.runs):
            status, seconds, peak, err = run(["validate", folder])
            print(f"run {i + 1}: exit {status}, {seconds:.1f} s, peak {peak:,.0f} MB {err[:200]}")
            times.append(seconds)
            peaks.append(peak)
        print(
            f"netmap validate: median {statistics.median(times):.1f} s ({min(times):.1f}-{max(times):.1f}), "
            f"peak RSS median {statistics.median(peaks):,.0f} MB ({min(peaks):,.0f}-{max(peaks):,.0f}); goal < 2,000 MB"
        )


if __name__ == "__main__":
    main()

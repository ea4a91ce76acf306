"""Benchmark: full analysis (every measure and flag) on generated networks.

Run by hand, not in the test suite:  python benchmarks/bench_analysis.py [--quick]

Each size runs in a fresh process: interpreter start and imports are timed
apart; the analysis is timed in-process (median of several runs) and the peak
resident memory of that process is reported.
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = [(300, 9), (3000, 7), (30000, 3)]

CHILD = r"""
import json, resource, statistics, sys, time
t0 = time.perf_counter()
import netmap
from netmap.generate import generate
imports = time.perf_counter() - t0
n, runs = int(sys.argv[1]), int(sys.argv[2])
net = generate(n, seed=1)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
times = []
for _ in range(runs):
    t = time.perf_counter()
    report = netmap.analyze(net)
    times.append(time.perf_counter() - t)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"n": n, "ties": len(net.ties), "runs": runs, "median_s": statistics.median(times),
                  "min_s": min(times), "max_s": max(times), "imports_s": imports,
                  "peak_rss_mb": peak / 1024, "rss_before_mb": base / 1024,
                  "approximate": report["betweenness_approximate"]}))
"""


def main():
    quick = "--quick" in sys.argv
    print(
        f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}"
    )
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    print(f"interpreter start: {time.perf_counter() - t:.3f} s")
    starts = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import netmap"], cwd=ROOT, check=True)
        starts.append(time.perf_counter() - t)
    print(f"interpreter start + import netmap: median {statistics.median(starts):.3f} s")
    print("| actors | ties | runs | median analysis (s) | min-max (s) | imports (s) | peak RSS (MB) | betweenness |")
    print("|---:|---:|---:|---:|---|---:|---:|---|")
    for n, runs in SIZES[:2] if quick else SIZES:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(n), str(runs)], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
        r = json.loads(out)
        print(
            f"| {r['n']:,} | {r['ties']:,} | {r['runs']} | {r['median_s']:.3f} | {r['min_s']:.3f}-{r['max_s']:.3f} "
            f"| {r['imports_s']:.2f} | {r['peak_rss_mb']:.0f} | {'estimated' if r['approximate'] else 'exact'} |"
        )


if __name__ == "__main__":
    main()

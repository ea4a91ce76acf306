"""Benchmark: the Table 7.1 review's evidence and its rows in words, beside the analysis they reuse.

Run by hand, not in the test suite:  python benchmarks/bench_review.py [--runs 10]

For generated networks (netmap.generate, seed 1) of 300, 3,000 and 30,000 actors: the median of
``--runs`` runs of ``analyze`` (without betweenness, as the Review page's rows need it), of
``evidence(net, result)`` and of ``review_rows(net, result, "da")``, in one process.
"""

import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netmap.analysis import analyze  # noqa: E402
from netmap.evidence import evidence  # noqa: E402
from netmap.generate import generate  # noqa: E402
from netmap.present.review import review_rows  # noqa: E402


def median(fn, args, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), max(times)


def main():
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 10
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; {runs} runs")
    print(f"{'actors':>7} {'ties':>7} {'analyze (no betweenness)':>26} {'evidence':>18} {'review_rows da':>18}")
    for n in (300, 3000, 30000):
        net = generate(n, seed=1)
        result = analyze(net, betweenness=False)
        cells = [
            median(lambda n: analyze(n, betweenness=False), (net,), runs),
            median(evidence, (net, result), runs),
            median(review_rows, (net, result, "da"), runs),
        ]
        text = [f"{m * 1000:8.1f} ms ({lo * 1000:.0f}-{hi * 1000:.0f})" for m, lo, hi in cells]
        print(f"{n:>7} {len(net.ties):>7} {text[0]:>26} {text[1]:>18} {text[2]:>18}")


if __name__ == "__main__":
    main()

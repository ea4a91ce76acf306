"""Benchmark: the survey's core (netmap/survey.py) on a real SQLite workspace, one process.

A network of ``--actors`` (``generate(n, seed=1)``), a round with ``--respondents`` of them; each
respondent's link is resolved and a full answer saved (``--ties`` partners with every item, an
influence score for each of them, all 19 elements rated); then the results of the round are
computed. Prints medians (min-max) of ``--runs``: one resolve, one save_answer, one results().
The many-at-once test against the app server is benchmarks/bench_survey.py (survey UI).

    python benchmarks/bench_survey_core.py [--actors 300] [--respondents 50] [--ties 10] [--runs 10]
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from netmap import survey as S  # noqa: E402
from netmap.generate import generate  # noqa: E402
from netmap.workspace import Workspace  # noqa: E402


def document(net, me, ties, step):
    others = [a.id for a in net.actors if a.id != me and not a.sector == "citizen"][step : step + ties]
    rating = [1, 2, 3, 4]
    return {
        "ties": [
            {
                "partner": p,
                "kinds": ["collaboration"],
                "frequency": S.FREQUENCIES[i % 4],
                "value": {k: rating[(i + j) % 4] for j, k in enumerate(S.VALUE_ITEMS)},
                "trust": {k: rating[(i + j + 1) % 4] for j, k in enumerate(S.TRUST_ITEMS)},
            }
            for i, p in enumerate(others)
        ],
        "influence": {p: i % 6 for i, p in enumerate(others)},
        "elements": {str(n): {"rating": (n + step) % 4 + 1, "comment": ""} for n in range(1, 20)},
        "step": "done",
        "finished": True,
    }


def median(times):
    return f"{statistics.median(times) * 1000:.1f} ms ({min(times) * 1000:.1f}-{max(times) * 1000:.1f})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--respondents", type=int, default=50)
    parser.add_argument("--ties", type=int, default=10)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    ws = Workspace(Path(tempfile.mkdtemp(prefix="netmap-bench-")) / "ws.sqlite")
    net = generate(args.actors, seed=1)
    ws.create("net", replace(net, name="net"))
    people = [a.id for a in net.actors if a.sector != "citizen"][: args.respondents]
    resolves, saves, results = [], [], []
    for run in range(args.runs):
        _, tokens = S.open_round(ws, "net", f"run {run}", respondents=people)
        for step, actor in enumerate(people):
            doc = document(net, actor, args.ties, step)
            t = time.perf_counter()
            access = S.resolve(ws, tokens[actor])
            resolves.append(time.perf_counter() - t)
            t = time.perf_counter()
            S.save_answer(ws, access, doc)
            saves.append(time.perf_counter() - t)
        t = time.perf_counter()
        found = S.results(ws, "net", run + 1)
        results.append(time.perf_counter() - t)
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    print(f"{args.actors} actors, {len(people)} respondents x {args.ties} ties, {args.runs} runs")
    print(f"resolve      {median(resolves)}")
    print(f"save_answer  {median(saves)}")
    print(f"results()    {median(results)}  ({len(found['ties'])} ties)")


if __name__ == "__main__":
    main()

"""Benchmark: a large paper or workshop survey round read, stored and said in words.

Run by hand, not in the test suite:  python benchmarks/bench_survey_import.py [--runs 10]

A generated network (netmap.generate(300, seed=1)); 50 respondents, each naming 20 partners with
every item filled, and rating all 19 elements: a workbook of 1,000 answer rows and 950 element
rows (sheets svar and elementer, Danish headers). Medians of ``--runs`` runs, in one process, of
``read_answers`` (reading and checking the file), ``import_round`` (storing the 50 answers as a
closed round in a new SQLite workspace), ``results`` and ``results_text(..., "da")``; and of the
whole ``netmap survey import`` command as a process.
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openpyxl  # noqa: E402

from netmap import survey  # noqa: E402
from netmap.generate import generate  # noqa: E402
from netmap.present.survey import results_text  # noqa: E402
from netmap.survey_files import TEMPLATE_HEADERS, import_round, read_answers  # noqa: E402
from netmap.workspace import Workspace  # noqa: E402

KINDS = ("samarbejde", "formel aftale", "personlig kontakt", "finansiering")
OFTEN = ("dagligt", "ugentligt", "månedligt", "sjældnere")


def workbook(net, path, respondents=50, partners=20, seed=1):
    rng = random.Random(seed)
    people = [a.id for a in net.actors if a.sector != "citizen"]
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "svar"
    sheet.append(TEMPLATE_HEADERS["answers"]["da"])
    chosen = people[:respondents]
    for who in chosen:
        for partner in rng.sample([p for p in people if p != who], partners):
            items = [rng.randint(1, 4) for _ in range(6)]
            sheet.append([who, partner, "", rng.choice(KINDS), rng.choice(OFTEN), *items, rng.randint(0, 5)])
    sheet = wb.create_sheet("elementer")
    sheet.append(TEMPLATE_HEADERS["elements"]["da"])
    for who in chosen:
        for n in range(1, 20):
            sheet.append([who, n, "", rng.randint(1, 4), ""])
    wb.save(path)
    return chosen


def median(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), max(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-survey-"))
    net = generate(300, seed=1)
    book = tmp / "svar.xlsx"
    chosen = workbook(net, book)
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    print(f"network: {len(net.actors)} actors; file: {len(chosen)} respondents, 1,000 answer rows, 950 element rows")

    docs = read_answers(net, book)
    counter = iter(range(10**6))

    def store():
        ws = Workspace(tmp / f"ws{next(counter)}.sqlite")
        ws.create("n", net)
        import_round(ws, "n", "bench", "2026-12-01", chosen, docs)
        return ws

    ws = store()
    found = survey.results(ws, "n", 1)
    rows = [
        ("read_answers (read and check)", lambda: read_answers(net, book)),
        ("import_round (store 50, new workspace)", store),
        ("results", lambda: survey.results(ws, "n", 1)),
        ('results_text(..., "da")', lambda: results_text(found, "da")),
    ]
    for name, fn in rows:
        med, lo, hi = median(fn, args.runs)
        print(f"{name:42s} {med:7.3f} s ({lo:.3f}-{hi:.3f})")
    cli_ws = tmp / "cli.sqlite"
    Workspace(cli_ws).create("n", net)
    env = {**os.environ, "NETMAP_WORKSPACE": str(cli_ws)}

    def process():
        done = subprocess.run(
            [sys.executable, "-m", "netmap", "survey", "import", "n", str(book)], env=env, capture_output=True
        )
        assert done.returncode == 0, done.stderr

    med, lo, hi = median(process, args.runs)
    print(f"{'netmap survey import (whole process)':42s} {med:7.3f} s ({lo:.3f}-{hi:.3f})")


if __name__ == "__main__":
    main()

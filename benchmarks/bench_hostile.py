"""Benchmark: the time and peak memory of each attack file of issue 9 (goal: under 10 s and 300 MB each).

Run by hand, not in the test suite:
    python benchmarks/bench_hostile.py [--runs 5] [--bomb-mb 1000]

The files are written by tests/data/make_hostile.py into a temporary folder (the zip bomb's
actors sheet unpacks to ``--bomb-mb`` MB). Each is given to ``python -m netmap validate FILE`` as
a whole process (Python start and imports included), ``--runs`` times; the wall time and the
process's peak resident memory (``os.wait4``'s ``ru_maxrss``) are reported as medians, with the
exit status and the first line the process printed. A run over 60 s is stopped and reported.
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "data"))
import make_hostile  # noqa: E402


def bomb_under_total(folder):
    """A zip bomb that stays under the unpacked-size limit (300 MB): the compression ratio refuses it."""
    path = make_hostile.bomb_xlsx(folder, 300)
    return path.rename(Path(folder) / "bomb300.xlsx")


def declared_within_limits(folder):
    """A workbook declaring A1:Y1000000 (25,000,000 cells, the limit) with three rows: admitted, exit 0."""
    import re

    return make_hostile._rezip(
        make_hostile._workbook(),
        lambda n, b: (
            re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:Y1000000"', b) if n.endswith("sheet1.xml") else b
        ),
        Path(folder) / "declared_25M_cells.xlsx",
    )


def delimiters_csv(folder):
    """A 250 MB actors CSV (under the file size limit) of nothing but delimiters: 1,000 empty cells a row."""
    d = Path(folder) / "delimiters"
    d.mkdir()
    with open(d / "actors.csv", "w", encoding="utf-8") as fh:
        fh.write("id;name\n")
        line = ";" * 999 + "\n"
        for _ in range(250):
            fh.write(line * 1000)
    (d / "ties.csv").write_text("source;target\na;b\n", encoding="utf-8")
    return d


EXTRA = {
    "bomb300.xlsx": bomb_under_total,
    "declared_25M_cells.xlsx": declared_within_limits,
    "delimiters (250 MB CSV)": delimiters_csv,
}


def run_measured(path, timeout=60):
    """``python -m netmap validate PATH`` as a process: (exit status, seconds, peak RSS in MB, stderr)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "netmap", "validate", str(path), "--lang", "en"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace").strip()
    proc.stderr.close()
    return proc.returncode, seconds, usage.ru_maxrss / 1024, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bomb-mb", type=int, default=1000)
    a = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for name, make in {**make_hostile.CASES, **EXTRA}.items():
            path = make(tmp, a.bomb_mb) if make is make_hostile.bomb_xlsx else make(tmp)
            size = path.lstat().st_size if path.is_symlink() or not path.is_file() else path.stat().st_size
            results = [run_measured(path) for _ in range(a.runs)]
            times = [r[1] for r in results]
            peaks = [r[2] for r in results]
            status, err = results[0][0], results[0][3].splitlines()[0] if results[0][3] else ""
            rows.append((name, size, statistics.median(times), max(times), statistics.median(peaks), status, err))
        print(f"{a.runs} runs each; medians (max time); goal: under 10 s and 300 MB")
        print("| file | size | time (s) | max (s) | peak RSS (MB) | exit | message |")
        print("|---|---:|---:|---:|---:|---:|---|")
        for name, size, t, tmax, peak, status, err in rows:
            msg = err.replace(tmp, "…").replace("|", "/")[:110]
            print(f"| {name} | {size:,} B | {t:.2f} | {tmax:.2f} | {peak:.0f} | {status} | {msg} |")


if __name__ == "__main__":
    main()

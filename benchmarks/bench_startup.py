"""Benchmark: start-up (``import netmap``) and ``netmap analyze`` as a whole process.

Run by hand, not in the test suite:
    python benchmarks/bench_startup.py [--actors 5000] [--runs 7] [--format json|csv]

(a) ``python -X importtime -c "import netmap"``: the cumulative import time of
    the ``netmap`` package as Python reports it, median of the runs.
(b) A network from ``netmap.generate.generate(N, seed=1)`` written with
    ``netmap.write_network`` into a temporary folder, then, as whole
    processes, interleaved: ``python -m netmap analyze FILE`` (output to
    /dev/null) and a baseline script that only reads the same file with the
    standard library, builds a rustworkx graph and runs rustworkx's
    betweenness (parallel, as rustworkx does by default) and connected
    components. Prints both medians and their ratio.
"""

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASELINE = r"""
import csv, json, sys
from pathlib import Path
import rustworkx as rx

path = Path(sys.argv[1])
if path.suffix == ".json":
    doc = json.loads(path.read_text(encoding="utf-8"))
    ids = [a["id"] for a in doc["actors"]]
    pairs = [(t["source"], t["target"]) for t in doc["ties"]]
else:
    def rows(name):
        with open(path / name, encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh, delimiter=";"))
    ids = [r["id"] for r in rows("actors.csv")]
    pairs = [(r["source"], r["target"]) for r in rows("ties.csv")]
G = rx.PyGraph(multigraph=False)
index = {v: G.add_node(v) for v in ids}
G.add_edges_from_no_data([(index[s], index[t]) for s, t in pairs])
bc = rx.betweenness_centrality(G)
parts = rx.connected_components(G)
print(len(ids), len(pairs), len(parts), max(bc.values()))
"""

_NETMAP_LINE = re.compile(r"^import time:\s+\d+ \|\s+(\d+) \| netmap$")


def import_time(python=sys.executable):
    """Seconds that ``import netmap`` takes, as ``-X importtime`` reports it (cumulative, top level)."""
    r = subprocess.run(
        [python, "-X", "importtime", "-c", "import netmap"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    for line in r.stderr.splitlines():
        m = _NETMAP_LINE.match(line.rstrip())
        if m:
            return int(m.group(1)) / 1e6
    raise RuntimeError("no 'netmap' line in -X importtime output:\n" + r.stderr[-2000:])


def _wall(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t


def _fmt(xs):
    return f"{statistics.median(xs):.3f} s  ({min(xs):.3f}-{max(xs):.3f})"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--format", choices=("json", "csv"), default="json")
    args = ap.parse_args()

    from netmap import write_network
    from netmap.generate import generate

    print(
        f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; "
        f"median of {args.runs} runs (min-max)"
    )
    imports = [import_time() for _ in range(args.runs)]
    print(f"import netmap (-X importtime, cumulative)   {_fmt(imports)}")
    starts = [_wall([sys.executable, "-c", "pass"]) for _ in range(args.runs)]
    print(f"interpreter start (wall)                     {_fmt(starts)}")

    with tempfile.TemporaryDirectory() as tmp:
        net = generate(args.actors, seed=1)
        path = Path(tmp) / ("network.json" if args.format == "json" else "network")
        write_network(net, path)
        script = Path(tmp) / "baseline.py"
        script.write_text(BASELINE, encoding="utf-8")
        print(
            f"network: generate({args.actors}, seed=1): {len(net.actors)} actors, {len(net.ties)} ties, "
            f"as {args.format}"
        )
        netmap_cmd = [sys.executable, "-m", "netmap", "analyze", str(path)]
        base_cmd = [sys.executable, str(script), str(path)]
        _wall(netmap_cmd), _wall(base_cmd)  # warm the file cache
        t_netmap, t_base = [], []
        for _ in range(args.runs):
            t_netmap.append(_wall(netmap_cmd))
            t_base.append(_wall(base_cmd))
    print(f"python -m netmap analyze FILE                {_fmt(t_netmap)}")
    print(f"baseline (read + rustworkx bc + components)  {_fmt(t_base)}")
    print(f"ratio of medians                             {statistics.median(t_netmap) / statistics.median(t_base):.2f}")


if __name__ == "__main__":
    main()

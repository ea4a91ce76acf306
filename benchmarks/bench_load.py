"""Load test of the workspace (issue 12): many editors saving edits to one network at once.

Run by hand, not in the test suite (bounded in time, loopback only):
    python benchmarks/bench_load.py [--editors 20] [--edits 50] [--processes 4] [--workspace URL_OR_PATH | --postgres]

``--editors`` editors (threads, spread over ``--processes`` processes) each make ``--edits`` edits
through the workspace API, as the app does: load the current revision, change one actor's notes
to a marker of its own, save with ``expected_revision``. A save refused as stale is counted and
retried from a fresh load (as a user does after the app says so). At the end every accepted
edit's revision is read back: an accepted edit whose marker is not in its revision is *lost*
(goal: 0). Prints accepted, refused-as-stale and lost edits and the p50/p95 latency of a save.
"""

import argparse
import multiprocessing
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netmap.reading import read_network  # noqa: E402
from netmap.workspace import StaleEditError, Workspace  # noqa: E402

NETWORK = "load"


def editor(workspace, who, edits, deadline, out):
    ws = Workspace(workspace, create=False)
    for n in range(edits):
        marker = f"editor {who} edit {n}"
        while time.monotonic() < deadline:
            net = ws.load(NETWORK)
            rev = ws.revision(NETWORK)
            actor = net.actors[(who * edits + n) % len(net.actors)]
            actor.notes = marker
            started = time.perf_counter()
            try:
                saved = ws.save(NETWORK, net, expected_revision=rev)
            except StaleEditError:
                out.append(("stale", time.perf_counter() - started, None, marker))
                continue
            out.append(("accepted", time.perf_counter() - started, saved, marker))
            break


def process(workspace, editors, edits, deadline, queue):
    results, threads = [], []
    for who in editors:
        t = threading.Thread(target=editor, args=(workspace, who, edits, deadline, results))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    queue.put(results)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--editors", type=int, default=20)
    ap.add_argument("--edits", type=int, default=50)
    ap.add_argument("--processes", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=300, help="stop retrying after this long")
    ap.add_argument("--workspace", default=None, help="a workspace (default: a new SQLite file)")
    ap.add_argument(
        "--postgres", action="store_true", help="on a throwaway PostgreSQL server (Debian's postgresql, as the tests)"
    )
    args = ap.parse_args()
    server = None
    if args.postgres:
        from tests.pg import Server

        server = Server()
        args.workspace = server.new_database()
    try:
        return run(args)
    finally:
        if server:
            server.stop()


def run(args):
    workspace = args.workspace or str(Path(tempfile.mkdtemp()) / "load.sqlite")
    Workspace(workspace).create(NETWORK, read_network(ROOT / "sample_networks" / "copenhagen"))

    deadline = time.monotonic() + args.seconds
    queue = multiprocessing.Queue()
    groups = [list(range(args.editors))[i :: args.processes] for i in range(args.processes)]
    procs = [multiprocessing.Process(target=process, args=(workspace, g, args.edits, deadline, queue)) for g in groups]
    started = time.monotonic()
    for p in procs:
        p.start()
    results = [r for _ in procs for r in queue.get()]
    for p in procs:
        p.join()
    wall = time.monotonic() - started

    ws = Workspace(workspace, create=False)
    accepted = [r for r in results if r[0] == "accepted"]
    lost = 0
    for _, _, rev, marker in accepted:
        doc = ws.document(NETWORK, rev)
        lost += marker not in doc
    revisions = [rev for _, _, rev, _ in accepted]
    latencies = sorted(r[1] * 1000 for r in results)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"workspace: {'PostgreSQL' if '://' in workspace else 'SQLite'}")
    print(
        f"{args.editors} editors x {args.edits} edits in {args.processes} processes, {wall:.1f} s: "
        f"accepted {len(accepted)}, refused as stale {len(results) - len(accepted)}, lost {lost}, "
        f"revisions unique: {len(set(revisions)) == len(revisions)}"
    )
    print(f"save latency: p50 {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms")
    return 1 if lost or len(accepted) < args.editors * args.edits else 0


if __name__ == "__main__":
    sys.exit(main())

"""Load test of several app processes on one PostgreSQL workspace (issue 12).

Run by hand, not in the test suite (bounded in time, loopback only):
    python benchmarks/bench_app_load.py [--servers 3] [--editors 6] [--edits 10] [--think 2] [--seconds 600]

Starts a throwaway PostgreSQL server (Debian's, as the tests do), and ``--servers`` real
``streamlit run app.py`` processes on free 127.0.0.1 ports, all with ``NETMAP_WORKSPACE`` set to
the same database, which holds one network (the copenhagen sample). ``--editors`` editors, each a
page of its own (its own session) in one headless Chromium, spread over the servers, each add
``--edits`` actors with the Map page's "Add actor" form, at the same time, with a random pause
(``--think`` seconds on average) before each. An edit is *accepted* when the page says "Added
NAME."; *refused as stale* when it says the network was changed elsewhere: the editor then
reloads the page (a fresh session on the newest revision, as a user does) and adds the same actor
again. A try the page gives no answer to in 60 s is counted as *no answer* (a screenshot is kept)
and retried the same way. At the end the workspace is read directly: an accepted actor that is
not in the network is *lost* (goal: 0); an actor there although no try of it was accepted, or
there twice, is *saved though refused* (goal: 0). Latency is from the click to the page's answer
(the save, the rerun and the page drawing it), for every answered try.
"""

import argparse
import asyncio
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.async_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402

from netmap.layout import placed  # noqa: E402
from netmap.reading import read_network  # noqa: E402
from netmap.workspace import Workspace  # noqa: E402
from tests.pg import Server  # noqa: E402
from tests.test_app_browser import ARGS, CHROMIUM, free_port, start_server, stop_server  # noqa: E402

NETWORK = "load"
#: The start of the app's refusal of a stale edit (netmap.workspace._check_stale).
STALE = f'network "{NETWORK}" was changed elsewhere'
#: Which answer the page shows: "accepted", "stale", or nothing yet.
ANSWER = """([added, stale]) => { const t = document.body.innerText;
  return t.includes(added) ? "accepted" : t.includes(stale) ? "stale" : false; }"""


async def ready(page):
    await page.get_by_text(f"{NETWORK}: every change is saved.").wait_for(timeout=60000)
    await page.locator("[data-testid='stForm']").first.get_by_label("Name").wait_for(timeout=60000)


async def editor(browser, url, who, args, deadline, out):
    rng = random.Random(who)
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    await page.goto(url)
    await ready(page)
    for n in range(args.edits):
        name = f"Editor {who} edit {n}"
        while time.monotonic() < deadline:
            await asyncio.sleep(rng.uniform(0, 2 * args.think))
            form = page.locator("[data-testid='stForm']").first
            field = form.get_by_label("Name")
            while await field.input_value() != name:  # typed again if a run still going cleared it
                await page.locator("[data-testid='stStatusWidget']").wait_for(state="detached", timeout=60000)
                await field.fill(name)
                await asyncio.sleep(0.3)
            started = time.perf_counter()
            await form.get_by_role("button", name="Add actor").click()
            try:
                answer = await page.wait_for_function(ANSWER, arg=[f"Added {name}.", STALE], timeout=60000)
                kind = await answer.json_value()
            except PlaywrightTimeout:
                kind = "no answer"
                shot = Path(args.log) / f"no_answer_{who}_{n}_{len(out)}.png"
                await page.screenshot(path=str(shot), full_page=True)
                alerts = await page.locator("[data-testid='stAlert']").all_inner_texts()
                print(f"{name}: no answer in 60 s ({shot}; messages: {alerts})", file=sys.stderr)
            out.append((kind, time.perf_counter() - started, name))
            if kind == "accepted":
                break
            await page.reload()
            await ready(page)
    await context.close()


async def drive(urls, args):
    out = []
    deadline = time.monotonic() + args.seconds
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        editors = [editor(browser, urls[who % len(urls)], who, args, deadline, out) for who in range(args.editors)]
        await asyncio.wait_for(asyncio.gather(*editors), timeout=args.seconds + 180)
        await browser.close()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--servers", type=int, default=3)
    ap.add_argument("--editors", type=int, default=6)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--think", type=float, default=2.0, help="mean seconds an editor waits before each try")
    ap.add_argument("--seconds", type=float, default=600, help="stop retrying after this long")
    args = ap.parse_args()

    database = Server()
    args.log = tempfile.mkdtemp(prefix="netmap-appload-")
    servers, log = [], open(Path(args.log) / "servers.log", "w")
    try:
        url = database.new_database()
        Workspace(url).create(NETWORK, placed(read_network(ROOT / "sample_networks" / "copenhagen")))
        ports = [free_port() for _ in range(args.servers)]
        servers = [start_server(port, url, log) for port in ports]
        started = time.monotonic()
        out = asyncio.run(drive([f"http://127.0.0.1:{port}/" for port in ports], args))
        wall = time.monotonic() - started
        return report(Workspace(url, create=False), out, wall, args)
    finally:
        for server in servers:
            stop_server(server)
        database.stop()
        log.close()


def report(ws, out, wall, args):
    accepted = {name for kind, _, name in out if kind == "accepted"}
    kinds = Counter(kind for kind, _, _ in out)
    tried = {name for _, _, name in out}
    present = Counter(a.name for a in ws.load(NETWORK).actors)
    lost = [name for name in accepted if not present[name]]
    extra = sum(present[name] - (name in accepted) for name in tried)  # saved though refused, or twice
    latencies = sorted(t * 1000 for kind, t, _ in out if kind != "no answer")
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(
        f"{args.servers} app processes (streamlit run app.py) on one PostgreSQL workspace, {args.editors} editors "
        f"(Chromium pages) x {args.edits} edits, think time {args.think:g} s on average, {wall:.1f} s"
    )
    print(
        f"accepted {len(accepted)}, refused as stale {kinds['stale']}, no answer in 60 s {kinds['no answer']}, "
        f"lost {len(lost)}, "
        f"saved though refused {extra}, revisions {ws.revision(NETWORK)} (1 + accepted: "
        f"{ws.revision(NETWORK) == 1 + len(accepted)})"
    )
    print(f"click to answer: p50 {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms (n={len(latencies)})")
    return 1 if lost or extra or len(accepted) < args.editors * args.edits else 0


if __name__ == "__main__":
    sys.exit(main())

"""50 partners answering the survey at once against one real app server (issue 13).

Starts ``streamlit run app.py`` on a free loopback port on a new workspace holding a network of
``--respondents`` partners, opens a round, and lets every respondent answer through their own
personal link at the same time. Each respondent is one real Streamlit session over the app's own
websocket (``/_stcore/stream``, the protocol the browser speaks, through Streamlit's protobuf
messages): no browser, so the figures are the server's, not a browser's drawing on the same 2
cores. Each respondent takes the five steps of the survey, each one a button press that saves the
whole answer (:func:`netmap.survey.save_answer`) and shows the next step; the time of a save is
from sending the press to the end of the run that shows the next step.

Afterwards the stored answers are read back from the workspace: an answer is lost when a
respondent finished but their stored document is not what they sent (goal: 0). Bounded: a
respondent gives up after ``--timeout`` seconds. Prints medians over ``--runs`` rounds; see
benchmarks/README.md, section Survey.

    python benchmarks/bench_survey.py [--respondents 50] [--runs 10] [--timeout 300] [--think 0]
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_app_browser import free_port, start_server, stop_server  # noqa: E402


def network(n):
    from netmap.model import Actor, Network, Tie

    actors = [
        Actor(f"p{i:02d}", name=f"Partner {i:02d}", sector=("public", "civil", "private")[i % 3], partner=True)
        for i in range(n)
    ]
    ties = [Tie(f"p{i:02d}", f"p{(i + 1) % n:02d}") for i in range(n)]
    return Network(actors=actors, ties=ties)


class Session:
    """One respondent's Streamlit session: runs the app with the widget states given, and keeps
    the widget ids of the last run (a widget with a key has an id ending in ``-key``)."""

    def __init__(self, url, token):
        self.url, self.query, self.ids = url, f"t={token}", {}

    async def __aenter__(self):
        import websockets

        self.ws = await websockets.connect(
            self.url, subprotocols=["streamlit"], max_size=2**26, ping_interval=None, open_timeout=60
        )
        return self

    async def __aexit__(self, *exc):
        await self.ws.close()

    async def run(self, states=(), trigger=None):
        """One rerun with ``states`` (``[(key, field, value)]``) and ``trigger`` (a button's key)
        pressed; returns the seconds until the run that follows has finished."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        for key, field, value in states:
            w = msg.rerun_script.widget_states.widgets.add()
            w.id = self.ids[key]
            if field == "string_array_value":
                w.string_array_value.data.extend(value)
            else:
                setattr(w, field, value)
        if trigger:
            w = msg.rerun_script.widget_states.widgets.add()
            w.id, w.trigger_value = self.ids[trigger], True
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        ids, self.alerts = {}, []
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await self.ws.recv())
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                proto = getattr(element, element.WhichOneof("type") or "empty", None)
                if element.WhichOneof("type") == "alert":
                    self.alerts.append(element.alert.body)
                wid = getattr(proto, "id", "")
                if wid and "-" in wid:
                    ids[wid.rsplit("-", 1)[-1]] = wid
            elif kind == "script_finished" and fwd.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                self.ids = ids
                return time.perf_counter() - start


async def respondent(url, token, partner, times, refused, deadline, think=0.0, seed=0):
    """The five steps, as a partner answers them (the page speaks Danish by default), with a pause
    of up to ``think`` seconds (uniform, seeded) before each press."""
    pause = random.Random(seed)
    async with Session(url, token) as s:
        await asyncio.wait_for(s.run(), deadline)
        steps = [  # (widgets set, button pressed, a widget of the step that follows)
            ([], "sv_next", f"sv_with_{partner}"),  # the privacy notice: Begynd
            ([(f"sv_with_{partner}", "bool_value", True)], "sv_next", f"sv_kinds_{partner}"),
            (
                [
                    (f"sv_kinds_{partner}", "string_array_value", ["samarbejde"]),
                    (f"sv_freq_{partner}", "string_value", "ugentligt"),
                    (f"sv_trust_{partner}_reliability", "string_value", "3 \u2013 en del"),
                ],
                "sv_next",
                f"sv_infl_{partner}",
            ),
            ([], "sv_next", "sv_el_1"),  # influence: none given
            ([("sv_el_1", "string_value", "3 \u2013 i høj grad på plads")], "sv_next", "sv_again"),
        ]
        for states, trigger, shows in steps:
            for _attempt in range(5):
                await asyncio.sleep(pause.uniform(0, think))
                times.append(await asyncio.wait_for(s.run(states, trigger), deadline))
                if shows in s.ids:
                    break
                if not s.alerts:
                    raise RuntimeError(f"{trigger}: the next step did not come, and nothing was said")
                refused.append(s.alerts[-1])  # said on the page: the respondent presses again
                states = [(k, f, v) for k, f, v in states if k in s.ids]


async def one_round(url, ws, name, n, timeout, think=0.0):
    from netmap import survey

    _round, tokens = survey.open_round(ws, name, "bench", respondents=[f"p{i:02d}" for i in range(n)])
    times, refused, order = [], [], list(tokens)
    start = time.perf_counter()
    results = await asyncio.gather(
        *(
            respondent(url, tokens[a], order[(i + 1) % n], times, refused, timeout, think, i)
            for i, a in enumerate(order)
        ),
        return_exceptions=True,
    )
    wall = time.perf_counter() - start
    failed = [r for r in results if isinstance(r, BaseException)]
    lost = 0
    for i, actor in enumerate(order):
        doc = survey.answer(ws, survey.resolve(ws, tokens[actor]))
        want_partner = order[(i + 1) % n]
        ok = (
            doc.get("finished")
            and [t["partner"] for t in doc["ties"]] == [want_partner]
            and doc["ties"][0]["kinds"] == ["collaboration"]
            and doc["ties"][0]["frequency"] == "weekly"
            and doc["ties"][0]["trust"].get("reliability") == 3
            and (doc["elements"].get("1") or {}).get("rating") == 3
        )
        lost += not ok
    survey.close_round(ws, name, _round.id)
    return times, lost, failed, wall, refused


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--respondents", type=int, default=50)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--think", type=float, default=0.0, help="a pause of up to this many seconds before each press")
    args = parser.parse_args()

    from netmap.workspace import Workspace

    folder = Path(tempfile.mkdtemp(prefix="netmap-bench-survey-"))
    ws = Workspace(folder / "ws.sqlite", seed=False)
    name = "survey_bench"
    ws.create(name, network(args.respondents))
    port = free_port()
    log = open(folder / "server.log", "w")
    server = start_server(port, folder / "ws.sqlite", log)
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    p95s, medians, walls, lost_total, failed_total, refused_total = [], [], [], 0, 0, 0
    try:
        for run in range(args.runs):
            times, lost, failed, wall, refused = asyncio.run(
                one_round(url, ws, name, args.respondents, args.timeout, args.think)
            )
            times.sort()
            p95 = times[max(0, int(round(0.95 * len(times))) - 1)] if times else float("nan")
            p95s.append(p95)
            medians.append(statistics.median(times) if times else float("nan"))
            walls.append(wall)
            lost_total += lost
            failed_total += len(failed)
            refused_total += len(refused)
            print(
                f"run {run + 1}: {len(times)} presses, answers lost {lost}, respondents failed {len(failed)}, "
                f"presses refused with a message {len(refused)}"
                f"{' (' + repr(failed[0])[:120] + ')' if failed else ''}, median {medians[-1]:.2f} s, "
                f"p95 {p95:.2f} s, all answered in {wall:.1f} s",
                flush=True,
            )
    finally:
        stop_server(server)
        log.close()
    pauses = f", a pause of 0-{args.think:g} s before each press" if args.think else ", no pause between presses"
    print(f"\nnetmap survey benchmark: {args.respondents} respondents at once, 5 saves each{pauses}, one server")
    print(f"Python {platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(
        f"answers lost: {lost_total} of {args.respondents * args.runs}; respondents failed: {failed_total}; "
        f"presses refused with a message (pressed again): {refused_total}"
    )
    print(
        f"time to save an answer, median of {args.runs} runs (min-max): "
        f"median {statistics.median(medians):.2f} s, p95 {statistics.median(p95s):.2f} s "
        f"({min(p95s):.2f}-{max(p95s):.2f}); all {args.respondents} done in {statistics.median(walls):.1f} s"
    )


if __name__ == "__main__":
    main()

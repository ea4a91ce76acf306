"""An actor's measures and roles in the map's panel, in words, without making the map wait.

The analysis of a revision (:func:`netmap.analysis.analyze`, as every page has it) runs beside
the page, on one worker thread of the server; its result is kept for the last revisions, keyed
on the revision's stored text. The page draws the map first and asks for the measures last; until
they are there the panel says so, and a click in the meantime is not kept waiting: the run stops
and the analysis goes on for the next one.
"""

from __future__ import annotations

import collections
import concurrent.futures
import hashlib
import threading

import streamlit as st

from netmap.analysis import analyze
from netmap.present.report import actor_words

from . import state
from .state import md, tr

__all__ = ["analysis_job", "show"]

#: How many analyses the server keeps.
KEEP = 16


@st.cache_resource(show_spinner=False)
def _jobs():
    """The server's analyses (``{(network, digest): Future}``, newest last), their worker and lock."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="netmap-measures")
    return pool, collections.OrderedDict(), threading.Lock()


def analysis_job(name, digest, net):
    """The analysis of ``net`` (network ``name``, stored text's sha256 ``digest``) as a Future:
    started once, kept for the next runs. Analyses of other revisions of the same network that
    have not started yet are dropped: only the newest is wanted."""
    pool, jobs, lock = _jobs()
    key = (name, digest)
    with lock:
        job = jobs.pop(key, None)
        if job is None:
            for other, waiting in list(jobs.items()):
                if other[0] == name and waiting.cancel():
                    del jobs[other]
            job = pool.submit(analyze, net)
        jobs[key] = job
        while len(jobs) > KEEP:
            jobs.popitem(last=False)
    return job


def _wait(job):
    """Wait for ``job``; a click meanwhile stops this run (reading the session state lets
    Streamlit stop it), the job goes on."""
    while not job.done():
        concurrent.futures.wait([job], timeout=0.05)
        st.session_state.get("lang")


def show(slot, net, rev, actor_id):
    """Fill ``slot`` (an ``st.empty`` in the panel) with what the analysis says about ``actor_id``:
    near and far reach, betweenness, brokerage roles, isolation and the flags that name it."""
    name = state.network_name()
    digest = hashlib.sha256(state.workspace().document(name, rev).encode("utf-8")).hexdigest()
    job = analysis_job(name, digest, net)
    if not job.done():
        slot.caption(tr("Calculating the measures\u2026"))
        _wait(job)
    try:
        words = actor_words(job.result(), actor_id, state.lang())
    except Exception as exc:  # noqa: BLE001  (the panel stays usable without its measures)
        slot.caption(md(tr("The measures could not be calculated") + f" ({type(exc).__name__}: {exc})"))
        return
    box = slot.container(key=f"map_measures_{rev}")  # the revision in its class: a benchmark waits for it
    box.markdown("**" + tr("Measures and roles") + "**")
    lines = [*words["reach"], words["betweenness"], *words["brokerage"], words["isolation"]]
    box.markdown("\n".join(f"- {md(line)}" for line in lines if line))
    box.caption(
        tr(
            "Near actors are the local environment; far actors are management, politicians and regional or national bodies. The report (Hulgård 2007): a partnership needs both to last."
        )
    )
    flags = words["flags"]
    box.markdown("**" + md(tr("Flags that name this actor ({n})", n=len(flags))) + "**")
    if not flags:
        box.caption(tr("No flag names this actor."))
    for f in flags:
        box.markdown(md(f["line"]))

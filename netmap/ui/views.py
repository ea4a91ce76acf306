"""Pieces shared by the pages: page header, choices, the editable tables' bookkeeping, the map."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

import netmap.export  # noqa: F401  (registers the names of tie kinds and measures the pages use)
from netmap.errors import NetmapError
from netmap.i18n import STRINGS, t
from netmap.model import LEVELS, SCOPES, SECTORS
from netmap.writing import write_network

from . import state
from .state import md, tr

__all__ = ["open_page", "SECTOR_CHOICES", "ACTOR_KINDS", "TIE_KINDS", "label_of", "kind_label", "editor",
           "has_edits", "load_base", "map_html", "export_files", "sidebar"]

SECTOR_CHOICES = list(SECTORS) + ["unknown"]
ACTOR_KINDS = ["department", "evening_school", "institution", "residential_home", "day_service",
               "association", "volunteer", "citizen", "coordinator", "steering_group", "politician",
               "state_body", "culture_institution", "business", "funder"]
TIE_KINDS = ["collaboration", "formal_agreement", "personal", "funding", "referral", "information"]


def label_of(prefix):
    """A ``format_func`` that shows a code in the session's language (``sector_public``).

    The language is bound now: streamlit may call the function outside the run."""
    lang = state.lang()
    return lambda code: t(f"{prefix}_{code}", lang)


def kind_label(prefix):
    """A ``format_func`` for kinds (``akind``, ``tiekind``): a known code in the session's language,
    a kind of the user's own as typed."""
    lang = state.lang()
    return lambda code: t(f"{prefix}_{code}", lang) if f"{prefix}_{code}" in STRINGS else str(code)


def choices():
    """``{field: (options, format_func)}`` for the enumerated actor fields."""
    return {"sector": (SECTOR_CHOICES, label_of("sector")),
            "level": (list(LEVELS), label_of("level")),
            "scope": (list(SCOPES), label_of("scope"))}


def sidebar():
    """The shared sidebar: language, open network, undo and redo. Call once per run."""
    state.init()
    ws = state.workspace()
    with st.sidebar:
        st.radio(tr("Language"), ["en", "da"], key="lang", horizontal=True,
                 format_func={"en": "English", "da": "Dansk"}.get)
        names = ws.names()
        if names:
            st.selectbox(tr("Network"), names, key="network")
    state.remember()
    state.begin_run()
    name = state.network_name()
    if not names or not name:
        return
    with st.sidebar:
        left, right = st.columns(2)
        undo = left.button(tr("Undo"), key="undo", disabled=not ws.can_undo(name), width="stretch")
        redo = right.button(tr("Redo"), key="redo", disabled=not ws.can_redo(name), width="stretch")
        st.caption(md(tr("Revision {rev}, saved in {path}", rev=ws.revision(name), path=ws.path)))
    if undo or redo:
        try:
            rev = (ws.undo if undo else ws.redo)(name, expected_revision=state.acting_on())
        except NetmapError as exc:
            state.flash("warning", exc.message(state.lang()))
        else:
            state.flash("info", tr("Nothing to undo or redo.") if rev is None
                        else (tr("Undone: now at revision {rev}.", rev=rev) if undo
                              else tr("Redone: now at revision {rev}.", rev=rev)))
        state.reset_editors()
        st.rerun()


def open_page(title_key):
    """Title, carried-over messages and ``(name, net, rev)`` of the open network (or stop)."""
    st.title(tr(title_key))
    state.show_flash()
    cur = state.current()
    if cur is None:
        st.info(tr("The workspace has no network yet. Import one on the Import / export page."))
        st.stop()
    name, net, rev = cur
    st.caption(md(f"{name}: " + tr("{actors} actors, {ties} ties", actors=len(net.actors), ties=len(net.ties))))
    return cur


def load_base(net, rev, base_rev):
    """The network at ``base_rev`` (``net`` when that is the shown one); a vanished revision
    (dropped by a later save) gives the shown one, and the save then reports the edit as stale."""
    if base_rev == rev:
        return net
    try:
        return state.parse(state.workspace().document(state.network_name(), base_rev), state.network_name())
    except NetmapError:
        return net


def has_edits(delta):
    return bool(delta) and any(delta.get(k) for k in ("edited_rows", "added_rows", "deleted_rows"))


def editor(prefix, net, rev):
    """Key and base ``(key, base_net, base_rev)`` of an editable table.

    While the user has unsaved edits in the table, its base stays the
    revision they were made on; otherwise it is the shown revision.
    """
    key = state.editor_key(prefix)
    bases = st.session_state.setdefault("_editor_base", {})
    base_rev = bases.get(key, rev) if has_edits(st.session_state.get(key)) else rev
    bases[key] = base_rev
    return key, load_base(net, rev, base_rev), base_rev


@st.cache_data(max_entries=16, show_spinner=False)
def _map_html(key, lang, color_by, size_by, _net):
    from netmap.export import export

    return export(_net, lang=lang, color_by=color_by, size_by=size_by)


def map_html(net, key, color_by="sector", size_by="degree"):
    """The interactive map of ``net`` (HTML), cached on the network's content hash."""
    return _map_html(key, state.lang(), color_by, size_by, net)


_FORMATS = ((".json", "JSON", "application/json"),
            (".xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (".graphml", "GRAPHML", "application/xml"), (".gexf", "GEXF", "application/xml"))


@st.cache_data(max_entries=8, show_spinner=False)
def _export_files(key, pseudonymise, lang, _net):
    out = {}
    with tempfile.TemporaryDirectory() as folder:
        for suffix, label, mime in _FORMATS:
            path = write_network(_net, Path(folder) / f"network{suffix}", pseudonymise=pseudonymise)
            out[suffix] = (label, mime, path.read_bytes())
        csv_folder = write_network(_net, Path(folder) / "csv", pseudonymise=pseudonymise)
        for part in ("actors.csv", "ties.csv"):
            out[f"_{part}"] = (f"CSV ({part})", "text/csv", (csv_folder / part).read_bytes())
    try:
        from netmap.export import export
    except ImportError:
        return out
    out[".html"] = ("HTML", "text/html", export(_net, lang=lang, pseudonymise=pseudonymise).encode("utf-8"))
    return out


def export_files(net, key, pseudonymise=False):
    """``{file name suffix: (label, mime, bytes)}`` of every format the core writes, plus the
    HTML map; cached on the network's content hash."""
    return _export_files(key, pseudonymise, state.lang(), net)

"""Pieces shared by the pages: page header, choices, the editable tables' bookkeeping, the map."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import streamlit as st

from netmap.editing import noted_merge
from netmap.errors import NetmapError
from netmap.i18n import N_, _
from netmap.model import LEVELS, SCOPES, SECTORS, Network
from netmap.present import vocab
from netmap.present.diff import edit_text
from netmap.present.vocab import count
from netmap.workspace import SAMPLES, SAMPLES_DIR
from netmap.writing import TABLE_NAMES, write_network

from . import state
from .sharing import read_only_note
from .state import md, tr

__all__ = [
    "open_page",
    "flag_box",
    "summary",
    "SECTOR_CHOICES",
    "ACTOR_KINDS",
    "TIE_KINDS",
    "label_of",
    "column",
    "column_help",
    "editor",
    "has_edits",
    "load_base",
    "map_html",
    "export_files",
    "html_file",
    "map_failed",
    "sidebar",
    "welcome",
    "ways_in",
    "template_button",
    "new_network_dialog",
    "SAMPLE_TITLES",
    "SAMPLE_NAMES",
    "LANGUAGE_NAMES",
    "new_network_form",
    "show_ids",
    "ids_shown",
    "not_saved",
]


def flag_box(flag):
    """The box a flag is shown in, by its severity, on every page: high red, warning yellow, info
    blue. The colour only repeats the severity, which the line says first in words."""
    return {"high": st.error, "warning": st.warning}.get(flag["severity"], st.info)


SECTOR_CHOICES = list(SECTORS) + ["unknown"]
#: Each language by its own name (the language choices of the sidebar and of a new network).
LANGUAGE_NAMES = {"en": "English", "da": "Dansk"}
#: Suggested kinds (the codes of the vocabulary); a tie is a collaboration unless said otherwise.
ACTOR_KINDS = list(vocab.ACTOR_KINDS)
TIE_KINDS = ["collaboration"] + [k for k in vocab.TIE_KINDS if k != "collaboration"]


def label_of(table):
    """A ``format_func`` that shows a code of ``table`` (a :mod:`netmap.present.vocab` table) in
    the session's language; a code the table lacks (a kind of the user's own) is shown as typed.

    The language is bound now: streamlit may call the function outside the run."""
    lang = state.lang()
    return lambda code: "" if code is None else vocab.label(table, code, lang)


def column(field):
    """The header of an actor or tie field in the session's language."""
    return vocab.label(vocab.COLUMNS, field, state.lang())


#: Column widths in pixels at which an actor's name of about 30 characters shows whole (a
#: 1280x720 window: the Ties table's From and To and the Actors table's Name; notes scroll).
NAME_WIDTH = 240
#: The width of a kind column, and of its list of choices: "personlig (uformel)" shows whole.
KIND_WIDTH = 160


def column_help(field):
    """What to fill in for ``field``, in the session's language (None when there is nothing to say)."""
    return vocab.label(vocab.COLUMN_HELP, field, state.lang()) if field in vocab.COLUMN_HELP else None


def planned_label():
    """The label of the "planned" box of the forms that add a tie."""
    return tr("Planned (an idea not yet realised)")


def choices():
    """``{field: (options, format_func)}`` for the enumerated actor fields."""
    return {
        "sector": (SECTOR_CHOICES, label_of(vocab.SECTORS)),
        "level": (list(LEVELS), label_of(vocab.LEVELS)),
        "scope": (list(SCOPES), label_of(vocab.SCOPES)),
    }


def summary(name, net):
    """``copenhagen: 21 actors, 36 ties`` in the session's language (Markdown-safe)."""
    lang = state.lang()
    return md(
        tr(
            "{name}: {actors}, {ties}",
            name=name,
            actors=count("actors", len(net.actors), lang),
            ties=vocab.tie_count(net.ties, lang),
        )
    )


#: Session key: the sidebar's line that says whether every change is saved, and the network it
#: names, for this run (:func:`not_saved` fills it again).
SAVE_NOTE = "_save_note"


def sidebar():
    """The shared sidebar: language, open network, undo and redo. Call once per run."""
    state.init()
    state.without_english_hints()
    ws = state.workspace()
    st.session_state[SAVE_NOTE] = None
    with st.sidebar:
        st.radio(
            tr("Language"),
            ["en", "da"],
            key="lang",
            horizontal=True,
            format_func=LANGUAGE_NAMES.get,
            on_change=state.relabel,
        )
        names = ws.names()
        if names:
            st.selectbox(tr("Network"), names, key="network")
    state.remember()
    state.begin_run()
    name = state.network_name()
    undo = redo = False
    if names and name and state.can_edit():
        with st.sidebar:
            left, right = st.columns(2)
            can_undo, can_redo = state.undo_state(name)
            undo = left.button(tr("Undo"), key="undo", disabled=not can_undo, width="stretch")
            redo = right.button(tr("Redo"), key="redo", disabled=not can_redo, width="stretch")
            other = None if can_undo or ws.user is None else ws.blocked(name)
            if other is not None:  # shared: the last change is a colleague's
                st.caption(
                    md(
                        tr(
                            "The last change was made by {who}. Undo takes back only your own changes; History can restore an earlier version.",
                            who=other or tr("someone else"),
                        )
                    )
                )
            note = st.empty()  # drawn before the page: a page that waits for a confirmation fills it again
            note.caption(md(tr("{name}: every change is saved.", name=name)))
        st.session_state[SAVE_NOTE] = (note, name)
    # Last: used now and then, it leaves the network's state above it in a small window.
    if names and st.sidebar.button(tr("New network"), key="new_network_open", icon=":material/add:"):
        st.session_state[state.NEW_NETWORK] = True
    if undo or redo:
        was = state.acting_on()
        try:
            rev = (ws.undo if undo else ws.redo)(name, expected_revision=was)
        except NetmapError as exc:
            state.flash("warning", exc.message(state.lang()))
        else:
            state.flash("info", tr("Nothing to undo or redo.") if rev is None else _undone(name, was, rev, undo))
        state.reset_editors()
        st.rerun()


def not_saved():
    """Say in the sidebar, for this run, that a change on the page is not saved until it is
    confirmed or cancelled (instead of "every change is saved"). Pages call it when they ask."""
    held = st.session_state.get(SAVE_NOTE)
    if held:
        note, name = held
        note.warning(md(tr("{name}: not saved yet. Confirm or cancel the change on this page.", name=name)))


def _undone(name, was, now, undo):
    """What an undo (or redo) from revision ``was`` to ``now`` did, in words: "Undone: renamed X to Y."."""
    ws, lang = state.workspace(), state.lang()
    before, after = (state.parse(ws.document(name, rev), name) for rev in (was, now))
    noted = noted_merge(ws.note(name, was if undo else now))  # the revision undone or redone
    if undo:
        return tr("Undone: {what}.", what=edit_text(after, before, lang, noted))
    return tr("Redone: {what}.", what=edit_text(before, after, lang, noted))


def open_page(title):
    """Title (already in the session's language), carried-over messages and ``(name, net, rev)``
    of the open network (or stop)."""
    st.title(title)
    state.show_flash()
    cur = state.current()
    if cur is None:
        welcome()
        st.stop()
    name, net, rev = cur
    st.caption(summary(name, net))
    if not state.can_edit():
        read_only_note()
    return cur


#: What each sample network is, for the first screen.
SAMPLE_TITLES = {
    "copenhagen": N_("Copenhagen: volunteers bring culture to citizens with disabilities (21 actors)"),
    "fredericia": N_('Fredericia: "Grow your life" (18 actors)'),
}
#: The name a copy of each sample gets: the short form of its title, in the user's language.
SAMPLE_NAMES = {"copenhagen": N_("Copenhagen"), "fredericia": N_("Fredericia")}


def welcome():
    """The first screen of an empty workspace: start a new network, import a file, or open a
    sample as your own copy."""
    st.subheader(tr("Welcome to netmap"))
    st.write(
        tr("Map who works with whom in your partnership. There is no network here yet: start in one of three ways.")
    )
    if state.shared():
        st.caption(tr("A network someone shares with you appears here once they have shared it."))
    ways_in("start")


def new_network_dialog():
    """The sidebar's "New network" dialog, when it is open: after ``st.navigation``, whose pages
    its link to Import / export names."""
    if st.session_state.get(state.NEW_NETWORK):
        st.dialog(tr("A new network"), width="large", on_dismiss=lambda: st.session_state.pop(state.NEW_NETWORK, None))(
            ways_in
        )("new")


def ways_in(prefix):
    """Three ways to a network, side by side: start a new one, import a file (with the
    spreadsheet template), or open a sample as your own copy. On the first screen of an empty
    workspace, and in the sidebar's "New network" dialog (widget keys start with ``prefix``)."""
    ws = state.workspace()
    start, upload, sample = st.columns(3)
    with start:
        new_network_form(prefix)
    with upload.container(border=True):
        st.markdown("**" + tr("Import a file") + "**")
        st.write(tr("A spreadsheet (XLSX, or two CSV files for actors and ties), or a JSON, GraphML or GEXF file."))
        st.page_link("netmap/ui/pages/import_export.py", label=tr("Import a file"), icon=":material/upload_file:")
        template_button(f"{prefix}_template")
    with sample.container(border=True):
        st.markdown("**" + tr("Open a sample as your own copy") + "**")
        lang = state.lang()
        chosen = st.radio(
            tr("Sample"),
            list(SAMPLES),
            key=f"{prefix}_sample_choice",
            format_func=lambda code: _(SAMPLE_TITLES.get(code, code), lang),
        )
        st.caption(tr("Illustrative reconstructions, not data from the evaluation. The copy is yours to change."))
        if st.button(tr("Open a copy"), key=f"{prefix}_sample_open"):
            try:
                copy = ws.add_sample(chosen, _(SAMPLE_NAMES[chosen], lang))
            except NetmapError as exc:
                st.error(md(exc.message(lang)))
            else:
                state.flash("success", tr("Opened a copy of the sample as {name}.", name=copy))
                st.session_state._open_next = copy
                st.rerun()


def template_button(key):
    """The spreadsheet template (``sample_networks/skabelon``) to download and fill in."""
    st.download_button(
        tr("Download the spreadsheet template"),
        (SAMPLES_DIR / "skabelon" / "skabelon.xlsx").read_bytes(),
        file_name=tr("netmap-template") + ".xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=key,
        on_click="ignore",
    )


def new_network_form(prefix):
    """The form that starts a new, empty network: its name, the date the map describes and its
    language (widget keys ``{prefix}_name``, ``_date``, ``_lang``, ``_submit``). The new network
    opens, and the app speaks its language (each person can switch back in the sidebar)."""
    with st.form(f"{prefix}_form", border=True):
        st.markdown("**" + tr("Start a new network") + "**")
        name = st.text_input(tr("Name"), key=f"{prefix}_name", placeholder=tr("e.g. Culture partnership 2025"))
        date = st.date_input(tr("Date the map describes"), value=None, key=f"{prefix}_date", format=state.date_format())
        # The app's language until the person chooses another here (it stayed English when they
        # switched the app to Danish after the first screen was shown).
        chosen, shown = f"{prefix}_lang", f"{prefix}_lang_from"
        if st.session_state.get(chosen) in (None, st.session_state.get(shown)):
            st.session_state[chosen] = st.session_state[shown] = state.lang()
        lang = st.radio(
            tr("Language of the network"),
            list(LANGUAGE_NAMES),
            key=f"{prefix}_lang",
            horizontal=True,
            format_func=LANGUAGE_NAMES.get,
            help=tr("The language its names, kinds and notes are written in; the app speaks it from now on."),
        )
        if not st.form_submit_button(tr("Start"), key=f"{prefix}_submit", type="primary"):
            return
    try:
        state.workspace().create(name, Network(name=name.strip(), date=date.isoformat() if date else None), lang=lang)
    except NetmapError as exc:
        st.error(md(exc.message(state.lang())))
        return
    state.flash("success", _("Started {name}.", lang, name=name.strip()))
    st.session_state._open_next = name.strip()
    st.session_state._lang_next = lang
    st.rerun()


def ids_shown():
    """Whether this person asked to see actor ids (:func:`show_ids`)."""
    return st.session_state.get("_show_ids", False)


def show_ids():
    """The "Show ids" switch: ids are made, not asked for, and shown only when asked for; the
    choice holds on every page (a widget's own value goes when its page is left)."""
    ss = st.session_state
    ss.setdefault("show_ids", ids_shown())
    return st.toggle(
        tr("Show ids"),
        key="show_ids",
        on_change=lambda: ss.update(_show_ids=ss["show_ids"]),
        help=tr(
            "Each actor has an id, made from its name when it is added (citizens get a neutral one) and kept when it is renamed. Files and ties may refer to actors by id."
        ),
    )


def load_base(net, rev, base_rev):
    """The network at ``base_rev`` (``net`` when that is the shown one); a vanished revision
    (dropped by a later save) gives the shown one, and the save then reports the edit as stale."""
    if base_rev == rev:
        return net
    try:
        return state.parse(state.workspace().document(state.network_name(), base_rev), state.network_name())
    except NetmapError:
        return net


def table(frame, key, config):
    """The editable table of ``frame`` (actors or ties); for a viewer the same table, read-only,
    and nothing after it on the page (the run stops: no control that changes the network)."""
    editable = state.can_edit()
    edited = st.data_editor(
        frame,
        key=key,
        num_rows="dynamic" if editable else "fixed",
        disabled=not editable,
        hide_index=True,
        column_config=config,
        width="stretch",
        placeholder="",  # an empty cell shows empty, not "None"
    )
    if not editable:
        st.stop()
    return edited


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


_FORMATS = (
    (".json", "JSON", "application/json"),
    (".xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (".graphml", "GRAPHML", "application/xml"),
    (".gexf", "GEXF", "application/xml"),
)


def _pseudonym_key(pseudonymise):
    """The workspace's pseudonym key (netmap.privacy.workspace_key), only when it is needed."""
    from netmap.privacy import workspace_key

    return workspace_key(state.workspace().path) if pseudonymise else None


@st.cache_data(max_entries=8, show_spinner=False)
def _export_files(key, pseudonymise, lang, _net, _secret=None):
    out = {}
    with tempfile.TemporaryDirectory() as folder:
        for suffix, label, mime in _FORMATS:
            path = write_network(
                _net, Path(folder) / f"network{suffix}", pseudonymise=pseudonymise, key=_secret, lang=lang
            )
            out[suffix] = (label, mime, path.read_bytes())
        csv_folder = write_network(_net, Path(folder) / "csv", pseudonymise=pseudonymise, key=_secret, lang=lang)
        for part in TABLE_NAMES[lang]:
            out[f"_{part}.csv"] = (f"CSV ({part}.csv)", "text/csv", (csv_folder / f"{part}.csv").read_bytes())
    return out


def export_files(net, key, pseudonymise=False):
    """``{file name suffix: (label, mime, bytes)}`` of every format the core writes, the tables
    (XLSX, CSV) with the headers, values and file names of the session's language, which
    netmap reads back in every language; cached on the network's content hash."""
    return _export_files(key, pseudonymise, state.lang(), net, _pseudonym_key(pseudonymise))


@st.cache_data(max_entries=8, show_spinner=False)
def _html_file(key, pseudonymise, lang, _net, _secret=None):
    from netmap.export import export

    return export(_net, lang=lang, pseudonymise=pseudonymise, key=_secret).encode("utf-8")


def html_file(net, key, pseudonymise=False):
    """The HTML map of ``net`` as a file in the session's language (raises ImportError when
    netmap.export is not installed); cached on the network's content hash."""
    return _html_file(key, pseudonymise, state.lang(), net, _pseudonym_key(pseudonymise))


#: The meeting report's formats: (suffix, label, MIME type).
REPORT_FORMATS = (
    (".docx", "Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (".pdf", "PDF", "application/pdf"),
    (".html", "HTML", "text/html"),
)


@st.cache_data(max_entries=4, show_spinner=False)
def _report(key, pseudonymise, lang, _net, _secret=None, survey_key=None, _survey=None):
    from netmap.report import build_report

    return build_report(_net, lang, pseudonymise=pseudonymise, key=_secret, survey=_survey)


@st.cache_data(max_entries=12, show_spinner=False)
def _report_file(key, pseudonymise, lang, suffix, _net, _secret=None, survey_key=None, _survey=None):
    from netmap.report import render

    return render(_report(key, pseudonymise, lang, _net, _secret, survey_key, _survey), suffix)


@st.cache_data(max_entries=4, show_spinner=False)
def _map_png(key, pseudonymise, lang, _net, _secret=None):
    from netmap.report import map_picture

    return map_picture(_net, lang, pseudonymise=pseudonymise, key=_secret)


def report_file(net, key, suffix, pseudonymise=False):
    """The meeting report of ``net`` as a ``suffix`` file, made when the download is clicked (a
    callable for ``st.download_button``); cached on the network's content hash."""
    from netmap import survey

    lang, secret = state.lang(), _pseudonym_key(pseudonymise)
    ws, name = state.workspace(), state.network_name()

    def made():
        found = survey.latest_results(ws, name)  # the partners' own view, when a round is closed
        found_key = json.dumps(found, sort_keys=True, default=str) if found else None
        return _report_file(key, pseudonymise, lang, suffix, net, secret, found_key, found)

    return made


def map_png(net, key, pseudonymise=False):
    """The printed map of ``net`` as PNG, made when the download is clicked (as :func:`report_file`)."""
    lang, secret = state.lang(), _pseudonym_key(pseudonymise)
    return lambda: _map_png(key, pseudonymise, lang, net, secret)


def map_failed(exc):
    """Say that a map could not be drawn, and why, without stopping the rest of the page."""
    st.error(md(tr("The map could not be drawn") + f" ({type(exc).__name__}: {exc})"))

"""Per-session state of the app and the few cached calls into the core.

Session keys (each initialised once): ``lang``, ``network`` (the open network, also the
sidebar widgets' keys; both belong to the session and are kept in the address, never in the
workspace), ``_shown`` (``{network: revision shown in the last run}``), ``_acting_on`` (the
revision the user saw when acting in this run), ``_flash`` (messages carried over a rerun) and
``_saved`` (the network this session saved last, as validated: shown without parsing it again).
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
import sys
import time

import streamlit as st

from netmap.access import User, at_least
from netmap.analysis import analyze
from netmap.editing import neutral_ids
from netmap.errors import NetmapError
from netmap.i18n import LANGS, _, default_lang
from netmap.present.report import document
from netmap.reading import network_from_json
from netmap.workspace import StaleEditError, Workspace, default_path
from netmap.writing import to_json

from .edits import with_positions

__all__ = [
    "workspace",
    "shared",
    "settings",
    "user",
    "can_edit",
    "init",
    "init_lang",
    "lang",
    "network_name",
    "current",
    "acting_on",
    "timezone",
    "number_format",
    "NEW_NETWORK",
    "commit",
    "moved_id",
    "editor_key",
    "reset_editors",
    "remember",
    "relabel",
    "begin_run",
    "flash",
    "show_flash",
    "analysis",
    "report",
    "digest",
    "md",
    "tr",
]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&=])")


def md(text):
    """User text made safe for a Markdown element: every special character escaped, and each of
    its line breaks kept (several problems of a file are said one a line)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", "  \n")


def tr(message, **params):
    """The English ``message`` in the session's language, its ``{placeholders}`` filled from ``params``.

    ``tr`` is a gettext keyword (``pybabel extract -k tr``): its first argument must be a literal."""
    return _(message, lang(), **params)


@st.cache_resource(show_spinner=False)
def _workspace(path):
    return Workspace(path)  # empty when new: the first screen offers the ways in


def workspace():
    """The workspace of this server (``NETMAP_WORKSPACE`` or the per-user default), as the
    logged-in user acts in it (:func:`user`)."""
    return _workspace(str(default_path())).as_user(user())


def shared():
    """Whether the app is shared with a login: an ``[auth]`` table in Streamlit's secrets."""
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001  (no secrets file: the personal app)
        return False


def settings():
    """netmap's ``[netmap]`` table of the secrets (netmap/config.py), a plain dict."""
    try:
        return dict(st.secrets.get("netmap", {}))
    except Exception:  # noqa: BLE001
        return {}


def user():
    """Who acts: None in the personal app (it may do everything); in shared mode the logged-in
    :class:`netmap.access.User`, or before the login a user without an id, who may do nothing."""
    if not shared():
        return None
    if not st.user.get("is_logged_in", False):
        return User("")
    return User.from_claims(st.user, settings())


def can_edit(name=None, need="editor"):
    """Whether the user may change the network ``name`` (default: the open one)."""
    ws = workspace()
    name = name or network_name()
    return ws.user is None or bool(name) and at_least(ws.role(name), need)


def date_format():
    """How a date field shows its date: 01.12.2026 in Danish, 2026-12-01 in English."""
    return "DD.MM.YYYY" if lang() == "da" else "YYYY-MM-DD"


def _browser_lang():
    """The language of the browser (``navigator.language``) when netmap speaks it, else None."""
    try:
        locale = st.context.locale or ""
    except Exception:  # noqa: BLE001  (no browser, e.g. a bare script run)
        locale = ""
    lang = locale.strip().lower()[:2]
    return lang if lang in LANGS else None


def number_format():
    """The ``format`` of a table's number column: the browser's own ("localized", 2,5 in a Danish
    browser) when the browser speaks the session's language, else "plain" (2.5); Streamlit
    formats a table's numbers in the browser, in the browser's language only."""
    return "localized" if _browser_lang() == lang() else "plain"


#: Session key: the sidebar's "New network" dialog is open (:func:`netmap.ui.views.new_network_dialog`),
#: until it is closed or a network opens (:func:`init`).
NEW_NETWORK = "_new_network"


def init():
    """Initialise the session keys once: from the address (``?lang=``, ``?network=``), else the
    browser's language and the first network. Nothing is read from the workspace: two people
    on one workspace each keep their own language and open network."""
    ss, ws = st.session_state, workspace()
    init_lang()
    if "_lang_next" in ss:  # a new network's language, chosen by this person
        ss.lang = ss.pop("_lang_next")
        relabel()
    names = ws.names()
    if "_open_next" in ss:
        ss.network = ss.pop("_open_next")
        ss.pop(NEW_NETWORK, None)  # the sidebar's "New network" dialog has done its work
    if names and ss.get("network") not in names:
        wanted = st.query_params.get("network")
        ss.network = wanted if wanted in names else names[0]
    elif not names:
        ss.pop("network", None)  # none left that this person may open (a share withdrawn, the last purged)
    ss.setdefault("_shown", {})
    ss.setdefault("_flash", [])


def init_lang():
    """The session's language, once: from the address (``?lang=``), else the browser's."""
    ss = st.session_state
    if "lang" not in ss:
        wanted = st.query_params.get("lang") or _browser_lang() or default_lang()
        ss.lang = wanted if wanted in LANGS else "en"


def remember():
    """Keep the language and the open network in the address, so a reload or a bookmark opens
    them again (per browser tab, never for the whole workspace)."""
    ss = st.session_state
    wanted = {"lang": ss.lang}
    if ss.get("network"):
        wanted["network"] = ss.network
    for key, value in wanted.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value


def relabel():
    """After a language switch: set every chosen value again, so that each select shows its
    choice in the new language at once (the browser holds the label it showed, not the code).

    Only text values of widgets that may be set are touched (buttons, uploads and tables hold
    other kinds of values); setting a value to itself changes nothing else."""
    ss = st.session_state
    for key in list(ss.keys()):
        if key == "lang" or str(key).startswith("_"):
            continue
        value = ss[key]
        if isinstance(value, str):
            ss[key] = value


def begin_run():
    """Note which revision this run shows and which one the user acted on."""
    ss = st.session_state
    name = ss.get("network")
    if not name:
        return
    cur = workspace().revision(name)
    ss._acting_on = ss._shown.get(name, cur)
    ss._shown[name] = cur


def fragment_run():
    """True when this run is a fragment's only (Streamlit's run context says which fragments
    run; a whole page's run names none)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


#: Session key: whether Undo and Redo could act when the sidebar was last drawn.
_UNDO_SHOWN = "_undo_shown"


def _can_undo_redo(name):
    ws = workspace()
    return ws.can_undo(name), ws.can_redo(name)


def undo_state(name):
    """``(can undo, can redo)`` of network ``name``, as the sidebar draws them; noted for
    :func:`undo_changed`."""
    shown = _can_undo_redo(name)
    st.session_state[_UNDO_SHOWN] = name, shown
    return shown


def undo_changed(name):
    """Whether an edit in a fragment's run changed what Undo and Redo can do since the sidebar
    was drawn (its buttons would be wrong until the page runs again)."""
    shown = st.session_state.get(_UNDO_SHOWN)
    return shown is not None and shown != (name, _can_undo_redo(name))


def lang():
    return st.session_state.get("lang", "en")


def without_english_hints():
    """On a Danish page, leave out the hint Streamlit writes under a field being typed in ("Press
    Enter to submit form", "Press Enter to apply"): it has it in English only. Enter works as
    before; the buttons say what it does. A style only: it takes no place on the page."""
    if lang() == "da":
        st.html("<style>[data-testid='InputInstructions']{display:none}</style>")


def network_name():
    return st.session_state.get("network")


def current():
    """``(name, net, rev)`` of the open network as this run shows it, or None."""
    name = network_name()
    if not name:
        return None
    rev = st.session_state._shown.get(name)
    ws = workspace()
    if rev is None:
        rev = ws.revision(name)
    saved = st.session_state.get("_saved")
    if saved and saved[:2] == (name, rev):  # this session saved it: validated already
        net = saved[2]
    else:
        net = parse(ws.document(name, rev), name)
        st.session_state.pop("_saved", None)
    net.name = name  # the name the user gave it in the workspace, not the one inside its file
    return name, net, rev


@st.cache_data(max_entries=32, show_spinner=False)
def parse(doc, name=""):
    """The Network of a stored canonical JSON text (cached on the text; each call gets a copy)."""
    return network_from_json(json.loads(doc), name)


def acting_on():
    """The revision the user was looking at when they acted in this run."""
    return st.session_state.get("_acting_on")


def timezone():
    """The browser's time zone (an IANA name such as ``Europe/Copenhagen``), or None."""
    try:
        return st.context.timezone or None
    except Exception:  # noqa: BLE001  (no browser, e.g. a bare script run)
        return None


def commit(net, base_rev, shown=None, note=None):
    """Save ``net`` as the next revision of the open network, unless someone else saved first
    (``note``: how it was made, where its content cannot tell; :meth:`Workspace.save`).

    ``base_rev`` is the revision the edit was made on; positions are kept from
    ``shown`` (the network as the user saw it), and an actor that was no citizen there and is
    one now gets a neutral id (:func:`moved_id` tells it). Returns the new revision. An
    invalid network is reported inline and None returned (the last valid
    revision stays); a stale edit is reported after a rerun that shows the
    latest revision.
    """
    name = network_name()
    net, moved = neutral_ids(shown, net) if shown is not None else (net, {})
    try:
        rev, saved = workspace().save_validated(  # the author is the logged-in user, if any
            name, with_positions(net, shown), expected_revision=base_rev, note=note
        )
    except StaleEditError as exc:
        flash("warning", exc.message(lang()))
        reset_editors()
        st.rerun()
    except NetmapError as exc:
        refused(exc)
        return None
    st.session_state._shown[name] = rev
    st.session_state._saved = (name, rev, saved)  # current() shows it without parsing it again
    st.session_state._moved_ids = moved
    reset_editors()
    return rev


def refused(exc):
    """Say, where the edit was made, why it is not saved (``exc``, a NetmapError) and that the
    last valid version is kept."""
    st.error(md(exc.message(lang())))
    st.caption(tr("Not saved; the last valid version is kept."))


def moved_id(actor_id):
    """The id ``actor_id`` has after the last :func:`commit`: a new, neutral one when that
    change made the actor a citizen (:func:`netmap.editing.neutral_ids`), else itself."""
    return st.session_state.get("_moved_ids", {}).get(actor_id, actor_id)


def editor_key(prefix):
    """The widget key of an editable table; it changes after each save, so the table starts fresh."""
    ss = st.session_state
    key = f"{prefix}_{network_name()}_{ss.get('_editor_gen', 0)}"
    ss.setdefault("_editor_keys", {})[prefix] = key
    return key


def reset_editors():
    st.session_state._editor_gen = st.session_state.get("_editor_gen", 0) + 1


#: Seconds a message stays after it is first shown, so a run that follows at once (the panel's
#: measures arriving just after an edit) does not take it away before it can be read.
FLASH_SECONDS = 4.0


#: A toast's icon per kind of message: its meaning is not in a colour alone.
TOAST_ICONS = {
    "success": ":material/check_circle:",
    "info": ":material/info:",
    "warning": ":material/warning:",
    "error": ":material/error:",
}


def flash(kind, text, where=None, toast=False):
    """A message shown in the next run (``kind``: success, info, warning, error): at the top of
    the page, or where :func:`show_flash` is called with the same ``where`` (in a dialog, where
    the person who acted is looking). ``toast``: in a toast at the window's corner instead, once,
    for an edit made far down the page, where the top is out of sight (a tie in the map's panel),
    or on the map, which a message at the top would push down under the pointer."""
    st.session_state._flash.append((kind, text, None, where, toast))


def flash_outdated():
    """Whether a message at the top of the page has been shown for more than
    :data:`FLASH_SECONDS`: a run of a fragment, which does not draw the top of the page, then
    runs the whole page, which takes it away (else "Undone: …" stayed above later edits)."""
    now = time.monotonic()
    return any(
        place is None and shown is not None and now - shown > FLASH_SECONDS
        for _kind, _text, shown, place, _toast in st.session_state.get("_flash", [])
    )


def show_flash(where=None):
    """The messages for ``where``, each for :data:`FLASH_SECONDS` from its first showing, in a
    box that is there with or without them: a message then never moves what follows it on the
    page (moved elements get new places, and Streamlit shows the old copies beside the new ones
    until the run ends: two "Name" fields in the panel after a save, under load)."""
    box, now, kept = st.container(), time.monotonic(), []
    for kind, text, shown, place, toast in st.session_state._flash:
        if place == where and toast:  # once, in its corner: nothing at the top moves the page
            st.toast(md(text), icon=TOAST_ICONS[kind])
            continue
        if place == where:
            shown = now if shown is None else shown
            if now - shown > FLASH_SECONDS:
                continue
            getattr(box, kind)(md(text))
        kept.append((kind, text, shown, place, toast))
    st.session_state._flash = kept


def digest(net):
    """sha256 of the network's canonical JSON: the cache key of its analysis and map."""
    text = json.dumps(to_json(net), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@st.cache_data(max_entries=64, show_spinner=False)
def _analysis(key, group_by, _net):
    return analyze(_net, group_by=group_by)


def analysis(net, key=None, group_by="sector"):
    """The language-free analysis of ``net``, cached on its content hash (one entry serves every
    language; :func:`report` or :mod:`netmap.present` put it in words)."""
    return _analysis(key or digest(net), group_by, net)


def report(net, key=None, group_by="sector"):
    """The analysis of ``net`` as a document in the session's language: flags with their
    ``message``, warnings as text (:func:`netmap.present.report.document`)."""
    return document(analysis(net, key, group_by), lang())


#: How many modules were loaded at the last :func:`freeze_loaded`.
_frozen_at = 0


def freeze_loaded():
    """After a run that loaded modules: collect garbage once, then freeze what is left.

    Streamlit collects garbage after every run (``runner.postScriptGC``): a full pass over every
    object of the loaded libraries, 65-85 ms per run on the Map page, so per edit. Frozen objects
    (:func:`gc.freeze`) are left out of that pass: it then sees only what runs make (0.1 ms;
    benchmarks/README.md). A run that loads more (the report's libraries) freezes those too; what
    is frozen is never collected as a cycle, so this is done only when modules were loaded."""
    global _frozen_at
    if len(sys.modules) != _frozen_at:
        _frozen_at = len(sys.modules)
        gc.collect()
        gc.freeze()

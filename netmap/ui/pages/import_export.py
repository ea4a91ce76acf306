"""Import / export: upload a network (with a column-mapping step), download every format,
create and purge networks."""

import tempfile
from pathlib import Path

import streamlit as st

from netmap.errors import NetmapError
from netmap.model import ACTOR_FIELDS, CUSTOM_PREFIX, TIE_FIELDS, Network, network_from_records
from netmap.reading import read_network, read_table_records
from netmap.ui import state, views
from netmap.ui.edits import with_positions
from netmap.ui.state import md, tr

st.title(tr("page_io"))
state.show_flash()
ws = state.workspace()
lang = state.lang()

# --- import -------------------------------------------------------------------------
st.header(tr("io_import"))
first = st.file_uploader(tr("io_file"), type=["json", "xlsx", "graphml", "gexf", "csv"], key="upload_file")
second = st.file_uploader(tr("io_ties_file"), type=["csv"], key="upload_ties")


# Fields offered in the column-mapping step, besides the required ones.
OPTIONAL = {"actors": ["name", "kind", "sector", "level", "scope", "partner", "organisation", "notes"],
            "ties": ["kind", "strength", "directed", "notes"]}


def needs_mapping(path, fields, required, table):
    """The table's headers when a required column is not recognised, else None."""
    try:
        read_table_records(path, fields, required, table)
    except NetmapError as exc:
        if exc.key != "missing_column":
            raise
        rows = read_table_records(path, {}, [], table)
        return list(rows[0][1]) if rows else []
    return None


def mapped(path, fields, required, table):
    """Records of a CSV file or XLSX sheet, with the user's choice of columns when headers are not
    recognised: the required fields first, then the optional ones (pre-set where a header is known)."""
    headers = needs_mapping(path, fields, required, table)
    if headers is None:
        return read_table_records(path, fields, required, table)
    st.subheader(md(tr("io_mapping", file=f"{path.name} ({table})" if path.suffix.lower() == ".xlsx" else path.name)))
    st.caption(tr("io_mapping_help"))
    choice, unused = {}, tr("io_unused")
    known = {fields.get(h.strip().lower()): h for h in headers}
    for field in required + OPTIONAL[table]:
        label = tr("f_tie_kind" if (table, field) == ("ties", "kind") else f"f_{field}")
        options = [None] + headers
        choice[field] = st.selectbox(label, options, index=options.index(known.get(field)),
                                     key=f"map_{table}_{field}", format_func=lambda h: unused if h is None else h)
    if any(choice[f] is None for f in required):
        st.stop()
    rename = {v: k for k, v in choice.items() if v is not None}
    # A column not matched to a field is kept as a custom attribute, even when its header names a field.
    keep = {h: rename.get(h, CUSTOM_PREFIX + h if h.strip().lower() in fields else h) for h in headers}
    return [(where, {keep.get(h, h): v for h, v in rec.items()})
            for where, rec in read_table_records(path, {}, [], table)]


def read_upload(folder):
    """The uploaded network, read by the core (raises InputError as the command line would)."""
    path = Path(folder) / Path(first.name).name
    path.write_bytes(first.getvalue())
    if path.suffix.lower() == ".xlsx":
        if needs_mapping(path, ACTOR_FIELDS, ["id"], "actors") is None \
                and needs_mapping(path, TIE_FIELDS, ["source", "target"], "ties") is None:
            return read_network(path)
        actors = mapped(path, ACTOR_FIELDS, ["id"], "actors")
        ties = mapped(path, TIE_FIELDS, ["source", "target"], "ties")
        return network_from_records(actors, ties, name=path.stem)
    if path.suffix.lower() != ".csv":
        return read_network(path)
    if second is None:
        st.info(tr("io_need_ties"))
        st.stop()
    ties_path = Path(folder) / ("ties_" + Path(second.name).name)
    ties_path.write_bytes(second.getvalue())
    actors = mapped(path, ACTOR_FIELDS, ["id"], "actors")
    ties = mapped(ties_path, TIE_FIELDS, ["source", "target"], "ties")
    return network_from_records(actors, ties, name=path.stem)


if first is not None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            uploaded = read_upload(folder)
        except NetmapError as exc:
            uploaded = None
            st.error(md(exc.message(lang)))
    if uploaded is not None:
        st.success(md(tr("io_read_ok", name=uploaded.name or Path(first.name).stem,
                         actors=len(uploaded.actors), ties=len(uploaded.ties))))
        for w in uploaded.warnings:
            st.text(w.text(lang))
        suggested = uploaded.name or Path(first.name).stem
        new_name = st.text_input(tr("io_new_name"), value=suggested, key="import_name")
        left, right = st.columns(2)
        if left.button(tr("io_as_new"), key="import_new", type="primary"):
            try:
                rev = ws.create(new_name, with_positions(uploaded))
            except NetmapError as exc:
                st.error(md(exc.message(lang)))
            else:
                state.flash("success", tr("io_imported", name=new_name.strip(), rev=rev))
                st.session_state._open_next = new_name.strip()
                st.rerun()
        if state.network_name() and right.button(tr("io_replace"), key="import_replace"):
            cur = ws.load(state.network_name())
            rev = state.commit(uploaded, state.acting_on(), shown=cur)
            if rev:
                state.flash("success", tr("io_imported", name=state.network_name(), rev=rev))
                st.rerun()

# --- export ---------------------------------------------------------------------------
cur = state.current()
if cur is not None:
    name, net, rev = cur
    st.header(tr("io_export"))
    st.caption(md(f"{name}: " + tr("ui_summary", actors=len(net.actors), ties=len(net.ties))))
    pseudo = st.checkbox(tr("io_pseudonymise"), help=tr("io_pseudonymise_help"), key="export_pseudo")
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in name) or "network"
    files = views.export_files(net, state.digest(net), pseudo)
    for file_name, (label, mime, data) in files.items():
        st.download_button(tr("io_download", fmt=label), data, file_name=f"{stem}{file_name}", mime=mime,
                           key=f"download{file_name}", on_click="ignore")

# --- workspace ------------------------------------------------------------------------
st.header(tr("io_workspace"))
with st.form("new_network"):
    empty_name = st.text_input(tr("io_new_empty"), key="new_network_name")
    if st.form_submit_button(tr("io_create"), key="new_network_submit"):
        try:
            ws.create(empty_name, Network(name=empty_name.strip()))
        except NetmapError as exc:
            st.error(md(exc.message(lang)))
        else:
            state.flash("success", tr("io_created", name=empty_name.strip()))
            st.session_state._open_next = empty_name.strip()
            st.rerun()

if state.network_name():
    name = state.network_name()
    st.subheader(tr("io_purge"))
    st.caption(md(tr("io_purge_help", name=name)))
    typed = st.text_input(tr("io_purge_confirm"), key="purge_confirm")
    if st.button(tr("io_purge_button"), key="purge", disabled=typed.strip() != name):
        ws.purge(name)
        state.flash("success", tr("io_purged", name=name))
        st.session_state.pop("purge_confirm", None)
        st.rerun()

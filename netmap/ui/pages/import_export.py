"""Import / export: upload a network (with a column-mapping step), download every format,
create and purge networks."""

import tempfile
from pathlib import Path

import streamlit as st

from netmap.errors import NetmapError
from netmap.model import ACTOR_FIELDS, CUSTOM_PREFIX, TIE_FIELDS
from netmap.present.report import warning_text
from netmap.present.vocab import count, tie_count
from netmap.reading import (
    MISSING_COLUMN,
    MISSING_NAME,
    NEAR_MISS,
    network_from_tables,
    read_network,
    read_table_records,
)
from netmap.ui import sharing, state, views
from netmap.ui.edits import with_positions
from netmap.ui.state import md, tr

st.title(tr("Import / export"))
state.show_flash()
ws = state.workspace()
lang = state.lang()

# --- import -------------------------------------------------------------------------
st.header(tr("Import a network"))
views.template_button("import_template")
first = st.file_uploader(
    tr("A JSON, XLSX, GraphML or GEXF file, or the actors CSV"),
    type=["json", "xlsx", "graphml", "gexf", "csv"],
    key="upload_file",
)
second = st.file_uploader(tr("The ties CSV (only with an actors CSV)"), type=["csv"], key="upload_ties")


# The core's errors for a required column it did not find: the cue for the column-mapping step.
MAPPING_CUES = (MISSING_COLUMN, MISSING_NAME, NEAR_MISS)
# What the core said about the columns it did not know (shown with the import's other warnings).
column_warnings = []

# Fields offered in the column-mapping step, besides the required ones.
OPTIONAL = {
    "actors": ["name", "kind", "sector", "level", "scope", "partner", "organisation", "notes"],
    "ties": ["kind", "strength", "directed", "status", "notes"],
}


def needs_mapping(path, fields, required, table):
    """The table's headers when a required column is not recognised, else None."""
    try:
        read_table_records(path, fields, required, table)
    except NetmapError as exc:
        if exc.msgid not in MAPPING_CUES:
            raise
        rows = read_table_records(path, {}, [], table)
        return list(rows[0][1]) if rows else []
    return None


def mapped(path, fields, required, table):
    """Records of a CSV file or XLSX sheet, with the user's choice of columns when headers are not
    recognised: the required fields first, then the optional ones (pre-set where a header is known)."""
    headers = needs_mapping(path, fields, required, table)
    if headers is None:
        return read_table_records(path, fields, required, table, column_warnings)
    st.subheader(
        md(
            tr(
                "Match the columns of {file}",
                file=f"{path.name} ({table})" if path.suffix.lower() == ".xlsx" else path.name,
            )
        )
    )
    st.caption(
        tr(
            "netmap did not recognise the headers. Say which column holds what; columns left unused are kept as custom attributes."
        )
    )
    choice, unused = {}, tr("(not used)")
    known = {fields.get(h.strip().lower()): h for h in headers}
    for field in required + OPTIONAL[table]:
        label = views.column("tie_kind" if (table, field) == ("ties", "kind") else field)
        options = [None] + headers
        choice[field] = st.selectbox(
            label,
            options,
            index=options.index(known.get(field)),
            key=f"map_{table}_{field}",
            format_func=lambda h: unused if h is None else h,
        )
    chosen = {f: h for f, h in choice.items() if h is not None}
    # An actor's id is made from its name when no column holds ids (netmap.model.network_from_records).
    if any(f not in chosen for f in required) and not (table == "actors" and "name" in chosen):
        st.info(
            tr("Choose the column that holds the actors' names (or their ids); netmap makes the ids from the names.")
            if table == "actors"
            else tr("Choose the columns for From and To (the actors' names or ids).")
        )
        st.stop()
    # A column not matched to a field is kept as a custom attribute, even when its header names a field;
    # one column can fill two fields (the names as ids too).
    custom = {h: CUSTOM_PREFIX + h if h.strip().lower() in fields else h for h in headers if h not in chosen.values()}
    return [
        (
            where,
            {**{custom[h]: v for h, v in rec.items() if h in custom}, **{f: rec.get(h, "") for f, h in chosen.items()}},
        )
        for where, rec in read_table_records(path, {}, [], table)
    ]


def read_upload(folder):
    """The uploaded network, read by the core (raises InputError as the command line would)."""
    path = Path(folder) / Path(first.name).name
    path.write_bytes(first.getvalue())
    if path.suffix.lower() == ".xlsx":
        if (
            needs_mapping(path, ACTOR_FIELDS, ["id"], "actors") is None
            and needs_mapping(path, TIE_FIELDS, ["source", "target"], "ties") is None
        ):
            return read_network(path)
        actors = mapped(path, ACTOR_FIELDS, ["id"], "actors")
        ties = mapped(path, TIE_FIELDS, ["source", "target"], "ties")
        return with_column_warnings(network_from_tables(actors, ties, name=path.stem, every_row=True))
    if path.suffix.lower() != ".csv":
        return read_network(path)
    if second is None:
        st.info(tr("A CSV network needs two files: add the ties CSV as well."))
        st.stop()
    ties_path = Path(folder) / "ties" / Path(second.name).name  # its own folder: messages name it as uploaded
    ties_path.parent.mkdir()
    ties_path.write_bytes(second.getvalue())
    actors = mapped(path, ACTOR_FIELDS, ["id"], "actors")
    ties = mapped(ties_path, TIE_FIELDS, ["source", "target"], "ties")
    return with_column_warnings(network_from_tables(actors, ties, name=path.stem, every_row=True))


def with_column_warnings(net):
    """The network with the warnings about its columns first, as :func:`read_network` gives them."""
    net.warnings[:0] = column_warnings
    return net


if first is not None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            uploaded = read_upload(folder)
        except NetmapError as exc:
            uploaded = None
            st.error(md(exc.message(lang)))
    if uploaded is not None:
        st.success(
            md(
                tr(
                    "Read {name}: {actors}, {ties}.",
                    name=uploaded.name or Path(first.name).stem,
                    actors=count("actors", len(uploaded.actors), lang),
                    ties=tie_count(uploaded.ties, lang),
                )
            )
        )
        for w in uploaded.warnings:
            st.text(warning_text(w, lang))
        # a name not taken: a network's own file, imported again, would be refused under its name
        suggested = ws.free_name(uploaded.name or Path(first.name).stem)
        new_name = st.text_input(tr("Name in the workspace"), value=suggested, key="import_name")
        left, right = st.columns(2)
        if left.button(tr("Import as a new network"), key="import_new", type="primary"):
            try:
                rev = ws.create(new_name, with_positions(uploaded))
            except NetmapError as exc:
                st.error(md(exc.message(lang)))
            else:
                state.flash("success", tr("Imported {name}.", name=new_name.strip()))
                st.session_state._open_next = new_name.strip()
                st.rerun()
        if (
            state.network_name()
            and state.can_edit()
            and right.button(tr("Replace the open network (a new revision)"), key="import_replace")
        ):
            cur = ws.load(state.network_name())
            if state.commit(uploaded, state.acting_on(), shown=cur):
                state.flash("success", tr("Imported {name}.", name=state.network_name()))
                st.rerun()

# --- export ---------------------------------------------------------------------------
cur = state.current()
if cur is not None:
    name, net, rev = cur
    st.header(tr("Export"))
    st.caption(views.summary(name, net))
    pseudo = st.checkbox(
        tr("Pseudonymise citizens"),
        help=tr(
            "Replace citizens (sector citizen, or a kind such as borger, beboer or bruger) by stable pseudonyms, "
            "remove their names and ids from every text of the network and drop their notes (METHODS.md, Personal data)."
        ),
        key="export_pseudo",
    )
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in name) or "network"
    key = state.digest(net)
    files = views.export_files(net, key, pseudo)
    try:
        files[".html"] = ("HTML", "text/html", views.html_file(net, key, pseudo))
    except ImportError:  # an installation without the map
        pass
    except Exception as exc:  # noqa: BLE001  (a broken map must not take the other downloads with it)
        views.map_failed(exc)
    for file_name, (label, mime, data) in files.items():
        st.download_button(
            tr("Download {fmt}", fmt=label),
            data,
            file_name=f"{stem}{file_name}",
            mime=mime,
            key=f"download{file_name}",
            on_click="ignore",
        )
    st.subheader(tr("Meeting report"))
    st.caption(
        tr(
            "The map with its legend, the key figures, each flag with what the partnership can do about it, the boundary spanners and the isolated actors: a document for the steering group (A4)."
        )
    )
    report_word, map_word = tr("report"), tr("map")  # in the files' names: "rapport", "kort" in Danish
    for suffix, label, mime in views.REPORT_FORMATS:
        st.download_button(
            tr("Download the report as {fmt}", fmt=label),
            views.report_file(net, key, suffix, pseudo),
            file_name=f"{stem}_{report_word}{suffix}",
            mime=mime,
            key=f"download_report{suffix}",
            on_click="ignore",
        )
    st.download_button(
        tr("Download the map as a picture (PNG)"),
        views.map_png(net, key, pseudo),
        file_name=f"{stem}_{map_word}.png",
        mime="image/png",
        key="download_map_png",
        on_click="ignore",
    )

# --- workspace ------------------------------------------------------------------------
st.header(tr("Workspace"))
views.new_network_form("new_network")

if state.network_name():
    sharing.sharing_section(state.network_name())
if state.network_name() and state.can_edit(need="owner"):
    name = state.network_name()
    st.subheader(tr("Delete the open network with its whole history"))
    st.caption(
        md(
            tr(
                "For personal data: every revision and snapshot of {name} is removed from the workspace file; this cannot be undone.",
                name=name,
            )
        )
    )
    typed = st.text_input(tr("Type the network's name to confirm"), key="purge_confirm")
    if st.button(tr("Delete for good"), key="purge", disabled=typed.strip() != name):
        ws.purge(name)
        state.flash("success", tr("Deleted {name} and its history.", name=name))
        st.session_state.pop("purge_confirm", None)
        st.rerun()

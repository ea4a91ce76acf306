"""The Snapshots page: save, list, rename and delete snapshots, compare two, follow a series."""

from __future__ import annotations

import datetime as _dt
import math

import pandas as pd
import streamlit as st

from netmap.compare import INDICATORS, compare, series
from netmap.errors import NetmapError
from netmap.i18n import LANGS, _, date, default_lang, moment, ngettext
from netmap.present import vocab
from netmap.present.diff import field_label, indicator_value, tie_text, value_text
from netmap.present.report import flag_message
from netmap.present.review import change_rows
from netmap.present.vocab import label
from netmap.snapshots import SnapshotStore, import_sample_series
from netmap.ui import state
from netmap.ui.state import md

__all__ = ["page", "show_diff"]

SAMPLE_NETWORK = "copenhagen_sample"


def _lang():
    lang = st.session_state.get("lang") or default_lang()
    return lang if lang in LANGS else "en"


def _follow_open_network(key, options):
    """Set the select ``key`` to the open network when the page is new or the user opened another
    network since the last run (a choice made on this page stays until then)."""
    ss = st.session_state
    current, marker = ss.get("network"), f"_{key}_follows"
    if key in ss and marker in ss and ss[marker] == current:
        return
    ss[marker] = current
    if current in options:
        ss[key] = current


def _newest_pair(rows, network):
    """The two newest snapshots (by date, then by when they were saved) of ``network`` when it has
    two, else of the whole list: what a comparison shows unless the user picks another pair."""
    mine = [r for r in rows if r["network"] == network]
    pool = mine if len(mine) >= 2 else rows
    ordered = sorted(pool, key=lambda r: (r["date"] or "", r["id"]))
    return ordered[-2]["id"] if len(ordered) > 1 else ordered[-1]["id"], ordered[-1]["id"]


def _whole(value):
    """A count as a whole number (``4``, not ``4.00``); other values as they are."""
    if isinstance(value, float) and not math.isnan(value) and value.is_integer():
        return int(value)
    return value


def _title(row, lang):
    return f"#{row['id']} · {row['network']} · {_day(row, lang)} · {row['label']}"


def _day(row, lang):
    """The date a snapshot describes, in the user's format ("" when it has none)."""
    return date(row["date"], lang) if row["date"] else ""


def _map_title(old_row, new_row, lang):
    """The compare map's title: the two snapshots by their labels, else by their dates."""
    old, new = (r["label"] or _day(r, lang) or f"#{r['id']}" for r in (old_row, new_row))
    return _("Changes: {old} \u2192 {new}", lang, old=old, new=new)


def _show_error(exc, lang):
    st.error(md(exc.message(lang)))


def _flag(code, lang):
    """A flag's short title in ``lang``."""
    return label(vocab.FLAG_TITLES, code, lang)


def _save_section(store, lang):
    st.subheader(_("Save a snapshot", lang))
    try:
        from netmap.workspace import Workspace

        ws = Workspace(store.path, user=store.user)
        names = ws.names()
    except NetmapError as exc:
        _show_error(exc, lang)
        return
    if names:
        # A network removed in another tab stays selected, so saving it says so instead of
        # silently saving whichever network the list would move to.
        chosen = st.session_state.get("snap_save_network")
        options = names + ([chosen] if chosen and chosen not in names else [])
        _follow_open_network("snap_save_network", options)
        name = st.selectbox(_("Network", lang), options, key="snap_save_network")
        snap_label = st.text_input(_("Label", lang), key="snap_save_label")
        date = st.date_input(
            _("Date the snapshot describes", lang),
            value=_dt.date.today(),
            key="snap_save_date",
            format=state.date_format(),
        )
        if st.button(_("Save snapshot", lang), key="snap_save_btn", disabled=not state.can_edit(name)):
            try:
                sid = store.save(name, ws.load(name), label=snap_label, date=date.isoformat())
                st.success(_("Saved snapshot {id}.", lang, id=sid))
            except NetmapError as exc:
                _show_error(exc, lang)
    else:
        st.info(_("The workspace has no networks yet.", lang))
    if SAMPLE_NETWORK in store.networks() or not (store.user is None or store.user.is_admin):
        return  # a made-up network, not in the workspace: only an administrator adds it when shared
    st.caption(
        _(
            "Three made-up dates that tell the evaluation's story: the Social Services contact is lost after staff turnover, then volunteers are drawn in through workshops. An illustrative reconstruction, not data from the evaluation.",
            lang,
        )
    )
    if st.button(_("Add the Copenhagen sample series (illustrative)", lang), key="snap_sample_btn"):
        try:
            ids = import_sample_series(store, SAMPLE_NETWORK, lang=lang)
            st.success(
                ngettext(
                    "Added {n} snapshot of {network}.",
                    "Added {n} snapshots of {network}.",
                    len(ids),
                    lang,
                    network=SAMPLE_NETWORK,
                )
            )
        except NetmapError as exc:
            _show_error(exc, lang)


def _manage_section(store, rows, lang):
    st.subheader(_("Saved snapshots", lang))
    columns = [c for c in vocab.SNAPSHOT_COLUMNS if c != "author" or any(r["author"] for r in rows)]
    zone = state.timezone()  # when each was saved, in the user's time and format (stored in UTC)
    shown = [{**r, "date": _day(r, lang), "saved_at": moment(r["saved_at"], lang, zone)} for r in rows]
    st.dataframe(
        pd.DataFrame(shown)[columns].rename(columns={c: label(vocab.SNAPSHOT_COLUMNS, c, lang) for c in columns}),
        hide_index=True,
    )
    by_id = {r["id"]: r for r in rows}
    ids = list(by_id)
    picked = st.session_state.get("snap_manage_id")
    if picked is not None and picked not in by_id:
        # Deleted meanwhile (e.g. in another tab): keep it picked, so that renaming or deleting
        # it says so instead of acting on another snapshot.
        ids.append(picked)
    sid = st.selectbox(
        _("Snapshot", lang),
        ids,
        key="snap_manage_id",
        format_func=lambda i: _title(by_id[i], lang) if i in by_id else f"#{i}",
    )
    cols = st.columns(2)
    with cols[0]:
        new_label = st.text_input(_("New label", lang), key="snap_rename_label")
        network = by_id[sid]["network"] if sid in by_id else None
        if st.button(_("Rename", lang), key="snap_rename_btn", disabled=not state.can_edit(network)):
            try:
                store.rename(sid, new_label)
            except NetmapError as exc:  # e.g. deleted meanwhile in another tab
                _show_error(exc, lang)
            else:
                st.rerun()
    with cols[1]:
        sure = st.checkbox(_("Yes, delete this snapshot", lang), key="snap_delete_confirm")
        allowed = state.can_edit(network, "owner")
        if st.button(_("Delete", lang), key="snap_delete_btn", disabled=not (sure and allowed)):
            try:
                store.delete(sid)
            except NetmapError as exc:
                _show_error(exc, lang)
            else:
                del st.session_state["snap_manage_id"]  # gone on purpose: pick another one
                st.rerun()


def _missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


def _indicator_table(partnership, lang):
    """The partnership indicators before and after: numbers kept (sortable), each shown as every
    view shows that indicator (E-I as an index, shares as percentages, counts as whole numbers)."""
    what, before, after, change = _("indicator", lang), _("before", lang), _("after", lang), _("change", lang)
    keys = list(partnership)
    frame = pd.DataFrame(
        [
            {
                what: label(vocab.INDICATORS, k, lang),
                before: o,
                after: n,
                change: None if o is None or n is None else n - o,
            }
            for k, (o, n) in partnership.items()
        ],
        dtype=object,
    )
    styler = frame.style
    for i, k in enumerate(keys):
        styler = styler.format(
            lambda v, k=k: "–" if _missing(v) else indicator_value(k, v, lang),
            subset=pd.IndexSlice[[i], [before, after, change]],
        )
    st.dataframe(styler, hide_index=True)


def _compare_section(store, rows, lang):
    st.subheader(_("Compare two snapshots", lang))
    by_id = {r["id"]: r for r in rows}
    ids = list(by_id)
    ss = st.session_state
    # The newest pair of the open network, again whenever snapshots were saved or deleted or
    # another network was opened; otherwise the pair the user picked stays.
    situation = (tuple(ids), ss.get("network"))
    if ss.get("_snap_pair_for") != situation or ss.get("snap_old") not in by_id or ss.get("snap_new") not in by_id:
        ss["snap_old"], ss["snap_new"] = _newest_pair(rows, ss.get("network"))
        ss["_snap_pair_for"] = situation
    cols = st.columns(2)
    old_id = cols[0].selectbox(_("Before", lang), ids, format_func=lambda i: _title(by_id[i], lang), key="snap_old")
    new_id = cols[1].selectbox(_("After", lang), ids, format_func=lambda i: _title(by_id[i], lang), key="snap_new")
    try:
        old, new = store.load(old_id), store.load(new_id)
    except NetmapError as exc:
        _show_error(exc, lang)
        return
    show_diff(old, new, lang, title=_map_title(by_id[old_id], by_id[new_id], lang))


def show_diff(old, new, lang, key="snap", title=None):
    """What changed from network ``old`` to ``new``, as the snapshot comparison draws it: the
    indicators, the flags, the actors, ties and review ratings, the measures and the compare map
    (``key`` prefixes the tables' widget keys, so two pages can each draw one; ``title`` is the
    map's, else it names the two versions by their dates)."""
    try:
        diff = compare(old, new)
    except NetmapError as exc:
        _show_error(exc, lang)
        return
    _indicator_table(diff["partnership"], lang)
    none = _("none", lang)
    st.write(
        _(
            "Flags raised: {raised}. Flags cleared: {cleared}.",
            lang,
            raised=", ".join(_flag(c, lang) for c in diff["flags"]["raised"]) or none,
            cleared=", ".join(_flag(c, lang) for c in diff["flags"]["cleared"]) or none,
        )
    )
    for code in diff["flags"]["raised"]:
        if code in vocab.FLAG_ADVICE:  # the diagnosis page's advice
            st.warning(md(f"{_flag(code, lang)}: {label(vocab.FLAG_ADVICE, code, lang)}"))

    a = diff["actors"]
    changed = a["changed"]  # without moved map positions: compare ignores them (IGNORED_FIELDS)
    st.markdown(
        "**"
        + _("Actors: {a} added, {r} removed, {c} changed", lang, a=len(a["added"]), r=len(a["removed"]), c=len(changed))
        + "**"
    )
    names = {d["id"]: d["name"] for d in a["removed_records"] + a["added_records"]}
    names.update({x.id: x.name for x in new.actors})
    actor_rows = [{_("what", lang): _("added", lang), _("actor", lang): names[i]} for i in a["added"]]
    actor_rows += [{_("what", lang): _("removed", lang), _("actor", lang): names[i]} for i in a["removed"]]
    actor_rows += [
        {
            _("what", lang): _("changed", lang),
            _("actor", lang): names[c["id"]],
            _("field", lang): field_label(f, lang),
            _("before", lang): value_text(f, o, lang),
            _("after", lang): value_text(f, n, lang),
        }
        for c in changed
        for f, (o, n) in c["changes"].items()
    ]
    if actor_rows:
        st.dataframe(pd.DataFrame(actor_rows), hide_index=True, placeholder="", key=f"{key}_actor_changes")

    ti = diff["ties"]
    st.markdown(
        "**"
        + _(
            "Ties: {a} added, {r} removed, {c} changed",
            lang,
            a=len(ti["added"]),
            r=len(ti["removed"]),
            c=len(ti["changed"]),
        )
        + "**"
    )
    tie_rows = [{_("what", lang): _("added", lang), _("tie", lang): tie_text(d, lang, names)} for d in ti["added"]]
    tie_rows += [{_("what", lang): _("removed", lang), _("tie", lang): tie_text(d, lang, names)} for d in ti["removed"]]
    tie_rows += [
        {
            _("what", lang): _("changed", lang),
            _("tie", lang): tie_text(c, lang, names),
            _("field", lang): field_label(f, lang, "ties"),
            _("before", lang): value_text(f, o, lang, "ties"),
            _("after", lang): value_text(f, n, lang, "ties"),
        }
        for c in ti["changed"]
        for f, (o, n) in c["changes"].items()
    ]
    if tie_rows:
        st.dataframe(pd.DataFrame(tie_rows), hide_index=True, placeholder="", key=f"{key}_tie_changes")

    _review_changes(old, new, lang, key)

    m = diff["actor_metrics"]
    st.markdown("**" + _("Actors whose degree, brokerage or reach changed: {n}", lang, n=len(m)) + "**")
    if m:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        _("actor", lang): names.get(i, i),
                        _("measure", lang): label(vocab.ACTOR_MEASURES, k, lang),
                        _("before", lang): _whole(o),
                        _("after", lang): _whole(n),
                    }
                    for i, d in m.items()
                    for k, (o, n) in d.items()
                ],
                dtype=object,
            ),  # counts stay whole (4, not 4,00), also beside a null
            hide_index=True,
            placeholder="",  # a new actor had no value before: empty, not "None"
            key=f"{key}_metric_changes",
        )

    try:
        from netmap.export import export_compare
    except ImportError:
        return
    st.subheader(_("Compare map", lang))
    try:
        st.iframe(export_compare(old, new, title=title, lang=lang), height=620)
    except NetmapError as exc:
        _show_error(exc, lang)
    except Exception as exc:  # noqa: BLE001  (a broken map must not take the series below with it)
        st.error(md(_("The map could not be drawn", lang) + f" ({type(exc).__name__}: {exc})"))


def _review_changes(old, new, lang, key="snap"):
    """How the partnership's ratings of Table 7.1 changed between the two snapshots."""
    changes = change_rows(old.review, new.review, lang)
    st.markdown(
        "**"
        + ngettext(
            "Review (Table 7.1): {n} element changed", "Review (Table 7.1): {n} elements changed", len(changes), lang
        )
        + "**"
    )
    if changes:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        _("element", lang): f"{c['number']}. {c['element']}",
                        _("rating before", lang): c["rating_before"],
                        _("rating after", lang): c["rating_after"],
                        _("note before", lang): c["note_before"],
                        _("note after", lang): c["note_after"],
                    }
                    for c in changes
                ]
            ),
            hide_index=True,
            placeholder="",
            key=f"{key}_review_changes",
        )


def _line_chart(frame, key, lang, percent=False):
    """One line per column of ``frame`` over its index, the legend below the chart in columns
    with whole labels (long Danish names are neither cut nor drawn over each other). With
    ``percent``, shares (0-1) are drawn as per cent on a 0-100 % axis, as the table shows them."""
    import altair as alt

    order, lines = list(frame.index), list(frame.columns)
    if percent:
        frame = frame * 100
    data = frame.reset_index(names="snapshot").melt("snapshot", var_name="line", value_name="value")
    y = alt.Y("value:Q", title="%", scale=alt.Scale(domain=[0, 100])) if percent else alt.Y("value:Q", title=None)
    chart = (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X("snapshot:N", sort=order, title=None, axis=alt.Axis(labelAngle=0, labelLimit=0)),
            y=y,
            color=alt.Color(
                "line:N",
                sort=lines,
                title=None,
                legend=alt.Legend(orient="bottom", direction="vertical", columns=2, labelLimit=0),
            ),
            tooltip=[
                alt.Tooltip("snapshot:N", title=" "),
                alt.Tooltip("line:N", title=" "),
                alt.Tooltip("value:Q", title=" ", format=".0f" if percent else ".2~f"),
            ],
        )
    )
    if lang == "da":  # the axes' and tooltips' numbers as the tables write them: -0,05
        chart = chart.configure(
            locale={"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr."]}}
        )
    st.altair_chart(chart, width="stretch", key=key)


def _series_section(store, lang):
    st.subheader(_("Follow a series", lang))
    networks = store.networks()
    _follow_open_network("snap_series_network", networks)
    network = st.selectbox(_("Network", lang), networks, key="snap_series_network")
    points = store.series(network)
    if len(points) < 2:
        st.info(_("A series needs at least two snapshots of the network.", lang))
        return
    result = series([(f"{row['date']} {row['label']}".strip(), net) for row, net in points])
    index = [f"{_day(row, lang)} #{row['id']}" for row, _net in points]
    values = result["indicators"]
    frame = pd.DataFrame({label(vocab.INDICATORS, k, lang): values[k] for k in INDICATORS}, index=index)
    ei, share = (label(vocab.INDICATORS, k, lang) for k in ("core_ei", "unintegrated_share"))
    st.markdown("**" + _("Core E-I index", lang) + "**")
    _line_chart(frame[[ei]], "series_ei", lang)
    st.markdown("**" + _("Unintegrated share, in per cent", lang) + "**")
    _line_chart(frame[[share]], "series_share", lang, percent=True)  # 75 %, as the table says, not 0.75
    st.markdown("**" + _("Reach of the core, boundary spanners, isolated actors", lang) + "**")
    _line_chart(frame.drop(columns=[ei, share]), "series_counts", lang)
    st.markdown("**" + _("The same values as a table (for screen readers and print)", lang) + "**")
    # An HTML table, the graphs' alternative: each indicator shown as every view shows it.
    st.table(
        pd.DataFrame(
            [["–" if _missing(v) else indicator_value(k, v, lang) for v in values[k]] for k in INDICATORS],
            index=[label(vocab.INDICATORS, k, lang) for k in INDICATORS],
            columns=[md(day) for day in index],  # Markdown: "1. marts 2016" was a numbered list
        )
    )
    for f in result["flags"]:
        st.warning(md(f"{_flag(f['code'], lang)}: {flag_message(f, lang, {})}"))
    if not result["flags"]:
        st.success(
            _("No closing trend: the core's E-I index did not fall by 0.2 or more between consecutive snapshots.", lang)
        )


def page():
    """The Snapshots page (for ``st.navigation``); the workspace path comes from
    ``st.session_state["workspace_path"]`` if the app sets it, else NETMAP_WORKSPACE."""
    lang = _lang()
    st.title(_("Snapshots", lang))
    st.caption(
        _(
            "A snapshot is a dated copy of a network. Its content and date never change; its label can. Compare two snapshots to see what changed, or follow a series to see whether the partnership is opening up or closing in on itself.",
            lang,
        )
    )
    try:
        store = SnapshotStore(st.session_state.get("workspace_path"), user=state.user())
    except NetmapError as exc:
        _show_error(exc, lang)
        return
    _save_section(store, lang)
    rows = store.list()
    if not rows:
        st.info(_("No snapshots yet.", lang))
        return
    _manage_section(store, rows, lang)
    _compare_section(store, rows, lang)
    _series_section(store, lang)

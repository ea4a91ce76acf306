"""The Snapshots page: save, list, rename and delete snapshots, compare two, follow a series."""

from __future__ import annotations

import datetime as _dt
import json

import pandas as pd
import streamlit as st

from netmap.compare import INDICATORS, compare, series
from netmap.errors import NetmapError
from netmap.i18n import STRINGS, default_lang, number, register, t
from netmap.snapshots import SnapshotStore, import_sample_series
from netmap.ui import strings  # noqa: F401  (registers the field and kind names)
from netmap.ui.state import md

import netmap.export  # noqa: F401  (registers the flags' short titles and the tie kinds' names)

__all__ = ["page"]

SAMPLE_NETWORK = "copenhagen_sample"

register({
    "snap_title": {"en": "Snapshots", "da": "Øjebliksbilleder"},
    "snap_intro": {
        "en": "A snapshot is a dated copy of a network. Its content and date never change; its label can. "
              "Compare two snapshots to see what changed, or follow a series to see whether the "
              "partnership is opening up or closing in on itself.",
        "da": "Et øjebliksbillede er en dateret kopi af et netværk. Indhold og dato ændres aldrig; "
              "etiketten kan ændres. Sammenlign to øjebliksbilleder for at se, hvad der er ændret, "
              "eller følg en serie for at se, om partnerskabet åbner sig eller lukker sig om sig selv."},
    "snap_save_head": {"en": "Save a snapshot", "da": "Gem et øjebliksbillede"},
    "snap_network": {"en": "Network", "da": "Netværk"},
    "snap_label": {"en": "Label", "da": "Etiket"},
    "snap_date": {"en": "Date the snapshot describes", "da": "Dato som øjebliksbilledet beskriver"},
    "snap_save_btn": {"en": "Save snapshot", "da": "Gem øjebliksbillede"},
    "snap_saved": {"en": "Saved snapshot {id}.", "da": "Øjebliksbillede {id} er gemt."},
    "snap_no_networks": {"en": "The workspace has no networks yet.", "da": "Arbejdsområdet har endnu ingen netværk."},
    "snap_sample_btn": {"en": "Add the Copenhagen sample series (illustrative)",
                        "da": "Tilføj eksempelserien fra København (illustrativ)"},
    "snap_sample_note": {
        "en": "Three made-up dates that tell the evaluation's story: the Social Services contact is lost "
              "after staff turnover, then volunteers are drawn in through workshops. An illustrative "
              "reconstruction, not data from the evaluation.",
        "da": "Tre opdigtede datoer, der fortæller evalueringens historie: kontakten til "
              "Socialforvaltningen mistes efter personudskiftning, og siden inddrages frivillige gennem "
              "workshops. En illustrativ rekonstruktion, ikke data fra evalueringen."},
    "snap_sample_added": {"en": "Added {n} snapshots of {network}.", "da": "Tilføjede {n} øjebliksbilleder af {network}."},
    "snap_none": {"en": "No snapshots yet.", "da": "Ingen øjebliksbilleder endnu."},
    "snap_list_head": {"en": "Saved snapshots", "da": "Gemte øjebliksbilleder"},
    "snap_pick": {"en": "Snapshot", "da": "Øjebliksbillede"},
    "snap_new_label": {"en": "New label", "da": "Ny etiket"},
    "snap_rename_btn": {"en": "Rename", "da": "Omdøb"},
    "snap_delete_confirm": {"en": "Yes, delete this snapshot", "da": "Ja, slet dette øjebliksbillede"},
    "snap_delete_btn": {"en": "Delete", "da": "Slet"},
    "snap_compare_head": {"en": "Compare two snapshots", "da": "Sammenlign to øjebliksbilleder"},
    "snap_old": {"en": "Before", "da": "Før"},
    "snap_new": {"en": "After", "da": "Efter"},
    "snap_indicator": {"en": "indicator", "da": "nøgletal"},
    "snap_change": {"en": "change", "da": "ændring"},
    "snap_before": {"en": "before", "da": "før"},
    "snap_after": {"en": "after", "da": "efter"},
    "snap_flags": {"en": "Flags raised: {raised}. Flags cleared: {cleared}.",
                   "da": "Advarsler rejst: {raised}. Advarsler ophævet: {cleared}."},
    "snap_none_word": {"en": "none", "da": "ingen"},
    "snap_actors_head": {"en": "Actors: {a} added, {r} removed, {c} changed",
                         "da": "Aktører: {a} tilføjet, {r} fjernet, {c} ændret"},
    "snap_ties_head": {"en": "Ties: {a} added, {r} removed, {c} changed",
                       "da": "Relationer: {a} tilføjet, {r} fjernet, {c} ændret"},
    "snap_metrics_head": {"en": "Actors whose degree, brokerage or reach changed: {n}",
                          "da": "Aktører hvis grad, brobygning eller rækkevidde ændrede sig: {n}"},
    "snap_what": {"en": "what", "da": "hvad"},
    "snap_added": {"en": "added", "da": "tilføjet"},
    "snap_removed": {"en": "removed", "da": "fjernet"},
    "snap_changed": {"en": "changed", "da": "ændret"},
    "snap_field": {"en": "field", "da": "felt"},
    "snap_actor": {"en": "actor", "da": "aktør"},
    "snap_tie": {"en": "tie", "da": "relation"},
    "snap_measure": {"en": "measure", "da": "mål"},
    "snap_m_degree": {"en": "degree", "da": "grad"},
    "snap_m_brokerage": {"en": "brokerage (all roles)", "da": "brobygning (alle roller)"},
    "snap_m_cross_sector_brokerage": {"en": "cross-sector brokerage", "da": "brobygning på tværs af sektorer"},
    "snap_map_head": {"en": "Compare map", "da": "Sammenligningskort"},
    "snap_series_head": {"en": "Follow a series", "da": "Følg en serie"},
    "snap_series_ratios": {"en": "Core E-I index and unintegrated share",
                           "da": "Kernens E-I-indeks og andel ikke-integrerede"},
    "snap_series_table": {"en": "The same values as a table (for screen readers and print)",
                          "da": "De samme værdier som tabel (til skærmlæsere og udskrift)"},
    "snap_series_counts": {"en": "Reach of the core, boundary spanners, isolated actors",
                           "da": "Kernens rækkevidde, brobyggere, isolerede aktører"},
    "snap_no_trend": {"en": "No closing trend: the core's E-I index did not fall by 0.2 or more between "
                            "consecutive snapshots.",
                      "da": "Ingen lukningstendens: kernens E-I-indeks faldt ikke med 0,2 eller mere mellem "
                            "to på hinanden følgende øjebliksbilleder."},
    "snap_col_id": {"en": "id", "da": "nr."},
    "snap_col_network": {"en": "network", "da": "netværk"},
    "snap_col_date": {"en": "date", "da": "dato"},
    "snap_col_label": {"en": "label", "da": "etiket"},
    "snap_col_saved_at": {"en": "saved at", "da": "gemt"},
    "snap_attribute": {"en": "attribute {name}", "da": "attribut {name}"},
    "snap_yes": {"en": "yes", "da": "ja"},
    "snap_no": {"en": "no", "da": "nej"},
    "snap_series_short": {"en": "A series needs at least two snapshots of the network.",
                          "da": "En serie kræver mindst to øjebliksbilleder af netværket."},
})


def _lang():
    lang = st.session_state.get("lang") or default_lang()
    return lang if lang in ("en", "da") else "en"


def _title(row):
    return f"#{row['id']} · {row['network']} · {row['date']} · {row['label']}"


def _show_error(exc, lang):
    st.error(md(exc.message(lang)))


def _word(prefix, code, lang):
    """The translated name of a known code (``tiekind_funding``), else the code itself."""
    key = f"{prefix}_{code}"
    return t(key, lang) if key in STRINGS else str(code)


def _flag(code, lang):
    """A flag's short title in ``lang`` (registered by netmap.export)."""
    return _word("flagtitle", code, lang)


def _field(field, lang):
    """A compared field's name in ``lang``; custom attributes (``attributes.NAME``) by their name."""
    if field.startswith("attributes."):
        return t("snap_attribute", lang, name=field[len("attributes."):])
    return _word("f", field, lang)


_VALUE_PREFIX = {"sector": "sector", "level": "level", "scope": "scope"}


def _value(field, value, lang, kind_prefix="akind"):
    """A compared field's value as shown: known codes translated, yes/no for booleans."""
    if isinstance(value, bool):
        return t("snap_yes" if value else "snap_no", lang)
    if field == "kind":
        return _word(kind_prefix, value, lang)
    if field in _VALUE_PREFIX and value is not None:
        return _word(_VALUE_PREFIX[field], value, lang)
    return _json(value)


def _save_section(store, lang):
    st.subheader(t("snap_save_head", lang))
    try:
        from netmap.workspace import Workspace

        ws = Workspace(store.path)
        names = ws.names()
    except NetmapError as exc:
        _show_error(exc, lang)
        return
    if names:
        current = st.session_state.get("network")
        # A network removed in another tab stays selected, so saving it says so instead of
        # silently saving whichever network the list would move to.
        chosen = st.session_state.get("snap_save_network")
        options = names + ([chosen] if chosen and chosen not in names else [])
        name = st.selectbox(t("snap_network", lang), options, key="snap_save_network",
                            index=options.index(current) if current in options else 0)
        label = st.text_input(t("snap_label", lang), key="snap_save_label")
        date = st.date_input(t("snap_date", lang), value=_dt.date.today(), key="snap_save_date")
        if st.button(t("snap_save_btn", lang), key="snap_save_btn"):
            try:
                sid = store.save(name, ws.load(name), label=label, date=date.isoformat())
                st.success(t("snap_saved", lang, id=sid))
            except NetmapError as exc:
                _show_error(exc, lang)
    else:
        st.info(t("snap_no_networks", lang))
    if SAMPLE_NETWORK in store.networks():
        return
    st.caption(t("snap_sample_note", lang))
    if st.button(t("snap_sample_btn", lang), key="snap_sample_btn"):
        try:
            ids = import_sample_series(store, SAMPLE_NETWORK, lang=lang)
            st.success(t("snap_sample_added", lang, n=len(ids), network=SAMPLE_NETWORK))
        except NetmapError as exc:
            _show_error(exc, lang)


def _manage_section(store, rows, lang):
    st.subheader(t("snap_list_head", lang))
    columns = ["id", "network", "date", "label", "saved_at"]
    st.dataframe(pd.DataFrame(rows)[columns].rename(columns={c: t("snap_col_" + c, lang) for c in columns}),
                 hide_index=True)
    by_id = {r["id"]: r for r in rows}
    ids = list(by_id)
    picked = st.session_state.get("snap_manage_id")
    if picked is not None and picked not in by_id:
        # Deleted meanwhile (e.g. in another tab): keep it picked, so that renaming or deleting
        # it says so instead of acting on another snapshot.
        ids.append(picked)
    sid = st.selectbox(t("snap_pick", lang), ids, key="snap_manage_id",
                       format_func=lambda i: _title(by_id[i]) if i in by_id else f"#{i}")
    cols = st.columns(2)
    with cols[0]:
        label = st.text_input(t("snap_new_label", lang), key="snap_rename_label")
        if st.button(t("snap_rename_btn", lang), key="snap_rename_btn"):
            try:
                store.rename(sid, label)
            except NetmapError as exc:  # e.g. deleted meanwhile in another tab
                _show_error(exc, lang)
            else:
                st.rerun()
    with cols[1]:
        sure = st.checkbox(t("snap_delete_confirm", lang), key="snap_delete_confirm")
        if st.button(t("snap_delete_btn", lang), key="snap_delete_btn", disabled=not sure):
            try:
                store.delete(sid)
            except NetmapError as exc:
                _show_error(exc, lang)
            else:
                del st.session_state["snap_manage_id"]  # gone on purpose: pick another one
                st.rerun()


def _json(value):
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def _tie_text(d, lang):
    return f"{d['source']} {'→' if d['directed'] else '—'} {d['target']} ({_word('tiekind', d['kind'], lang)})"


def _compare_section(store, rows, lang):
    st.subheader(t("snap_compare_head", lang))
    by_id = {r["id"]: r for r in rows}
    ids = list(by_id)
    cols = st.columns(2)
    old_id = cols[0].selectbox(t("snap_old", lang), ids, index=max(0, len(ids) - 2),
                               format_func=lambda i: _title(by_id[i]), key="snap_old")
    new_id = cols[1].selectbox(t("snap_new", lang), ids, index=len(ids) - 1,
                               format_func=lambda i: _title(by_id[i]), key="snap_new")
    try:
        old, new = store.load(old_id), store.load(new_id)
        diff = compare(old, new, lang=lang)
    except NetmapError as exc:
        _show_error(exc, lang)
        return
    st.dataframe(pd.DataFrame(
        [{t("snap_indicator", lang): t("ind_" + k, lang), t("snap_before", lang): o,
          t("snap_after", lang): n, t("snap_change", lang): None if o is None or n is None else n - o}
         for k, (o, n) in diff["partnership"].items()]), hide_index=True)
    none = t("snap_none_word", lang)
    st.write(t("snap_flags", lang, raised=", ".join(_flag(c, lang) for c in diff["flags"]["raised"]) or none,
               cleared=", ".join(_flag(c, lang) for c in diff["flags"]["cleared"]) or none))
    for code in diff["flags"]["raised"]:
        if "means_" + code in STRINGS:  # the diagnosis page's advice
            st.warning(f"{_flag(code, lang)}: {t('means_' + code, lang)}")

    a = diff["actors"]
    # A moved map position is layout, not a change of the network: not listed here.
    changed = [{"id": c["id"], "changes": {f: v for f, v in c["changes"].items() if f not in ("x", "y")}}
               for c in a["changed"]]
    changed = [c for c in changed if c["changes"]]
    st.markdown("**" + t("snap_actors_head", lang, a=len(a["added"]), r=len(a["removed"]),
                         c=len(changed)) + "**")
    names = {d["id"]: d["name"] for d in a["removed_records"] + a["added_records"]}
    names.update({x.id: x.name for x in new.actors})
    actor_rows = [{t("snap_what", lang): t("snap_added", lang), t("snap_actor", lang): names[i]}
                  for i in a["added"]]
    actor_rows += [{t("snap_what", lang): t("snap_removed", lang), t("snap_actor", lang): names[i]}
                   for i in a["removed"]]
    actor_rows += [{t("snap_what", lang): t("snap_changed", lang), t("snap_actor", lang): names[c["id"]],
                    t("snap_field", lang): _field(f, lang), t("snap_before", lang): _value(f, o, lang),
                    t("snap_after", lang): _value(f, n, lang)}
                   for c in changed for f, (o, n) in c["changes"].items()]
    if actor_rows:
        st.dataframe(pd.DataFrame(actor_rows), hide_index=True, key="snap_actor_changes")

    ti = diff["ties"]
    st.markdown("**" + t("snap_ties_head", lang, a=len(ti["added"]), r=len(ti["removed"]),
                         c=len(ti["changed"])) + "**")
    tie_rows = [{t("snap_what", lang): t("snap_added", lang), t("snap_tie", lang): _tie_text(d, lang)}
                for d in ti["added"]]
    tie_rows += [{t("snap_what", lang): t("snap_removed", lang), t("snap_tie", lang): _tie_text(d, lang)}
                 for d in ti["removed"]]
    tie_rows += [{t("snap_what", lang): t("snap_changed", lang), t("snap_tie", lang): _tie_text(c, lang),
                  t("snap_field", lang): _field(f, lang), t("snap_before", lang): _value(f, o, lang, "tiekind"),
                  t("snap_after", lang): _value(f, n, lang, "tiekind")}
                 for c in ti["changed"] for f, (o, n) in c["changes"].items()]
    if tie_rows:
        st.dataframe(pd.DataFrame(tie_rows), hide_index=True, key="snap_tie_changes")

    m = diff["actor_metrics"]
    st.markdown("**" + t("snap_metrics_head", lang, n=len(m)) + "**")
    if m:
        st.dataframe(pd.DataFrame(
            [{t("snap_actor", lang): names.get(i, i),
              t("snap_measure", lang): t(("ind_" if "reach" in k else "snap_m_") + k, lang),
              t("snap_before", lang): o, t("snap_after", lang): n}
             for i, d in m.items() for k, (o, n) in d.items()]), hide_index=True, key="snap_metric_changes")

    try:
        from netmap.export import export_compare
    except ImportError:
        return
    st.subheader(t("snap_map_head", lang))
    try:
        st.iframe(export_compare(old, new, lang=lang), height=620)
    except NetmapError as exc:
        _show_error(exc, lang)


def _series_section(store, lang):
    st.subheader(t("snap_series_head", lang))
    networks = store.networks()
    network = st.selectbox(t("snap_network", lang), networks, key="snap_series_network")
    points = store.series(network)
    if len(points) < 2:
        st.info(t("snap_series_short", lang))
        return
    result = series([(f"{row['date']} {row['label']}".strip(), net) for row, net in points], lang=lang)
    index = [f"{row['date']} #{row['id']}" for row, _ in points]
    frame = pd.DataFrame({t("ind_" + k, lang): result["indicators"][k] for k in INDICATORS}, index=index)
    ratios = [t("ind_" + k, lang) for k in ("core_ei", "unintegrated_share")]
    st.markdown("**" + t("snap_series_ratios", lang) + "**")
    st.line_chart(frame[ratios])
    st.markdown("**" + t("snap_series_counts", lang) + "**")
    st.line_chart(frame.drop(columns=ratios))
    st.markdown("**" + t("snap_series_table", lang) + "**")
    st.table(frame.T.astype(object).where(frame.T.notna(), "–").map(  # an HTML table: a graph's alternative
        lambda v: number(v, lang) if isinstance(v, float) else v))
    for f in result["flags"]:
        st.warning(md(f"{_flag('CLOSING_TREND', lang)}: {f['message']}"))
    if not result["flags"]:
        st.success(t("snap_no_trend", lang))


def page():
    """The Snapshots page (for ``st.navigation``); the workspace path comes from
    ``st.session_state["workspace_path"]`` if the app sets it, else NETMAP_WORKSPACE."""
    lang = _lang()
    st.title(t("snap_title", lang))
    st.caption(t("snap_intro", lang))
    try:
        store = SnapshotStore(st.session_state.get("workspace_path"))
    except NetmapError as exc:
        _show_error(exc, lang)
        return
    _save_section(store, lang)
    rows = store.list()
    if not rows:
        st.info(t("snap_none", lang))
        return
    _manage_section(store, rows, lang)
    _compare_section(store, rows, lang)
    _series_section(store, lang)

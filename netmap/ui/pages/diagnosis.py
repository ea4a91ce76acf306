"""Diagnosis: the flags in plain language, boundary spanners, near/far reach, isolation, E-I."""

import streamlit as st

from netmap.i18n import number, t
from netmap.ui import state, views
from netmap.ui.state import md, tr

name, net, rev = views.open_page("page_diagnosis")
report = state.analysis(net)
lang = state.lang()
label = {a["id"]: a["name"] or a["id"] for a in report["actors"]}


st.header(tr("Flags"))
if not report["flags"]:
    st.success(tr("No flags raised."))
for flag in report["flags"]:
    box = {"high": st.error, "warning": st.warning}.get(flag["severity"], st.info)
    box(md(f"[{t('severity_' + flag['severity'], lang)}] {flag['message']}"))
    if flag["actors"]:
        st.caption(md(tr("Actors concerned: {names}", names="; ".join(label.get(a, a) for a in flag["actors"]))))
    with st.expander(tr("What this means for your partnership")):
        st.write(tr(f"means_{flag['code']}"))

st.header(tr("Boundary spanners"))
st.caption(tr("Boundary spanners link actors of different sectors (Gould & Fernandez 1989). The report: paid coordinators who cross borders create the connections, but only when they are anchored in active management, and they are not enough alone."))
spanners = sorted((a for a in report["actors"] if a["boundary_spanner"]),
                  key=lambda a: (-a["cross_sector_brokerage"], label[a["id"]]))
if spanners:
    st.dataframe([{tr("Actor"): label[a["id"]], tr("Sector"): t(f"sector_{a['sector']}", lang),
                   tr("Cross-sector brokerage"): a["cross_sector_brokerage"],
                   tr("Liaison"): a["brokerage"]["liaison"], tr("Gatekeeper"): a["brokerage"]["gatekeeper"],
                   tr("Representative"): a["brokerage"]["representative"],
                   tr("Itinerant"): a["brokerage"]["itinerant"]} for a in spanners], hide_index=True)
else:
    st.text(tr("No boundary spanners."))

st.header(tr("Near and far reach"))
st.caption(tr("Near actors are the local environment; far actors are management, politicians and regional or national bodies. The report (Hulgård 2007): a partnership needs both to last."))
p = report["partnership"]
if p:
    st.write(md(tr("The core reaches {n1} near actors directly and {n2} within two steps; {f1} far actors directly and {f2} within two steps.", n1=p["near_reach"]["1"], n2=p["near_reach"]["2"],
                   f1=p["far_reach"]["1"], f2=p["far_reach"]["2"])))
st.dataframe([{tr("Actor"): label[a["id"]], tr("Ties"): a["degree"],
               tr("Near, direct"): a["near_reach"]["1"], tr("Near, 2 steps"): a["near_reach"]["2"],
               tr("Far, direct"): a["far_reach"]["1"], tr("Far, 2 steps"): a["far_reach"]["2"]}
              for a in report["actors"]], hide_index=True)

st.header(tr("Isolated and detached actors"))
st.caption(tr("Isolated actors have no tie; detached ones have no path to the core. Relations take time to build and one staff change can cut them."))
off = [a for a in report["actors"] if a["isolated"] or a["detached"]]
if off:
    st.dataframe([{tr("Actor"): label[a["id"]],
                   tr("State"): tr("isolated") if a["isolated"] else tr("detached")} for a in off],
                 hide_index=True)
else:
    st.text(tr("No isolated or detached actors."))

st.header(tr("Open or closed: the E-I index"))
st.caption(tr("The E-I index runs from -1 (all ties inside the group) to +1 (all ties outside) (Krackhardt & Stern 1988). A value below the expected one means the group keeps to itself more than chance would: the report found both partnerships closing in on themselves."))
if p:
    st.write(md(tr("Core: E-I index {ei} (expected from group sizes alone: {exp}).", ei=number(p["ei_index"], lang), exp=number(p["expected_ei"], lang))))
st.write(md(tr("Whole network by sector: E-I index {ei} (expected: {exp}).", ei=number(report["ei_index"], lang), exp=number(report["expected_ei"], lang))))

if report["warnings"]:
    st.header(tr("Notes on the data"))
    for w in report["warnings"]:
        st.text(w)

"""Diagnosis: the flags in plain language, boundary spanners, near/far reach, isolation, E-I."""

import streamlit as st

from netmap.i18n import number, t
from netmap.ui import state, views
from netmap.ui.state import md, tr

name, net, rev = views.open_page("page_diagnosis")
report = state.analysis(net)
lang = state.lang()
label = {a["id"]: a["name"] or a["id"] for a in report["actors"]}


st.header(tr("d_flags"))
if not report["flags"]:
    st.success(tr("d_no_flags"))
for flag in report["flags"]:
    box = {"high": st.error, "warning": st.warning}.get(flag["severity"], st.info)
    box(md(f"[{t('severity_' + flag['severity'], lang)}] {flag['message']}"))
    if flag["actors"]:
        st.caption(md(tr("d_concerns", names="; ".join(label.get(a, a) for a in flag["actors"]))))
    with st.expander(tr("d_means")):
        st.write(tr(f"means_{flag['code']}"))

st.header(tr("d_spanners"))
st.caption(tr("d_spanners_means"))
spanners = sorted((a for a in report["actors"] if a["boundary_spanner"]),
                  key=lambda a: (-a["cross_sector_brokerage"], label[a["id"]]))
if spanners:
    st.dataframe([{tr("c_name"): label[a["id"]], tr("c_sector"): t(f"sector_{a['sector']}", lang),
                   tr("c_cross"): a["cross_sector_brokerage"],
                   tr("c_liaison"): a["brokerage"]["liaison"], tr("c_gatekeeper"): a["brokerage"]["gatekeeper"],
                   tr("c_representative"): a["brokerage"]["representative"],
                   tr("c_itinerant"): a["brokerage"]["itinerant"]} for a in spanners], hide_index=True)
else:
    st.text(tr("d_no_spanners"))

st.header(tr("d_reach"))
st.caption(tr("d_reach_means"))
p = report["partnership"]
if p:
    st.write(md(tr("d_reach_core", n1=p["near_reach"]["1"], n2=p["near_reach"]["2"],
                   f1=p["far_reach"]["1"], f2=p["far_reach"]["2"])))
st.dataframe([{tr("c_name"): label[a["id"]], tr("c_degree"): a["degree"],
               tr("c_near1"): a["near_reach"]["1"], tr("c_near2"): a["near_reach"]["2"],
               tr("c_far1"): a["far_reach"]["1"], tr("c_far2"): a["far_reach"]["2"]}
              for a in report["actors"]], hide_index=True)

st.header(tr("d_isolated"))
st.caption(tr("d_isolated_means"))
off = [a for a in report["actors"] if a["isolated"] or a["detached"]]
if off:
    st.dataframe([{tr("c_name"): label[a["id"]],
                   tr("c_state"): tr("c_isolated") if a["isolated"] else tr("c_detached")} for a in off],
                 hide_index=True)
else:
    st.text(tr("d_no_isolated"))

st.header(tr("d_ei"))
st.caption(tr("d_ei_means"))
if p:
    st.write(md(tr("d_ei_core", ei=number(p["ei_index"], lang), exp=number(p["expected_ei"], lang))))
st.write(md(tr("d_ei_network", ei=number(report["ei_index"], lang), exp=number(report["expected_ei"], lang))))

if report["warnings"]:
    st.header(tr("d_warnings"))
    for w in report["warnings"]:
        st.text(w)

"""Diagnosis: the flags in plain language, boundary spanners, near/far reach, isolation, E-I."""

import streamlit as st

from netmap.brokerage import CROSS_SECTOR_ROLES
from netmap.i18n import number
from netmap.present import vocab
from netmap.present.report import data_notes, flag_line, overlap_lines
from netmap.present.vocab import label
from netmap.ui import state, views
from netmap.ui.state import md, tr

name, net, rev = views.open_page(tr("Diagnosis"))
report = state.report(net)
lang = state.lang()
names = {a["id"]: a["name"] or a["id"] for a in report["actors"]}


st.header(tr("Flags"))
if not report["flags"]:
    st.success(tr("No flags raised."))
for flag in report["flags"]:
    views.flag_box(flag)(md(flag_line(flag, lang, names)))
    if flag["actors"]:
        st.caption(md(tr("Actors concerned: {names}", names="; ".join(names.get(a, a) for a in flag["actors"]))))
    if flag["code"] in vocab.FLAG_ADVICE:
        with st.expander(tr("What this means for your partnership")):
            st.write(md(label(vocab.FLAG_ADVICE, flag["code"], lang)))

st.header(tr("Boundary spanners"))
st.caption(
    tr(
        "Boundary spanners link actors of different sectors (Gould & Fernandez 1989). The report: paid coordinators who cross borders create the connections, but only when they are anchored in active management, and they are not enough alone."
    )
)
spanners = sorted(
    (a for a in report["actors"] if a["boundary_spanner"]), key=lambda a: (-a["cross_sector_brokerage"], names[a["id"]])
)
if spanners:
    st.dataframe(
        [
            {
                tr("Actor"): names[a["id"]],
                label(vocab.COLUMNS, "sector", lang): label(vocab.SECTORS, a["sector"], lang),
                label(vocab.MEASURES, "brokerage", lang).capitalize(): int(a["cross_sector_brokerage"]),
                **{label(vocab.ROLES, role, lang): int(a["brokerage"][role]) for role in CROSS_SECTOR_ROLES},
            }
            for a in spanners
        ],
        hide_index=True,
    )
else:
    st.text(tr("No boundary spanners."))

st.header(tr("Near and far reach"))
st.caption(
    tr(
        "Near actors are the local environment; far actors are management, politicians and regional or national bodies. The report (Hulgård 2007): a partnership needs both to last."
    )
)
p = report["partnership"]
if p:
    st.write(
        md(
            tr(
                "The core reaches {n1} near actors directly and {n2} within two steps; {f1} far actors directly and {f2} within two steps.",
                n1=number(p["near_reach"]["1"], lang, "count"),
                n2=number(p["near_reach"]["2"], lang, "count"),
                f1=number(p["far_reach"]["1"], lang, "count"),
                f2=number(p["far_reach"]["2"], lang, "count"),
            )
        )
    )
st.dataframe(
    [
        {
            tr("Actor"): names[a["id"]],
            tr("Ties"): a["degree"],
            tr("Near, direct"): a["near_reach"]["1"],
            tr("Near, 2 steps"): a["near_reach"]["2"],
            tr("Far, direct"): a["far_reach"]["1"],
            tr("Far, 2 steps"): a["far_reach"]["2"],
        }
        for a in report["actors"]
    ],
    hide_index=True,
)

st.header(tr("Isolated and detached actors"))
st.caption(
    tr(
        "Isolated actors have no tie; detached ones have no path to the core. Relations take time to build and one staff change can cut them."
    )
)
off = [a for a in report["actors"] if a["isolated"] or a["detached"]]
if off:
    st.dataframe(
        [{tr("Actor"): names[a["id"]], tr("State"): tr("isolated") if a["isolated"] else tr("detached")} for a in off],
        hide_index=True,
    )
else:
    st.text(tr("No isolated or detached actors."))

st.header(tr("Open or closed: the E-I index"))
st.caption(
    tr(
        "The E-I index runs from -1 (all ties inside the group) to +1 (all ties outside) (Krackhardt & Stern 1988). A value below the expected one means the group keeps to itself more than chance would: the report found both partnerships closing in on themselves."
    )
)
if p:
    st.write(
        md(
            tr(
                "Core: E-I index {ei} (expected from group sizes alone: {exp}).",
                ei=number(p["ei_index"], lang, "index"),
                exp=number(p["expected_ei"], lang, "index"),
            )
        )
    )
st.write(
    md(
        tr(
            "Whole network by sector: E-I index {ei} (expected: {exp}).",
            ei=number(report["ei_index"], lang, "index"),
            exp=number(report["expected_ei"], lang, "index"),
        )
    )
)

st.header(tr("Concrete overlaps, not only coordinators"))
st.caption(
    tr(
        "The report (section 7.1.1): citizens who need support take part when the municipal staff around their services meet civil actors in practice: the staff join citizens in civil arenas, civil offers come into municipal settings, or the two meet in a third arena. Planned ties show what is only an idea so far."
    )
)
for line in overlap_lines(report["overlaps"], lang, names):
    st.text(line)

notes = data_notes(state.analysis(net), lang)
if notes:
    st.header(tr("Notes on the data"))
    for note in notes:
        st.text(note)

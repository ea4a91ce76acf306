"""Survey ("Spørgeskema"): the coordinator opens a round, hands out the personal links, follows who
answered, reads the results and merges the partners' answers into the network as one revision."""

import datetime as _dt
from dataclasses import replace
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from netmap import config, survey
from netmap.errors import NetmapError
from netmap.i18n import _, date, percent
from netmap.present.partners import DISAGREEMENT
from netmap.ui import state, views
from netmap.ui.snapshots_page import show_diff
from netmap.ui.state import md, tr
from netmap.ui.survey_results import links_csv, result_names, results_tables

name, net, rev = views.open_page(tr("Survey"))
lang, ws, ss = state.lang(), state.workspace(), st.session_state
labels = {a.id: a.name or a.id for a in net.actors}
st.caption(
    tr(
        "Each partner answers a short survey on a personal link, on a phone or a laptop: whom they work with, how much they value and trust each other, the influence of each actor, and the 19 elements of Table 7.1. The link needs no login and shows only that partner's own survey."
    )
)


def _error(exc):
    text = exc.message(lang)
    st.error(md(text[:1].upper() + text[1:]))  # the core's messages are lines of a command's output


def _base():
    """The address the browser used (scheme and host), for links when no public_url is set."""
    try:
        parts = urlsplit(st.context.url or "")
        if parts.scheme and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}"
        host = st.context.headers.get("host")
        return f"http://{host}" if host else None
    except Exception:  # noqa: BLE001  (no browser, e.g. a bare script run)
        return None


def _link(token):
    try:
        return config.link(survey.link_path(token), state.settings(), fallback=_base())
    except NetmapError as exc:  # a public_url that is not a web address: say so, give the path
        st.error(md(exc.message(lang)))
        return survey.link_path(token)


def _keep_links(round_id, tokens):
    """Links exist only when issued (only a hash is stored): keep them for this session to copy."""
    ss.setdefault("_survey_links", {}).setdefault((name, round_id), {}).update(tokens)


# --- open a round -----------------------------------------------------------------------------
try:
    rounds = survey.rounds(ws, name)
except NetmapError as exc:  # e.g. a user who may only read this network
    _error(exc)
    st.stop()
with st.expander(tr("Open a new round"), expanded=not rounds):
    with st.form("survey_open", border=False):
        title = st.text_input(tr("Title"), key="survey_title")
        today = _dt.date.today()
        c1, c2, c3 = st.columns(3)
        day = c1.date_input(tr("Date"), value=today, key="survey_date", format=state.date_format())
        expires = c2.date_input(
            tr("Links work until"),
            value=today + _dt.timedelta(days=21),
            key="survey_expires",
            format=state.date_format(),
        )
        retain = c3.date_input(
            tr("Answers deleted after"),
            value=today + _dt.timedelta(days=365),
            key="survey_retain",
            format=state.date_format(),
        )
        controller = st.text_input(
            tr("Responsible for the data (shown in the privacy notice)"), key="survey_controller"
        )
        chosen = st.multiselect(
            tr("Respondents (the core by default; add any actor)"),
            list(labels),
            default=net.core,
            format_func=labels.get,
            placeholder=tr("Choose"),
            key=f"survey_respondents_{name}",  # each network its own: another's choice emptied it
        )
        opened = st.form_submit_button(tr("Open the round"), type="primary")
    if opened and not controller.strip():
        st.error(
            tr(
                "Say who is responsible for the data (e.g. the municipality's department): the privacy notice names them."
            )
        )
    elif opened:
        try:
            rnd, tokens = survey.open_round(
                ws,
                name,
                title.strip() or tr("Survey"),
                date=day.isoformat(),
                respondents=chosen,
                expires=expires.isoformat(),
                retain_until=retain.isoformat(),
                controller=controller.strip(),
            )
        except NetmapError as exc:
            _error(exc)
        else:
            _keep_links(rnd.id, tokens)
            ss["survey_round"] = rnd.id
            state.flash("success", tr("Round opened with {n} personal links. Copy them below.", n=len(tokens)))
            st.rerun()

if not rounds:
    st.info(tr("No survey round yet for this network."))
    st.stop()
by_id = {r.id: r for r in rounds}
if ss.get("survey_round") not in by_id:
    ss["survey_round"] = rounds[0].id


def _round_title(i):
    r = by_id[i]
    status = tr("closed") if r.closed else tr("open")
    return f"{r.title} \u00b7 {date(r.date, lang)} \u00b7 {status}"


round_id = st.selectbox(tr("Round"), list(by_id), format_func=_round_title, key="survey_round")
rnd = by_id[round_id]

# --- respondents, links and status -------------------------------------------------------------
st.header(tr("Respondents and links"))
people = survey.respondents(ws, name, round_id)
answered = [p for p in people if p.answered]
st.markdown(
    "**"
    + tr(
        "Response rate: {answered} of {invited} answered ({share})",
        answered=len(answered),
        invited=len(people),
        share=percent(len(answered) / len(people) if people else 0, lang),
    )
    + "**"
)
kept = ss.get("_survey_links", {}).get((name, round_id), {})
links_now = {p.actor: _link(kept[p.actor]) for p in people if p.actor in kept and p.has_link}


def _status(p):
    if p.revoked or not p.has_link:
        return tr("no working link")
    return tr("link issued {date}", date=date(p.issued[:10], lang))


st.dataframe(
    pd.DataFrame(
        [
            {
                tr("Respondent"): p.name,
                tr("Answered"): date(p.answered[:10], lang) if p.answered else tr("not yet"),
                tr("Link"): _status(p),
                tr("Personal link (copy now)"): links_now.get(p.actor, ""),
            }
            for p in people
        ]
    ),
    hide_index=True,
    column_config={tr("Personal link (copy now)"): st.column_config.TextColumn(width="large")},  # whole, to copy
    key="survey_people",
)
if links_now:
    st.download_button(
        tr("Download the links (CSV)"),
        links_csv([p.name for p in people if p.actor in links_now], list(links_now.values()), lang),
        file_name=name + "-" + tr("links") + ".csv",  # not in an f-string: pybabel finds it here
        mime="text/csv",
        key="survey_links_csv",
        on_click="ignore",
    )
if not rnd.closed:
    st.caption(
        tr(
            "netmap keeps only a fingerprint of each link, so it can show a link only when it is made. A new link makes the old one stop working."
        )
    )
    who = {p.actor: p.name for p in people}
    c1, c2 = st.columns([2, 3])
    person = c1.selectbox(tr("Respondent"), list(who), format_func=who.get, key="survey_person")
    buttons = c2.container(horizontal=True)
    if buttons.button(tr("New link"), key="survey_reissue"):
        try:
            _keep_links(round_id, survey.links(ws, name, round_id, [person]))
        except NetmapError as exc:
            _error(exc)
        else:
            st.rerun()
    if buttons.button(tr("Revoke the link"), key="survey_revoke"):
        try:
            survey.revoke(ws, name, round_id, person)
        except NetmapError as exc:
            _error(exc)
        else:
            ss.get("_survey_links", {}).get((name, round_id), {}).pop(person, None)
            state.flash("info", tr("The link of {name} no longer works.", name=who[person]))
            st.rerun()
    others = [a for a in labels if a not in who]
    if others:
        c1, c2 = st.columns([2, 3])
        extra = c1.selectbox(tr("Add a respondent"), others, format_func=labels.get, key="survey_add_who")
        if c2.button(tr("Add"), key="survey_add"):
            try:
                _keep_links(round_id, {extra: survey.add_respondent(ws, name, round_id, extra)})
            except NetmapError as exc:
                _error(exc)
            else:
                st.rerun()
    sure = st.checkbox(tr("Close the round: no more answers"), key="survey_close_sure")
    if st.button(tr("Close the round"), key="survey_close", disabled=not sure):
        try:
            survey.close_round(ws, name, round_id)
        except NetmapError as exc:
            _error(exc)
        else:
            state.flash("success", tr("The round is closed; its answers stay under its date."))
            st.rerun()
else:
    st.caption(tr("Closed {date}. The answers stay under the round's date.", date=date(rnd.closed[:10], lang)))

# --- results -------------------------------------------------------------------------------------
st.header(tr("Results"))
st.info(_(DISAGREEMENT, lang))
try:
    res = survey.results(ws, name, round_id)
except NetmapError as exc:
    _error(exc)
    st.stop()
names = {**labels, **{p.actor: p.name for p in people}, **result_names(res)}
for caption, frame, key in results_tables(res, names, lang)[1:]:  # the response rate is above
    st.markdown("**" + md(caption) + "**")
    if frame is not None and len(frame):
        st.dataframe(frame, hide_index=True, key=f"survey_res_{key}")

# --- merge -----------------------------------------------------------------------------------
st.header(tr("Add the answers to the network"))
st.caption(
    tr(
        "Choose the ties to add: confirmed ties (both sides report them) are ticked; tick one-sided ties one by one. Nothing is saved until you save; the whole merge is one revision, which undo takes back."
    )
)


def _pair(t):
    return f"{names.get(t['a'], t['a'])} \u2014 {names.get(t['b'], t['b'])}"


chosen_one_sided, dropped = [], []
for i, t in enumerate(res.get("ties", [])):
    reporters = ", ".join(names.get(a, a) for a in t.get("reported_by", []))
    if t["status"] == "confirmed":
        label = tr("{pair} (confirmed by both)", pair=_pair(t))
    else:
        label = tr("{pair} (one-sided: reported by {who})", pair=_pair(t), who=reporters)
    key = f"survey_merge_{round_id}_{i}"
    if st.checkbox(label, value=t["status"] == "confirmed", key=key):
        if t["status"] != "confirmed":
            chosen_one_sided.append((t["a"], t["b"]))
    elif t["status"] == "confirmed":
        dropped.append({t["a"], t["b"]})

try:
    proposal = survey.merge_proposal(ws, name, round_id, one_sided=chosen_one_sided)
except NetmapError as exc:
    _error(exc)
    st.stop()
if dropped:  # a confirmed tie the coordinator left out: that pair stays as the network has it
    ties = [t for t in proposal.ties if {t.source, t.target} not in dropped]
    ties += [t for t in net.ties if {t.source, t.target} in dropped]
    proposal = replace(proposal, ties=ties)
with st.expander(tr("What the merge changes"), expanded=True):
    show_diff(net, proposal, lang, key="survey_diff")
if st.button(tr("Save the merge as one revision"), type="primary", key="survey_merge_save"):
    if state.commit(proposal, state.acting_on(), net) is not None:
        state.flash("success", tr("The survey's answers were added to the network."))
        st.rerun()

"""Review ("Vurdering"): the partnership rates the 19 elements of Table 7.1 beside what the network shows."""

import datetime as _dt
import tempfile
from dataclasses import replace
from pathlib import Path

import streamlit as st

from netmap import survey
from netmap.errors import NetmapError
from netmap.i18n import _
from netmap.present import vocab
from netmap.present.partners import DISAGREEMENT, element_text_of, round_text, scores_text
from netmap.present.review import evidence_text, review_rows, scale_text
from netmap.present.vocab import label
from netmap.reading import read_review
from netmap.review import RATINGS, with_entry
from netmap.ui import state, views
from netmap.ui.state import md, tr
from netmap.ui.survey_results import result_names, results_tables
from netmap.writing import write_review

name, net, rev = views.open_page(tr("Review"))
lang = state.lang()
result = state.analysis(net)
names = {a["id"]: a["name"] or a["id"] for a in result["actors"]}
sectors = {a["id"]: a["sector"] for a in result["actors"]}
st.caption(
    tr(
        "The evaluation names 19 decisive elements of successful partnerships (Table 7.1). Rate each as the partnership sees it, with a note; where the network can speak, what it shows stands beside the element. Saving makes a new version of the network (undo in the sidebar), and snapshots keep the review."
    )
)

OPTIONS = [None, *RATINGS]

# The partners' own view: the newest closed survey round, beside the network's evidence.
found = survey.latest_results(state.workspace(), name)
partners = {e["element"]: e for e in found["elements"]} if found else {}
if found:
    with st.container(border=True, key="review_partners"):
        st.markdown("**" + md(round_text(found, lang)) + "**")
        st.markdown(md(scores_text(found, lang)))
        st.caption(_(DISAGREEMENT, lang))
        with st.expander(tr("The partners' answers as tables")):
            for caption, frame, key in results_tables(found, {**names, **result_names(found)}, lang)[2:]:
                st.markdown("**" + md(caption) + "**")
                if frame is not None and len(frame):
                    st.dataframe(frame, hide_index=True, key=f"review_partners_{key}")


def scale(rating):
    return scale_text(rating, lang)


editable = state.can_edit()
prefix = state.editor_key("review")  # new after each save or undo, so the form shows what is stored
rows = review_rows(net, result, lang)


def save_button(key):
    """One of the form's save buttons (each saves every element): one closes each group, so a
    rating is saved near where it was given, not only 19 elements down (what is not saved is lost
    when the page is left)."""
    return st.form_submit_button(tr("Save the review"), type="primary", key=key, disabled=not editable)


if editable:
    st.caption(
        tr("Save before you leave the page: a rating or a note not saved is lost. Each group ends with a save button.")
    )
with st.form(f"{prefix}_form", border=False):
    group, saves = None, []
    for row in rows:
        n = row["number"]
        if row["group"] != group:
            if group is not None:
                saves.append(save_button(f"review_save_{len(saves)}"))
            group = row["group"]
            st.header(md(group))
        with st.container(border=True):
            left, right = st.columns([3, 2])
            with left:
                st.markdown(f"**{n}. {md(row['element'])}**")
                entry = net.review.get(n)
                st.selectbox(
                    tr("Rating"),
                    OPTIONS,
                    index=OPTIONS.index(entry.rating if entry else None),
                    key=f"{prefix}_rating_{n}",
                    format_func=scale,
                    disabled=not editable,
                )
                st.text_area(
                    tr("Note"),
                    value=entry.note if entry else "",
                    key=f"{prefix}_note_{n}",
                    height=68,
                    disabled=not editable,
                )
                if entry and entry.date:
                    st.caption(md(tr("Assessed {date}", date=row["date"])))
            with right:
                if row["evidence_items"]:
                    st.markdown("**" + tr("What the network shows") + "**")
                    for item in row["evidence_items"]:
                        text = evidence_text(item, lang, names, sectors)
                        st.markdown(f"**{md(label(vocab.TONES, item['tone'], lang))}:** {md(text)}")
                        if any(names.get(a, a) not in text for a in item["actors"]):  # not all named above
                            concerned = "; ".join(names.get(a, a) for a in item["actors"])
                            st.caption(md(tr("Actors concerned: {names}", names=concerned)))
                else:
                    st.caption(tr("The network cannot speak to this element: the partnership's own rating only."))
                if found:
                    st.markdown("**" + tr("What the partners say") + "**")
                    st.markdown(md(element_text_of(partners.get(n), lang)))
    saved = save_button("review_save") or any(saves)

if saved:
    today = _dt.date.today().isoformat()
    new = net
    try:
        for row in rows:
            n, entry = row["number"], net.review.get(row["number"])
            rating = st.session_state[f"{prefix}_rating_{n}"]
            note = st.session_state[f"{prefix}_note_{n}"] or ""
            if (rating, note) != ((entry.rating, entry.note) if entry else (None, "")):
                new = with_entry(new, n, rating, note, today)  # the date the rating or note was given
    except NetmapError as exc:
        st.error(md(exc.message(lang)))
    else:
        if new.review == net.review:
            st.info(tr("Nothing changed in the review."))
        elif state.commit(new, state.acting_on(), net) is not None:
            state.flash("success", tr("Review saved."), toast=True)  # saved at the foot of 19 elements
            st.rerun()

# --- the review as a file ---------------------------------------------------------------------
st.header(tr("The review as a file"))
st.caption(
    tr(
        "One row per element: the rating as a number (1 not in place, 2 partly, 3 largely, 4 fully; empty: not assessed), the note and the date, and what the network shows. Edit it in a spreadsheet and upload it again."
    )
)


@st.cache_data(max_entries=8, show_spinner=False)
def _review_file(key, suffix, lang, _net, _result):
    with tempfile.TemporaryDirectory() as folder:
        return write_review(_net, Path(folder) / f"review{suffix}", lang=lang, result=_result).read_bytes()


key = state.digest(net)
left, right = st.columns(2)
for column, suffix, mime in (
    (left, ".csv", "text/csv"),
    (right, ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
):
    column.download_button(
        tr("Download the review ({format})", format=suffix[1:].upper()),
        _review_file(key, suffix, lang, net, result),
        file_name=name + "-" + tr("review") + suffix,  # not in an f-string: pybabel finds it here
        mime=mime,
        key=f"review_download{suffix}",
        on_click="ignore",
    )
upload = (
    st.file_uploader(tr("Upload a review (CSV or XLSX)"), type=["csv", "xlsx"], key="review_upload")
    if editable
    else None
)
if upload is not None and st.button(tr("Use this review"), key="review_use"):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(upload.name).name
        path.write_bytes(upload.getvalue())
        try:
            review = read_review(path)
        except NetmapError as exc:
            review = None
            state.refused(exc)
    if review is not None and state.commit(replace(net, review=review), state.acting_on(), net) is not None:
        state.flash(
            "success",
            tr(
                "Review read from {file}: {n} of 19 elements rated.",
                file=upload.name,
                n=sum(1 for e in review.values() if e.rating),
            ),
        )
        st.rerun()

st.caption(md(tr("Scale: {scale}.", scale="; ".join(scale(r) for r in OPTIONS[1:]) + "; " + scale(None))))

"""The respondent's survey page (issue 13): a partner opens their personal link (``/?t=TOKEN``).

No login, no sidebar, nothing of the workspace but this respondent's own survey: app.py routes a
request with ``?t=`` here before anything else. A token that does not work (wrong, revoked,
expired, or the round closed) gets one friendly page with nothing else, the same whatever the
reason. A working one: the privacy notice, then one screen per step; every step saves the whole
answer (:func:`netmap.survey.save_answer`), so the same link later resumes at the saved step.
"""

from __future__ import annotations

import re

import streamlit as st

from netmap import survey
from netmap.errors import NetmapError
from netmap.i18n import LANGS, N_, _, date
from netmap.present import vocab
from netmap.present.partners import FREQUENCIES, INFLUENCE, SCALE, TRUST_ITEMS, VALUE_ITEMS
from netmap.present.review import element_text, group_text
from netmap.review import ELEMENTS
from netmap.store import DB_ERRORS
from netmap.ui import page_top, state
from netmap.ui.state import md, tr

__all__ = ["run", "STEPS"]

#: Said when the workspace could not save (or read) in time; no detail of the server is shown.
BUSY = N_("The survey could not save just now; what you saved before is kept. Please try again in a moment.")

STEPS = ("privacy", "partners", "ties", "influence", "elements", "done")


def _w(table, code, lang):
    return _(table[code], lang)


def _scale(table, lang):
    return lambda v: f"{v} \u2013 {_w(table, v, lang)}"


def _key(*parts):
    return "sv_" + "_".join(str(p) for p in parts)


def _seed(key, value):
    """Give a widget its stored answer the first time it is drawn in this session."""
    if key not in st.session_state:
        st.session_state[key] = value


def _lang_switch():
    st.radio(
        tr("Language"), ["da", "en"], key="lang", horizontal=True, format_func={"da": "Dansk", "en": "English"}.get
    )


def refusal():
    """The one page for a link that does not work, whatever the reason."""
    st.title(tr("This link does not work"))
    st.write(
        tr(
            "The link may be mistyped, replaced by a newer one, or the survey may have ended. Please ask the person who sent it to you for a new link."
        )
    )


def run():
    """The whole respondent page for the ``t`` in the address."""
    ss = st.session_state
    if "lang" not in ss:
        wanted = st.query_params.get("lang")
        ss.lang = wanted if wanted in LANGS else "da"  # respondents are Danish partners first
    state.without_english_hints()
    ws = state.workspace().as_user(None)  # the link is the permission (survey.resolve), not a login
    try:
        access = survey.resolve(ws, str(st.query_params.get("t", "")))
    except NetmapError:
        access = None
    except DB_ERRORS:
        st.title(tr("The survey is busy"))
        st.write(_(BUSY, state.lang()))
        return
    if access is None:
        refusal()
        return
    who = (access.network, access.round_id, access.actor)
    if ss.get("_sv_who") != who:  # another link in this browser tab: nothing of the last one stays
        for key in [k for k in ss if str(k).startswith("sv_")]:
            del ss[key]
        ss["_sv_who"] = who
    doc = survey.answer(ws, access)  # as stored: another device's saves count too
    step = doc.get("step") if doc.get("step") in STEPS else "privacy"
    _lang_switch()
    st.title(md(access.round.title or tr("Partnership survey")))
    st.caption(md(tr("Your answers as {name}", name=access.name)))
    page_top.at_top("sv_page_top", step)
    if step not in ("privacy", "done"):  # the questions' steps: partners, ties, influence, elements
        number, total = STEPS.index(step), len(STEPS) - 2
        st.progress(number / total, text=tr("Step {n} of {total}", n=number, total=total))
    roster = survey.roster(ws, access, state.lang())
    names = {aid: name for _sector, members in roster for aid, name in members}
    names.update({a["id"]: a["name"] for a in doc.get("new_actors", [])})
    names.pop(access.actor, None)
    PAGES[step](ws, access, doc, roster, names)


class _Stay(Exception):
    """A step that cannot go on yet; the message says why."""


def _press(ws, access, collect, direction, lang):
    """A button's callback, run before the script: save the whole answer at the step that
    ``collect(direction)`` gives (``(doc, step)``), so the one run that follows shows that step.
    Finished only on the last screen: changing an answer later opens it again."""
    try:
        doc, step = collect(direction)
        survey.save_answer(ws, access, {**doc, "step": step, "finished": step == "done"})
    except _Stay as exc:
        st.session_state["_sv_error"] = str(exc)
    except NetmapError as exc:
        st.session_state["_sv_error"] = exc.message(lang)
    except DB_ERRORS:  # the workspace busy past its wait (many saving at once): nothing saved, say so
        st.session_state["_sv_error"] = _(BUSY, lang)


def _button(label, key, ws, access, collect, direction, column=st, **kwargs):
    return column.button(label, key=key, on_click=_press, args=(ws, access, collect, direction, state.lang()), **kwargs)


def _nav(ws, access, collect, back=True, label=None):
    """What kept the step from going on (if anything), then the back and next buttons."""
    if message := st.session_state.pop("_sv_error", None):
        st.error(md(message))
    left, right = st.columns(2)
    if back:
        _button(tr("Back"), _key("back"), ws, access, collect, "back", left, width="stretch")
    _button(label or tr("Next"), _key("next"), ws, access, collect, "next", right, type="primary", width="stretch")


def _privacy(ws, access, doc, roster, names):
    r, lang = access.round, state.lang()
    st.header(tr("Before you start: your answers and your privacy"))
    st.markdown(
        "\n".join(
            [
                "- **" + tr("Who is responsible") + ":** " + md(r.controller or tr("the partnership's coordinator")),
                "- **"
                + tr("The purpose")
                + ":** "
                + tr(
                    "to map whom the partners work with, how much they value and trust each other, and how they see the partnership, so the partnership can discuss it and improve its work."
                ),
                "- **"
                + tr("Who sees your answers")
                + ":** "
                + tr(
                    "the coordinator and the people who keep the partnership's network map. The partners see the results together: the ties, averages and spreads, not your ratings one by one."
                ),
                "- **"
                + tr("How long they are kept")
                + ":** "
                + tr("until {date}; then they are deleted.", date=date(r.retain_until, lang)),
                "- **"
                + tr("Your choice")
                + ":** "
                + tr(
                    "answering is voluntary. You can come back with the same link and change your answers until {date}.",
                    date=date(r.expires, lang),
                ),
            ]
        )
    )
    st.caption(tr("The survey has four short steps. Each step is saved when you go on."))
    _nav(ws, access, lambda _direction: (doc, "partners"), back=False, label=tr("Start"))


def _slug(text):
    return re.sub(r"[^\w]+", "_", text.strip().lower()).strip("_") or "actor"


def _partners(ws, access, doc, roster, names):
    ss, lang = st.session_state, state.lang()
    st.header(tr("Whom do you work with in this partnership?"))
    st.caption(tr("Tick every organisation or person you work with. Citizens are shown only as groups."))
    chosen = {t["partner"] for t in doc.get("ties", [])}
    listed = []
    for sector, members in roster:
        members = [(aid, name) for aid, name in members if aid != access.actor]
        if not members:
            continue
        st.subheader(vocab.label(vocab.SECTORS, sector, lang).capitalize())
        for aid, name in members:
            key = _key("with", aid)
            _seed(key, aid in chosen)
            st.checkbox(name, key=key)
            listed.append(aid)
    new_actors = list(doc.get("new_actors", []))
    if new_actors:
        st.subheader(tr("Added by you"))
        for a in new_actors:
            key = _key("with", a["id"])
            _seed(key, a["id"] in chosen)
            st.checkbox(a["name"], key=key)
            listed.append(a["id"])

    def collect(direction):
        ticked = [aid for aid in listed if ss.get(_key("with", aid))]
        added = list(new_actors)
        if direction == "add":
            name = (ss.get(_key("new_name")) or "").strip()
            if not name:
                raise _Stay(tr("Write the name first."))
            new_id = "new:" + _slug(name)
            if new_id not in {a["id"] for a in added}:
                added.append({"id": new_id, "name": name, "sector": ss.get(_key("new_sector")) or "unknown"})
            ticked.append(new_id)
            ss[_key("with", new_id)] = True
            ss[_key("new_name")] = ""  # the form starts empty after an add
        old = {t["partner"]: t for t in doc.get("ties", [])}
        ties = [old.get(aid) or {"partner": aid, "kinds": [], "frequency": None} for aid in dict.fromkeys(ticked)]
        step = {"add": "partners", "back": "privacy"}.get(direction, "ties" if ties else "influence")
        return {**doc, "ties": ties, "new_actors": added}, step

    with st.expander(tr("Add an organisation or person not on the list"), expanded=False):
        st.text_input(tr("Name"), key=_key("new_name"))
        st.selectbox(
            tr("Sector"),
            survey.PARTNER_SECTORS,
            key=_key("new_sector"),
            format_func=lambda s: vocab.label(vocab.SECTORS, s, lang),
        )
        _button(tr("Add"), _key("add"), ws, access, collect, "add")
    _nav(ws, access, collect)


def _ties(ws, access, doc, roster, names):
    ss, lang = st.session_state, state.lang()
    st.header(tr("How do you work with each of them?"))
    st.caption(
        tr(
            "For each partner: the kind of tie and how often, then how valuable they are to the partnership and how much you trust them (1 = not at all, 4 = a great deal)."
        )
    )
    for i, tie in enumerate(doc.get("ties", [])):
        p = tie["partner"]
        with st.container(border=True, key=_key("tie", i)):
            st.subheader(md(names.get(p, p)))
            _seed(_key("kinds", p), list(tie.get("kinds") or []))
            st.multiselect(
                tr("Kind of tie (one or more)"),
                list(survey.SURVEY_KINDS),
                key=_key("kinds", p),
                format_func=lambda k: vocab.label(vocab.TIE_KINDS, k, lang),
                placeholder=tr("Choose"),
            )
            _seed(_key("freq", p), tie.get("frequency"))
            st.radio(
                tr("How often?"),
                list(survey.FREQUENCIES),
                key=_key("freq", p),
                horizontal=True,
                index=None,
                format_func=lambda f: _w(FREQUENCIES, f, lang),
            )
            for group, items, heading in (
                ("value", VALUE_ITEMS, tr("How valuable are they to the partnership?")),
                ("trust", TRUST_ITEMS, tr("How much do you trust them?")),
            ):
                st.markdown("**" + heading + "**")
                for item in items:
                    key = _key(group, p, item)
                    _seed(key, (tie.get(group) or {}).get(item))
                    st.radio(
                        _w(items, item, lang),
                        [1, 2, 3, 4],
                        key=key,
                        index=None,
                        horizontal=True,
                        format_func=_scale(SCALE, lang),
                    )

    def collect(direction):
        ties = [
            {
                "partner": t["partner"],
                "kinds": list(ss.get(_key("kinds", t["partner"])) or []),
                "frequency": ss.get(_key("freq", t["partner"])),
                "value": {i: ss.get(_key("value", t["partner"], i)) for i in VALUE_ITEMS},
                "trust": {i: ss.get(_key("trust", t["partner"], i)) for i in TRUST_ITEMS},
            }
            for t in doc.get("ties", [])
        ]
        missing = [names.get(t["partner"], t["partner"]) for t in ties if not t["kinds"] or not t["frequency"]]
        if direction == "next" and missing:
            raise _Stay(
                tr("Choose the kind of tie and how often for: {names}.", names="; ".join(missing))
            )  # names hold commas
        return {**doc, "ties": ties}, "partners" if direction == "back" else "influence"

    _nav(ws, access, collect)


def _influence(ws, access, doc, roster, names):
    ss, lang = st.session_state, state.lang()
    st.header(tr("How much influence does each have on the partnership's goals?"))
    st.caption(tr("0 = none, 5 = very much. Leave out those you cannot judge."))
    actors = list(names)
    for aid in actors:
        key = _key("infl", aid)
        _seed(key, (doc.get("influence") or {}).get(aid))
        st.radio(
            md(names[aid]), list(INFLUENCE), key=key, index=None, horizontal=True, format_func=_scale(INFLUENCE, lang)
        )

    def collect(direction):
        influence = {aid: ss[_key("infl", aid)] for aid in actors if ss.get(_key("infl", aid)) is not None}
        back = "ties" if doc.get("ties") else "partners"
        return {**doc, "influence": influence}, back if direction == "back" else "elements"

    _nav(ws, access, collect)


def _elements(ws, access, doc, roster, names):
    ss, lang = st.session_state, state.lang()
    st.header(tr("How far is each element of a good partnership in place?"))
    st.caption(
        tr(
            "The evaluation of Danish cross-sector partnerships names 19 decisive elements. Rate each from your own organisation's point of view; a comment is welcome but not needed."
        )
    )
    stored = doc.get("elements") or {}
    for group, numbers in ELEMENTS.items():
        st.subheader(group_text(group, lang))
        for n in numbers:
            with st.container(border=True, key=_key("element", n)):
                key = _key("el", n)
                _seed(key, (stored.get(str(n)) or {}).get("rating"))
                st.radio(
                    f"{n}. {element_text(n, lang)}",
                    [1, 2, 3, 4],
                    key=key,
                    index=None,
                    horizontal=True,
                    format_func=lambda r: f"{r} \u2013 {vocab.label(vocab.RATINGS, r, lang)}",
                )
                _seed(_key("note", n), (stored.get(str(n)) or {}).get("comment", ""))
                st.text_input(tr("Comment (optional)"), key=_key("note", n))

    def collect(direction):
        elements = {
            str(n): {"rating": ss.get(_key("el", n)), "comment": ss.get(_key("note", n)) or ""}
            for numbers in ELEMENTS.values()
            for n in numbers
        }
        return {**doc, "elements": elements}, "influence" if direction == "back" else "done"

    _nav(ws, access, collect, label=tr("Finish"))


def _done(ws, access, doc, roster, names):
    st.header(tr("Thank you!"))
    st.write(tr("Your answers are saved. The coordinator will share the results with the partnership."))
    st.caption(
        tr(
            "You can change your answers with the same link until {date}.",
            date=date(access.round.expires, state.lang()),
        )
    )
    _button(tr("Change my answers"), _key("again"), ws, access, lambda _direction: (doc, "partners"), "again")


PAGES = {step: globals()["_" + step] for step in STEPS}

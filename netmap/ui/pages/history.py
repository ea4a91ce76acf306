"""History: the revisions of the open network in words, newest first; show one as it was, or
restore it as a new revision."""

import streamlit as st

from netmap import history
from netmap.errors import NetmapError
from netmap.i18n import moment
from netmap.present.diff import edit_text, network_edit_lines, revision_lines
from netmap.ui import network_view, state, views
from netmap.ui.state import md, tr
from netmap.workspace import StaleEditError

name, net, rev = views.open_page(tr("History"))
lang, ws, ss = state.lang(), state.workspace(), st.session_state
editable = state.can_edit()
st.caption(
    tr(
        "Every saved change is a revision, newest first. Restoring a revision saves its content as a new revision: the current network stays in the history."
    )
)

# A restore asked for and confirmed: the stale-edit check uses the revision the user saw when
# they asked.
pending = ss.get("history_restore")
if pending and pending["network"] != name:
    pending = ss["history_restore"] = None


@st.cache_data(max_entries=32, show_spinner=False)
def _page(path, name, number, last, head, count):  # last, head, count: the history as it is now
    return history.page(state.workspace(), name, number)


total = history.pages(ws, name)
number = 1
if total > 1:
    if ss.get(f"history_page_{name}", 1) > total:  # fewer pages now: an edit after an undo dropped some
        ss[f"history_page_{name}"] = total
    number = st.number_input(tr("Page"), min_value=1, max_value=total, value=1, step=1, key=f"history_page_{name}")
    st.caption(tr("Page {page} of {pages}", page=number, pages=total))
revisions = _page(str(ws.path), name, number - 1, ws.revisions(name, limit=1)[0][0], rev, ws.count_revisions(name))
zone = state.timezone()

for item in revisions:
    with st.container(border=True, key=f"history_rev_{item.rev}"):
        head = tr("Revision {rev}", rev=item.rev) + " \u00b7 " + moment(item.saved, lang, zone)
        if item.author:
            head += " \u00b7 " + tr("by {author}", author=item.author)
        if item.state == "current":
            head += " \u00b7 " + tr("current")
        elif item.state == "undone":
            head += " \u00b7 " + tr("undone")
        st.markdown("**" + md(head) + "**")
        st.markdown("\n".join("- " + md(line) for line in revision_lines(item, lang)))
        buttons = st.container(horizontal=True)
        showing = ss.get("history_show") == (name, item.rev)
        if buttons.button(tr("Hide") if showing else tr("Show"), key=f"history_show_{item.rev}"):
            ss.history_show = None if showing else (name, item.rev)
            st.rerun()
        if (
            item.state != "current"
            and editable
            and buttons.button(tr("Restore as a new revision"), key=f"history_restore_{item.rev}")
        ):
            ss.history_restore = pending = {"network": name, "rev": item.rev, "base": state.acting_on()}
        if pending and pending["rev"] == item.rev:
            ask = tr(
                "Restore revision {rev}? The network becomes as it was then, saved as a new revision; the current network stays in the history.",
                rev=item.rev,
            )
            if ws.can_redo(name):
                ask += " " + tr(
                    "The undone revisions after the current one are dropped, as with any edit after an undo."
                )
            target = ws.load(name, item.rev)
            what = "\n".join("- " + md(line) for line in network_edit_lines(net, target, lang))
            st.warning(md(ask) + "\n\n" + md(tr("Restoring it changes:")) + "\n\n" + what)
            answer = st.container(horizontal=True)
            if answer.button(tr("Restore"), key="history_restore_confirm", type="primary"):
                ss.history_restore = None
                try:
                    saved = ws.restore(name, item.rev, expected_revision=pending["base"])
                except StaleEditError as exc:
                    state.flash("warning", exc.message(lang))
                except NetmapError as exc:
                    state.flash("error", exc.message(lang))
                else:
                    ss._shown[name] = saved
                    state.flash(
                        "success",
                        tr(
                            "Restored revision {old} as revision {rev}: {what}.",
                            old=item.rev,
                            rev=saved,
                            what=edit_text(net, target, lang),
                        )
                        if saved != pending["base"]
                        else tr(
                            "Nothing to restore: the network is already as it was in revision {old}.", old=item.rev
                        ),
                        toast=True,  # the revision restored may be far down the list
                    )
                state.reset_editors()
                st.rerun()
            if answer.button(tr("Cancel"), key="history_restore_cancel"):
                ss.history_restore = None
                st.rerun()
        if showing:
            network_view.show(ws.load(name, item.rev), key=f"history_net_{item.rev}")

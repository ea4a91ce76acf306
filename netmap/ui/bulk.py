"""Bulk edits of a table: shown as a summary, saved only after a confirmation."""

from __future__ import annotations

import streamlit as st

from netmap.i18n import ngettext

from . import state, views
from .state import md, tr

__all__ = ["show_summary", "confirm", "LIMIT"]

#: Rows listed in a summary; the rest are counted.
LIMIT = 30


def show_summary(changed, deleted, table="actors"):
    """Say what a bulk edit would do, row by row (``changed``, ``deleted`` from
    :func:`netmap.ui.edits.bulk_changes`), and that nothing is saved yet."""
    lang = state.lang()
    n = len(changed) + len(deleted)
    if table == "ties":
        head = ngettext(
            "This edit changes {n} tie at once. Nothing is saved until you confirm.",
            "This edit changes {n} ties at once. Nothing is saved until you confirm.",
            n,
            lang,
        )
    else:
        head = ngettext(
            "This edit changes {n} actor at once. Nothing is saved until you confirm.",
            "This edit changes {n} actors at once. Nothing is saved until you confirm.",
            n,
            lang,
        )
    lines = [f"- **{md(name)}**: {md('; '.join(texts))}" for name, texts in changed]
    gone = md(tr("deleted"))  # outside the f-string, where the catalogue's extractor finds it
    lines += [f"- **{md(name)}**: {gone}" for name in deleted]
    more = len(lines) - LIMIT
    lines = lines[:LIMIT]
    if more > 0:
        lines.append("- " + md(ngettext("… and {n} more", "… and {n} more", more, lang)))
    st.warning(md(head) + "\n\n" + "\n".join(lines))


def confirm(label, key):
    """A confirmation button (``label`` in the user's language) and a cancel button that
    restores the table; True when the user confirmed in this run. Until then the sidebar says
    that the change is not saved yet."""
    views.not_saved()
    left, right = st.columns(2)
    ok = left.button(label, key=key, type="primary")
    if right.button(tr("Cancel"), key=f"{key}_cancel"):
        state.reset_editors()
        st.rerun()
    return ok

"""The quick forms' bookkeeping: a form clears after it succeeds, and the same entry sent twice
in a row (a double click) is added once."""

from __future__ import annotations

import time

import streamlit as st

__all__ = ["REPEAT_SECONDS", "repeated", "succeeded", "clear", "start"]

#: The same entry sent again within this many seconds is taken for a double submit.
REPEAT_SECONDS = 5.0


def repeated(form, entry):
    """Whether ``entry`` (the form's values, a dict) is the one this session last added with
    ``form`` less than :data:`REPEAT_SECONDS` ago."""
    last = st.session_state.get("_last_added", {}).get(form)
    return last is not None and last[0] == entry and time.monotonic() - last[1] < REPEAT_SECONDS


def succeeded(form, entry, defaults):
    """Note that ``entry`` was added with ``form`` now, and clear the form in the next run
    (``defaults``: ``{widget key: value it starts with}``)."""
    st.session_state.setdefault("_last_added", {})[form] = (entry, time.monotonic())
    clear(form, defaults)


def clear(form, defaults):
    """Show ``form`` with its widgets at ``defaults`` in the next run (call :func:`start` before
    the form is drawn; a widget's value cannot change once drawn in a run)."""
    st.session_state.setdefault("_form_reset", {})[form] = dict(defaults)


def start(form):
    """Put the widgets of ``form`` back to their defaults when the last run asked for it."""
    for key, value in st.session_state.get("_form_reset", {}).pop(form, {}).items():
        st.session_state[key] = value

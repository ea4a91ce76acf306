"""The quick forms' bookkeeping: a form clears after it succeeds, and the same entry sent twice
in a row (a double click) is added once."""

from __future__ import annotations

import time

import streamlit as st

__all__ = ["REPEAT_SECONDS", "repeated", "succeeded"]

#: The same entry sent again within this many seconds is taken for a double submit.
REPEAT_SECONDS = 5.0


def repeated(form, entry):
    """Whether ``entry`` (the form's values, a dict) is the one this session last added with
    ``form`` less than :data:`REPEAT_SECONDS` ago."""
    last = st.session_state.get("_last_added", {}).get(form)
    return last is not None and last[0] == entry and time.monotonic() - last[1] < REPEAT_SECONDS


def succeeded(form, entry, keys):
    """Note that ``entry`` was added with ``form`` now, and clear the form's widgets (``keys``),
    so they show their defaults in the next run."""
    st.session_state.setdefault("_last_added", {})[form] = (entry, time.monotonic())
    for key in keys:
        st.session_state.pop(key, None)

"""A new step of a form spread over several screens starts at its top: Streamlit keeps the scroll
position across runs, so the partner who pressed "Next" at the bottom of one step saw the bottom
of the next. The step's title also takes the focus, so that a screen reader reads it out.

A Streamlit components v2 element with no content of its own; it acts when its ``step`` changes."""

from __future__ import annotations

import functools

import streamlit as st

__all__ = ["at_top"]

_JS = """
export default function ({ data, parentElement }) {
  const host = parentElement.host || parentElement;
  if (host.dataset.step === String(data.step)) return; // the same step drawn again: stay
  const first = host.dataset.step === undefined;
  host.dataset.step = String(data.step);
  if (first) return; // a page just opened starts at its top anyway
  for (const box of [document.querySelector('[data-testid="stMain"]'), document.scrollingElement]) {
    if (box) box.scrollTop = 0;
  }
  const title = document.querySelector("h1");
  if (title) {
    title.setAttribute("tabindex", "-1");
    title.focus({ preventScroll: true });
  }
}
"""


@functools.cache
def _component():
    return st.components.v2.component("netmap_page_top", js=_JS)


def at_top(key, step):
    """Scroll to the top, and focus the page's title, when ``step`` differs from the last run's."""
    _component()(key=key, data={"step": step})

"""The open dialog's first field takes the focus: when the dialog opens, and again when its form
is cleared after an add, so that a keyboard user types the next name at once (the WAI-ARIA
dialog pattern). Streamlit focuses the dialog itself, and the first Tab then lands on its close
button, labelled "Close" in every language; this also names that button in the user's language.

A Streamlit components v2 element with no content of its own, at the end of the dialog: its
script finds the dialog it sits in."""

from __future__ import annotations

import functools

import streamlit as st

from . import forms
from .state import tr

__all__ = ["first_field"]

_JS = """
export default function ({ data, parentElement }) {
  const host = parentElement.host || parentElement;
  const dialog = host.closest('[role="dialog"]');
  if (!dialog) return;
  const close = dialog.querySelector('button[aria-label="Close"]');
  if (close) close.setAttribute("aria-label", data.close);
  if (host.dataset.focused === String(data.gen)) return; // this form had its focus already
  host.dataset.focused = String(data.gen);
  // Streamlit moves the focus to the dialog as it opens, after this runs: for 2 seconds, the
  // field takes it back whenever the focus is on the dialog itself or outside it, never from
  // another control of the dialog that the user went to.
  // The form's first element: its other fields can be drawn before it (a text field's code may
  // still be loading while the lists below it are shown).
  const until = performance.now() + 2000;
  const step = () => {
    const first = dialog.querySelector('[data-testid="stForm"] [data-testid="stElementContainer"]');
    const field = first && first.querySelector('input:not([type="hidden"]):not([disabled]), textarea');
    const active = document.activeElement;
    if (field && active !== field && (!dialog.contains(active) || active === dialog)) field.focus();
    if (performance.now() < until) requestAnimationFrame(step);
  };
  step();
}
"""


@functools.cache
def _component():
    return st.components.v2.component("netmap_dialog_focus", js=_JS)


def first_field(form):
    """Give the first field of quick ``form``'s dialog the focus (call it inside the dialog)."""
    _component()(key=f"dialog_focus_{form}", data={"gen": forms.generation(form), "close": tr("Close")})

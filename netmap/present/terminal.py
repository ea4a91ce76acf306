"""Text for a terminal: what a file says is shown, never obeyed.

A name or value from a file can hold escape sequences (set the window title, clear the screen)
or bidirectional overrides; :func:`safe_text` shows each such character as an escape
(``\\x1b``, ``\\u202e``) so a message prints as the characters it holds.
"""

from __future__ import annotations

import re

__all__ = ["safe_text"]

# C0 controls, DEL, C1 controls, bidirectional overrides and isolates, line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_text(text: str, keep: str = "\n") -> str:
    """``text`` with every control character but those in ``keep`` shown as an escape.

    >>> safe_text("Jens\\x1b]0;owned\\x07 Hansen")
    'Jens\\\\x1b]0;owned\\\\x07 Hansen'
    >>> safe_text("one\\ntwo", keep="")
    'one\\\\x0atwo'
    """
    text = str(text)
    if text.isprintable():
        return text
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)

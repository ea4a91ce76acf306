"""The meeting report as one print-ready HTML file: A4 print CSS with page numbers, pictures as
data URIs, no script and nothing loaded from anywhere (its Content-Security-Policy allows only
inline styles and data: images)."""

from __future__ import annotations

import base64

from .. import assets
from .document import Bullets, Heading, Para, Picture, Report, Table

__all__ = ["render"]

_KINDS = {Heading: "heading", Para: "para", Bullets: "bullets", Picture: "picture", Table: "table"}


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def render(report: Report) -> bytes:
    """The HTML page (UTF-8 bytes)."""
    blocks = []
    for b in report.blocks:
        kind = _KINDS[type(b)]
        blocks.append({"kind": kind, "b": b, "src": _data_uri(b.png) if kind == "picture" else ""})
    text = assets.render("report.html.j2", r=report, blocks=blocks, page_counter=_page_counter(report.page_word))
    return text.encode("utf-8")


def _page_counter(page_word: str) -> str:
    """The CSS ``content`` of the page margin: ``Page {n} of {total}`` with the page counters."""
    before, _, rest = page_word.partition("{n}")
    middle, _, after = rest.partition("{total}")
    return f'"{_css_string(before)}" counter(page) "{_css_string(middle)}" counter(pages) "{_css_string(after)}"'


def _css_string(text: str) -> str:
    """Text for a CSS string: every character but letters, digits and spaces as an escape."""
    return "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text)

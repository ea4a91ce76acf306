"""The meeting report as a PDF (fpdf2): A4, page numbers, bookmarks for the headings, tables whose
rows never split across pages (a row that does not fit starts the next page, under the headings
again), and DejaVu Sans embedded so that æ, ø, å and the map's marks print.

The font comes with matplotlib (``mpl-data/fonts/ttf``, found through
:func:`matplotlib.get_data_path`); its licence (Bitstream Vera, public-domain DejaVu changes, in
``LICENSE_DEJAVU`` beside it) allows embedding and distribution.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

from .document import Bullets, Heading, Para, Picture, Report, Table

__all__ = ["render", "font_files"]

_FAMILY = "DejaVu"
_SIZES = {1: 15, 2: 12}
_LINE = 5.0  # mm per line of body text


def font_files() -> dict:
    """``{style: path}`` of the embedded font: DejaVu Sans regular ("") and bold ("B")."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {"": folder / "DejaVuSans.ttf", "B": folder / "DejaVuSans-Bold.ttf"}


def _png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _pdf(report: Report):
    from fpdf import FPDF

    class _Doc(FPDF):
        def footer(self):
            self.set_y(-14)
            self.set_font(_FAMILY, "", 8)
            self.set_text_color(68, 68, 68)
            self.cell(0, 6, report.page_word.format(n=self.page_no(), total="{nb}"), align="C")
            self.set_text_color(26, 26, 26)

    pdf = _Doc(format="A4", unit="mm")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=22)
    for style, path in font_files().items():
        pdf.add_font(_FAMILY, style, str(path))
    pdf.set_title(report.title)
    pdf.set_lang(report.lang)
    pdf.set_creator("netmap")
    return pdf


def _room(pdf, height):
    """Start a new page unless ``height`` mm fit on this one."""
    if pdf.get_y() + height > pdf.h - pdf.b_margin:
        pdf.add_page()


def _heading(pdf, b: Heading):
    _room(pdf, 45)  # a heading never ends a page alone
    pdf.ln(3 if b.level > 1 else 5)
    pdf.start_section(b.text, level=b.level - 1)
    pdf.set_font(_FAMILY, "B", _SIZES.get(b.level, 11))
    pdf.multi_cell(0, 7, b.text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _para(pdf, b: Para):
    size = 8.5 if b.style == "note" else 10
    indent = 6 if b.style == "advice" else 0
    pdf.set_left_margin(20 + indent)
    pdf.set_x(20 + indent)
    if b.lead:
        pdf.set_font(_FAMILY, "B", size)
        pdf.write(_LINE, b.lead + " ")
    pdf.set_font(_FAMILY, "", size)
    pdf.write(_LINE, b.text)
    pdf.ln(_LINE + 1.5)
    pdf.set_left_margin(20)


def _bullets(pdf, b: Bullets):
    pdf.set_font(_FAMILY, "", 9.5)
    for text in b.items:
        pdf.set_x(24)
        pdf.multi_cell(0, _LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _picture(pdf, b: Picture):
    w_px, h_px = _png_size(b.png)
    width = min(b.width_mm, pdf.epw)
    height = width * h_px / w_px
    _room(pdf, height + 10)
    pdf.image(io.BytesIO(b.png), x=pdf.l_margin, w=width, h=height, alt_text=b.alt)
    if b.caption:
        pdf.set_font(_FAMILY, "", 8.5)
        pdf.multi_cell(0, 4.5, b.caption, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


#: A table cell's padding (mm).
_PADDING = 1


def _widths(pdf, b: Table) -> list[float]:
    """The columns' widths (mm): ``b.widths`` as shares of the page, each column then made wide
    enough for its longest word (headings in bold), taken from the columns with room to spare, so
    that no word is split ("Brobygnin-g" in a Danish heading). As shares when the words cannot all fit."""
    shares = b.widths or (1,) * len(b.headers)
    width = [pdf.epw * s / sum(shares) for s in shares]

    def longest(texts, style):
        pdf.set_font(_FAMILY, style, 8.5)
        return max((pdf.get_string_width(w) for t in texts for w in str(t).split()), default=0)

    need = [
        max(longest([h], "B"), longest([r[i] for r in b.rows], "")) + 2 * _PADDING + 0.5
        for i, h in enumerate(b.headers)
    ]
    pdf.set_font(_FAMILY, "", 8.5)
    short = sum(max(n - w, 0) for n, w in zip(need, width, strict=True))
    spare = sum(max(w - n, 0) for n, w in zip(need, width, strict=True))
    if not short or short > spare:
        return width
    return [n if n >= w else w - (w - n) * short / spare for n, w in zip(need, width, strict=True)]


def _table(pdf, b: Table):
    from fpdf.fonts import FontFace

    _room(pdf, 25)
    pdf.set_font(_FAMILY, "B", 9.5)
    pdf.multi_cell(0, 6, b.caption, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(_FAMILY, "", 8.5)
    align = tuple("RIGHT" if i in b.numeric else "LEFT" for i in range(len(b.headers)))
    with pdf.table(
        col_widths=_widths(pdf, b),
        text_align=align,
        line_height=4.6,
        padding=_PADDING,
        headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
        repeat_headings=1,
        width=pdf.epw,
    ) as table:
        table.row([str(h) for h in b.headers])
        for r in b.rows:
            table.row([str(c) for c in r])
    pdf.ln(3)


_RENDER = {Heading: _heading, Para: _para, Bullets: _bullets, Picture: _picture, Table: _table}


def render(report: Report) -> bytes:
    """The PDF file's bytes. A character DejaVu Sans lacks (Chinese, emoji) is left out, as
    README says, without fpdf2's log line about it."""
    import logging

    logging.getLogger("fpdf.output").setLevel(logging.ERROR)
    pdf = _pdf(report)
    pdf.add_page()
    pdf.set_font(_FAMILY, "B", 20)
    pdf.multi_cell(0, 10, report.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(_FAMILY, "", 10)
    pdf.set_text_color(68, 68, 68)
    for line in report.subtitle:
        pdf.multi_cell(0, _LINE, line, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(26, 26, 26)
    pdf.ln(4)
    for b in report.blocks:
        _RENDER[type(b)](pdf, b)
    return bytes(pdf.output())

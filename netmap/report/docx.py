"""The meeting report as a Word document (python-docx) that the coordinator can edit before the
meeting: real headings (Title, Heading 1, Heading 2), real tables whose heading row repeats on a
new page and whose rows do not split, pictures with alternative text, A4 with page numbers in
the footer, and the document's language set (da-DK or en-GB) for the spelling checker."""

from __future__ import annotations

import io

from .document import Bullets, Heading, Para, Picture, Report, Table

__all__ = ["render"]

_LANGUAGES = {"da": "da-DK", "en": "en-GB"}


def _on(element, tag, **attrs):
    """Add a WordprocessingML element ``tag`` (``w:...``) with ``attrs`` under ``element``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    child = OxmlElement(tag)
    for k, v in attrs.items():
        child.set(qn(k), v)
    element.append(child)
    return child


def _setup(doc, report: Report):
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10)
    rpr = normal.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = _on(rpr, "w:lang")
    lang.set(qn("w:val"), _LANGUAGES.get(report.lang, "en-GB"))
    doc.core_properties.title = report.title
    doc.core_properties.language = _LANGUAGES.get(report.lang, "en-GB")
    doc.core_properties.author = "netmap"
    _footer(section, report.page_word)


def _field(paragraph, instruction):
    """A field (PAGE, NUMPAGES) that Word fills in when it lays the pages out."""
    run = paragraph.add_run()
    _on(run._r, "w:fldChar", **{"w:fldCharType": "begin"})
    text = _on(run._r, "w:instrText", **{"xml:space": "preserve"})
    text.text = f" {instruction} "
    _on(run._r, "w:fldChar", **{"w:fldCharType": "separate"})
    run.add_text("1")
    _on(run._r, "w:fldChar", **{"w:fldCharType": "end"})


def _footer(section, page_word):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = page_word.partition("{n}")
    middle, _, after = rest.partition("{total}")
    p.add_run(before)
    _field(p, "PAGE")
    p.add_run(middle)
    _field(p, "NUMPAGES")
    p.add_run(after)


def _para(doc, b: Para):
    from docx.shared import Mm, Pt

    p = doc.add_paragraph(style="Quote" if b.style == "advice" else None)
    if b.lead:
        p.add_run(b.lead + " ").bold = True
    run = p.add_run(b.text)
    if b.style == "note":
        run.font.size = Pt(8.5)
    if b.style == "advice":
        p.paragraph_format.left_indent = Mm(6)


def _picture(doc, b: Picture):
    from docx.shared import Mm

    doc.add_picture(io.BytesIO(b.png), width=Mm(b.width_mm))
    shape = doc.inline_shapes[-1]
    shape._inline.docPr.set("descr", b.alt)  # the alternative text a screen reader reads
    if b.caption:
        doc.add_paragraph(b.caption, style="Caption")


def _table(doc, b: Table):
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    doc.add_paragraph(b.caption, style="Caption").paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=len(b.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = table.rows[0]
    _on(head._tr.get_or_add_trPr(), "w:tblHeader")  # repeated at the top of each page
    for cell, text in zip(head.cells, b.headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(str(text)).bold = True
    for r in b.rows:
        row = table.add_row()
        _on(row._tr.get_or_add_trPr(), "w:cantSplit")  # a row stays on one page
        for i, (cell, text) in enumerate(zip(row.cells, r, strict=True)):
            cell.text = str(text)
            if i in b.numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _on(head._tr.get_or_add_trPr(), "w:cantSplit")
    if b.widths:
        total = sum(b.widths)
        for i, w in enumerate(b.widths):
            for cell in table.columns[i].cells:
                cell.width = Mm(170 * w / total)
    doc.add_paragraph()


def render(report: Report) -> bytes:
    """The .docx file's bytes."""
    import docx
    from docx.shared import Mm

    doc = docx.Document()
    _setup(doc, report)
    doc.add_heading(report.title, level=0)
    for line in report.subtitle:
        doc.add_paragraph(line, style="Subtitle" if line is report.subtitle[0] else None)
    for b in report.blocks:
        if isinstance(b, Heading):
            doc.add_heading(b.text, level=b.level)
        elif isinstance(b, Para):
            _para(doc, b)
        elif isinstance(b, Bullets):
            for text in b.items:
                doc.add_paragraph(text).paragraph_format.left_indent = Mm(6)
        elif isinstance(b, Picture):
            _picture(doc, b)
        elif isinstance(b, Table):
            _table(doc, b)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()

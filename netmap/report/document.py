"""The meeting report's structure: one list of blocks that each format (DOCX, PDF, HTML) lays out.

The blocks hold finished texts (made in :mod:`netmap.present.meeting`) and pictures (PNG bytes,
:mod:`netmap.report.pictures`); a renderer only chooses fonts, spacing and page furniture, so the
three formats cannot say different things.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Heading", "Para", "Bullets", "Picture", "Table", "Report"]


@dataclass(frozen=True)
class Heading:
    """A heading; ``level`` 1 for a section, 2 for a part of one."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    """A paragraph. ``lead`` (optional) is set in bold before the text; ``style`` is ``body``,
    ``advice`` (what the partnership can do, set off from the flag) or ``note`` (small print)."""

    text: str
    lead: str = ""
    style: str = "body"


@dataclass(frozen=True)
class Bullets:
    """A list whose items begin with their own mark (``+``, ``−``, ``Δ``), so no bullet is added."""

    items: tuple


@dataclass(frozen=True)
class Picture:
    """A PNG picture, ``width_mm`` wide on the page, with its alternative text and caption."""

    png: bytes
    width_mm: float
    alt: str
    caption: str = ""


@dataclass(frozen=True)
class Table:
    """A table: ``headers`` and ``rows`` of texts; ``numeric`` holds the (0-based) columns that
    align right; ``widths`` the relative column widths."""

    caption: str
    headers: tuple
    rows: tuple
    numeric: tuple = ()
    widths: tuple = ()


@dataclass
class Report:
    """A whole report: the title page's texts, the blocks, and the words of the page furniture."""

    lang: str
    title: str
    subtitle: tuple
    blocks: list = field(default_factory=list)
    page_word: str = "Page {n} of {total}"  # filled by the renderer ({n}, {total})

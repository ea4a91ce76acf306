"""The meeting report: one document for the steering group, as DOCX, PDF or HTML.

:func:`build_report` analyses a network (and, optionally, earlier versions of it), draws the map
and the charts (:mod:`.pictures`) and has :func:`netmap.present.meeting.report_document` put it
into words: one :class:`~.document.Report`. :func:`render` lays that one structure out in the
format a file name asks for (:mod:`.docx`, :mod:`.pdf`, :mod:`.html`), so the formats cannot
disagree. Every format is A4 with page numbers, and no table row is split across pages.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from ..analysis import analyze
from ..errors import InputError
from ..model import Network
from .document import Report

__all__ = ["build_report", "render", "write_report", "check_output", "map_picture", "FORMATS"]

#: File suffix -> module that renders it.
FORMATS = {".docx": "docx", ".pdf": "pdf", ".html": "html"}


def check_output(path) -> Path:
    """The output path, when a report can be written there: a .docx, .pdf or .html file in a
    folder that exists. Raises InputError otherwise, before anything is computed or written."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise InputError('the report must be written to a .docx, .pdf or .html file (got "{value}")', value=str(path))
    if not path.parent.is_dir():
        raise InputError('the folder of "{value}" does not exist', value=str(path))
    return path


def _version_label(net: Network, i: int) -> str:
    return str(net.date or net.name or i + 1)


def _map(net, report, lang, pseudonymised, seed, width_mm):
    from ..layout import layout
    from ..present import mapview, meeting
    from . import pictures

    view = mapview.network_view(net, report, "sector", "degree", "degree", lang, pseudonymised)
    legend = meeting.map_legend(view, lang, len(pictures.labelled(report)), len(net.actors))
    return pictures.map_png(net, report, view, legend, layout(net, seed=seed), width_mm=width_mm)


def map_picture(
    net: Network,
    lang: str = "en",
    *,
    pseudonymise: bool = False,
    key: str | bytes | None = None,
    seed: int = 0,
    width_mm: float = 170,
) -> bytes:
    """The printed map of ``net`` with its legend, as PNG bytes (the app's PNG download), citizens
    pseudonymised first when asked (as in :func:`build_report`)."""
    if pseudonymise:
        from ..privacy import Pseudonymiser

        net = Pseudonymiser(net, key=key).network(net)
    return _map(net, analyze(net, seed=seed), lang, pseudonymise, seed, width_mm)


def build_report(
    net: Network,
    lang: str = "en",
    earlier: list[Network] | tuple = (),
    *,
    pseudonymise: bool = False,
    key: str | bytes | None = None,
    today: datetime.date | None = None,
    seed: int = 0,
    survey: dict | None = None,
) -> Report:
    """The meeting report of ``net`` in ``lang``.

    ``earlier`` are earlier versions in time order (files or snapshots): the report then says what
    changed since the last of them and charts the partnership indicators over all of them and
    ``net``. With ``pseudonymise``, citizens are replaced by pseudonyms in every version first
    (:class:`netmap.privacy.Pseudonymiser`, one key for all). ``survey``: the results of the
    newest closed survey round (:func:`netmap.survey.results`), the partners' own view of Table
    7.1 and their trust and value (no names: nothing to pseudonymise).
    """
    from ..compare import compare, series
    from ..present import meeting
    from ..present.report import document
    from . import pictures

    earlier = list(earlier)
    if pseudonymise:
        from ..privacy import Pseudonymiser

        scrub = Pseudonymiser(net, *earlier, key=key)
        net, earlier = scrub.network(net), [scrub.network(e) for e in earlier]
    report = analyze(net, seed=seed)
    flags = document(report, lang)["flags"]
    map_png = _map(net, report, lang, pseudonymise, seed, meeting.PAGE_WIDTH_MM)
    diff = ser = chart = None
    if earlier:
        diff = compare(earlier[-1], net)
        versions = [*earlier, net]
        ser = series([(_version_label(v, i), v) for i, v in enumerate(versions)])
        chart = pictures.series_png(meeting.series_texts(ser, lang), ser["indicators"])
    return meeting.report_document(
        net,
        report,
        flags,
        map_png,
        lang,
        diff=diff,
        series=ser,
        chart_png=chart,
        today=today,
        pseudonymised=pseudonymise,
        survey=survey,
    )


def render(report: Report, suffix: str) -> bytes:
    """The report as the bytes of a ``.docx``, ``.pdf`` or ``.html`` file."""
    import importlib

    module = importlib.import_module(f".{FORMATS[suffix.lower()]}", __name__)
    return module.render(report)


def write_report(report: Report, path) -> Path:
    """Write the report to ``path`` (its suffix chooses the format); the file appears whole or not
    at all (:func:`netmap.writing.write_bytes`)."""
    from ..writing import write_bytes

    path = check_output(path)
    write_bytes(render(report, path.suffix), path)
    return path
